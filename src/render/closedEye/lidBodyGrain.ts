// The shut lid's body with the photo's own skin grain (s46, lids46). critic45: lp_s12's shut lids
// are "smooth mauve / grey-brown ovals" in a grainy hand-tinted photo. The lid is the membrane fill
// (smooth by construction) times the library's shading, softened to the photo's pixel; the grain
// shading.ts deals in is a few random values blurred to the photo's pixel, so at 512 px the body's
// fine detail is a fraction of the skin's round it (lp_s12 ~.15 of its cheek's), and a smooth
// patch in grainy skin reads as a sticker however close its colour. Here the body takes the
// photo's own detail from the cheek under the same column (its high-pass: the grain at the photo's
// pixel, not its shading), row for row down the lid, as much of it as the body lacks against the
// cheek, clipped to the cheek's 10-90 % (lower lashes, moles and the lid's rim are no grain). Only
// the lid's body gets it (lidSkinTone's body share), and it fades out above the shut line (the face
// mesh reads texture there as the lids held apart: socket38's lidGrain, lids40), and not on an eye
// the analysis moved onto a painted eye (lp_s10's far eye: its cheek is the painting's craquelure).
import { PATCH_W, PATCH_H, PATCH_PPW, PATCH_U0 } from './frame.ts';
import { cellU, cellV, cellRow, clamp01, blurRgb, sampleScalar } from './grid.ts';
import { creaseAt, shutAt, type EyeGeometry } from './lids.ts';
import { lineAt } from './library.ts';
import { bodyWeights } from './lidSkinTone.ts';
import { luminance as lum } from '../../math/colour.ts';
import { smoothstep } from '../../math/smooth.ts';
import { mulberry32 } from '../../math/random.ts';
import { dealPatches } from './lidGrainPatches.ts';
import { lidGrainOverTopSetting, overTopDetail } from './lidGrainOverTop.ts';

/**
 * on (the product) / off: the lid's body as baked (before s46). alongU (s52): the sigma (eye widths) of the
 * run along the lower lid whose mean is taken out of the cheek's high-pass before it is copied (0: copied as is).
 * patches (s53, lidskin53): the band dealt in 2-D blocks of blockPx photo pixels at its own scale
 * (lidGrainPatches.ts), with patchAlongU in place of alongU; off: s52's rows stretched over the lid, in shifted runs.
 */
export const lidBodyGrainSetting = { on: true, alongU: 0.1, patches: true, patchAlongU: 0.2, blockPx: 3 };

/** The cheek band the grain is copied from (eye widths under the lower lid line: past its lashes and rim). */
const CHEEK_FROM = 0.12, CHEEK_SPAN = 0.2;
/** The high-pass: the photo minus its blur over this many photo pixels (the grain a render shows). */
const DETAIL_PX = 1.5;
/** The share of the cheek's grain spread the body is brought up to (real shut lids carry as much as the cheek or more, lids40). */
const REACH = 1.25;
/** The copied detail's clip: the cheek band's percentiles, widened by this factor. */
const CLIP_PCT = [0.1, 0.9] as const, CLIP_WIDEN = 1.3;
/**
 * The copy's rows are taken in runs of ROW_RUN photo pixels, each run from the same column shifted by a
 * seeded offset within +-SHIFT eye widths: the cheek's vertical structures (lower lashes, a wrinkle)
 * come in as short broken marks, not as a comb of streaks down the lid (the first try on lp_s12).
 */
const ROW_RUN = 1.5, SHIFT = 0.3, SEED = 0x11d5;
/** Over the crease -> shut line, the grain fades out between these shares (the band the face mesh reads the opening in). */
const LINE_FADE = [0.5, 0.75] as const;
/** (s57) The skin over the mask's top raises the reference spread to at most this many times the cheek's. */
const OVER_MAX = 2;

/** Robust spread (1.48 x median |x|) of values. */
export function spread(values: ArrayLike<number>): number {
  const a = Array.from(values, Math.abs).sort((p, q) => p - q);
  return a.length ? 1.48 * a[a.length >> 1]! : 0;
}

/** The luma high-pass of an RGB grid: luma minus its blur at sigma cells. */
export function lumaDetail(rgb: Float32Array, sigma: number): Float32Array {
  const blurred = Float32Array.from(rgb);
  blurRgb(blurred, PATCH_W, PATCH_H, sigma);
  const out = new Float32Array(PATCH_W * PATCH_H);
  for (let k = 0; k < out.length; k++) out[k] = lum(rgb[k * 3]!, rgb[k * 3 + 1]!, rgb[k * 3 + 2]!) - lum(blurred[k * 3]!, blurred[k * 3 + 1]!, blurred[k * 3 + 2]!);
  return out;
}

/**
 * The gain on the copied detail that brings a body of spread `own` to `target` (independent grains
 * add in squares): 0 when the body already has as much.
 */
export const grainGain = (own: number, target: number, copied: number): number =>
  copied > 1e-6 && target > own ? Math.sqrt(target * target - own * own) / copied : 0;

/** How much of the grain a body cell takes, from its share of the way crease (0) -> shut line (1). */
export const lineFade = (t: number): number => 1 - smoothstep(LINE_FADE[0], LINE_FADE[1], t);

/**
 * The cheek cell a body cell copies from: same column, the body's crease -> shut share mapped onto
 * the cheek band under the lower lid. Returns the patch row (fractional), or undefined off the patch.
 */
export function cheekRow(g: EyeGeometry, u: number, t: number): number | undefined {
  const v = lineAt(g.lower, clamp01(u)) + CHEEK_FROM + clamp01(t) * CHEEK_SPAN;
  const r = cellRow(v);
  return r >= 0 && r <= PATCH_H - 1 ? r : undefined;
}

/** Rows of the cheek band (cheekBand): one per cell of its span, and one either side for the interpolation. */
const BAND_ROWS = Math.ceil(CHEEK_SPAN * PATCH_PPW) + 2;

/**
 * The cheek band under the lower lid, straightened: row j is the band's share j / (BAND_ROWS - 2) (cheekRow's t),
 * column c the patch column, each a sample of `detail` along that column (NaN off the patch). A line that runs
 * with the lower lid (a painted lid's rim, a bag's fold) is one row here, and row for row it would be one down the lid.
 */
export function cheekBand(detail: Float32Array, g: EyeGeometry): Float32Array {
  const band = new Float32Array(PATCH_W * BAND_ROWS);
  for (let j = 0; j < BAND_ROWS; j++) {
    for (let c = 0; c < PATCH_W; c++) {
      const r = cheekRow(g, cellU(c), (j - 0.5) / (BAND_ROWS - 2));
      band[j * PATCH_W + c] = r === undefined ? NaN : sampleScalar(detail, PATCH_W, PATCH_H, c + 0.5, r + 0.5);
    }
  }
  return band;
}

/**
 * A grid less its rows' local means (a Gaussian of sigma cells along each row, NaN cells left out): what runs
 * along the rows for longer than the grain (a line) goes, the grain, a few cells across either way, stays.
 */
export function withoutRunsAlong(grid: Float32Array, w: number, sigma: number): Float32Array {
  if (sigma <= 0) return grid;
  const rad = Math.ceil(2.5 * sigma), k = Array.from({ length: 2 * rad + 1 }, (_, i) => Math.exp(-((i - rad) ** 2) / (2 * sigma * sigma)));
  const out = new Float32Array(grid.length);
  for (let y = 0; y < grid.length / w; y++) {
    for (let x = 0; x < w; x++) {
      const v = grid[y * w + x]!;
      let acc = 0, sum = 0;
      for (let i = -rad; i <= rad; i++) {
        const xx = x + i, q = xx >= 0 && xx < w ? grid[y * w + xx]! : NaN;
        if (!Number.isNaN(q)) { acc += k[i + rad]! * q; sum += k[i + rad]!; }
      }
      out[y * w + x] = Number.isNaN(v) || sum <= 0 ? NaN : v - acc / sum;
    }
  }
  return out;
}

/** The patch columns under the eye the patches are dealt from (u .1-.9: past the corners lie the nose's side, hair, a painted eye's outline). */
const SOURCE_COLUMNS = [Math.ceil((0.1 - PATCH_U0) * PATCH_PPW), Math.floor((0.9 - PATCH_U0) * PATCH_PPW)] as const;

/** The band's cells under the eye (SOURCE_COLUMNS, its rows inside the span), NaN left out. */
function bandUnderEye(band: Float32Array): number[] {
  const out: number[] = [];
  for (let j = 1; j < BAND_ROWS - 1; j++) for (let c = SOURCE_COLUMNS[0]; c < SOURCE_COLUMNS[1]; c++) { const d = band[j * PATCH_W + c]!; if (!Number.isNaN(d)) out.push(d); }
  return out;
}

/** The share-weighted mean of the values clipped to [lo, hi] (0 when no share). */
function sharedMean(values: Float32Array, share: Float32Array, lo: number, hi: number): number {
  let acc = 0, sum = 0;
  for (let k = 0; k < values.length; k++) if (share[k]! > 0) { acc += share[k]! * Math.min(hi, Math.max(lo, values[k]!)); sum += share[k]!; }
  return sum > 0 ? acc / sum : 0;
}

/** s52's copy: the band's column cs (clamped), its row by the crease -> shut share t, interpolated. */
function rowCopy(band: Float32Array, column: number, t: number): number {
  const cs = Math.min(PATCH_W - 1, Math.max(0, column));
  const j = 0.5 + clamp01(t) * (BAND_ROWS - 2), j0 = Math.floor(j), f = j - j0;
  return (1 - f) * band[j0 * PATCH_W + cs]! + f * band[Math.min(BAND_ROWS - 1, j0 + 1) * PATCH_W + cs]!;
}

/**
 * Adds the cheek's grain to the baked lid's body in place (multiplicative per cell, so the lid's
 * chroma is kept). photoPixel: patch cells per photo pixel's worth of the eye (eyePhotoPixels).
 */
export function addLidBodyGrain(rgb: Float32Array, photo: Float32Array, mask: Float32Array, g: EyeGeometry, eyePhotoPixels: number): void {
  const sigma = Math.max(0.7, DETAIL_PX * (PATCH_PPW / Math.max(1, eyePhotoPixels)));
  // s52 (lidgrain52): the band without its runs along the lower lid (lp_s0's painted lower lid lines were copied
  // into the lid as a grey arch and streaks): the grain is what is left; the body's own detail is weighed the same way
  const patches = lidBodyGrainSetting.patches, cellsPerPx = PATCH_PPW / Math.max(1, eyePhotoPixels);
  const along = (patches ? lidBodyGrainSetting.patchAlongU : lidBodyGrainSetting.alongU) * PATCH_PPW;
  const ownDetail = withoutRunsAlong(lumaDetail(rgb, sigma), PATCH_W, along);
  const band = withoutRunsAlong(cheekBand(lumaDetail(photo, sigma), g), PATCH_W, along);
  const w = bodyWeights(g, mask);
  const copied = new Float32Array(PATCH_W * PATCH_H), share = new Float32Array(PATCH_W * PATCH_H);
  const cheekVals: number[] = [], bodyOwn: number[] = [];
  const run = Math.max(1, Math.round(ROW_RUN * cellsPerPx));
  // s53: blocks of the band at its own scale, seeded places within SHIFT of their column (lidGrainPatches.ts)
  const block = Math.min(BAND_ROWS - 2, Math.max(4, 2 * Math.round((lidBodyGrainSetting.blockPx * cellsPerPx) / 2)));
  const dealt = patches ? dealPatches(band, BAND_ROWS, block, SHIFT * PATCH_PPW, SEED, ...SOURCE_COLUMNS) : undefined;
  const random = mulberry32(SEED);
  const shifts = Array.from({ length: Math.ceil(PATCH_H / run) }, () => Math.round((2 * random() - 1) * SHIFT * PATCH_PPW));
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c), uc = clamp01(u), crease = creaseAt(g, uc), shut = shutAt(g, uc);
    for (let r = 0; r < PATCH_H; r++) {
      const k = r * PATCH_W + c;
      if (w[k]! <= 0) continue;
      const t = (cellV(r) - crease) / Math.max(1e-3, shut - crease);
      const d = dealt ? dealt[k]! : rowCopy(band, c + shifts[Math.floor(r / run)]!, t);
      if (Number.isNaN(d)) continue;
      copied[k] = d;
      share[k] = w[k]! * lineFade(t);
      if (w[k]! > 0.5) { cheekVals.push(copied[k]!); bodyOwn.push(ownDetail[k]!); }
    }
  }
  // s53: the patches' clip and the spread aimed at are the band's under the eye, not what the deal happened to pick
  const dealtVals = [...cheekVals];
  if (patches) cheekVals.splice(0, cheekVals.length, ...bandUnderEye(band));
  if (cheekVals.length < 16) return;
  const sorted = [...cheekVals].sort((p, q) => p - q);
  const lo = CLIP_WIDEN * sorted[Math.floor(CLIP_PCT[0] * (sorted.length - 1))]!, hi = CLIP_WIDEN * sorted[Math.ceil(CLIP_PCT[1] * (sorted.length - 1))]!;
  const clipped = (patches ? dealtVals : cheekVals).map((d) => Math.min(hi, Math.max(lo, d)));
  // centred: the clip is not symmetric (dark specks), and the lid's tone is lidSkinTone's, not the grain's (the patches:
  // on what is added, by each cell's share, so the lid's mean light is kept whatever blocks the deal picked)
  const centre = patches ? sharedMean(copied, share, lo, hi) : clipped.reduce((a, b) => a + b, 0) / clipped.length;
  // s57: or the skin's over the mask's top, where grainier (lidGrainOverTop.ts)
  const over = lidGrainOverTopSetting.on ? overTopDetail(withoutRunsAlong(lumaDetail(photo, sigma), PATCH_W, along), photo, mask, g) : [];
  // at most OVER_MAX x the cheek's: a smooth picture (lp_s7's cartoon) takes no grain from a painted fold's edges over its lid
  const reference = Math.max(spread(cheekVals), over.length >= 16 ? Math.min(OVER_MAX * spread(cheekVals), spread(over)) : 0);
  const gain = grainGain(spread(bodyOwn), REACH * reference, spread(clipped.map((d) => d - centre)));
  if (gain <= 0) return;
  for (let k = 0; k < share.length; k++) {
    if (share[k]! <= 0) continue;
    const l = lum(rgb[k * 3]!, rgb[k * 3 + 1]!, rgb[k * 3 + 2]!);
    if (l < 1) continue;
    const d = gain * share[k]! * (Math.min(hi, Math.max(lo, copied[k]!)) - centre);
    for (let ch = 0; ch < 3; ch++) rgb[k * 3 + ch] = Math.min(255, Math.max(0, rgb[k * 3 + ch]! * (1 + d / l)));
  }
}
