// How light a driver's teeth are against its own cheeks (issue #13, s55 teethtone55; s54 rowtone54's diagnosis): the
// tracker reads how much of the opening is teeth (mouthDark.ts teethShare), not how light, so our rows took their light
// from the photo alone and read a shade greyer than Katie's white teeth (her row 1.08 x her cheeks, ours .96 x lp_s1's).
// Per frame: the lit pixels of the opening's upper half (the upper row; over TEETH_LIT of its 97th percentile, as
// bench/teethSkinFigures.ts reads a frame) at their median luma over the cheeks' (16 mesh points, 5 x 5 px each: skin on
// every face, never moustache or lips). Per clip: the median over the frames read (teeth do not change colour; one
// frame's read at 256 px is noisy). The renderer sets our rows' light to the same ratio over our photo's cheeks
// (render/mouth/rowTone.ts). No read (null) on a small or dark face, a closed or wide opening, or one showing no row.
import type { RgbaImage } from '../types.ts';
import { MOUTH_LOOP } from '../rig/topology.ts';
import { rowCrossings } from '../math/polygon.ts';
import { quantile } from '../math/stats.ts';
import { luma601At as luma } from '../math/colour.ts';

export const teethToneSetting = {
  /** the eye corners at least this far apart (px): a smaller face's row is a blur of its lips (read as faint) */
  minIod: 40,
  /** the cheeks' median luma at least this: a dark frame's ratio is noise over a few grey levels */
  minCheek: 50,
  /** the lip gap (IOD) read: a speech or smile opening (under it the row is an edge; over it the upper half holds the tongue) */
  gap: [0.06, 0.22] as [number, number],
  /** the opening's share in teeth (mouthDark.ts teethShare) at least this: a row shows */
  minShare: 0.1,
  /** at least this many lit pixels */
  minPixels: 30,
  /** a frame whose lit pixels are under this share of the cheeks' light shows no lit row (a dark mouth's lips) */
  minTone: 0.5,
  /** a clip needs this many frames read for a reading */
  minFrames: 5,
};

/** the cheeks' mesh points (under the eyes, beside the nose, over the jaw's sides): skin on every face, never moustache, brows or lips (bench/teethSkinFigures.ts reads them too) */
export const CHEEKS = [50, 101, 118, 117, 123, 147, 205, 36, 280, 330, 347, 346, 352, 376, 425, 266];
/** a pixel of the upper half is teeth over this share of the half's 97th percentile luma */
const TEETH_LIT = 0.6;

/** The cheeks' median luma (CHEEKS, 5 x 5 px each) with mesh point i at `at(i)` (image pixels): the photo's too (render/mouth/rowTone.ts). */
export function cheekLuma(img: RgbaImage, at: (i: number) => readonly [number, number]): number {
  const ys: number[] = [];
  for (const i of CHEEKS) {
    const [cx, cy] = at(i);
    for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) {
      const x = Math.round(cx + dx), y = Math.round(cy + dy);
      if (x >= 0 && y >= 0 && x < img.width && y < img.height) ys.push(luma(img.data, (y * img.width + x) * 4));
    }
  }
  return ys.length ? quantile(ys, 0.5) : NaN;
}

/**
 * One frame's teeth tone: the upper row's lit pixels' median luma over the cheeks' (null: not read, teethToneSetting).
 * `share`: the frame's teethShare (mouthDark.ts); `lm`: the 478 landmarks in image pixels, flat x, y, z.
 */
export function teethToneRead(img: RgbaImage, lm: ArrayLike<number>, share: number | null | undefined, s = teethToneSetting): number | null {
  if (share == null || share < s.minShare) return null;
  const iod = Math.hypot(lm[33 * 3]! - lm[263 * 3]!, lm[33 * 3 + 1]! - lm[263 * 3 + 1]!);
  if (!(iod >= s.minIod)) return null;
  const gap = Math.hypot(lm[13 * 3]! - lm[14 * 3]!, lm[13 * 3 + 1]! - lm[14 * 3 + 1]!) / iod;
  if (gap < s.gap[0] || gap > s.gap[1]) return null;
  const poly = MOUTH_LOOP.map((k) => [lm[k * 3]!, lm[k * 3 + 1]!] as [number, number]);
  const mid = 0.5 * (lm[13 * 3 + 1]! + lm[14 * 3 + 1]!);
  let y0 = Infinity;
  for (const [, y] of poly) y0 = Math.min(y0, y);
  // (the upper half's pixel centres between the contour's crossings, even-odd, as mouthDark.ts teethShare counts)
  const ys: number[] = [], xs: number[] = [];
  for (let y = Math.max(0, Math.ceil(y0)); y + 0.5 < mid && y < img.height; y++) {
    rowCrossings(poly, y, xs);
    for (let k = 0; k + 1 < xs.length; k += 2)
      for (let x = Math.max(0, Math.ceil(xs[k]!)); x < Math.min(img.width, xs[k + 1]!); x++) ys.push(luma(img.data, (y * img.width + x) * 4));
  }
  if (ys.length < s.minPixels) return null;
  const p97 = quantile(ys, 0.97), teeth = ys.filter((v) => v >= TEETH_LIT * p97);
  if (teeth.length < s.minPixels) return null;
  const cheek = cheekLuma(img, (i) => [lm[i * 3]!, lm[i * 3 + 1]!]);
  if (!(cheek >= s.minCheek)) return null;
  const tone = quantile(teeth, 0.5) / cheek;
  return tone >= s.minTone ? Math.round(tone * 1000) / 1000 : null;
}

/** The clip's teeth tone: the median of its frames' reads (teethToneRead), or undefined under `minFrames` of them. */
export function clipTeethTone(reads: readonly (number | null | undefined)[], s = teethToneSetting): number | undefined {
  const ok = reads.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return ok.length >= s.minFrames ? Math.round(quantile(ok, 0.5) * 1000) / 1000 : undefined;
}
