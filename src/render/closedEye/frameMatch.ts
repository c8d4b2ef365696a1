// The shut lid matched to the frame's skin round it (shutlid51, #14; critic50 "shut lids as patches": st_happy + jap
// f155-157 a lid lighter than the lid round it with hard straight sides, lp_s5 + eng f130-132 flat brown ovals,
// lp_s42 <- lp_d6 f174 pale ovals, lp_s11 <- pose796 f0 a pale ring). The shut eye is baked once, against the
// photo's skin at rest (featherMatch.ts, lidSkinTone.ts, lidNoPaler.ts); the frame it is drawn into is not the
// photo: raised brows shade and re-draw the band over the lid (underBrowShade.ts, shutBrowBand.ts), the closing
// mesh lid stretches the fold's darker skin over the crease and down the corners. The patch then meets a darker
// (or lighter) frame across its mask's short feather, and the mask's ends are straight (mask.ts `side`): a lighter
// card with straight sides. Here, per frame, the skin the frame shows on the mask's outer feather (the ring) is
// read before the patch is drawn and set against the photo's skin the lid was baked against at the same cells, and
// the patch takes that change as a smooth luma gain: whole at the ring, spread inward over SIGMA (a normalised blur
// over the ring), coarser over the lid's middle, so the lid keeps its form, grain and hue and its border moves
// with the frame's skin. Where the frame shows the photo's own skin round the lid (a blink on a still face) the
// gain is 1 and the lid is the bake's (the blink read-back's, bench/blink.ts: the first version matched the lid to
// the frame outright and read lp_s10, lp_s12, mt_man, lp_s9 more open). Cells whose frame pixel departs far from
// the photo's (a lash moved in, a nose in front) are not read.
import { PATCH_W, PATCH_H, toImage, type EyeFrame } from './frame.ts';
import { cellU, cellV, blurRgb, sample } from './grid.ts';
import type { RasterTarget } from '../raster.ts';
import { luminance } from '../../math/colour.ts';
import { smoothstep } from '../../math/smooth.ts';

/**
 * on (the product): the drawn lid takes the frame's skin round it; off: the lid as baked (before s51). notPast (s52
 * shutvid52, on): the gain takes a cell of the lid toward the skin the frame shows round it and never past it (ringGain's
 * ratio is of the frame over the photo at the ring, and where the photo's ring held a feature the frame no longer shows
 * there, a brow's lower fringe or the open eye's fold moved up by raised brows, the ratio lifted the lid's top past the
 * frame's skin: lp_s42 <- lp_d6 f174 a pale rim round the shut lid's top; lp_s0 <- reagan f9-12 a lighter top).
 */
export const frameMatchSetting = { on: true, notPast: true };

/** Ring cells: the mask's outer feather, mask over [0] and under [1]. */
export const RING = [0.02, 0.35] as const;
/** A ring cell whose frame over photo luma lies outside these is a feature moved in or out (a lash, a nose), not the skin's change: not read. */
export const TRUST = [0.6, 1.6] as const;
/** The ring's colours spread over the patch over this many patch cells (48 an eye width). */
const SIGMA = 5;
/** The gain stays within these. */
export const GAIN = [0.75, 1.3] as const;
/** Away from the ring (the blurred ring weight under [1], none under [0]) the gain goes over to the coarse ring's, then to 1. */
const REACH = [0.02, 0.15] as const;

/** The coarse grid: COARSE x COARSE patch cells a cell, blurred over COARSE_SIGMA of its cells. */
const COARSE = 4, COARSE_SIGMA = 3;
/**
 * Ring cells under the shut line less this (eye widths: the lower lid and the skin under it) are held as baked (a
 * gain of 1 there): that skin is the photo's in the frame too, and the bake's lower lid covers the photo's pink rim
 * on purpose; read, it turned lp_s42's and lp_s11's lids pink.
 */
const LOWER = 0.02;

/** A grid (3 channels) summed into COARSE-cell blocks and blurred: the ring's reach over the whole lid, cheaply. */
function coarseBlur(a: Float32Array): { a: Float32Array; w: number; h: number } {
  const w = Math.ceil(PATCH_W / COARSE), h = Math.ceil(PATCH_H / COARSE), out = new Float32Array(w * h * 3);
  for (let r = 0; r < PATCH_H; r++) {
    for (let c = 0; c < PATCH_W; c++) {
      const k = (r * PATCH_W + c) * 3, q = (Math.floor(r / COARSE) * w + Math.floor(c / COARSE)) * 3;
      for (let ch = 0; ch < 3; ch++) out[q + ch] = out[q + ch]! + a[k + ch]!;
    }
  }
  blurRgb(out, w, h, COARSE_SIGMA);
  return { a: out, w, h };
}

/**
 * How far the brows moved from the photo's (their height over the eye's corners' line, in nose lengths: overlay.ts
 * browHeight) leaves the lid as baked under [0] and takes the whole gain from [1]. The frame's skin round a shut lid
 * departs from the photo's where the brows move (the under-brow passes re-draw the band over the lid:
 * underBrowShade.ts, underBrowGrain.ts, shutBrowBand.ts; the skin stretches); under still brows it is the photo's but
 * for the closing mesh lid's own stretch, which the shut eye covers: matched there (a first version), the lid's top
 * took the stretched fold's shade and a blink on a still face read back more open (bench/blink.ts lp_s9 .46 -> .52,
 * lp_s10 .67 -> .75, st_art_1 .49 -> .55). The named cases are blinks under moved brows: .12 / .14 (st_happy + jap
 * f155), .10 / .07 (lp_s42 <- lp_d6 f174), .19 / .13 (lp_s11 <- pose796 f0), .15 / .12 (mt_man <- pcavs681 f137),
 * .07 / .08 (lp_s5 + eng f130); a blink alone moves it .005-.03 (lp_s9, lp_s10, st_full_body_1 at blink 1 on the rest frame).
 */
export const BROW_MOVE = [0.04, 0.07] as const;

/** The share of the frame's gain a lid takes, from the brow's height (browHeight) in the photo and in this frame. */
export function browMoveShare(photoBrowV: number, frameBrowV: number): number {
  return smoothstep(BROW_MOVE[0], BROW_MOVE[1], Math.abs(frameBrowV - photoBrowV));
}

/** The frame's luma at image point (x, y), or -1 where nothing nearer than nearIz or opaque is drawn (a nose in front, the plate). */
function frameLuma(t: RasterTarget, x: number, y: number, nearIz: number): number {
  const xi = Math.floor(x), yi = Math.floor(y);
  if (xi < 0 || yi < 0 || xi >= t.width || yi >= t.height) return -1;
  const row = yi * t.width + xi, z = t.depth[row]!;
  if (z <= 0 || z > nearIz) return -1;
  const c = t.color[row]!;
  if (c >>> 24 < 250) return -1;
  return luminance(c & 255, (c >>> 8) & 255, (c >>> 16) & 255);
}

/**
 * A gain held between 1 and what takes the baked luma to the frame's skin round it (seen): a lid lighter than the
 * frame's skin is darkened at most down to it, one darker lightened at most up to it; a lid already past the frame's
 * skin in the gain's direction keeps its baked light (1). seen 0 (nothing read): the gain as it is.
 */
export function notPastFrame(gain: number, seen: number, baked: number): number {
  if (seen <= 0 || baked <= 1e-3) return gain;
  const to = seen / baked;
  return gain > 1 ? Math.min(gain, Math.max(1, to)) : Math.max(gain, Math.min(1, to));
}

/** The gain of a ring sum (seen over drawn luma) within GAIN. */
const ringGain = (seen: number, drawn: number, fallback: number) => (drawn > 1e-3 ? Math.min(GAIN[1], Math.max(GAIN[0], seen / drawn)) : fallback);

/**
 * Per patch cell (PATCH_W x PATCH_H), the luma gain that carries the change of the skin frame t shows round the lid
 * from the photo's (photoLuma, per cell) onto the baked lid (its mask, its shut line per column shutV), the patch
 * placed by frame f; null where too little of the ring is read. A luma gain: the lid keeps its baked hue (lidSkinTone.ts).
 */
export function frameGain(t: RasterTarget, photoLuma: Float32Array, mask: Float32Array, shutV: Float32Array, f: EyeFrame, nearIz: number, baked?: Float32Array): Float32Array | null {
  const n = PATCH_W * PATCH_H;
  // per cell: seen luma, drawn luma, weight (one grid, blurred together)
  const ring = new Float32Array(n * 3);
  let read = 0;
  for (let r = 0; r < PATCH_H; r++) {
    const v = cellV(r);
    for (let c = 0; c < PATCH_W; c++) {
      const k = r * PATCH_W + c, m = mask[k]!;
      if (m <= RING[0] || m >= RING[1]) continue;
      const lp = photoLuma[k]!;
      if (v > shutV[c]! - LOWER) { ring[k * 3] = ring[k * 3 + 1] = lp; ring[k * 3 + 2] = 1; continue; }
      const [x, y] = toImage(f, cellU(c), v);
      const ls = frameLuma(t, x, y, nearIz), q = ls / Math.max(1, lp);
      if (q < TRUST[0] || q > TRUST[1]) continue;
      ring[k * 3] = ls; ring[k * 3 + 1] = lp; ring[k * 3 + 2] = 1;
      read++;
    }
  }
  if (read < 8) return null;
  // far from the ring (the lid's middle) its nearer parts, coarse: a mix of the ring above and the lower lid below;
  // where the coarse ring does not reach, the lid as baked (the whole ring's mean there carried the lit ends' gain
  // over st_art_1's lid under a brow too dark to read)
  const coarse = coarseBlur(ring);
  blurRgb(ring, PATCH_W, PATCH_H, SIGMA);
  const whole = 1;
  const gain = new Float32Array(n), cs = new Float32Array(3);
  for (let r = 0; r < PATCH_H; r++) {
    for (let c = 0; c < PATCH_W; c++) {
      const k = r * PATCH_W + c;
      sample(coarse.a, coarse.w, coarse.h, (c + 0.5) / COARSE, (r + 0.5) / COARSE, cs, 0);
      const far = smoothstep(REACH[0], REACH[1], cs[2]! * COARSE), near = smoothstep(REACH[0], REACH[1], ring[k * 3 + 2]!);
      const wide = whole + far * (ringGain(cs[0]!, cs[1]!, whole) - whole);
      gain[k] = wide + near * (ringGain(ring[k * 3]!, ring[k * 3 + 1]!, wide) - wide);
      if (baked && frameMatchSetting.notPast && (far > 0 || near > 0)) {
        // the frame's skin round this cell (the ring's seen luma, as the gain mixes it) and the lid here as baked
        const seenWide = cs[2]! > 1e-6 ? cs[0]! / cs[2]! : 0, seenNear = ring[k * 3 + 2]! > 1e-6 ? ring[k * 3]! / ring[k * 3 + 2]! : seenWide;
        // the nearer of the two reads where the near ring reaches; lifting, the darker of them, lowering, the lighter (the
        // coarse read mixes the ring over the lid with the cheek under it)
        const b = luminance(baked[k * 3]!, baked[k * 3 + 1]!, baked[k * 3 + 2]!);
        const seen = near > 0 ? (gain[k]! > 1 ? Math.min : Math.max)(seenNear, seenWide + near * (seenNear - seenWide)) : seenWide;
        gain[k] = notPastFrame(gain[k]!, seen, b);
      }
    }
  }
  return gain;
}
