// The speech row's separations read on a rendered frame (test/speechTips.test.ts, test/ownRowRelief.test.ts): how
// deep the dips between teeth are, as bench/rowStructure.ts reads real rows (.053-.081 of the centre's luma).
import { polygonMask } from '../src/eval/masks.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';

/** The rms of the rendered opening's upper-half luma profile about its 9-column running mean, within |s| < .6, over its centre's. */
export function separations(d: Uint8ClampedArray | Uint8Array, lm: ArrayLike<ArrayLike<number>>, W: number, H: number): number {
  const poly = [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((k) => [lm[k]![0]!, lm[k]![1]!] as [number, number]);
  const mask = polygonMask(poly, W, H);
  const x0 = Math.min(lm[78]![0]!, lm[308]![0]!), x1 = Math.max(lm[78]![0]!, lm[308]![0]!), cx = (x0 + x1) / 2, half = (x1 - x0) / 2;
  const s: number[] = [], p: number[] = [];
  for (let x = Math.floor(x0); x <= Math.ceil(x1); x++) {
    const ys: number[] = [];
    for (let y = 0; y < H; y++) if (mask[y * W + x]) ys.push(y);
    if (ys.length < 2) continue;
    const top = ys.slice(0, Math.ceil(ys.length / 2));
    p.push(top.reduce((a, y) => a + 0.299 * d[(y * W + x) * 4]! + 0.587 * d[(y * W + x) * 4 + 1]! + 0.114 * d[(y * W + x) * 4 + 2]!, 0) / top.length);
    s.push((x + 0.5 - cx) / half);
  }
  const inner = p.filter((_, i) => Math.abs(s[i]!) < 0.25).sort((a, b) => a - b), centre = inner[inner.length >> 1]!;
  const win = (i: number) => p.slice(Math.max(0, i - 4), i + 5);
  const resid = p.map((v, i) => v - win(i).reduce((a, b) => a + b, 0) / win(i).length).filter((_, i) => Math.abs(s[i]!) < 0.6);
  return Math.sqrt(resid.reduce((a, v) => a + v * v, 0) / resid.length) / centre;
}
