// A teeth row layer's notch: per column the row's light in the band over its tips (the lowest .35 of each
// column's solid run for an upper row, the highest for a lower), composited over a dark cavity; over the
// middle columns (where the row is solid) the darkest run of 2 columns against the row's median, and the
// share of columns under .75 of it. A missing tooth reads as a deep dip (notch < .7). Never asserts.
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';

const CAV = [40, 18, 18];

export function rowNotch(l: ReadyLayer, dir: -1 | 1): string {
  const W = l.width, H = l.height, d = l.data, col: number[] = [];
  for (let x = 0; x < W; x++) {
    let top = -1, bottom = -1;
    for (let y = 0; y < H; y++) if (d[(y * W + x) * 4 + 3]! > 0.5) { if (top < 0) top = y; bottom = y; }
    if (top < 0 || bottom - top < 2) { col.push(NaN); continue; }
    const n = Math.max(1, Math.round(0.35 * (bottom - top + 1)));
    let s = 0;
    for (let k = 0; k < n; k++) {
      const y = dir < 0 ? bottom - k : top + k, o = (y * W + x) * 4, a = d[o + 3]!;
      s += 0.299 * (d[o]! + CAV[0]! * (1 - a)) + 0.587 * (d[o + 1]! + CAV[1]! * (1 - a)) + 0.114 * (d[o + 2]! + CAV[2]! * (1 - a));
    }
    col.push(s / n);
  }
  const solid = col.map((v, x) => [v, x] as const).filter(([v]) => Number.isFinite(v));
  if (solid.length < 6) return 'no row';
  const x0 = solid[0]![1], x1 = solid[solid.length - 1]![1], lo = Math.round(x0 + 0.2 * (x1 - x0)), hi = Math.round(x1 - 0.2 * (x1 - x0));
  const mid = col.slice(lo, hi + 1).filter(Number.isFinite).sort((a, b) => a - b);
  const med = mid[mid.length >> 1]!;
  let darkest = Infinity, at = -1, under = 0;
  for (let x = lo; x < hi; x++) {
    const v = (col[x]! + col[x + 1]!) / 2;
    if (v < darkest) { darkest = v; at = x; }
    if (col[x]! < 0.75 * med) under++;
  }
  return `median ${med.toFixed(0)} notch ${(darkest / med).toFixed(2)} at ${((at - (x0 + x1) / 2) / (x1 - x0)).toFixed(2)} under.75 ${(under / (hi - lo)).toFixed(2)}`;
}
