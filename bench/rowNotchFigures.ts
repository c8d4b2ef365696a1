// Figures of a rendered (or real) frame's teeth rows inside the inner-lip opening (issue #13, s51 teethdraw51: st_full_body_1
// + feifei3's "dark notch, a missing-tooth look" in the upper row and "no lower row"). Per column of the inner-lip opening: the
// upper row's light (the mean luma of the column's band BAND IOD under the lip line, within its top half) and the lower row's (the
// brightest grey-white of its bottom .4). notch: the darkest run .04 IOD wide of the upper row's light within ROW of the
// inner half width over its median over the centrals (CENTRE): a missing tooth a deep wide dip, a row's own gaps a pixel wide
// barely move it. lower: the share of the middle .4's columns whose lower light reaches .6 of that median (the lip's pink left
// out: a lower row along the lip ~1, none 0).
import { openingMask } from './tongueFigures.ts';

type Lm = ArrayLike<ArrayLike<number>>;
type Px = ArrayLike<number>;
const luma = (d: Px, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;
/** (max - min) / max of a pixel's channels: teeth are grey-white, lips and tongue colourful */
const sat = (d: Px, o: number) => { const mx = Math.max(d[o]!, d[o + 1]!, d[o + 2]!); return mx > 0 ? (mx - Math.min(d[o]!, d[o + 1]!, d[o + 2]!)) / mx : 0; };
/** a lower-row pixel: at least this share of the upper row's median light and no more colourful than this */
const LOWER_OF_UPPER = 0.6, TOOTH_SAT = 0.3;
/** the centrals' columns (share of the inner half width) the row's light is taken over, and the span a row's teeth should cover (to the canines) */
const CENTRE = 0.25, ROW = 0.55;
/** the upper row's band under the inner lip line (IOD; the library's tips hang ~.06 under it) */
const BAND = 0.05;

export interface RowNotch { gap: number; median: number; notch: number; at: number; lower: number; lowerLight: number }

export function rowNotchFigures(d: Px, lm: Lm, width: number, height: number): RowNotch | null {
  const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
  const gap = Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / iod;
  const mask = openingMask(lm, width, height);
  const xa = Math.min(lm[78]![0]!, lm[308]![0]!), xb = Math.max(lm[78]![0]!, lm[308]![0]!), cx = (xa + xb) / 2, half = (xb - xa) / 2;
  const up: number[] = [], low: number[] = [], xs: number[] = [];
  for (let x = Math.round(cx - 0.7 * half); x <= Math.round(cx + 0.7 * half); x++) {
    if (x < 0 || x >= width) continue;
    let y0 = -1, y1 = -1;
    for (let y = 0; y < height; y++) if (mask[y * width + x]) { if (y0 < 0) y0 = y; y1 = y; }
    if (y0 < 0 || y1 - y0 + 1 < 3) continue;
    const h = y1 - y0 + 1, mid = y0 + Math.ceil(h / 2), lowFrom = y1 - Math.max(1, Math.round(0.4 * h)) + 1;
    let u = 0, n = 0, l = 0;
    for (let y = y0; y < Math.min(mid, y0 + BAND * iod); y++) if (mask[y * width + x]) { u += luma(d, (y * width + x) * 4); n++; }
    u /= Math.max(1, n);
    for (let y = Math.max(mid, lowFrom); y <= y1; y++) if (mask[y * width + x] && sat(d, (y * width + x) * 4) < TOOTH_SAT) l = Math.max(l, luma(d, (y * width + x) * 4));
    up.push(u); low.push(l); xs.push((x + 0.5 - cx) / half);
  }
  if (up.length < 6) return null;
  const centreUp = up.filter((_, i) => Math.abs(xs[i]!) <= CENTRE).sort((a, b) => a - b), median = centreUp[centreUp.length >> 1] ?? 0;
  const inRow = xs.map((x, i) => (Math.abs(x) <= ROW ? i : -1)).filter((i) => i >= 0), i0 = inRow[0] ?? 0, i1 = inRow[inRow.length - 1] ?? -1;
  const run = Math.max(2, Math.round(0.04 * iod));
  let darkest = Infinity, at = 0;
  for (let i = i0; i + run <= i1 + 1; i++) {
    let s = 0;
    for (let k = 0; k < run; k++) s += up[i + k]!;
    if (s / run < darkest) { darkest = s / run; at = xs[i + (run >> 1)]!; }
  }
  const centre = xs.map((x, i) => [x, i] as const).filter(([x]) => Math.abs(x) <= 0.4).map(([, i]) => i);
  const shown = centre.filter((i) => low[i]! >= LOWER_OF_UPPER * median).length / Math.max(1, centre.length);
  const lowerLight = centre.reduce((s, i) => s + low[i]!, 0) / Math.max(1, centre.length) / Math.max(1, median);
  return { gap, median, notch: Number.isFinite(darkest) ? darkest / Math.max(1, median) : 1, at, lower: shown, lowerLight };
}
