// The opening's outline as smooth curves through the mesh's inner-lip points (s42, mouthshape42).
// Each lip's inner line is 11 mesh points corner to corner; drawn as that polyline (rounded only by a
// 0.035 IOD box), a wide opening was a polygon: critic41's hard hexagon (lp_s7 <- lp_d10 f57) and
// trapezoid (f91), its vertices turning 35-54 degrees within a pixel where the driver's own mouth
// turns 19-31 over a whole point's span. Two steps:
//  - cornerCutInto: each line cut at its vertices (Chaikin's corner cutting, CORNER_CUTS rounds, the
//    two mouth corners kept): a quadratic B-spline, tangent to each segment at its middle. On a convex
//    opening it lies inside the polygon, so the drawn edge is the curve (the raw polygon, which the
//    mouth fan's raster still ends at, is lip beyond it: lipSurface.ts lipAt);
//  - smoothColumnsCentred: the columns' box smoothing with its window shrunk toward the ends so it
//    stays centred (a one-sided window at the last columns pulled both lines apart there: the corner's
//    point became a vertical cut, the raw polygon's edge, f91's trapezoid sides).

/**
 * Corner-cutting rounds (each doubles the points; 3: 11 points -> 81, a vertex's turn spread over 8 steps). 0 (off,
 * s42's outcome): the s41 lines, byte-identical. At 3 the drawn edge turned less on lp_s7 <- lp_d10 (45 / 42 -> 25 / 26
 * degrees over .03 IOD at f57 / f91) but more on held-out lp_s5 <- lp_d10 f92 (35 -> 41) and st_happy (17 -> 25), and
 * the hexagon still read as one: most of it is the mesh polygon's own shape (docs/mouth/README.md s42).
 */
export const CORNER_CUTS: number = 0;

/** Points a line of n points has after `cuts` rounds. */
export const cutLength = (n: number, cuts = CORNER_CUTS) => {
  let m = n;
  for (let k = 0; k < cuts; k++) m = 2 * (m - 1);
  return m;
};

/**
 * Chaikin's corner cutting of an open polyline (xs, ys: n points), its two ends kept: each segment's
 * quarter points replace its ends, `cuts` times. outX / outY hold cutLength(n, cuts) points; tmpX / tmpY
 * as long. Returns how many points were written.
 */
export function cornerCutInto(xs: ArrayLike<number>, ys: ArrayLike<number>, n: number, cuts: number, outX: Float32Array, outY: Float32Array, tmpX: Float32Array, tmpY: Float32Array): number {
  let m = n;
  for (let k = 0; k < n; k++) { outX[k] = xs[k]!; outY[k] = ys[k]!; }
  for (let c = 0; c < cuts && m >= 3; c++) {
    tmpX.set(outX.subarray(0, m)); tmpY.set(outY.subarray(0, m));
    let w = 0;
    outX[w] = tmpX[0]!; outY[w++] = tmpY[0]!;
    for (let k = 0; k + 1 < m; k++) {
      const ax = tmpX[k]!, ay = tmpY[k]!, bx = tmpX[k + 1]!, by = tmpY[k + 1]!;
      if (k > 0) { outX[w] = 0.75 * ax + 0.25 * bx; outY[w++] = 0.75 * ay + 0.25 * by; }
      if (k + 2 < m) { outX[w] = 0.25 * ax + 0.75 * bx; outY[w++] = 0.25 * ay + 0.75 * by; }
    }
    outX[w] = tmpX[m - 1]!; outY[w++] = tmpY[m - 1]!;
    m = w;
  }
  return m;
}

/**
 * Box-smooths a column table twice (radius in columns), the window shrunk near the table's ends (its
 * first and last defined columns) so it stays centred; NaN (outside) columns left alone.
 */
export function smoothColumnsCentred(table: Float32Array, radius: number, scratch: Float32Array): void {
  const W = table.length;
  let first = -1, last = -1;
  for (let c = 0; c < W; c++) if (table[c]! === table[c]!) { if (first < 0) first = c; last = c; }
  if (first < 0) return;
  for (let pass = 0; pass < 2; pass++) {
    for (let c = 0; c < W; c++) {
      const v = table[c]!;
      if (v !== v) { scratch[c] = v; continue; }
      const r = Math.min(radius, c - first, last - c);
      let acc = 0, n = 0;
      for (let k = c - r; k <= c + r; k++) { const w = table[k]!; if (w === w) { acc += w; n++; } }
      scratch[c] = acc / n;
    }
    table.set(scratch);
  }
}

/**
 * y(x) of a dense curve (m points, x monotone) at each column's centre it spans, one column past each
 * end held at the end's y (as lipColumns.ts fillColumns does for the mesh polyline, whose per-segment
 * averaging would bias a curve of sub-pixel segments toward each segment's clamped ends at steep
 * corners). Returns false (nothing written) when x is not monotone.
 */
export function fillCurveColumns(table: Float32Array, xs: ArrayLike<number>, ys: ArrayLike<number>, m: number): boolean {
  if (m < 2) return false;
  const dir = xs[m - 1]! >= xs[0]! ? 1 : -1;
  for (let k = 0; k + 1 < m; k++) if ((xs[k + 1]! - xs[k]!) * dir < 0) return false;
  const W = table.length, i0 = dir > 0 ? 0 : m - 1, i1 = dir > 0 ? m - 1 : 0;
  const x0 = xs[i0]!, x1 = xs[i1]!;
  const c0 = Math.max(0, Math.floor(x0 - 1)), c1 = Math.min(W - 1, Math.ceil(x1 + 1));
  let k = 0; // walk in increasing x: point index i0 + dir * k
  for (let c = c0; c <= c1; c++) {
    const px = Math.min(x1, Math.max(x0, c + 0.5));
    while (k + 1 < m - 1 && xs[i0 + dir * (k + 1)]! < px) k++;
    const a = i0 + dir * k, b = a + dir;
    const xa = xs[a]!, xb = xs[b]!;
    const t = xb - xa > 1e-6 ? Math.min(1, Math.max(0, (px - xa) / (xb - xa))) : 0.5;
    table[c] = ys[a]! + (ys[b]! - ys[a]!) * t;
  }
  return true;
}

/** px over which a line rounded outside the raw polygon goes back to it (softClipInto) */
export const CLIP_SOFT = 1;

/** the soft clip reaches this many columns from where the rounded line passes outside the raw one, fading out */
export const CLIP_REACH = 4;

/**
 * The rounded lines kept inside the raw polygon's (the upper never above it, the lower never below) by a soft min /
 * max near where the curve passes outside a concave stretch of the polygon: there the hard clip at the polygon
 * (lipSurface.ts, lipCoverage.ts) met it at a kink (lp_s5 <- lp_d10 f92's lower line, 42 degrees over .03 IOD against
 * 35 before the curve). The softness CLIP_SOFT px fades out over CLIP_REACH columns from the nearest column where the
 * curve is outside; elsewhere (the curve inside, or on a straight stretch of the polygon) the lines are left as they
 * are: a soft min everywhere took CLIP_SOFT / 2 px off every line lying on its polygon (test/mouth.test.ts's band).
 * `outside` is scratch, as long as the lines.
 */
export function softClipInto(upper: Float32Array, lower: Float32Array, upperRaw: Float32Array, lowerRaw: Float32Array, outside: Float32Array, soft = CLIP_SOFT): void {
  for (const [line, raw, sign] of [[upper, upperRaw, -1], [lower, lowerRaw, 1]] as const) {
    const W = line.length;
    let last = -1e9;
    for (let x = 0; x < W; x++) { if (sign * (line[x]! - raw[x]!) > 0.01) last = x; outside[x] = x - last; }
    last = 1e9;
    for (let x = W - 1; x >= 0; x--) { if (sign * (line[x]! - raw[x]!) > 0.01) last = x; outside[x] = Math.min(outside[x]!, last - x); }
    for (let x = 0; x < W; x++) {
      const a = line[x]!, b = raw[x]!;
      if (a !== a || b !== b) continue;
      const k = soft * Math.max(0, 1 - outside[x]! / CLIP_REACH);
      if (!(k > 0)) continue;
      const root = Math.sqrt((a - b) * (a - b) + k * k);
      line[x] = sign > 0 ? 0.5 * (a + b - root) : 0.5 * (a + b + root);
    }
  }
}
