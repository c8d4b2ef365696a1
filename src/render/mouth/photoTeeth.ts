// The photo's own teeth, where it shows them: cut as rigid pieces (atlas.ts) and laid over the
// library set without their dark pixels.
import { brightLuminance, type ReadyLayer } from './readyLayer.ts';
import { smoothstep } from '../../math/smooth.ts';
import { luminance as lum, saturation } from '../../math/colour.ts';

/** The photo shows its teeth from this lip gap (IOD) on. */
export const PHOTO_TEETH_MIN_GAP = 0.035;
/** The photo's own teeth pixels fade out between these shares of its bright teeth (darker: the slit, the shadow between teeth). */
const OWN_TEETH_KEEP = [0.5, 0.7] as const;

/** ... and between these for teeth too dim to be lit as the face's (their grey reads as marks on the library's). */
const DIM_TEETH_KEEP = [0.7, 0.9] as const;

/** The keep shares for a piece whose bright teeth are `dimness` of the least bright they may be: stricter from 1 down to 0.8. */
export function keepShares(dimness: number): [number, number] {
  const t = smoothstep(1, 0.8, dimness);
  return [OWN_TEETH_KEEP[0] + t * (DIM_TEETH_KEEP[0] - OWN_TEETH_KEEP[0]), OWN_TEETH_KEEP[1] + t * (DIM_TEETH_KEEP[1] - OWN_TEETH_KEEP[1])];
}

/** Each value the least of its 3x3 neighbourhood (clamped at the borders). */
function minFilter(v: Float32Array, W: number, H: number): Float32Array {
  const out = new Float32Array(v.length);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    let m = v[y * W + x]!;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) m = Math.min(m, v[Math.min(H - 1, Math.max(0, y + dy)) * W + Math.min(W - 1, Math.max(0, x + dx))]!);
    out[y * W + x] = m;
  }
  return out;
}

/**
 * Per pixel, how much of it is kept: 0 below lo, 1 above hi (luminance of its straight colour), and
 * 0 when it is more colourful than the teeth (`teethSat`, their saturation) by OWN_TEETH_SAT_OVER:
 * bright lip pixels in the cut (a light lipstick, the lip's lit rim) drew a pink hexagon, the
 * photo's inner lip outline, in the middle of the teeth (lp_s42 driven by lp_d0; red lines, Fei-Fei Li).
 */
function keepTeeth(d: Float32Array, lo: number, hi: number, teethSat: number): Float32Array {
  const keep = new Float32Array(d.length / 4);
  const [s0, s1] = OWN_TEETH_SAT_OVER;
  for (let q = 0; q < keep.length; q++) {
    const a = d[q * 4 + 3]!;
    if (a <= 0) continue;
    const r = d[q * 4]! / a, g = d[q * 4 + 1]! / a, b = d[q * 4 + 2]! / a;
    keep[q] = smoothstep(lo, hi, lum(r, g, b)) * (1 - smoothstep(teethSat + s0, teethSat + s1, saturation(r, g, b)));
  }
  return keep;
}
/** How much more colourful than the teeth a pixel of the photo's cut may be before it goes (kept fully / gone). */
const OWN_TEETH_SAT_OVER = [0.06, 0.14] as const;

/** The saturation of a layer's bright teeth: of the mean colour of its solid pixels at or above `bright` luminance. */
function brightSaturation(d: Float32Array, bright: number): number {
  const m = [0, 0, 0];
  let n = 0;
  for (let o = 0; o < d.length; o += 4) {
    const a = d[o + 3]!;
    if (a < 0.9 || lum(d[o]!, d[o + 1]!, d[o + 2]!) / a < bright) continue;
    for (let ch = 0; ch < 3; ch++) m[ch]! += d[o + ch]! / a;
    n++;
  }
  return n ? saturation(m[0]! / n, m[1]! / n, m[2]! / n) : 0;
}

/**
 * The photo's teeth piece without its dark pixels (the slit between its rows, the shadow between
 * teeth, seen as dark squares over the library set beneath: a "denture"): pixels under 50-70 % of
 * its bright teeth (90th percentile luminance of its solid pixels) fade out, the library shows there;
 * darker lip pixels of the cut go too, and lip pixels as bright as teeth by their colour (keepTeeth).
 * `leastBright`: the least bright teeth may be and still be lit as the face's (the target over the
 * largest gain): a dimmer piece's shares are taken of it.
 */
export function withoutDark(l: ReadyLayer, leastBright = 0): ReadyLayer {
  // (a cut too thin to hold 8 solid pixels, a slit's parting, has no bright teeth of its own to judge by: judged by the
  // least bright teeth may be, at the dim shares. Returned whole, st_full_body_1's slit, grey teeth and lip in the shade
  // of a closed smile, lay over the library row as a dark notch beside its centrals, issue #13, s51 teethdraw51)
  const bright = brightLuminance(l) ?? (leastBright > 0 ? 0 : null);
  if (bright === null) return l;
  const d = l.data;
  // (teeth too dim to reach the face's teeth light even at the largest gain: the shares are of that
  // light; lp_s42's own teeth, in her lips' shade, drew a grey dash across the library's upper row)
  const ref = Math.max(bright, leastBright);
  const [lo, hi] = keepShares(bright / Math.max(1, leastBright));
  const keep = minFilter(keepTeeth(d, lo * ref, hi * ref, brightSaturation(d, 0.9 * (bright > 0 ? bright : ref))), l.width, l.height);
  // eroded by two pixels and softened: the teeth's half-dark rim (where they meet the photo's dark
  // slit) read as a brown ring around the photo's teeth over the library's, and their rim against
  // the lip (the lip's colour resampled into it) as a pink outline (lp_s42)
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

/**
 * s58 photorow58 (issue #13): a photo that shows its own teeth (lp_s42, lips parted .079 IOD) has its mouth rebuilt in
 * speech (speechRebuild.ts), and the rebuilt row was the library's alone (her cut is too dim for withoutDark to keep any
 * of it: 147 against the 190 the face's light asks) brought to the face's teeth light (photoLook.ts teethTarget: 238, her
 * cheeks 199), while her own teeth, in her lips' shade, sit at .64 of her cheeks (bench/teethPicture.ts tone on the photo):
 * a hard white band beside the soft grey teeth her photo shows. Where the photo's cut holds teeth, the library row takes
 * the light the photo's own teeth have (the cut's bright luminance, lifted as withPhotoTeeth lifts them, by up to
 * `ownGain`), never above the face's target. A cut whose brightest is lip or shadow (lp_s11's slit, .46 of her cheeks)
 * is no teeth: the share fades in between `teethOverCheek` of the cheeks' luma. `on` false: the face's target (before s58).
 */
export const photoRowLightSetting = { on: true, teethOverCheek: [0.5, 0.65] as [number, number] };

/** The library rows' bright-teeth target given the photo's teeth cut (`cut`, as cut, unlit) and its cheeks' luma. */
export function photoRowTarget(target: number, cut: ReadyLayer | null, cheek: number, ownGain: readonly [number, number], s = photoRowLightSetting): number {
  if (!s.on || cut === null || !(cheek > 0)) return target;
  const own = brightLuminance(cut);
  if (own === null || !(own > 0)) return target;
  const share = smoothstep(s.teethOverCheek[0], s.teethOverCheek[1], own / cheek);
  const lit = Math.min(target, own * Math.min(ownGain[1], Math.max(ownGain[0], target / own)));
  return target + share * (lit - target);
}
