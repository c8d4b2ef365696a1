// The y of a polyline at x, linear between its knots and held flat past its ends (numpy's interp): brows'
// contours, lids' lines, the eval's lip lines and the rig's landmark contours all read a profile this way.

/**
 * y at x of the polyline through n knots taken in increasing x (knot k at xAt(k), yAt(k)): linear between
 * knots, the end knot's y past either end.
 */
export function knotsAt(n: number, xAt: (k: number) => number, yAt: (k: number) => number, x: number): number {
  if (x <= xAt(0)) return yAt(0);
  for (let k = 1; k < n; k++) {
    const x1 = xAt(k);
    // x > xAt(k - 1) here (the test before did not return), so the span is never empty
    if (x <= x1) {
      const x0 = xAt(k - 1), y0 = yAt(k - 1);
      return y0 + ((x - x0) / (x1 - x0)) * (yAt(k) - y0);
    }
  }
  return yAt(n - 1);
}

/** Indices 0..n-1 in increasing key(i) (a stable sort: equal keys keep their order). */
export function orderBy(n: number, key: (i: number) => number): number[] {
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => key(a) - key(b));
}

/** knotsAt over [x, y] points in any order. */
export function polylineAt(points: readonly (readonly [number, number])[], x: number): number {
  const s = [...points].sort((a, b) => a[0] - b[0]);
  return knotsAt(s.length, (k) => s[k]![0], (k) => s[k]![1], x);
}
