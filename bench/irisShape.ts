// The shape and colour of a (moved) iris in an eye texture (bench/glanceIrisKeep.ts, test/roundIris.test.ts).
import { luminance } from '../src/math/colour.ts';
import { distanceToOutline, insidePolygon } from '../src/math/polygon.ts';

const lum = (c: number) => luminance(c & 255, (c >>> 8) & 255, (c >>> 16) & 255);

export interface Read { col: number[]; rag: number; far: number; n: number }

/** One eye's read: `at(x, y)` the packed colour of texel (x, y), `poly` the opening, the centre, ring, dark cut. */
export function readIris(at: (x: number, y: number) => number, poly: [number, number][], cx: number, cy: number, ring: number, cut: number): Read {
  const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
  const x0 = Math.floor(Math.min(...xs)), x1 = Math.ceil(Math.max(...xs)), y0 = Math.floor(Math.min(...ys)), y1 = Math.ceil(Math.max(...ys));
  const W = x1 - x0 + 1, H = y1 - y0 + 1, dark = new Uint8Array(W * H), inside = new Uint8Array(W * H);
  const col = [0, 0, 0];
  let cn = 0;
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
    if (!insidePolygon(x + 0.5, y + 0.5, poly)) continue;
    const k = (y - y0) * W + x - x0, c = at(x, y);
    inside[k] = 1;
    // dark within 1.6 rings of the centre: the lid's shade band along the opening is not the iris's edge
    if (lum(c) < cut && Math.hypot(x + 0.5 - cx, y + 0.5 - cy) < 1.6 * ring) dark[k] = 1;
    if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) < ring) { col[0] += c & 255; col[1] += (c >>> 8) & 255; col[2] += (c >>> 16) & 255; cn++; }
  }
  // the dark blob nearest the centre
  let seed = -1, best = 1e9;
  for (let k = 0; k < W * H; k++) if (dark[k]) { const d = Math.hypot(x0 + (k % W) + 0.5 - cx, y0 + Math.floor(k / W) + 0.5 - cy); if (d < best) { best = d; seed = k; } }
  const blob = new Uint8Array(W * H), stack = seed >= 0 ? [seed] : [];
  if (seed >= 0) blob[seed] = 1;
  while (stack.length) {
    const k = stack.pop()!, i = k % W, j = Math.floor(k / W);
    for (const [di, dj] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
      const a = i + di!, b = j + dj!, q = b * W + a;
      if (a >= 0 && b >= 0 && a < W && b < H && dark[q] && !blob[q]) { blob[q] = 1; stack.push(q); }
    }
  }
  let n = 0, mx = 0, my = 0, far = 0;
  for (let k = 0; k < W * H; k++) if (blob[k]) { n++; const x = x0 + (k % W) + 0.5, y = y0 + Math.floor(k / W) + 0.5; mx += x; my += y; if (Math.hypot(x - cx, y - cy) > 1.3 * ring) far++; }
  mx /= Math.max(1, n); my /= Math.max(1, n);
  const radii: number[] = [];
  for (let k = 0; k < W * H; k++) {
    if (!blob[k]) continue;
    const i = k % W, j = Math.floor(k / W), x = x0 + i + 0.5, y = y0 + j + 0.5;
    const edge = [[1, 0], [-1, 0], [0, 1], [0, -1]].some(([di, dj]) => { const a = i + di!, b = j + dj!; return a >= 0 && b >= 0 && a < W && b < H && inside[b * W + a] && !dark[b * W + a]; });
    if (edge && distanceToOutline(x, y, poly) > 1.5 && Math.hypot(x - cx, y - cy) < 1.6 * ring - 1) radii.push(Math.hypot(x - mx, y - my));
  }
  const m = radii.reduce((s, r) => s + r, 0) / Math.max(1, radii.length);
  const sd = Math.sqrt(radii.reduce((s, r) => s + (r - m) * (r - m), 0) / Math.max(1, radii.length));
  return { col: col.map((v) => v / Math.max(1, cn)), rag: radii.length > 3 ? sd / m : NaN, far: far / Math.max(1, n), n };
}

/** The luma half way from the rest iris (median within .8 rings) to the rest white (p90 past 1.3 rings) in the opening. */
export function irisCut(at: (x: number, y: number) => number, poly: [number, number][], cx: number, cy: number, ring: number): number {
  const ls: number[] = [], il: number[] = [];
  for (let y = Math.floor(cy - 3 * ring); y < cy + 3 * ring; y++) for (let x = Math.floor(cx - 4 * ring); x < cx + 4 * ring; x++) {
    if (!insidePolygon(x + 0.5, y + 0.5, poly)) continue;
    const l = lum(at(x, y)), r = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
    if (r < 0.8 * ring) il.push(l); else if (r > 1.3 * ring) ls.push(l);
  }
  const q = (a: number[], p: number) => { const s = [...a].sort((u, v) => u - v); return s[Math.floor(p * (s.length - 1))] ?? 0; };
  return (q(il, 0.5) + q(ls, 0.9)) / 2;
}
