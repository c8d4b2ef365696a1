// The tongue without vertical stripes (issue #13, hue35 s35; critic33/34: lp_s5 <- lp_d10 f80/f83 "a tongue painted with
// grey-brown vertical stripes"). The library tongue is a strip cut from video frames: its columns differ in light (the lower
// teeth's silhouette, the source's own shading), and wide open the strip is stretched upward (interior.ts `up / grow`)
// so every column's difference runs the tongue's whole height. A real tongue's light changes smoothly across it (lp_d10
// f80/f83: the lower opening's column means depart .007-.008 of the lips' luma from a 7-column running mean; ours .012-.017,
// bench/cavityProfile.ts stripe). So each row's colour is averaged over its neighbours, weighted by their alpha; the
// alpha (the tongue's outline and faded ends) is kept. The median groove and the highlight are drawn after, by light
// (tongueShape.ts). Pure; tongue.ts readyTongue applies it once per avatar.
import type { ReadyLayer } from './readyLayer.ts';

/** the averaging's half width, a share of the layer's width (two box passes: about a Gaussian of this sigma x .8) */
export const COLUMN_SMOOTH = 0.06;

/** `l` with each row's colour averaged over +-COLUMN_SMOOTH x width columns (alpha-weighted; premultiplied colour), alpha kept. */
export function smoothTongueColumns(l: ReadyLayer, share = COLUMN_SMOOTH): ReadyLayer {
  const W = l.width, H = l.height, src = l.data, r = Math.round(share * W);
  if (r < 1) return l;
  const data = new Float32Array(src.length), row = new Float64Array(W * 4), tmp = new Float64Array(W * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W * 4; x++) row[x] = src[y * W * 4 + x]!;
    boxRow(row, tmp, W, r);
    boxRow(tmp, row, W, r);
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 4, a = src[o + 3]!, sa = row[x * 4 + 3]!;
      data[o + 3] = a;
      // (premultiplied: the neighbours' mean colour per unit alpha, times this pixel's alpha)
      for (let ch = 0; ch < 3; ch++) data[o + ch] = sa > 1e-6 ? (row[x * 4 + ch]! / sa) * a : src[o + ch]!;
    }
  }
  return { ...l, data };
}

/** A box mean of half width r along a row of W RGBA pixels (edges clamped: the window shrinks), `a` into `out`. */
function boxRow(a: Float64Array, out: Float64Array, W: number, r: number): void {
  for (let ch = 0; ch < 4; ch++) {
    let sum = 0, n = 0;
    for (let x = 0; x <= Math.min(W - 1, r); x++) { sum += a[x * 4 + ch]!; n++; }
    for (let x = 0; x < W; x++) {
      out[x * 4 + ch] = sum / n;
      const add = x + r + 1, drop = x - r;
      if (add < W) { sum += a[add * 4 + ch]!; n++; }
      if (drop >= 0) { sum -= a[drop * 4 + ch]!; n--; }
    }
  }
}
