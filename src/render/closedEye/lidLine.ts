// A lid line as the closed-eye passes hold it: points (u, v) in the eye frame, u ascending.

/** A lid line's v at x (straight between its points, held past the ends; u ascending). */
export function lidLineAt(u: readonly number[], v: readonly number[], x: number): number {
  let k = 0;
  while (k + 2 < u.length && x > u[k + 1]!) k++;
  const t = Math.max(0, Math.min(1, (x - u[k]!) / (u[k + 1]! - u[k]! || 1)));
  return v[k]! + t * (v[k + 1]! - v[k]!);
}
