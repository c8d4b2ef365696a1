// A library row's light made even along it. The rows were cut from video frames lit from one side:
// past the central incisors their teeth fall to 0.6-0.75 of the centre's light (the image-left
// laterals darkest), and in a sharp photo's open mouth that read as grey teeth either side of two
// white ones (session 21, critic20: Katie's teeth grey where her real row is white to the
// premolars, then a dark corridor). Levelled to the canines only: the corners' shade is the
// library's fall, the shader's (interior.ts sideFalloff) and the relief's (toothRelief.ts), and
// each tooth's shape the relief's; this takes out only the library's broad light, over about a
// tooth's width, so gaps and rounding stay.
import type { ReadyLayer } from './readyLayer.ts';
import { luminance as lum } from '../../math/colour.ts';
import { smoothstep } from '../../math/smooth.ts';

/** The light along the row is read over a gaussian of this sigma (iod): about a tooth's width (an upper lateral is 0.067), so the gaps between teeth and their rounding stay. */
const LEVEL_SIGMA = 0.05;
/** ... on the teeth's bodies: this band (iod) in from each column's tip (not the carried-on root or the gum). */
const BODY_BAND: [number, number] = [0.015, 0.06];
/** The levelling is whole to the first distance (iod) from the row's centre and gone by the second: the incisors and canines (0.095 + 0.067 + 0.06). */
const LEVEL_REACH: [number, number] = [0.16, 0.24];
/** A column is lifted at most this much (the row's far ends are the corners' business). */
const LEVEL_MOST = 1.45;

/**
 * Per column, the gain that brings the row's broad light (the mean luminance of its teeth's bodies
 * near their tips, smoothed over LEVEL_SIGMA) up to its brightest stretch's, raised to `share`
 * (0: unchanged, 1: level). `dir` 1: tips down (the upper row), -1: tips up. Columns without
 * teeth take their neighbours'.
 */
export function rowLevelGains(l: ReadyLayer, outPerIod: number, dir: 1 | -1, share: number): Float32Array {
  const W = l.width, H = l.height, d = l.data, sum = new Float64Array(W), n = new Float64Array(W);
  const from = Math.round(BODY_BAND[0] * outPerIod), to = Math.max(from + 1, Math.round(BODY_BAND[1] * outPerIod));
  for (let x = 0; x < W; x++) {
    let tip = -1;
    for (let k = 0; k < H && tip < 0; k++) { const y = dir > 0 ? H - 1 - k : k; if (d[(y * W + x) * 4 + 3]! >= 0.5) tip = y; }
    if (tip < 0) continue;
    for (let k = from; k <= to; k++) {
      const y = tip - dir * k;
      if (y < 0 || y >= H) break;
      const o = (y * W + x) * 4, a = d[o + 3]!;
      if (a >= 0.9) { sum[x] += lum(d[o]!, d[o + 1]!, d[o + 2]!) / a; n[x]++; }
    }
  }
  const sigma = Math.max(1, LEVEL_SIGMA * outPerIod), r = Math.ceil(2.5 * sigma);
  const smooth = new Float64Array(W).fill(NaN), seen: number[] = [];
  for (let x = 0; x < W; x++) {
    let s = 0, c = 0;
    for (let k = Math.max(0, x - r); k <= Math.min(W - 1, x + r); k++) {
      const w = Math.exp(-((k - x) ** 2) / (2 * sigma * sigma));
      s += w * sum[k]!; c += w * n[k]!;
    }
    if (c >= 2) { smooth[x] = s / c; seen.push(smooth[x]!); }
  }
  const gains = new Float32Array(W).fill(1);
  if (seen.length === 0 || share <= 0) return gains;
  // (the brightest stretch: the 90th percentile of the profile, not one column's peak)
  const ref = seen.sort((a, b) => a - b)[Math.floor(0.9 * (seen.length - 1))]!;
  let last = 1;
  for (let x = 0; x < W; x++) {
    const g = smooth[x]! > 0 ? Math.min(LEVEL_MOST, Math.max(1, ref / smooth[x]!)) : last;
    // (past the canines the row keeps its fall into the corridor beside the cheeks: levelled out to
    // the corners, lp_s1's speech opening lost its dark sides, dark share .152 -> .120, test/mouthCavity)
    const reach = 1 - smoothstep(LEVEL_REACH[0], LEVEL_REACH[1], Math.abs(x + 0.5 - l.anchorX) / outPerIod);
    gains[x] = g ** (share * reach); last = g;
  }
  return gains;
}

/** The row with its broad light levelled by `share` (rowLevelGains), colour kept within 255 x alpha. */
export function levelledRow(l: ReadyLayer, outPerIod: number, dir: 1 | -1, share: number): ReadyLayer {
  if (share <= 0) return l;
  const gains = rowLevelGains(l, outPerIod, dir, share), W = l.width, data = Float32Array.from(l.data);
  for (let q = 0; q < W * l.height; q++) {
    const g = gains[q % W]!, cap = 255 * data[q * 4 + 3]!;
    for (let ch = 0; ch < 3; ch++) data[q * 4 + ch] = Math.min(cap, data[q * 4 + ch]! * g);
  }
  return { ...l, data };
}

