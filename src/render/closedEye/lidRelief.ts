// The shut lid's relief (lids19): a real shut lid lies in the eye socket, no lighter than the same
// eye's open upper lid (real shut frames of the train clips: the lid's middle 0.91 of it and 0.75 of
// the skin under the eye; bench/lidProfile.ts --real), darker toward both corners as the eyeball
// rounds away. The library's lid and the bulge's light (lidForm.ts) over a fill from the brow bone
// and the cheek made a flat pale pad instead (pad / own lid 1.10-1.94, lids18). Only half way (TONE_MIN):
// a darker lid reads more open to the face mesh (bench/blink.ts), and a crease shadow drawn from the
// photo's crease outlined the lid as a grey oval on a cartoon (lp_s7) and the child (lp_s11): dropped.
import { PATCH_W, PATCH_H } from './frame.ts';
import { cellU, cellV, clamp01 } from './grid.ts';
import { lineAt } from './library.ts';
import { creaseAt, shutAt, type EyeGeometry } from './lids.ts';
import { luminance as lum } from '../../math/colour.ts';
import { smoothstep } from '../../math/smooth.ts';
import { nearestRank } from '../../math/stats.ts';

/**
 * The lid's tone: the photo's own upper-lid skin over the shaded lid's middle, within these bounds. s53 (lidring53,
 * settings for the benches, values unchanged): the raw own/pad is .17-1.49 over the 14 portraits' 28 eyes (the floor
 * acts on 21); min .8 darkened lp_s11's lit oval into a dark one (not better) and moved the blink read-back median
 * .24 -> .25 (lp_s0 .14 -> .22, st_full_body_1 .15 -> .25); max 1.5 lifted lp_s12's image-left lid to a pale band
 * under the socket's shade (top step 9.8 -> 16.1 L*).
 */
export const lidToneSetting = { min: 0.92, max: 1 };
/** The percentile of the own lid's luminances taken as its skin (below it: lashes, liner, the fold). */
const TONE_PERCENTILE = 0.7;
/**
 * Where the tone acts, in shares t of the lid (0 crease .. 1 shut line): fading in above the crease
 * (to t = TONE_IN), fading out toward the lash line from TONE_OUT (the skin just above the lash line
 * kept: a darker band there reads as lids held apart to the face mesh, shading.ts thinLashTop).
 */
const TONE_IN = 0.25, TONE_ABOVE = 0.1, TONE_OUT = 0.6, TONE_PAST = 1;
/** The lid darker toward the corners by up to this share (the eyeball rounding away from the light). */
const CORNER_SHADE = 0.06;

/** The percentile p (0..1) of a list, or NaN when empty. */
function percentile(values: number[], p: number): number {
  return nearestRank(values, p, NaN);
}

/** Per column (u 0.25-0.75), the luminances of `rgb` in the rows band(u) gives, reduced by `pick`. */
function bandValues(rgb: Float32Array, band: (u: number) => [number, number], pick: (col: number[]) => number): number[] {
  const out: number[] = [];
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    if (u < 0.25 || u > 0.75) continue;
    const [v0, v1] = band(u), col: number[] = [];
    for (let row = 0; row < PATCH_H; row++) {
      const v = cellV(row);
      if (v < v0 || v > v1) continue;
      const k = (row * PATCH_W + c) * 3;
      col.push(lum(rgb[k]!, rgb[k + 1]!, rgb[k + 2]!));
    }
    if (col.length) out.push(pick(col));
  }
  return out;
}

/** The photo's own upper-lid skin (crease to lash line, lashes left out) over the shaded lid's middle, in TONE bounds. */
export function lidTone(photo: Float32Array, lid: Float32Array, g: EyeGeometry): number {
  const own = percentile(bandValues(photo, (u) => [creaseAt(g, u) + 0.01, lineAt(g.lid, u) - 0.04], (col) => percentile(col, TONE_PERCENTILE)), 0.5);
  const at = (u: number, t: number) => creaseAt(g, u) + t * (shutAt(g, u) - creaseAt(g, u));
  const pad = percentile(bandValues(lid, (u) => [at(u, 0.2), at(u, 0.7)], (col) => percentile(col, 0.5)), 0.5);
  const tone = own / pad;
  return Number.isFinite(tone) ? Math.min(lidToneSetting.max, Math.max(lidToneSetting.min, tone)) : 1;
}

/**
 * The lid's relief at (u, v) as a factor on its colour: the tone over the lid's upper part and the
 * corners' falloff (inside the lid only, so it draws no outline at the crease).
 */
export function reliefFactor(u: number, v: number, crease: number, shut: number, tone: number): number {
  const t = (v - crease) / Math.max(1e-3, shut - crease);
  const toneShare = smoothstep(-TONE_ABOVE / Math.max(1e-3, shut - crease), TONE_IN, t) * (1 - smoothstep(TONE_OUT, TONE_PAST, t));
  const inLid = smoothstep(0, 0.35, t) * (1 - smoothstep(0.9, 1.1, t));
  const corners = 1 - CORNER_SHADE * (1 - Math.sin(Math.PI * clamp01(u)) ** 0.5) * inLid;
  return (1 + (tone - 1) * toneShare) * corners;
}

/** Shades the baked lid in place by reliefFactor, with this photo's lid tone (lidTone). */
export function shadeRelief(rgb: Float32Array, g: EyeGeometry, tone: number): void {
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c), uc = clamp01(u);
    const crease = creaseAt(g, uc), shut = shutAt(g, uc);
    // past the corners the relief fades out with the lid itself
    const reach = 1 - smoothstep(0, 0.15, Math.max(-u, u - 1));
    if (reach <= 0) continue;
    for (let r = 0; r < PATCH_H; r++) {
      const f = 1 + reach * (reliefFactor(u, cellV(r), crease, shut, tone) - 1);
      const k = (r * PATCH_W + c) * 3;
      for (let ch = 0; ch < 3; ch++) rgb[k + ch] = rgb[k + ch]! * f;
    }
  }
}
