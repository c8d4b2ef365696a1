// The far cheek band's figures (bench/farBand.ts): grad (outer quarter over 40-65% luma), detail (over the near side's), seam (largest 2-px step). Pure.
import { ridgeXAt } from '../src/avatar/ridgeSideReveal.ts';
import { FACE_OVAL } from '../src/rig/topology.ts';
import type { RgbaImage } from '../src/types.ts';

/** The oval's crossing of row y on `side` (-1: leftmost, 1: rightmost), or undefined. Pure. */
export function outlineX(oval: [number, number][], y: number, side: number): number | undefined {
  let best: number | undefined;
  for (let i = 0; i < oval.length; i++) {
    const [x0, y0] = oval[i]!, [x1, y1] = oval[(i + 1) % oval.length]!;
    if ((y0 - y) * (y1 - y) > 0 || y0 === y1) continue;
    const x = x0 + ((y - y0) / (y1 - y0)) * (x1 - x0);
    if (best === undefined || side * (x - best) > 0) best = x;
  }
  return best;
}

/** grad, detail, seam (see farBand.ts) and light: the far band's mean luma (outline -> 65 % in) over the near band's (s59 turn59: the pale wedge). */
export function bandFigures(img: RgbaImage, lm: [number, number, number][], side: number): { grad: number; light: number; detail: number; seam: number; rows: number } {
  const w = img.width, h = img.height, d = img.data;
  const L = (x: number, y: number) => { const i = (Math.min(h - 1, Math.max(0, y)) * w + Math.min(w - 1, Math.max(0, x))) * 4; return 0.3 * d[i]! + 0.59 * d[i + 1]! + 0.11 * d[i + 2]!; };
  const box = (x: number, y: number, rx: number, ry: number) => { let s = 0, c = 0; for (let dy = -ry; dy <= ry; dy++) for (let dx = -rx; dx <= rx; dx++) { s += L(x + dx, y + dy); c++; } return s / c; };
  const oval = FACE_OVAL.map((i) => [lm[i]![0], lm[i]![1]] as [number, number]);
  const flat = lm.flatMap((p) => [p[0], p[1], 0]);
  const y0 = Math.round((lm[159]![1] + lm[386]![1]) / 2 + 0.04 * Math.hypot(lm[234]![0] - lm[454]![0], lm[234]![1] - lm[454]![1]));
  const mouthY = (lm[61]![1] + lm[291]![1]) / 2, y1 = Math.round((mouthY + lm[152]![1]) / 2);
  let outer = 0, inner = 0, detFar = 0, nFar = 0, detNear = 0, nNear = 0, seam = 0, rows = 0, lumFar = 0, lumNear = 0;
  for (let y = y0; y <= y1; y++) {
    const ridge = ridgeXAt(flat, y + 0.5), xo = outlineX(oval, y + 0.5, side), xn = outlineX(oval, y + 0.5, -side);
    if (xo === undefined || xn === undefined || side * (xo - ridge) < 8) continue;
    const at = (f: number, from: number) => Math.round(from + f * (ridge - from));
    let so = 0, co = 0, si = 0, ci = 0;
    const a0 = at(0, xo), a25 = at(0.25, xo), a40 = at(0.4, xo), a65 = at(0.65, xo);
    for (let x = Math.min(a0, a65); x <= Math.max(a0, a65); x++) {
      const f = (x - xo) / (ridge - xo);
      if (d[(y * w + x) * 4 + 3]! < 250) continue;
      const l = L(x, y);
      if (f <= 0.25) { so += l; co++; }
      if (f >= 0.4) { si += l; ci++; }
      detFar += Math.abs(l - box(x, y, 1, 1)); nFar++; lumFar += l;
    }
    for (let x = Math.min(at(0, xn), at(0.65, xn)); x <= Math.max(at(0, xn), at(0.65, xn)); x++) {
      if (d[(y * w + x) * 4 + 3]! < 250) continue;
      detNear += Math.abs(L(x, y) - box(x, y, 1, 1)); nNear++; lumNear += L(x, y);
    }
    if (!co || !ci) continue;
    outer += so / co; inner += si / ci;
    let step = 0;
    const s0 = a0 - 2 * side; // from 2 px inside the outline
    for (let x = Math.min(s0, a40); x + 2 <= Math.max(s0, a40); x++) step = Math.max(step, Math.abs(box(x + 2, y, 1, 2) - box(x, y, 1, 2)));
    seam += step; rows++;
    void a25;
  }
  return { grad: outer / Math.max(1e-6, inner), light: (lumFar / Math.max(1, nFar)) / Math.max(1e-6, lumNear / Math.max(1, nNear)), detail: (detFar / Math.max(1, nFar)) / Math.max(1e-6, detNear / Math.max(1, nNear)), seam: seam / Math.max(1, rows), rows };
}

