// A raised lid's lash line drawn along one smooth curve through its landmarks (wide36). The lid's mesh
// edge is the landmarks' polyline, and the photo's lash line drawn along it (raisedLidEdge.ts drawLashLine)
// turned by 30-40 degrees at the apex landmark: at 4x a dark pointed arch (lp_s42 <- lp_d6 f151). The
// curve here is a monotone cubic in x through the same points (Fritsch-Carlson slopes: flat at the top,
// no overshoot past the points), so it stays within about a pixel of the mesh's edge, which the lash's
// band (3-4 px) covers.

/** Points per landmark segment of the drawn curve. */
const PER_SEGMENT = 6;

/**
 * The monotone cubic through (xs, ys) sampled PER_SEGMENT times per segment; xs strictly monotone (either
 * direction), else the points are returned as they are.
 */
export function smoothLidLine(xs: readonly number[], ys: readonly number[]): { xs: number[]; ys: number[] } {
  const n = xs.length;
  const dir = Math.sign(xs[n - 1]! - xs[0]!);
  if (n < 3 || dir === 0) return { xs: xs.slice(), ys: ys.slice() };
  for (let k = 0; k + 1 < n; k++) if (Math.sign(xs[k + 1]! - xs[k]!) !== dir) return { xs: xs.slice(), ys: ys.slice() };
  const h = xs.slice(1).map((x, k) => x - xs[k]!), d = h.map((hk, k) => (ys[k + 1]! - ys[k]!) / hk);
  // slopes at the points: 0 at a turn (the apex), else the harmonic mean of the sides' (weighted by length)
  const m = xs.map((_, k) => {
    if (k === 0) return d[0]!;
    if (k === n - 1) return d[n - 2]!;
    const a = d[k - 1]!, b = d[k]!;
    if (a * b <= 0) return 0;
    const w1 = 2 * h[k]! + h[k - 1]!, w2 = h[k]! + 2 * h[k - 1]!;
    return (w1 + w2) / (w1 / a + w2 / b);
  });
  const ox: number[] = [], oy: number[] = [];
  for (let k = 0; k + 1 < n; k++) {
    for (let s = 0; s < PER_SEGMENT; s++) {
      const t = s / PER_SEGMENT, t2 = t * t, t3 = t2 * t;
      ox.push(xs[k]! + t * h[k]!);
      oy.push((2 * t3 - 3 * t2 + 1) * ys[k]! + (t3 - 2 * t2 + t) * h[k]! * m[k]! + (-2 * t3 + 3 * t2) * ys[k + 1]! + (t3 - t2) * h[k]! * m[k + 1]!);
    }
  }
  ox.push(xs[n - 1]!); oy.push(ys[n - 1]!);
  return { xs: ox, ys: oy };
}
