// The nose flank's shade on a rendered frame (issue #15, s46 turn46; bench/flankShade.ts, test/flankLift.test.ts):
// the band between the nose's ridge and 0.2 eye-corner distances toward one side, from just under that side's
// inner eye corner to 0.08 above the tip (render/flankLift.ts's band, on the frame's own landmarks), against
// the same side's cheek skin (a patch around landmark 205 image-left / 425 image-right).
import type { RgbaImage } from '../types.ts';
import { ridgeXAt } from '../avatar/ridgeSideReveal.ts';
import { NOSE_RIDGE } from '../rig/topology.ts';

export interface FlankStats {
  /** the band's median luma over the cheek patch's */
  median: number;
  /** the band's darkest tenth (10th percentile luma) over the cheek patch's median: the blotches */
  p10: number;
  /** the band's mean saturation ((max - min) / max) over the cheek patch's: a grey band reads low */
  saturation: number;
  /** pixels in the band */
  count: number;
}

const luma = (d: Uint8ClampedArray, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;
const sat = (d: Uint8ClampedArray, o: number) => { const mx = Math.max(d[o]!, d[o + 1]!, d[o + 2]!); return mx > 0 ? (mx - Math.min(d[o]!, d[o + 1]!, d[o + 2]!)) / mx : 0; };
const quantile = (a: number[], q: number) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN; };

/** The flank band's figures on `img` with the frame's landmarks `lm` ([x, y, z] in image pixels); side -1 image-left, +1 image-right. */
export function flankBandStats(img: RgbaImage, lm: readonly (readonly number[])[], side: -1 | 1): FlankStats {
  const { width: w, height: h, data } = img;
  const flat = lm.flatMap((p) => [p[0]!, p[1]!, p[2] ?? 0]);
  const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
  const inner = lm[side < 0 ? 133 : 362]!, cheek = lm[side < 0 ? 205 : 425]!;
  const tipY = Math.max(...NOSE_RIDGE.map((i) => lm[i]![1]!));
  const y0 = Math.max(0, Math.floor(inner[1]! + 0.03 * iod)), y1 = Math.min(h - 1, Math.ceil(tipY - 0.08 * iod));
  const band: number[] = [], bandSat: number[] = [];
  for (let y = y0; y <= y1; y++) {
    const rx = ridgeXAt(flat, y + 0.5);
    for (let x = 0; x < w; x++) {
      const d = (x + 0.5 - rx) * side;
      if (d <= 1 || d >= 0.2 * iod) continue;
      const o = (y * w + x) * 4;
      band.push(luma(data, o)); bandSat.push(sat(data, o));
    }
  }
  const r = Math.max(1, Math.round(0.05 * iod)), cl: number[] = [], cs: number[] = [];
  for (let y = Math.max(0, Math.round(cheek[1]!) - r); y <= Math.min(h - 1, Math.round(cheek[1]!) + r); y++)
    for (let x = Math.max(0, Math.round(cheek[0]!) - r); x <= Math.min(w - 1, Math.round(cheek[0]!) + r); x++) {
      const o = (y * w + x) * 4;
      cl.push(luma(data, o)); cs.push(sat(data, o));
    }
  const ref = quantile(cl, 0.5), refSat = cs.reduce((s, v) => s + v, 0) / Math.max(1, cs.length);
  return {
    median: quantile(band, 0.5) / ref,
    p10: quantile(band, 0.1) / ref,
    saturation: bandSat.reduce((s, v) => s + v, 0) / Math.max(1, bandSat.length) / Math.max(1e-6, refSat),
    count: band.length,
  };
}
