// Summary statistics shared by the product (rest faces, lid tones, the tongue line) and by the
// benches and tests that compare motion with real speakers.

/** Arithmetic mean (NaN for no values). */
export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s / values.length;
}

/** Population standard deviation (divides by n: the spread of these values, not an estimate). */
export function standardDeviation(values: ArrayLike<number>): number {
  const m = mean(values);
  let s = 0;
  for (let i = 0; i < values.length; i++) s += (values[i]! - m) ** 2;
  return Math.sqrt(s / values.length);
}

/**
 * Median, sorting `values` in place: the middle value, or the mean of the two middle ones for an even count (NaN for
 * none). The mouth readings' per-column medians, the sealed rest gap, the running median of the head's drift.
 */
export function sortedMedian(values: number[]): number {
  if (!values.length) return NaN;
  values.sort((a, b) => a - b);
  const m = values.length >> 1;
  return values.length % 2 ? values[m]! : (values[m - 1]! + values[m]!) / 2;
}

/** Quantile q (0..1) by linear interpolation between the sorted values. */
export function quantile(values: ArrayLike<number>, q: number): number {
  const s = Array.from(values).sort((a, b) => a - b);
  const x = q * (s.length - 1);
  const i = Math.floor(x);
  return s[i]! + (s[Math.min(i + 1, s.length - 1)]! - s[i]!) * (x - i);
}

/**
 * Quantile q (0..1) by nearest rank: one of the values, never a blend of two (a rest face's opening,
 * a lid's tone are values some frame or pixel really had); `empty` when there are none.
 */
export function nearestRank<E>(values: ArrayLike<number>, q: number, empty: E): number | E {
  const s = Array.from(values).sort((a, b) => a - b);
  if (!s.length) return empty;
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))]!;
}
