// Figures of the two teeth rows in a mid opening (issue #13, stacked47: critic46's "rows stacked tight with a grey line
// between, braces at 4x"), on a real frame or a render alike. Per middle column of the inner-lip opening: the upper row
// (the first bright run from the top), the lower row (the last bright run from the bottom, apart from the upper), and
// what lies between them.
import { openingMask } from './tongueFigures.ts';

type Lm = ArrayLike<ArrayLike<number>>;
type Px = ArrayLike<number>;
const luma = (d: Px, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;
const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };
const mean = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN);

/** a tooth pixel is at least this share of the opening's bright reference (its 95th-percentile luma in the middle) */
export const TOOTH_OF_REF = 0.6;
/** a gap pixel (cavity, tongue in shadow) is under this share of the reference */
export const GAP_DARK_OF_REF = 0.35;
/** the middle columns: this share of the inner corners' span either side of its centre */
const MIDDLE = 0.3;

export interface StackedFigures {
  gap: number;
  /** share of the middle columns showing two separate rows */
  twoRows: number;
  /** median over two-row columns of the darkest pixel between the rows over the reference: a grey line ~.5, a dark gap < .35 */
  seamMin: number;
  /** median over two-row columns of the share of the between-span that is dark (< GAP_DARK_OF_REF) */
  betweenDark: number;
  /** median over the middle columns of the span between the rows over the opening's height (0 where one row) */
  between: number;
  /** median over middle columns of the lower row's height over the opening's height (0 where none) */
  lowerH: number;
  /** median of the upper row's height over the opening's height */
  upperH: number;
  /** median over middle columns of the share of the opening's height that is tooth-bright (both rows) */
  teethH: number;
  /** the lower row's mean luma over the upper row's (two-row columns) */
  lowerLight: number;
  /** the upper row's mean luma along x: rms about its running mean (5 % of the span) over its mean */
  rowRms: number;
  /** middle columns with an opening of 3 px or more */
  n: number;
}

const gapOf = (lm: Lm) => Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);

/** The rows' figures of an RGBA frame; null when the opening is under 3 px tall in the middle or holds no teeth. */
export function stackedFigures(d: Px, lm: Lm, width: number, height: number): StackedFigures | null {
  const mask = openingMask(lm, width, height);
  const xa = lm[78]![0]!, xb = lm[308]![0]!, cx = (xa + xb) / 2, half = MIDDLE * Math.abs(xb - xa);
  const cols: { y0: number; y1: number; L: number[] }[] = [];
  for (let x = Math.round(cx - half); x <= Math.round(cx + half); x++) {
    if (x < 0 || x >= width) continue;
    let y0 = -1, y1 = -1;
    for (let y = 0; y < height; y++) if (mask[y * width + x]) { if (y0 < 0) y0 = y; y1 = y; }
    if (y0 < 0 || y1 - y0 + 1 < 3) continue;
    const L: number[] = [];
    for (let y = y0; y <= y1; y++) L.push(luma(d, (y * width + x) * 4));
    cols.push({ y0, y1, L });
  }
  if (cols.length < 3) return null;
  const all = cols.flatMap((c) => c.L).sort((a, b) => a - b), ref = all[Math.floor(0.95 * (all.length - 1))]!;
  if (ref < 40) return null;
  const tooth = TOOTH_OF_REF * ref, dark = GAP_DARK_OF_REF * ref;
  let two = 0;
  const seam: number[] = [], bDark: number[] = [], between: number[] = [], lowerH: number[] = [], upperH: number[] = [], lowL: number[] = [], upL: number[] = [], rowLine: number[] = [];
  const teethH: number[] = [];
  for (const c of cols) {
    const h = c.L.length, L = c.L;
    teethH.push(L.filter((v) => v >= tooth).length / h);
    // the upper row: the first bright run starting in the top half
    let a = 0;
    while (a < h && L[a]! < tooth) a++;
    let ua = -1, ub = -1;
    if (a < h / 2) { ua = a; ub = a; while (ub + 1 < h && L[ub + 1]! >= tooth) ub++; }
    // the lower row: the last bright run ending in the bottom half, after the upper
    let b = h - 1;
    while (b >= 0 && L[b]! < tooth) b--;
    let la = -1, lb = -1;
    if (b >= h / 2 && b > ub + 1) { lb = b; la = b; while (la - 1 > ub && L[la - 1]! >= tooth) la--; }
    if (ua >= 0) { upperH.push((ub - ua + 1) / h); const s = L.slice(ua, ub + 1); upL.push(mean(s)); rowLine.push(mean(s)); } else { upperH.push(0); rowLine.push(NaN); }
    if (la >= 0 && ua >= 0 && la > ub + 1) {
      two++;
      const mid = L.slice(ub + 1, la);
      seam.push(Math.min(...mid) / ref);
      bDark.push(mid.filter((v) => v < dark).length / mid.length);
      between.push(mid.length / h);
      lowerH.push((lb - la + 1) / h);
      lowL.push(mean(L.slice(la, lb + 1)));
    } else {
      between.push(0);
      lowerH.push(la >= 0 ? (lb - la + 1) / h : 0);
    }
  }
  // the upper row's light along x about its running mean
  const win = Math.max(2, Math.round(0.05 * 2 * half)), dev: number[] = [];
  for (let i = 0; i < rowLine.length; i++) {
    if (!Number.isFinite(rowLine[i]!)) continue;
    const near = rowLine.slice(Math.max(0, i - win), i + win + 1).filter(Number.isFinite);
    dev.push(rowLine[i]! - mean(near));
  }
  const rowMean = mean(upL);
  return {
    gap: gapOf(lm), twoRows: two / cols.length, seamMin: median(seam), betweenDark: median(bDark), between: median(between),
    lowerH: median(lowerH), upperH: median(upperH), teethH: median(teethH), lowerLight: mean(lowL) / rowMean,
    rowRms: Math.sqrt(mean(dev.map((v) => v * v))) / rowMean, n: cols.length,
  };
}
