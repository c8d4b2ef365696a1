// How much of a driver's open mouth is dark cavity, and how high and bright its tongue stands, per
// video frame (issue #13, critic27: v_lp_s5 f93). mouthDark.ts tells teeth from none; it cannot tell
// a dark cavity under the upper row (lp_d10 f93: upper teeth, then a black band over a dim tongue low
// at the lower lip) from a lit tongue standing high under it (lp_d6 f46 / f173): both show teeth, so
// both read mouthDark ~0 and the renderer kept its high pink tongue in the dark one. Read down the
// opening's middle columns, the dark share is .38 at lp_d10 f93 against .10-.14 on lp_d6's lit
// tongues (bench/tongueHeight.ts).
import type { RgbaImage } from '../types.ts';
import { quantile } from '../math/stats.ts';
import { isTeethPixel } from './mouthDark.ts';
import { forEachMiddlePixel, middleOf, type MiddleAt } from './mouthMiddle.ts';
import { luma601At } from '../math/colour.ts';

/** What the middle of an opening is made of (shares of its pixels; lights over the lips' luminance). */
export interface OpeningMiddle {
  /** share of the middle's pixels darker than DARK_OF_LIP of the lips: the cavity */
  dark: number;
  /** per column, the lit pixels (neither dark nor teeth) from the opening's bottom up to its first dark pixel, as a share of the column's height; median over the columns */
  tongue: number;
  /** median luminance of those runs' pixels over the lips' (NaN: none) */
  tongueLight: number;
  /** median luminance of the dark pixels over the lips' (NaN: none) */
  cavityLight: number;
}

/** a pixel inside the opening darker than this share of the lips' luminance is cavity (lp_d10 f93's black band .15-.40, its dim tongue .54 and up) */
export const DARK_OF_LIP = 0.45;
/** columns shorter than this many pixels are not read; fewer than MIN_COLUMNS columns: nothing to read (a closed mouth) */
const MIN_HEIGHT = 4, MIN_COLUMNS = 3;

const median = (v: number[]) => (v.length ? quantile(v, 0.5) : NaN);

/**
 * The opening's middle read column by column (inside the inner-lip contour, MOUTH_LOOP): its dark share, the
 * tongue's height and light, the cavity's light; null when the mouth is too closed to read.
 * `where`: the 478 landmarks in the image's pixels, flat x, y, z, or their middle box (mouthMiddle.ts MiddleAt).
 */
export function openingMiddle(img: RgbaImage, where: MiddleAt): OpeningMiddle | null {
  const box = middleOf(img, where);
  if (!box) return null;
  const { lipLight, lipSat, x0, x1, y0, y1 } = box;
  // each middle column's kind per row, top to bottom: 0 outside, 1 lit, 2 dark, 3 teeth
  const w = x1 - x0 + 1, h = y1 - y0 + 1, kind = new Uint8Array(w * h), light = new Float32Array(w * h);
  const d = img.data;
  forEachMiddlePixel(box, img, (q, i, tongue) => {
    const l = luma601At(d, i);
    light[q] = l / Math.max(1, lipLight);
    kind[q] = !tongue && isTeethPixel(d[i]!, d[i + 1]!, d[i + 2]!, lipLight, lipSat) ? 3 : l < DARK_OF_LIP * lipLight ? 2 : 1;
  });
  let all = 0, dark = 0;
  const runs: number[] = [], tongueLights: number[] = [], cavityLights: number[] = [];
  for (let c = 0; c < w; c++) {
    let top = -1, bottom = -1;
    for (let r = 0; r < h; r++) if (kind[r * w + c]) { if (top < 0) top = r; bottom = r; }
    if (top < 0 || bottom - top + 1 < MIN_HEIGHT) continue;
    for (let r = top; r <= bottom; r++) {
      all++;
      if (kind[r * w + c] === 2) { dark++; cavityLights.push(light[r * w + c]!); }
    }
    // (up through the lower lip's inner edge and the lower row's tips, which may lie under the tongue, to the
    // first dark pixel: the tongue's top against the cavity)
    let r = bottom, lit = 0;
    for (; r >= top && kind[r * w + c] !== 2; r--) if (kind[r * w + c] === 1) { lit++; tongueLights.push(light[r * w + c]!); }
    runs.push(lit / (bottom - top + 1));
  }
  if (runs.length < MIN_COLUMNS) return null;
  return { dark: dark / all, tongue: median(runs), tongueLight: median(tongueLights), cavityLight: median(cavityLights) };
}

/**
 * The series with its short dips filled (a morphological closing: the running max over `reach` frames each side, then
 * the running min of that): a dip under 2 x reach frames flanked by dark on both sides is lifted to its flanks, while a
 * rise or a fall stays where it is. Katie f160-172 read .43 .43 .42 .39 .34 .29 .25 .21 .25 .38 .44 (her mouth dark
 * throughout: f168 .45 read off the frame, bench/tongueHeight.ts), and the gate (render/mouth/tongueGate.ts, from .25)
 * let a lit tongue up for four frames between two sunk ones (critic28, st_art_1 f165, f168).
 */
export function closeDips(series: readonly number[], reach = DIP_REACH): number[] {
  if (!series.length) return [];
  // (the ends repeated `reach` frames out: a truncated window lifted a falling series' last frames)
  const padded = [...Array<number>(reach).fill(series[0]!), ...series, ...Array<number>(reach).fill(series[series.length - 1]!)];
  const run = (v: readonly number[], pick: (a: number, b: number) => number) => v.map((_, i) => {
    let m = v[i]!;
    for (let k = Math.max(0, i - reach); k <= Math.min(v.length - 1, i + reach); k++) m = pick(m, v[k]!);
    return m;
  });
  return run(run(padded, Math.max), Math.min).slice(reach, reach + series.length).map((c, i) => Math.max(c, series[i]!));
}
/** frames each side over which closeDips looks for the dark a dip lies between */
const DIP_REACH = 3;
