// The photo's own teeth, where it shows them: cut as rigid pieces (atlas.ts) and laid over the
// library set without their dark pixels.
import { brightLuminance, type ReadyLayer } from './readyLayer.ts';
import { smoothstep } from '../../math/smooth.ts';
import { luminance as lum } from '../../math/colour.ts';

/** The photo shows its teeth from this lip gap (IOD) on. */
export const PHOTO_TEETH_MIN_GAP = 0.035;
/** The photo's own teeth pixels fade out between these shares of its bright teeth (darker: the slit, the shadow between teeth). */
const OWN_TEETH_KEEP = [0.5, 0.7] as const;

/** Per pixel, how much of it is kept: 0 below lo, 1 above hi (luminance of its straight colour). */
function keepBrighter(d: Float32Array, lo: number, hi: number): Float32Array {
  const keep = new Float32Array(d.length / 4);
  for (let q = 0; q < keep.length; q++) {
    const a = d[q * 4 + 3]!;
    keep[q] = a > 0 ? smoothstep(lo, hi, lum(d[q * 4]!, d[q * 4 + 1]!, d[q * 4 + 2]!) / a) : 0;
  }
  return keep;
}

/**
 * The photo's teeth piece without its dark pixels (the slit between its rows, the shadow between
 * teeth, seen as dark squares over the library set beneath: a "denture"): pixels under 50-70 % of
 * its bright teeth (90th percentile luminance of its solid pixels) fade out, the library shows there;
 * darker lip pixels of the cut go too.
 */
export function withoutDark(l: ReadyLayer): ReadyLayer {
  const bright = brightLuminance(l);
  if (bright === null) return l;
  const d = l.data;
  const keep = keepBrighter(d, OWN_TEETH_KEEP[0] * bright, OWN_TEETH_KEEP[1] * bright);
  // eroded by a pixel and softened: the teeth's half-dark rim (where they meet the photo's dark
  // slit) read as a brown ring around the photo's teeth over the library's
  const W = l.width, H = l.height, data = Float32Array.from(d);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    let k = keep[y * W + x]!, sum = 0;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const v = keep[Math.min(H - 1, Math.max(0, y + dy)) * W + Math.min(W - 1, Math.max(0, x + dx))]!;
      if (v < k) k = v;
      sum += v;
    }
    k = 0.5 * k + 0.5 * Math.min(k * 2, sum / 9);
    for (let ch = 0; ch < 4; ch++) data[(y * W + x) * 4 + ch] = d[(y * W + x) * 4 + ch]! * k;
  }
  return { ...l, data };
}

/** `top` over `base` (premultiplied), aligned on their anchors, on `base`'s grid. */
export function over(top: ReadyLayer, base: ReadyLayer): ReadyLayer {
  const data = Float32Array.from(base.data);
  const dx = Math.round(top.anchorX - base.anchorX), dy = Math.round(top.anchorY - base.anchorY);
  for (let y = 0; y < base.height; y++) {
    const ty = y + dy;
    if (ty < 0 || ty >= top.height) continue;
    for (let x = 0; x < base.width; x++) {
      const tx = x + dx;
      if (tx < 0 || tx >= top.width) continue;
      const t = (ty * top.width + tx) * 4, o = (y * base.width + x) * 4;
      const a = top.data[t + 3]!;
      if (a <= 0) continue;
      for (let ch = 0; ch < 4; ch++) data[o + ch] = top.data[t + ch]! + data[o + ch]! * (1 - a);
    }
  }
  return { ...base, data };
}
