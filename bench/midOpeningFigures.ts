// Figures of a mid opening (lip gap ~0.08-0.26 IOD) inside the inner-lip polygon, on a real frame or a
// render alike (bench/midOpening.ts, test/mouthCrescent.test.ts): how much of it is the dark cavity,
// how tall the dark band is down the middle columns (critic19's "black crescent under the upper
// teeth": a dark run over most of the opening's height), and how much of its lower third shows
// something lit (lower teeth's edge or tongue tip).
import { openingMask } from './tongueFigures.ts';
import { DARK_SHARE, skinLuma } from './mouthInterior.ts';

type Lm = ArrayLike<ArrayLike<number>>;
type Px = ArrayLike<number>;
const luma = (d: Px, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;
const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };

/** a pixel darker than this share of the skin's luma (under the lower lip) is the cavity's dark, as bench/mouthInterior.ts */
export const DARK_OF_SKIN = DARK_SHARE;
/** the middle columns measured: this share of the inner corners' span either side of its centre */
const MIDDLE = 0.25;

export interface MidFigures {
  /** share of the opening's pixels that are dark */
  dark: number;
  /** median over the middle columns of the longest dark run over the column's opening height */
  darkRun: number;
  /** median over the middle columns of the share of the opening's lower third that is not dark */
  lowerLit: number;
  /** the lip gap (13-14 over the eye-corner IOD) */
  gap: number;
  /** s38 slab38: median over the middle columns of the opening's upper half's mean luma over the skin's (the upper row's light at a small opening) */
  upper: number;
}

export const gapOf = (lm: Lm) => Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);

/** The mid opening's figures of an RGBA frame; null when the opening is under 3 px tall in the middle. */
export function midFigures(d: Px, lm: Lm, width: number, height: number): MidFigures | null {
  const mask = openingMask(lm, width, height), iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
  const least = DARK_OF_SKIN * skinLuma(d, width, lm, iod);
  const dark = (x: number, y: number) => luma(d, (y * width + x) * 4) < least;
  const xa = lm[78]![0]!, xb = lm[308]![0]!, cx = (xa + xb) / 2, half = MIDDLE * Math.abs(xb - xa);
  let n = 0, nd = 0;
  for (let q = 0; q < mask.length; q++) if (mask[q]) { n++; if (luma(d, q * 4) < least) nd++; }
  const runs: number[] = [], lows: number[] = [], ups: number[] = [], skin = least / DARK_OF_SKIN;
  for (let x = Math.round(cx - half); x <= Math.round(cx + half); x++) {
    if (x < 0 || x >= width) continue;
    let y0 = -1, y1 = -1;
    for (let y = 0; y < height; y++) if (mask[y * width + x]) { if (y0 < 0) y0 = y; y1 = y; }
    const h = y1 - y0 + 1;
    if (y0 < 0 || h < 3) continue;
    let run = 0, best = 0, low = 0, lowN = 0, up = 0, upN = 0;
    for (let y = y0; y <= y1; y++) {
      const k = dark(x, y);
      run = k ? run + 1 : 0; best = Math.max(best, run);
      if (y > y1 - h / 3) { lowN++; if (!k) low++; }
      if (y < y0 + h / 2) { upN++; up += luma(d, (y * width + x) * 4); }
    }
    runs.push(best / h); lows.push(lowN ? low / lowN : 0); if (upN) ups.push(up / upN / skin);
  }
  if (!runs.length || n < 20) return null;
  return { dark: nd / n, darkRun: median(runs), lowerLit: median(lows), gap: gapOf(lm), upper: median(ups) };
}
