// How much of a driver's lower row of teeth shows, per video frame (issue #13, lowrow35). The renderer's library lower row
// stood its tips a fixed 0.02 IOD over the lower lip in every speech opening (render/mouth/teethRowLight.ts
// lowerTeethShow): where the driver shows no lower teeth (lp_d6 f156-168: two upper canines over her tongue) lp_s42's
// lower lip wore a line of round beads. Read up each middle column of the driver's opening from its lower lip: the run of
// teeth pixels standing on it. A tongue is as light as teeth but as red as the lips, so the pixel test (mouthDark.ts
// isTeethPixel) does not count it.
import type { RgbaImage } from '../types.ts';
import { saturation, luma601At } from '../math/colour.ts';
import { isTeethPixel } from './mouthDark.ts';
import { lowerMass } from './paleTongue.ts';
import type { EyeWhite } from './eyeWhiteRef.ts';
import { forEachMiddlePixel, insideSpan, medianColumnReading, middleOf, type MiddleAt, type MiddleBox, type ToothTest } from './mouthMiddle.ts';
import { sortedMedian } from '../math/stats.ts';

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
export function lowerRowShow(img: RgbaImage, where: MiddleAt, isTooth: ToothTest = isLowerToothPixel, throughPale = THROUGH_PALE, belowLip = BELOW_LIP, white: EyeWhite | null = null): number | null {
  const box = lowerRowBox(img, where, throughPale);
  // (the frame's eye white as a second grey reference: whiteRefSetting)
  const limit = box ? whiteToothSat(white, box.lipLight, box.lipSat) : 0;
  const inside = withWhite(isTooth, LOWER_OF_LIP, limit);
  return belowLip > 0 && box ? lowerRowShowBelow(img, box, inside, belowLip, withWhite(UNDER_TOOTH ? isUnderToothPixel : isTooth, UNDER_OF_LIP, limit)) : medianColumnReading(img, box, inside, columnLowerRun, MIN_COLUMNS);
}

/**
 * The driver's eye whites as the grey a lower tooth is told by (s53 whiteref53, eyeWhiteRef.ts). The tests here hold a tooth
 * greyer than a share of the lips' saturation; on a tinted video the lit row carries the tint and sits over that limit
 * (pcavs741 f97/f110: his row's white line at sat .34-.39 beside lips .46, the inside test's limit .32, the under test's .37;
 * his whites .34-.38 in the same frames). A pixel as light as the test asks and no redder than the frame's white by
 * `margin` is a tooth too (the row's thin line is blurred with the lip and the dark: .03 read f97 0, .05 reads it .14; a real
 * tongue sits .1 and more over the whites: klob's .42-.45 beside .33, lp_d6's .38-.41 beside .11-.19). Only where the white is clearly greyer than the lips (`greyer` of their saturation) and lit
 * (`light` of their light: a lowered lid's or a squint's brightest pixels are lid skin, as red as the lips: klob f123-141
 * read .44-.57 at .73-.95 of their light, so no white redder than `most`: pcavs741's reach .38, Reagan's and pcavs681's .38 and
 * .33); it only loosens the tests (a white greyer than today's limit changes nothing:
 * klob's whites .33 + margin .38, under her inside limit .385, so her grey tongue at .42-.45 stays tongue). Off: the tests before s53.
 */
export const whiteRefSetting = { on: true, margin: 0.05, greyer: 0.85, light: 0.85, most: 0.4 };

/** The saturation under which a lower-row pixel is a tooth by the frame's eye white (whiteRefSetting; 0: no white to go by). */
export function whiteToothSat(white: EyeWhite | null | undefined, lipLight: number, lipSat: number): number {
  const { on, margin, greyer, light, most } = whiteRefSetting;
  if (!on || !white || !(white.sat <= Math.min(most, greyer * lipSat)) || !(white.light >= light * lipLight)) return 0;
  return white.sat + margin;
}

/** `test`, or a pixel over `ofLip` of the lips' light greyer than `satLimit` (whiteToothSat; 0: `test` alone). */
export function withWhite(test: ToothTest, ofLip: number, satLimit: number): ToothTest {
  if (!(satLimit > 0)) return test;
  return (r, g, b, lipLight, lipSat) => test(r, g, b, lipLight, lipSat) || (0.299 * r + 0.587 * g + 0.114 * b > ofLip * lipLight && saturation(r, g, b) < satLimit);
}

/**
 * How far the lower row is followed under the contour's bottom, as a share of the column's height (0: off, the reading
 * before; s51 lowerread51). The tracker's inner lower-lip contour can lie across a dim lower row (reagan_6 f101/f136: an
 * old man's grey-pink row at 1.5-1.7 of his lips' light, 3-4 of its 5 rows under the contour), which then reads 0-.17 of
 * the opening where the row shows about a third. A column whose bottom pixel is a tooth, or whose first pixel under the
 * contour is, counts the teeth pixels straight under it with its run (the lower lip, as red as the lips, stops it).
 */
export const BELOW_LIP = 0.5;

/**
 * Under the contour a tooth is told from the lower lip by a test of its own (UNDER_TOOTH, isUnderToothPixel): lighter than
 * the lips by mouthDark.ts TEETH_OF_LIP, as the upper row, and greyer than them by UNDER_SAT_OF_LIP. Inside the contour
 * the lower row sits in the upper lip's shade (isLowerToothPixel: any light over the lips', but greyer by .7 of their
 * saturation); under it, where the lower lip lies, a lit row blurs with the lip's red into .33-.36 (pcavs741 f110: rows at
 * 1.3-1.6 of the lips' light, sat .34-.35 beside lips .46, the lip under them .43-.48; reagan f21 .31-.36 beside .45,
 * the lip .40-.44), which .7 of the lips' took for lip.
 */
export const UNDER_TOOTH = true;
/** isUnderToothPixel: the least light over the lips' and the most saturation as a share of theirs */
export const UNDER_OF_LIP = 1.15, UNDER_SAT_OF_LIP = 0.8;
/** A lower tooth under the inner-lip contour (UNDER_TOOTH): lighter than the lips by UNDER_OF_LIP, greyer by UNDER_SAT_OF_LIP. */
export function isUnderToothPixel(r: number, g: number, b: number, lipLight: number, lipSat: number): boolean {
  return 0.299 * r + 0.587 * g + 0.114 * b > UNDER_OF_LIP * lipLight && saturation(r, g, b) < Math.max(0.3, UNDER_SAT_OF_LIP * lipSat);
}

/**
 * The contour's bottom EDGE_ROWS pixel rows (a blur's width, not a share of a tall opening's height: a pale tongue lying in its
 * lower part, lp_d6's at sat .73-.79 of her lips', would pass the under test's .8) are told by the under-contour test
 * (isUnderToothPixel) as well as the inside one: the tracker's inner lower-lip line lies across the row's edge with the lip,
 * where the row blurs with the lip's red as under it (pcavs741 f110: a white line along the bottom of a dark opening, in
 * the contour's last two rows at 1.45-1.6 of the lips' light, sat .34-.37 beside lips .46: the inside test's limit .32,
 * the under test's .37; it read 0 there). 0: off (the reading before s53).
 */
export const EDGE_ROWS = 2;

/**
 * How many pixels under the contour's bottom a row's lit edge may start (s54 holes54). The under-contour walk (BELOW_LIP) starts
 * only where the contour's bottom pixel or the first one under it is a tooth; on a small face the tracker's line lies a pixel
 * over the row's 1-2 px edge, with the blur between the dark and the lit row under it (pcavs741 f111: per middle column the
 * contour's last pixel dark, then one at .9-1.0 of the lips' light / sat .49-.52, then the row at 1.4-1.5 / .34-.38; 4 of 13
 * columns read, the median 0). A column with no run may skip up to UNDER_BLUR such pixels, each darker than the tooth under
 * it, and counts them with the run. 0: off (the reading before s54).
 */
export const UNDER_BLUR = 1;

/**
 * A column that reads no run may have the lower lip's wet inner band inside the contour (the tracker's line drawn low) under
 * the row: up to LIP_BAND of its height of pixels as red as the lips (LIP_RED_SAT of their saturation, at least LIP_RED_LIGHT
 * of their light: not the dark cavity; a tongue, greyer, stops it) is passed, and the row's edge over it told as at the
 * contour's bottom (EDGE_ROWS by the under test, then the inside test). klob f42: her lower row's edge (1.5-1.9 of the lips'
 * light) stands 4-5 px over the 28-px column's bottom, on her lip's band at sat .46-.55 beside lips .55; the lip edge
 * columnLowerRun skips is .15 of the height (4 px). Such a run counts only in the column's lower half and parted from any
 * teeth above it by a gap of non-teeth (LIP_BAND_GAP): an upper row in a slit, hanging from a dark line under the upper lip
 * down to the band, is not a lower row (lp_d6 f128/f336: her upper row alone read .46-.63 of the column without the half). 0: off.
 */
export const LIP_BAND = 0.3;
/** a lip-band pixel: saturation over this share of the lips', light over this share of theirs */
const LIP_RED_SAT = 0.8, LIP_RED_LIGHT = 0.8;
/** the least gap of non-teeth over a run found over the lip band, as a share of the column's height (at least 2 px) */
const LIP_BAND_GAP = 0.15;

/** Whether a pixel is as red as the lips (the lower lip's wet band: LIP_BAND). */
function isLipRed(r: number, g: number, b: number, lipLight: number, lipSat: number): boolean {
  return 0.299 * r + 0.587 * g + 0.114 * b >= LIP_RED_LIGHT * lipLight && saturation(r, g, b) >= LIP_RED_SAT * lipSat;
}

/** lowerRowShow with each column's run followed under the contour (BELOW_LIP): the run and the height both grow by the rows followed. */
export function lowerRowShowBelow(img: RgbaImage, box: MiddleBox, isTooth: ToothTest, belowLip: number, underTooth: ToothTest = UNDER_TOOTH ? isUnderToothPixel : isTooth, edge = EDGE_ROWS, lipBand = LIP_BAND, underBlur = UNDER_BLUR): number | null {
  const standing: number[] = [], readings = lowerRowColumns(img, box, isTooth, belowLip, underTooth, edge, lipBand, underBlur, standing);
  return readings ? columnsReading(readings, standing) : null;
}

/**
 * lowerRowShowBelow's reading of each middle column, left to right (null: no box or too few columns); `standing` (filled when
 * given) the same with the runs found over the lip band (LIP_BAND) as 0: only runs standing on the contour's bottom or under it.
 */
export function lowerRowColumns(img: RgbaImage, box: MiddleBox, isTooth: ToothTest, belowLip: number, underTooth: ToothTest = UNDER_TOOTH ? isUnderToothPixel : isTooth, edge = EDGE_ROWS, lipBand = LIP_BAND, underBlur = UNDER_BLUR, standing?: number[]): number[] | null {
  if (!(box.lipLight > 0)) return null;
  const { lipLight, lipSat, x0, x1, y0, y1 } = box;
  const w = x1 - x0 + 1, h = y1 - y0 + 1, cell = new Float32Array(w * h).fill(NaN), d = img.data;
  const test = (t: ToothTest, x: number, y: number) => { const i = (y * img.width + x) * 4; return t(d[i]!, d[i + 1]!, d[i + 2]!, lipLight, lipSat); };
  const tooth = (x: number, y: number) => test(underTooth, x, y);
  const light = (x: number, y: number) => { const i = (y * img.width + x) * 4; return luma601At(d, i); };
  // (the rows under image row y from a blur pixel, each darker than the tooth under it, down a run of teeth, at most `most`; 0: none)
  const blurredRowUnder = (x: number, y: number, most: number) => {
    for (let skip = 1; skip <= underBlur; skip++) {
      const first = y + skip + 1;
      if (first >= img.height || !tooth(x, first) || !(light(x, first - 1) < light(x, first))) continue;
      let n = skip;
      while (n < most && y + n + 1 < img.height && tooth(x, y + n + 1)) n++;
      return n > skip ? n : 0;
    }
    return 0;
  };
  forEachMiddlePixel(box, img, (q, _i, tongue) => (cell[q] = !tongue && test(isTooth, x0 + (q % w), y0 + Math.floor(q / w)) ? 1 : 0));
  const readings: number[] = [], column = new Float32Array(h), edged = new Float32Array(h);
  // a column's run standing on the contour's bottom, followed under it
  const followed = (col: Float32Array, c: number, span: { bottom: number; height: number }) => {
    const run = columnLowerRun(col)!;
    let below = 0;
    // (a bite, BITE_LOWER, is already one whole band; otherwise a run on the bottom pixel, or teeth right under it, goes on down)
    const y = y0 + span.bottom, most = Math.round(belowLip * span.height), x = x0 + c;
    if (run !== BITE_LOWER && (col[span.bottom] === 1 || (y + 1 < img.height && tooth(x, y + 1))))
      while (below < most && y + below + 1 < img.height && tooth(x, y + below + 1)) below++;
    // (a row whose lit edge lies a blur pixel under the contour: UNDER_BLUR)
    else if (run === 0 && underBlur > 0) below = blurredRowUnder(x, y, most);
    return below ? (run * span.height + below) / (span.height + below) : run;
  };
  for (let c = 0; c < w; c++) {
    for (let k = 0; k < h; k++) column[k] = cell[k * w + c]!;
    const span = insideSpan(column, MIN_HEIGHT);
    if (!span) continue;
    let read = followed(column, c, span);
    // (the contour's bottom rows, on the row's blurred edge with the lip, told as under it: EDGE_ROWS; not in a pale tongue's
    // rows; the larger reading, as a run starting lower may stop short of one the lip edge's skip found: noem f95)
    if (edge > 0) {
      edged.set(column);
      for (let k = span.bottom; k > span.bottom - edge && k >= span.top; k--)
        if (edged[k] === 0 && y0 + k < box.tongueFrom && tooth(x0 + c, y0 + k)) edged[k] = 1;
      read = Math.max(read, followed(edged, c, span));
    }
    // (none standing on the contour's bottom: perhaps over the lower lip's band inside it, LIP_BAND)
    standing?.push(read);
    readings.push(read === 0 && lipBand > 0 ? runOverLipBand(column, span, x0 + c, y0, lipBand, (x, yy) => test(isLipRed, x, yy), tooth, box.tongueFrom, edge) : read);
  }
  if (readings.length < MIN_COLUMNS) return null;
  return readings;
}

/**
 * A row shown over part of the middle (s55 lowread55). The median reads 0 where fewer than half the middle columns hold the
 * row; an old man's faint row shows in one patch (reagan_6 f63/f64: 5-6 of 14 columns side by side read .07-.21 of the column,
 * the rest see his lower lip's own light, 1.0 of the lips' at their saturation, the median 0: a black slot drawn where he shows
 * a pale row), as does a small tinted face's row edge (pcavs741 f96: 5 of 14 at .14-.29). Where the median is 0 and at least
 * `least` of the columns (and MIN_COLUMNS) side by side read a lower row's run, the reading is the patch's median run scaled
 * by its width over the half of the columns the median needs (continuous with the median: a patch of half the columns reads
 * its run), so a narrow patch reads low and the renderer draws it faint (render/mouth/faintLowerRow.ts). The patch's summed
 * share of the whole middle read reagan f63/f64 .048/.069, under the renderer's faint floor after his .1 IOD gap and the series.
 * A patch's run stands on the contour's bottom or under it (`standing`: not over the lip band, where a wet tongue's glint
 * reads: lp_d6 f148) and is a lower row's: at most `most` of the column (teeth filling the opening from the lower lip are an upper row
 * standing on it: lp_d6 f122/f287's smile, .7-.9 over half the middle; Katie f188) and its median at least `run` (a 1-px
 * blur line under a dark band is no row: Katie f198's .04-.07, lp_d10 f50's .06-.08 at her tongue's lit rim). Scattered
 * columns (a glint, a blurred pixel: reagan f57's 4 of 14) stay 0. Off: the median alone (before s55).
 */
export const partRowSetting = { on: true, least: 1 / 3, most: 0.5, run: 0.1 };

/**
 * The columns' reading: their median, or where it is 0, a patch of neighbouring columns' runs (partRowSetting) among
 * `standing` (lowerRowColumns; default: the readings).
 */
export function columnsReading(readings: readonly number[], standing: readonly number[] = readings, setting = partRowSetting): number {
  const median = sortedMedian([...readings]);
  if (median > 0 || !setting.on) return median;
  let best: number[] = [], patch: number[] = [];
  for (const v of [...standing, 0]) {
    if (v > 0 && v <= setting.most) patch.push(v);
    else { if (patch.length > best.length) best = patch; patch = []; }
  }
  if (best.length < Math.max(MIN_COLUMNS, setting.least * readings.length)) return median;
  const run = sortedMedian([...best]);
  return run >= setting.run ? run * Math.min(1, best.length / (readings.length / 2)) : median;
}

/**
 * A column's run of teeth over the lower lip's wet band inside the contour (LIP_BAND), over the column's height; 0 where none.
 * `column`: the box column's cells (1 teeth by the inside test), `span` its inside rows, `x` / `y0` its image column and
 * the box's first row; `lipRed` / `tooth` the band's and the under-contour tests at an image pixel.
 */
function runOverLipBand(column: ArrayLike<number>, span: { top: number; bottom: number; height: number }, x: number, y0: number, lipBand: number, lipRed: (x: number, y: number) => boolean, tooth: (x: number, y: number) => boolean, tongueFrom: number, edge: number): number {
  let k = span.bottom;
  const most = Math.round(lipBand * span.height);
  while (k >= span.top && span.bottom - k < most && lipRed(x, y0 + k)) k--;
  if (k === span.bottom || k < span.top) return 0;
  // (the row's edge over the band: EDGE_ROWS by the under test, then the inside test's teeth)
  const start = k;
  while (k >= span.top && (column[k] === 1 || (start - k < edge && y0 + k < tongueFrom && tooth(x, y0 + k)))) k--;
  if (k === start) return 0;
  const run = start - k, need = Math.max(2, Math.round(LIP_BAND_GAP * span.height));
  if (span.bottom - k > span.height / 2) return 0;
  for (let j = 0; j < need; j++) if (k - j < span.top || column[k - j] === 1) return 0;
  return run / span.height;
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
export interface LowerRowOptions { throughPale?: boolean; belowLip?: number }

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
