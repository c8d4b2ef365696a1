// A metric's per-frame values summarised for the report: mean, median and worst.
import { sortedMedian } from '../../math/stats.ts';

export interface Summary {
  mean: number;
  median: number;
  /** the worst value: lowest when higher is better, highest when lower is better */
  worst: number;
  /** values that were finite numbers */
  n: number;
}

/**
 * Mean, median and worst of the finite values (NaN and null are skipped; +Infinity, e.g. PSNR of
 * identical frames, is skipped too so one perfect frame cannot make the mean infinite).
 */
export function summarize(values: ArrayLike<number | null | undefined>, higherIsBetter: boolean): Summary {
  const v: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (typeof x === 'number' && Number.isFinite(x)) v.push(x);
  }
  if (!v.length) return { mean: NaN, median: NaN, worst: NaN, n: 0 };
  const median = sortedMedian(v);
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  return { mean, median, worst: higherIsBetter ? v[0]! : v[v.length - 1]!, n: v.length };
}
