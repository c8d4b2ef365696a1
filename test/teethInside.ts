// The share of a rendered mouth's inside that is teeth, as the tracker's teeth test reads a driver's
// (motion/mouthDark.ts isTeethPixel against the lips' own light): shared by the driver-teeth tests.
import { isTeethPixel } from '../src/motion/mouthDark.ts';
import { polygonMask } from '../src/eval/masks.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';

/** The share of the pixels inside the rendered inner lips that are teeth (mouthDark.ts isTeethPixel against the lips' light). */
export function teethInside(d: Uint8ClampedArray | Uint8Array, lm: number[][]): number {
  const poly = [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((k) => [lm[k]![0]!, lm[k]![1]!] as [number, number]);
  const mask = polygonMask(poly, 512, 512);
  // the lips' light: halfway between outer and inner centres of both lips
  const lipPx = [[0, 13], [17, 14]].map(([o, n]) => (Math.round((lm[o]![1]! + lm[n]![1]!) / 2) * 512 + Math.round((lm[o]![0]! + lm[n]![0]!) / 2)) * 4);
  const lipLight = lipPx.reduce((s, o) => s + 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!, 0) / lipPx.length;
  let inside = 0, teeth = 0;
  for (let q = 0; q < mask.length; q++) {
    if (!mask[q]) continue;
    inside++;
    if (isTeethPixel(d[q * 4]!, d[q * 4 + 1]!, d[q * 4 + 2]!, lipLight, 0.5)) teeth++;
  }
  return teeth / Math.max(1, inside);
}
