// critic22's teeth stripe index (/work/review/s22 figures22.py `stripes`), read the same way on any
// frame: inside the inner-lip polygon, the rows holding teeth pixels (over 1.05 x the skin's luma, chroma
// under 0.35 of their value); per column of that band its mean luma; the mean |deviation| of that
// profile from its 9-px running mean, over the skin's luma, x100. Regular dark lines between teeth
// read high (critic22: Obama 1 ours 7.0-7.5, real 2.3-3.3). null with under 30 teeth pixels or 12 columns.
import { polygonMask } from '../src/eval/masks.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import { skinLuma } from './mouthInterior.ts';

type Lm = ArrayLike<ArrayLike<number>>;
const luma = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;

export function stripeIndex(d: ArrayLike<number>, size: number, lm: Lm): number | null {
  const poly = [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]);
  const mask = polygonMask(poly, size, size);
  const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
  const sk = skinLuma(d, size, lm, iod);
  let teeth = 0, y0 = size, y1 = -1;
  for (let y = 0; y < size; y++) {
    let n = 0;
    for (let x = 0; x < size; x++) {
      const q = y * size + x, o = q * 4;
      if (!mask[q]) continue;
      const mx = Math.max(d[o]!, d[o + 1]!, d[o + 2]!), mn = Math.min(d[o]!, d[o + 1]!, d[o + 2]!);
      if (luma(d, o) > 1.05 * sk && mx - mn < 0.35 * mx) n++;
    }
    teeth += n;
    if (n >= 3) { y0 = Math.min(y0, y); y1 = y; }
  }
  if (teeth < 30 || y1 < 0) return null;
  const profile: number[] = [];
  for (let x = 0; x < size; x++) {
    let n = 0, sum = 0;
    for (let y = y0; y <= y1; y++) if (mask[y * size + x]) { n++; sum += luma(d, (y * size + x) * 4); }
    if (n >= Math.max(2, 0.5 * (y1 - y0 + 1))) profile.push(sum / n);
  }
  if (profile.length < 12) return null;
  let dev = 0;
  for (let i = 4; i < profile.length - 4; i++) {
    let mean = 0;
    for (let k = -4; k <= 4; k++) mean += profile[i + k]! / 9;
    dev += Math.abs(profile[i]! - mean);
  }
  return (100 * dev) / (profile.length - 8) / sk;
}
