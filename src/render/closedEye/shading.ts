// The shut lid's look on the photo: the photo's skin (its membrane fill) times the library's
// shading, with the library's lash line as dark as the photo's; softened to the photo's
// resolution; with the photo's own grain.
import { PATCH_PPW, PATCH_W, PATCH_H } from './frame.ts';
import { cellU, cellV, cellRow, clamp01, blurRgb } from './grid.ts';
import { maskBottomEdge } from './mask.ts';
import { lineAt } from './library.ts';
import { creaseAt, type EyeGeometry } from './lids.ts';
import type { Band, ColourField } from './skinFill.ts';
import { luminance as lum } from '../../math/colour.ts';
import { mulberry32 } from '../../math/random.ts';

/** Bounds of the contrast given to the library's shading (1 = its own). */
const GAMMA_MIN = 0.6, GAMMA_MAX = 1.8;
/** Share of the photo's own fine texture (pores, film grain, brush marks) given to the shut lid. */
const GRAIN = 1;
/**
 * The skin band the grain is drawn from: from this far (eye widths) below the mask's lower edge (past
 * the lower lid's line and lashes: just at the edge they were most of lp_s7's and mt_man's values),
 * this tall; the seed of its order.
 */
const GRAIN_GAP = 0.08, GRAIN_BAND = 0.12, GRAIN_SEED = 0x5eed;
/**
 * The photo's own skin detail kept in place under the mask, outside the open eye (overOpenEye): the
 * blur it is taken over (cells, about 2 photo pixels: pores and fine folds), its share, and its clip
 * as a multiple of the dealt grain's 5th-95th percentiles.
 */
const SKIN_SIGMA = 2, SKIN_KEEP = 1, SKIN_CLIP = 1.5;
/** The open eye's extent for overOpenEye (eye widths): above the crease, below the lower lid, past the corners. */
const OPEN_ABOVE = 0.06, OPEN_BELOW = 0.03, OPEN_PAST_CORNER = 0.1;

/**
 * How dark a line is against the skin: the 10th-percentile luminance within the band (u 0.15..0.85)
 * over the skin reference's there, in (0.05, 0.95).
 */
export function darkness(rgb: Float32Array, ref: ColourField, band: Band): number {
  const rel: number[] = [];
  const r = [0, 0, 0];
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    if (u < 0.15 || u > 0.85) continue;
    const [v0, v1] = band(u);
    for (let row = 0; row < PATCH_H; row++) {
      const v = cellV(row);
      if (v < v0! || v > v1!) continue;
      const k = row * PATCH_W + c;
      ref(u, v, r);
      rel.push(lum(rgb[k * 3]!, rgb[k * 3 + 1]!, rgb[k * 3 + 2]!) / Math.max(1, lum(r[0]!, r[1]!, r[2]!)));
    }
  }
  if (!rel.length) return 0.5;
  rel.sort((a, b) => a - b);
  return Math.min(0.95, Math.max(0.05, rel[Math.floor(rel.length * 0.1)]!));
}

/** The power on the library's shading that makes its lash line (libDark) as dark as lashDark. */
export const lashGamma = (lashDark: number, libDark: number): number =>
  Math.min(GAMMA_MAX, Math.max(GAMMA_MIN, Math.log(lashDark) / Math.log(libDark)));

/**
 * The lid's colour: the photo's skin (photoRef) times the library's luminance over its own skin
 * (libRef) raised to gamma. Chroma comes from the photo, so a grey photo gives a grey lid.
 */
export function shadedSkin(warped: Float32Array, photoRef: ColourField, libRef: ColourField, gamma: number): Float32Array {
  const n = PATCH_W * PATCH_H;
  const rgb = new Float32Array(n * 3);
  const pr = [0, 0, 0], lr = [0, 0, 0];
  for (let k = 0; k < n; k++) {
    const u = cellU(k % PATCH_W), v = cellV(Math.floor(k / PATCH_W));
    photoRef(u, v, pr); libRef(u, v, lr);
    const raw = lum(warped[k * 3]!, warped[k * 3 + 1]!, warped[k * 3 + 2]!) / Math.max(1, lum(lr[0]!, lr[1]!, lr[2]!));
    // the contrast darkens the lash line; it must not brighten the lid's highlight above it
    // (raised to a power > 1 it turned into a pale band, a sliver of white over the lash line)
    const ratio = raw > 1 ? Math.pow(raw, Math.min(1, gamma)) : Math.pow(raw, gamma);
    for (let ch = 0; ch < 3; ch++) rgb[k * 3 + ch] = Math.min(255, Math.max(0, pr[ch]! * ratio));
  }
  return rgb;
}

/**
 * The lash line's upper half lightened toward the lid just above it: the library's line is a 24 px
 * video eye upsampled, soft and thick, and with its contrast matched to the photo's lash line its
 * dark band reached up to 0.05 eye widths into the lid. To the face mesh that band read as a narrow
 * open eye (its lids held apart; bench/blinkAblate.ts "lash top lighter": 9 -> 10 of 14 portraits
 * at or under 0.25, lp_s9 0.43 -> 0.34), and on narrow eyes (lp_s9) as the iris still showing.
 * Centre and width in eye widths above the shut line; the share blended at the centre.
 */
const LASH_TOP = { centre: 0.025, width: 0.02, share: 0.7 };
/** The lid's own colour is taken this far (eye widths) above the shut line, in the same column. */
const LID_ABOVE = 0.1;

/** Thins the lash line from above (LASH_TOP), per patch column, given the shut line's v at each column. */
export function thinLashTop(rgb: Float32Array, shutV: (u: number) => number): void {
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    if (u < -0.05 || u > 1.05) continue;
    const shut = shutV(clamp01(u));
    const rLid = Math.round(cellRow(shut - LID_ABOVE));
    if (rLid < 0 || rLid >= PATCH_H) continue;
    const lid = [0, 1, 2].map((ch) => rgb[(rLid * PATCH_W + c) * 3 + ch]!);
    for (let r = Math.max(0, rLid + 1); r < PATCH_H; r++) {
      const d = shut - cellV(r);
      if (d <= 0) break;
      const t = LASH_TOP.share * Math.exp(-(((d - LASH_TOP.centre) / LASH_TOP.width) ** 2));
      const k = (r * PATCH_W + c) * 3;
      for (let ch = 0; ch < 3; ch++) rgb[k + ch] = rgb[k + ch]! + t * (lid[ch]! - rgb[k + ch]!);
    }
  }
}

/**
 * The least blur of the lid (patch cells): on a sharp photo (its eye wider than the library's) the
 * library's lash line stayed a crisp even stroke, a pen line at 3x (0.7 moved the line's darkest
 * point below the lower lid line on the synthetic face of test/eyes-closed).
 */
const MIN_SOFT = 0.5;

/**
 * The blur (photo pixels) every detail of a photo carries as rendered: its pixel (PHOTO_PIXEL_SOFT),
 * and on a photo enlarged onto the crop (a 256 px photo on the 512 crop) the bilinear enlargement's
 * tent too (sigma 1/sqrt(6) of a photo pixel). Softened by less, a small photo's shut lid kept the
 * library's sharp lash line at the output's resolution: a crisp drawn arc in a soft face (the outside
 * critic on Obama s1v #25 and Fei-Fei s2 #76: 22-24 px eyes).
 */
const PHOTO_PIXEL_SOFT = 0.5, ENLARGED_SOFT = 1 / Math.sqrt(6);

/**
 * The blur (patch cells) of the photo's own pixel as rendered, at least MIN_SOFT; eyeWidth in photo
 * pixels, enlarged: the photo was enlarged onto the crop.
 */
function photoPixelSigma(eyeWidth: number, enlarged = false): number {
  const soft = enlarged ? Math.hypot(PHOTO_PIXEL_SOFT, ENLARGED_SOFT) : PHOTO_PIXEL_SOFT;
  return Math.max(MIN_SOFT, soft * (PATCH_PPW / Math.max(1, eyeWidth)));
}

/** Softens the lid to the photo's own pixel size (the library has PATCH_PPW px per eye width; the photo's eye is eyeWidth px wide), and at least MIN_SOFT. */
export function softenToPhoto(rgb: Float32Array, eyeWidth: number, enlarged = false): void {
  const sigma = photoPixelSigma(eyeWidth, enlarged);
  if (sigma > 0.2) blurRgb(rgb, PATCH_W, PATCH_H, sigma);
}

/**
 * The dealt grain's tails (s52 shutlid52): a smooth skin band holding a few specks or an edge over more
 * than 5 % of its cells (lp_s7's image-right cheek band: spread .95 luma, 95th percentile +8.4) put
 * those values, dealt at random, on the shut lid as pale flecks. Grain is the band's small symmetric
 * texture: its values are clipped at `spreads` robust spreads (1.48 x median |x|) as well as at the
 * 5th-95th percentiles; 0: percentiles only (before s52).
 */
export const grainTailSetting = { spreads: 3 };

const percentileOf = (a: number[], p: number): number => { const s = [...a].sort((x, y) => x - y); return p < 0.5 ? s[Math.floor(p * (s.length - 1))]! : s[Math.ceil(p * (s.length - 1))]!; };

/** The bounds the dealt grain is clipped to: the values' 5th-95th percentiles, within grainTailSetting.spreads robust spreads. */
export function grainBounds(grain: number[]): [number, number] {
  const sorted = [...grain].sort((a, b) => a - b);
  let lo = sorted[Math.floor(0.05 * (sorted.length - 1))]!, hi = sorted[Math.ceil(0.95 * (sorted.length - 1))]!;
  if (grainTailSetting.spreads > 0) {
    const abs = grain.map(Math.abs).sort((a, b) => a - b);
    const tail = grainTailSetting.spreads * 1.48 * abs[abs.length >> 1]!;
    lo = Math.max(lo, -tail);
    hi = Math.min(hi, tail);
  }
  return [lo, hi];
}

/**
 * The library eye is smooth (a video frame, upsampled); a photo has grain. The photo's fine detail
 * (the photo minus its blur) in the skin just past the mask's lower edge (GRAIN_BAND) is given to
 * the lid pixel by pixel in a seeded random order, so the shut lid carries the photo's own grain,
 * not a flat patch. Mirrored in place (rounds eyes5-11), the band's structure came along: mt_man's
 * lower lashes and creases repeated up the lid as comb-like vertical streaks. (Above the mask lies
 * the brow's lower hair on many faces, which streaked the lid with hair.) Since eyes13 that is only
 * over the open eye and its lid fold; the plain skin elsewhere under the mask keeps its own detail
 * where it is (overOpenEye).
 */
export function addPhotoGrain(rgb: Float32Array, photo: Float32Array, mask: Float32Array, g: EyeGeometry, eyeWidth = g.frame.width): void {
  const fine = detailOf(photo, 1.2), skin = detailOf(photo, SKIN_SIGMA);
  const grain: number[] = [];
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    if (u < 0 || u > 1) continue;
    const bottom = maskBottomEdge(g, u);
    for (let r = 0; r < PATCH_H; r++) {
      const v = cellV(r);
      if (v < bottom + GRAIN_GAP || v > bottom + GRAIN_GAP + GRAIN_BAND) continue;
      grain.push(Math.max(-20, Math.min(20, GRAIN * fine[r * PATCH_W + c]!)));
    }
  }
  if (!grain.length) return;
  // the band's edges (a lower lid line, a cartoon's outline) are no grain: past its 5th-95th
  // percentiles a value is clipped (dealt at random, they speckled lp_s7's smooth lid), and past
  // grainTailSetting.spreads of its spread (grainBounds)
  const [lo, hi] = grainBounds(grain);
  // where the tail bound cut the percentiles the band's tail is structure: its values are dealt clipped too
  const tailed = lo > percentileOf(grain, 0.05) || hi < percentileOf(grain, 0.95);
  const dealtField = dealtGrainField(tailed ? grain.map((x) => Math.min(hi, Math.max(lo, x))) : grain, mask, eyeWidth);
  for (let k = 0; k < PATCH_W * PATCH_H; k++) {
    if (mask[k]! <= 0) continue;
    const u = cellU(k % PATCH_W), v = cellV(Math.floor(k / PATCH_W));
    const dealt = dealtField[k]!;
    // plain skin under the mask (the lower lid, the brow bone) keeps its own detail in place (pores,
    // fine wrinkles; clipped); over the open eye and its fold the band's grain is dealt
    const detail = overOpenEye(g, u, v) ? dealt : SKIN_KEEP * skin[k]!;
    const d = Math.min(hi * SKIN_CLIP, Math.max(lo * SKIN_CLIP, detail));
    for (let ch = 0; ch < 3; ch++) rgb[k * 3 + ch] = Math.min(255, Math.max(0, rgb[k * 3 + ch]! + d));
  }
}

/**
 * The dealt grain as a field over the patch, as coarse as the photo's own pixels: dealt one value per
 * cell, it was a sand finer than the photo can show (a patch cell is 1.6-2 photo pixels' share on a
 * 25-30 px eye), a speckled oval, the eye's outline, on a smooth painting (Mona Lisa, st_art_1).
 * Blurred by the photo's pixel (softenToPhoto) and brought back to the dealt values' spread.
 */
function dealtGrainField(grain: number[], mask: Float32Array, eyeWidth: number): Float32Array {
  const n = PATCH_W * PATCH_H;
  const random = mulberry32(GRAIN_SEED);
  const field = new Float32Array(n * 3);
  for (let k = 0; k < n; k++) if (mask[k]! > 0) field.fill(grain[Math.floor(random() * grain.length)]!, k * 3, k * 3 + 3);
  const sigma = photoPixelSigma(eyeWidth);
  if (sigma <= MIN_SOFT) return pick(field);
  const spread = (a: Float32Array) => { let sum = 0, m = 0; for (let k = 0; k < n; k++) if (mask[k]! > 0) { sum += Math.abs(a[k * 3]!); m++; } return sum / Math.max(1, m); };
  const before = spread(field);
  blurRgb(field, PATCH_W, PATCH_H, sigma);
  const gain = before / Math.max(1e-6, spread(field));
  const out = pick(field);
  for (let k = 0; k < n; k++) out[k] = out[k]! * gain;
  return out;
}

/** The first channel of an RGB grid. */
const pick = (rgb: Float32Array): Float32Array => Float32Array.from({ length: rgb.length / 3 }, (_, k) => rgb[k * 3]!);

/** The photo's detail (mean over channels of the photo minus its blur at sigma cells). */
function detailOf(photo: Float32Array, sigma: number): Float32Array {
  const blurred = Float32Array.from(photo);
  blurRgb(blurred, PATCH_W, PATCH_H, sigma);
  const out = new Float32Array(PATCH_W * PATCH_H);
  for (let k = 0; k < out.length; k++) out[k] = (photo[k * 3]! - blurred[k * 3]! + photo[k * 3 + 1]! - blurred[k * 3 + 1]! + photo[k * 3 + 2]! - blurred[k * 3 + 2]!) / 3;
  return out;
}

/**
 * The open eye, its lashes and lid fold (eye frame): between the corners, from past the photo's
 * crease (the fold, long lashes and a cartoon's lid outline, kept in place, drew the open eye's
 * outline as a faint ring over the shut lid: lp_s7, lp_s42) to just below the lower lid's line.
 * Elsewhere under the mask the photo shows plain skin (the lower lid, the brow bone).
 */
function overOpenEye(g: EyeGeometry, u: number, v: number): boolean {
  if (u < -OPEN_PAST_CORNER || u > 1 + OPEN_PAST_CORNER) return false;
  const uc = clamp01(u);
  return v > creaseAt(g, uc) - OPEN_ABOVE && v < lineAt(g.lower, uc) + OPEN_BELOW;
}
