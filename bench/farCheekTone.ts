// The revealed far cheek's tone and shading against the photo's same cheek (issue #15, s49 palemask49: lp_s10's pale flat
// mask at +25). Per portrait and yaw: the far half's cheek (inside the oval, past 0.06 face widths of the nose ridge, eye to
// mouth rows) as rendered, in CIELAB: mean L*, mean chroma C*, shading = sd of the 9x9-mean L* (broad light and shade),
// detail = mean |L* - its 3x3 mean|; the rest frame's figures are the photo's (the side the yaw shows, read at rest).
//   node --import tsx bench/farCheekTone.ts [--root DIR] [--yaws -25,25] [names...]
import { turnArgs, turnedFrame, turnRenderers, type TurnRenderer } from './turnBench.ts';
import { ridgeXAt } from '../src/avatar/ridgeSideReveal.ts';
import { insidePolygon } from '../src/math/polygon.ts';
import { FACE_OVAL } from '../src/rig/topology.ts';
import type { RgbaImage } from '../src/types.ts';

const { root, yaws, names } = turnArgs('-25,25', ['lp_s10.jpg', 'lp_s12.jpg', 'mt_man.png']);
const lin = (c: number) => { const s = c / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
function lab(img: RgbaImage, i: number): [number, number, number] {
  const r = lin(img.data[i * 4]!), g = lin(img.data[i * 4 + 1]!), b = lin(img.data[i * 4 + 2]!);
  const X = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.9505, Y = 0.2126 * r + 0.7152 * g + 0.0722 * b, Z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.089;
  return [116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))];
}
function cheekFigures(r: TurnRenderer, yaw: number, side: number) {
  const frame = turnedFrame(r, yaw), img = r.render(frame), lm = r.landmarks(frame);
  const w = img.width, h = img.height;
  const oval = FACE_OVAL.map((i) => [lm[i]![0], lm[i]![1]] as [number, number]);
  const fw = Math.hypot(lm[234]![0] - lm[454]![0], lm[234]![1] - lm[454]![1]), flat = lm.flatMap((p) => [p[0], p[1], 0]);
  const y0 = (lm[159]![1] + lm[386]![1]) / 2 + 0.04 * fw, y1 = (lm[61]![1] + lm[291]![1]) / 2;
  const L = new Float32Array(w * h), mask = new Uint8Array(w * h);
  let sL = 0, sC = 0, n = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x, [l, a, b] = lab(img, i);
    L[i] = l;
    if (y + 0.5 < y0 || y + 0.5 > y1 || !insidePolygon(x + 0.5, y + 0.5, oval)) continue;
    const off = x + 0.5 - ridgeXAt(flat, y + 0.5);
    if (side * off < 0.06 * fw || img.data[i * 4 + 3]! < 250) continue; // side -1: image left
    mask[i] = 1; sL += l; sC += Math.hypot(a, b); n++;
  }
  const box = (i: number, r2: number) => { let s = 0, c = 0; const x = i % w, y = (i / w) | 0; for (let dy = -r2; dy <= r2; dy++) for (let dx = -r2; dx <= r2; dx++) { const xx = x + dx, yy = y + dy; if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue; s += L[yy * w + xx]!; c++; } return s / c; };
  const broad: number[] = []; let detail = 0;
  for (let i = 0; i < w * h; i++) if (mask[i]) { broad.push(box(i, 4)); detail += Math.abs(L[i]! - box(i, 1)); }
  const bm = broad.reduce((a, b) => a + b, 0) / Math.max(1, broad.length);
  const sd = Math.sqrt(broad.reduce((a, b) => a + (b - bm) ** 2, 0) / Math.max(1, broad.length));
  return `L ${(sL / n).toFixed(1)} C ${(sC / n).toFixed(1)} shade ${sd.toFixed(2)} detail ${(detail / n).toFixed(2)} n ${n}`;
}
for await (const r of turnRenderers(root, names)) {
  const cells = yaws.map((yaw) => { const side = yaw > 0 ? -1 : 1; return `${yaw > 0 ? '+' : ''}${yaw}: ${cheekFigures(r, yaw, side)} [photo ${cheekFigures(r, 0, side)}]`; });
  console.log(root.split('/').pop()!.padEnd(10), r.name.padEnd(13), cells.join(' | '));
}
process.exit(0);
