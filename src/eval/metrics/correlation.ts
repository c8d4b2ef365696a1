// Lip sync figures: Pearson correlation of two series, and the best of it within a lag window
// (a generated mouth may run a frame or two ahead of or behind the real one).

/** Mean of the entries where both series are finite, and how many there are. */
function pairedMeans(a: ArrayLike<number>, b: ArrayLike<number>, n: number): { ma: number; mb: number; count: number } {
  let sa = 0;
  let sb = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(a[i]!) || !Number.isFinite(b[i]!)) continue;
    sa += a[i]!;
    sb += b[i]!;
    count++;
  }
  return { ma: sa / count, mb: sb / count, count };
}

/** Pearson correlation of two equal-length series (NaN entries skipped pairwise); NaN if either is constant. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  const { ma, mb, count } = pairedMeans(a, b, n);
  if (count < 2) return NaN;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(a[i]!) || !Number.isFinite(b[i]!)) continue;
    const x = a[i]! - ma;
    const y = b[i]! - mb;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  // a constant series (up to float rounding of its mean) has no correlation
  const flat = (v: number, m: number) => v <= count * 1e-20 * (m * m + 1e-12);
  return flat(aa, ma) || flat(bb, mb) ? NaN : ab / Math.sqrt(aa * bb);
}

export interface LaggedCorrelation {
  /** best correlation within the lag window */
  r: number;
  /** the lag (frames) giving it: b[t + lag] is compared with a[t]; positive = b lags behind a */
  lag: number;
  /** correlation at lag 0 */
  r0: number;
}

/** Pearson r of a[t] against b[t + lag] over the frames where both exist; NaN below 3 such frames. */
function laggedPearson(a: ArrayLike<number>, b: ArrayLike<number>, n: number, lag: number): number {
  const start = Math.max(0, -lag);
  const end = Math.min(n, n - lag);
  if (end - start < 3) return NaN;
  const xa = new Float64Array(end - start);
  const xb = new Float64Array(end - start);
  for (let t = start; t < end; t++) {
    xa[t - start] = a[t]!;
    xb[t - start] = b[t + lag]!;
  }
  return pearson(xa, xb);
}

/** Pearson r at every lag in [-maxLag, maxLag], returns the best (highest r). */
export function bestLagCorrelation(a: ArrayLike<number>, b: ArrayLike<number>, maxLag: number): LaggedCorrelation {
  const n = Math.min(a.length, b.length);
  let best = { r: NaN, lag: 0 };
  let r0 = NaN;
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    const r = laggedPearson(a, b, n, lag);
    if (lag === 0) r0 = r;
    // prefer the smallest |lag| on ties
    if (Number.isFinite(r) && (!Number.isFinite(best.r) || r > best.r + 1e-12)) best = { r, lag };
  }
  return { r: best.r, lag: best.lag, r0 };
}
