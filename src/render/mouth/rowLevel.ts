// A library row's light made even along it. The rows were cut from video frames lit from one side:
// past the central incisors their teeth fall to 0.6-0.75 of the centre's light (the image-left
// laterals darkest), and in a sharp photo's open mouth that read as grey teeth either side of two
// white ones (session 21, critic20: Katie's teeth grey where her real row is white to the
// premolars, then a dark corridor). The corners' own shade is the shader's (interior.ts
// sideFalloff) and each tooth's is the relief's (toothRelief.ts); this takes out only the
// library's broad light, over more than a tooth's width, so gaps and rounding stay.
import type { ReadyLayer } from './readyLayer.ts';
import { luminance as lum } from '../../math/colour.ts';

/** The light along the row is read over a gaussian of this sigma (iod): about a tooth's width (an upper lateral is 0.067), so the gaps between teeth and their rounding stay. */
const LEVEL_SIGMA = 0.05;
/** ... on the teeth's bodies: this band (iod) in from each column's tip (not the carried-on root or the gum). */
const BODY_BAND: [number, number] = [0.015, 0.06];
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
    gains[x] = g ** share; last = g;
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

/**
 * The library teeth's light under `top` (their bright teeth's, photoLook.ts brightenedTo) pulled up
 * toward it: luma L becomes top x (L / top)^(1 - EVEN_MOST x share). The library's teeth, relief and
 * all, spread from 0.5 to 1 of their top (median 0.84 for Katie) where a sharp photo's real teeth are
 * one bright surface (Katie's real row 235-250 over her picture's white 223, ours 190-210; the lines
 * between teeth and the tips' V's stay darker than the teeth, less deep). Teeth-coloured pixels only
 * (the gum carried under the lip keeps its colour: faded out by chroma).
 */
export function evenedTeeth(l: ReadyLayer, top: number, share: number): ReadyLayer {
  if (share <= 0 || !(top > 0)) return l;
  const power = 1 - EVEN_MOST * share, data = Float32Array.from(l.data);
  for (let o = 0; o < data.length; o += 4) {
    const a = data[o + 3]!;
    if (a <= 0) continue;
    const r = data[o]! / a, g = data[o + 1]! / a, b = data[o + 2]! / a, y = lum(r, g, b), mx = Math.max(r, g, b);
    if (y <= 0 || y >= top) continue;
    const grey = 1 - Math.min(1, Math.max(0, ((mx - Math.min(r, g, b)) / Math.max(1, mx) - EVEN_CHROMA[0]) / (EVEN_CHROMA[1] - EVEN_CHROMA[0])));
    const k = 1 + ((top * (y / top) ** power) / y - 1) * grey;
    const kk = Math.min(k, 255 / Math.max(1, mx));
    data[o] = r * kk * a; data[o + 1] = g * kk * a; data[o + 2] = b * kk * a;
  }
  return { ...l, data };
}
/** How far a sharp picture's teeth are evened (the power on their light under the top is 1 - this). */
const EVEN_MOST = 0.3;
/** Chroma (over the brightest channel) over which a pixel goes from tooth to gum: evened fully under the first, not past the second. */
const EVEN_CHROMA: [number, number] = [0.2, 0.4];
