// The lips' seam at a nearly shut mouth (seam38, s38), read the same way on real and rendered frames:
// per pixel column between the inner corners, the darkest luma in a window round the lip line (the
// opening's middle, half as tall as the opening plus .01 IOD, at least .02 IOD) over the median luma
// of that column's lips (between the outer contours, outside the window). A real mouth barely apart
// shows a thin dark line, darker at the corners: low figures; one pale blob reads near 1.
// Two lateral bins: middle (under .35 of the inner half width) and corners (.6-.9).
import { interOcular } from '../src/eval/metrics/landmarks.ts';

type Lm = ArrayLike<ArrayLike<number>>;
const UPPER_IN = [78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308];
const LOWER_IN = [78, 95, 88, 178, 87, 14, 317, 402, 318, 324, 308];
const UPPER_OUT = [61, 185, 40, 39, 37, 0, 267, 269, 270, 409, 291];
const LOWER_OUT = [61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291];

/** y of a landmark polyline at column x (linear between its points, sorted by x), NaN outside it. */
export function lineAt(lm: Lm, line: readonly number[], x: number): number {
  const pts = line.map((i) => [lm[i]![0]!, lm[i]![1]!] as const).sort((a, b) => a[0] - b[0]);
  for (let k = 1; k < pts.length; k++) {
    const [x0, y0] = pts[k - 1]!, [x1, y1] = pts[k]!;
    if (x >= x0 && x <= x1) return x1 > x0 ? y0 + ((x - x0) / (x1 - x0)) * (y1 - y0) : y0;
  }
  return NaN;
}

const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };

export interface SeamFigure { middle: number; corners: number }

/** The seam's darkest over the lips' luma in the middle and corner bins (RGBA `data`, `width` wide). */
export function seamContrast(data: ArrayLike<number>, width: number, height: number, lm: Lm): SeamFigure {
  const iod = interOcular(lm as never) || 1;
  const x0 = Math.min(lm[78]![0]!, lm[308]![0]!), x1 = Math.max(lm[78]![0]!, lm[308]![0]!);
  const cx = 0.5 * (x0 + x1), half = Math.max(1, 0.5 * (x1 - x0));
  const luma = (x: number, y: number) => { const o = (y * width + x) * 4; return 0.299 * data[o]! + 0.587 * data[o + 1]! + 0.114 * data[o + 2]!; };
  const bins = { middle: [] as number[], corners: [] as number[] }, lips = { middle: [] as number[], corners: [] as number[] };
  for (let x = Math.ceil(x0); x <= Math.floor(x1); x++) {
    const lat = Math.abs(x + 0.5 - cx) / half, bin = lat < 0.35 ? 'middle' : lat >= 0.6 && lat <= 0.9 ? 'corners' : null;
    if (!bin) continue;
    const ui = lineAt(lm, UPPER_IN, x), li = lineAt(lm, LOWER_IN, x), uo = lineAt(lm, UPPER_OUT, x), lo = lineAt(lm, LOWER_OUT, x);
    if (![ui, li, uo, lo].every(Number.isFinite)) continue;
    const mid = 0.5 * (ui + li), reach = Math.max(0.02 * iod, 0.5 * Math.abs(li - ui) + 0.01 * iod);
    let darkest = Infinity;
    for (let y = Math.max(0, Math.floor(mid - reach)); y <= Math.min(height - 1, Math.ceil(mid + reach)); y++) darkest = Math.min(darkest, luma(x, y));
    const own: number[] = [];
    for (let y = Math.max(0, Math.round(uo)); y <= Math.min(height - 1, Math.round(lo)); y++) if (Math.abs(y - mid) > reach) own.push(luma(x, y));
    if (!own.length || darkest === Infinity) continue;
    bins[bin].push(darkest); lips[bin].push(...own);
  }
  return { middle: median(bins.middle) / median(lips.middle), corners: median(bins.corners) / median(lips.corners) };
}
