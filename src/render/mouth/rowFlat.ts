// The library rows' own tooth pattern taken out (issue #13, teethtex52). The rows were cut from one frame each of two
// talking videos (library.ts), at ~8 px a tooth: the lower row's teeth stand apart by dark gaps .2-.4 of their light every
// .0625 iod, and the upper row's two centrals are its brightest stretch (1.12-1.21 x the laterals beside them, the source's
// light). toothRelief.ts then draws its own teeth (tooth widths out from the midline, a line between neighbours) on top,
// not where the source's teeth were: on the lower row the two sets of gaps fell between each other and its thin lit band
// read as a comb of separate beads (lp_s9 <- lp_d11 f165, critic51), and the source's bright pair under the relief's
// darker laterals read as a denture's two front teeth (mt_man + ls3 f84/f133, st_full_body_1 + feifei3). Real lower rows
// read as one pale band with faint separations, real front teeth at most slightly brighter than the laterals.
// So each column's light near its tip is lifted to the brightest within FLAT_REACH iod either side (the dips between the
// source's teeth filled, a step down from a brighter neighbour evened), at most FLAT_MOST; the broad light along the row
// (its fall to the corners, rowLevel.ts's business) and each column's light down the tooth are kept, and the separations
// are the relief's alone.
import type { ReadyLayer } from './readyLayer.ts';
import { luminance as lum } from '../../math/colour.ts';

/** on: the library rows flattened (layers.ts); per row, so either can be measured alone */
export const rowFlatSetting = { upper: false, lower: true };

/** the band (iod in from each column's tip) whose light a column is read by: the teeth's bodies near their tips */
const FLAT_BAND: [number, number] = [0.008, 0.05];
/** a column is lifted to the brightest column within this many iod either side (a lower tooth is .06 wide, an upper lateral .067) */
const FLAT_REACH = 0.045;
/** ... read over a gaussian this wide (iod): one output pixel's noise is no tooth */
const FLAT_SIGMA = 0.003;
/** ... by at most this gain */
const FLAT_MOST = 1.5;

/** Per column, its light near the tip (mean straight luma over `band` iod in from the tip; NaN: no teeth). `tipsDown`: the upper row. */
export function tipBandLight(l: ReadyLayer, perIod: number, tipsDown: boolean, band: readonly [number, number] = FLAT_BAND): Float64Array {
  const W = l.width, H = l.height, d = l.data, out = new Float64Array(W).fill(NaN);
  const from = Math.round(band[0] * perIod), to = Math.max(from + 1, Math.round(band[1] * perIod));
  for (let x = 0; x < W; x++) {
    let tip = -1;
    for (let k = 0; k < H && tip < 0; k++) { const y = tipsDown ? H - 1 - k : k; if (d[(y * W + x) * 4 + 3]! >= 0.5) tip = y; }
    if (tip < 0) continue;
    let s = 0, n = 0;
    for (let k = from; k <= to; k++) {
      const y = tipsDown ? tip - k : tip + k;
      if (y < 0 || y >= H) break;
      const o = (y * W + x) * 4, a = d[o + 3]!;
      if (a >= 0.9) { s += lum(d[o]!, d[o + 1]!, d[o + 2]!) / a; n++; }
    }
    if (n) out[x] = s / n;
  }
  return out;
}

/** Gains that lift each column of `light` to the brightest (gaussian-read) column within `reach` columns, 1..`most`. */
export function flatGains(light: Float64Array, reach: number, sigma: number, most: number): Float32Array {
  const W = light.length, read = new Float64Array(W).fill(NaN), r = Math.ceil(2.5 * sigma);
  for (let x = 0; x < W; x++) {
    if (!(light[x]! > 0)) continue;
    let s = 0, c = 0;
    for (let k = Math.max(0, x - r); k <= Math.min(W - 1, x + r); k++) {
      if (!(light[k]! > 0)) continue;
      const w = sigma > 0 ? Math.exp(-((k - x) ** 2) / (2 * sigma * sigma)) : k === x ? 1 : 0;
      s += w * light[k]!; c += w;
    }
    if (c > 0) read[x] = s / c;
  }
  const gains = new Float32Array(W).fill(1), R = Math.max(1, Math.round(reach));
  for (let x = 0; x < W; x++) {
    if (!(read[x]! > 0)) continue;
    let top = read[x]!;
    for (let k = Math.max(0, x - R); k <= Math.min(W - 1, x + R); k++) if (read[k]! > top) top = read[k]!;
    gains[x] = Math.min(most, top / read[x]!);
  }
  return gains;
}

/** The row with its source's own tooth pattern evened (see the top of this file), colour kept within 255 x alpha. */
export function flatRow(l: ReadyLayer, toothPerIod: number, tipsDown: boolean): ReadyLayer {
  if (!(tipsDown ? rowFlatSetting.upper : rowFlatSetting.lower)) return l;
  const gains = flatGains(tipBandLight(l, toothPerIod, tipsDown), FLAT_REACH * toothPerIod, FLAT_SIGMA * toothPerIod, FLAT_MOST);
  const W = l.width, data = Float32Array.from(l.data);
  for (let q = 0; q < W * l.height; q++) {
    const g = gains[q % W]!;
    if (g === 1) continue;
    const cap = 255 * data[q * 4 + 3]!;
    for (let ch = 0; ch < 3; ch++) data[q * 4 + ch] = Math.min(cap, data[q * 4 + ch]! * g);
  }
  return { ...l, data };
}
