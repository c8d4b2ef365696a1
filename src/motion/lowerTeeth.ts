// How much of a driver's lower row of teeth shows, per video frame (issue #13, lowrow35). The renderer's library lower row
// stood its tips a fixed 0.02 IOD over the lower lip in every speech opening (render/mouth/teethRowLight.ts
// lowerTeethShow): where the driver shows no lower teeth (lp_d6 f156-168: two upper canines over her tongue) lp_s42's
// lower lip wore a line of round beads. Read up each middle column of the driver's opening from its lower lip: the run of
// teeth pixels standing on it. A tongue is as light as teeth but as red as the lips, so the pixel test (mouthDark.ts
// isTeethPixel) does not count it.
import type { RgbaImage } from '../types.ts';
import { saturation } from '../math/colour.ts';
import { isTeethPixel } from './mouthDark.ts';
import { lowerMass } from './paleTongue.ts';
import { insideSpan, medianColumnReading, middleOf, type MiddleAt, type MiddleBox, type ToothTest } from './mouthMiddle.ts';

/** a column counts from this many pixels inside the contour, and the reading from MIN_COLUMNS such columns */
const MIN_HEIGHT = 4, MIN_COLUMNS = 3;
/** the lower lip's wet inner edge under the lower teeth: up to this share of the column's height (at least one pixel) may be skipped before the run */
const LIP_EDGE = 0.15;
/** a column whose run from the lower lip reaches its top is one band of teeth (a bite): the lower row is taken as this share of it */
const BITE_LOWER = 0.4;

/**
 * A lower tooth: the lower row stands in the upper lip's and teeth's shade, dimmer than the upper row (Katie f17/f77's
 * grey lower teeth at 1.0-1.15 of her lips' light), so the light floor is the lips' own, not mouthDark.ts's 1.15 of it;
 * the saturation test as mouthDark.ts isTeethPixel (a tongue is as red as the lips).
 */
export function isLowerToothPixel(r: number, g: number, b: number, lipLight: number, lipSat: number): boolean {
  return 0.299 * r + 0.587 * g + 0.114 * b > LOWER_OF_LIP * lipLight && saturation(r, g, b) < Math.max(0.3, 0.7 * lipSat);
}
/** a lower tooth's light over the lips' (isLowerToothPixel) */
const LOWER_OF_LIP = 1.0;

/**
 * The run of teeth (1) standing on the column's bottom, over the column's height (NaN outside the contour, 1 teeth, 0 not),
 * or null under MIN_HEIGHT pixels. A run that reaches the column's top (the upper row meets the lower) counts BITE_LOWER.
 */
export function columnLowerRun(inside: ArrayLike<number>): number | null {
  const span = insideSpan(inside, MIN_HEIGHT);
  if (!span) return null;
  const { top, bottom, height } = span;
  let r = bottom;
  const edge = Math.max(1, Math.round(LIP_EDGE * height));
  while (r >= top && bottom - r < edge && inside[r] !== 1) r--;
  if (r < top || inside[r] !== 1) return 0;
  const start = r;
  while (r >= top && inside[r] === 1) r--;
  if (r < top) return BITE_LOWER;
  return (start - r) / height;
}

/**
 * The lower row's show in the driver's opening: over the middle columns (mouthMiddle.ts), the median share of each column's
 * height that its run of teeth standing on the lower lip covers (0: no lower teeth); null with too few columns (lips shut).
 * `where`: 478 landmarks in pixels, flat x, y, z, or their middle box (mouthMiddle.ts MiddleAt).
 */
export function lowerRowShow(img: RgbaImage, where: MiddleAt, isTooth: ToothTest = isLowerToothPixel, throughPale = THROUGH_PALE): number | null {
  return medianColumnReading(img, lowerRowBox(img, where, throughPale), isTooth, columnLowerRun, MIN_COLUMNS);
}

/**
 * Whether the lower row is read through the pale-tongue rows (paleTongue.ts, s40), which drop every bright pixel under the
 * opening's middle row for the other readings (s50 lowerrow50). The judgement's pink test is full from a median saturation of
 * .26, inside the lower rows' own .23-.29 (s40's table: lp_d6's lower teeth blurred with the tongue behind them), so it took
 * lp_d11's lower incisors under her pale tongue tip (f73-79, f162-168, f185-187: .25-.27) and pcavs681's cut row (.27-.29,
 * s50 toothhole50); judged at .5 of a weight wavering about it in one steady pose, it switched her row off and on frame by
 * frame (f96-98 read .26-.30 of the opening, f99-100 0, f101-105 .32-.36). A mass pinker than any lower row (PALE_ROW_SAT)
 * stays a tongue: lp_d10 f270-271 (.30, a tongue lying on her lower lip), lp_d6 f184 (.30, her tongue tip between the lips).
 */
export const THROUGH_PALE = true;
/** the pale mass's median saturation (paleTongue.ts lowerMass) under which the lower row is read through it: s40's lower rows reach .29 */
export const PALE_ROW_SAT = 0.29;
/** the tracker's lower-row reading options (faceTracker.ts frameReadings; a bench passes throughPale false for the reading before s50) */
export interface LowerRowOptions { throughPale?: boolean }

/** Whether a pale mass of this median saturation (paleTongue.ts lowerMass) may hold the lower row: no pinker than the lower rows. */
export function mayBeLowerRow(lowerSat: number): boolean {
  return lowerSat < PALE_ROW_SAT;
}

/**
 * The middle box a lower-row reading scans: `where`'s, with the pale-tongue rows kept when `throughPale` (THROUGH_PALE)
 * and the pale mass no pinker than a lower row (mayBeLowerRow).
 */
export function lowerRowBox(img: RgbaImage, where: MiddleAt, throughPale = THROUGH_PALE): MiddleBox | null {
  const box = middleOf(img, where);
  if (!box || !throughPale || !Number.isFinite(box.tongueFrom)) return box;
  const { lowerSat } = lowerMass(img, box.poly, (r, g, b) => isTeethPixel(r, g, b, box.lipLight, box.lipSat), box.lipLight);
  return mayBeLowerRow(lowerSat) ? { ...box, tongueFrom: Infinity } : box;
}

/** The lower row's show as IOD over the lower lip: the share read times the driver's lip gap (measures.ts lipGap, IOD). */
export function lowerShowIod(share: number, lipGap: number | undefined): number {
  return lipGap !== undefined && Number.isFinite(lipGap) ? share * Math.max(0, lipGap) : 0;
}
