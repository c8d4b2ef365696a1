// How hard an opening's outline is (s42, mouthshape42): a lip line as a polyline (points sorted by x,
// px), walked at even steps along its length. A smooth lip curve turns a little over every stretch;
// a polygon drawn through few mesh points turns all at its vertices (critic41's hexagon and trapezoid
// openings, lp_s7 <- lp_d10 f57 / f91).

/** Direction (radians, unwrapped) of the polyline every `step` px along its length. */
function directions(xs: ArrayLike<number>, ys: ArrayLike<number>, step: number): number[] {
  const dirs: number[] = [];
  let prev = NaN;
  for (let k = 0; k + 1 < xs.length; k++) {
    const dx = xs[k + 1]! - xs[k]!, dy = ys[k + 1]! - ys[k]!, len = Math.hypot(dx, dy);
    if (!(len > 1e-6)) continue;
    let a = Math.atan2(dy, dx);
    if (prev === prev) { while (a - prev > Math.PI) a -= 2 * Math.PI; while (a - prev < -Math.PI) a += 2 * Math.PI; }
    prev = a;
    for (let n = Math.max(1, Math.round(len / step)); n > 0; n--) dirs.push(a);
  }
  return dirs;
}

/**
 * The largest turning (degrees) of the line over any `span` x unit px of its length, the first and
 * last `span` x unit left out (the mouth corners, measured by cornerAngles).
 */
export function outlineTurn(xs: ArrayLike<number>, ys: ArrayLike<number>, unit: number, span = 0.03): number {
  return outlineTurnAt(xs, ys, unit, span)[0];
}

/** outlineTurn and where: [degrees, share of the line's length at the window's middle]. */
export function outlineTurnAt(xs: ArrayLike<number>, ys: ArrayLike<number>, unit: number, span = 0.03): [number, number] {
  const step = 0.25, d = directions(xs, ys, step), n = Math.max(1, Math.round((span * unit) / step));
  let most = 0, at = NaN;
  for (let k = n; k + n < d.length - n; k++) { const t = Math.abs(d[k + n]! - d[k]!); if (t > most) { most = t; at = (k + n / 2) / d.length; } }
  return [(most * 180) / Math.PI, at];
}

/** The point `dist` px along the polyline from its start (end = true: from its end). */
function along(xs: ArrayLike<number>, ys: ArrayLike<number>, dist: number, end: boolean): [number, number] {
  const m = xs.length, at = (k: number) => (end ? m - 1 - k : k);
  let left = dist;
  for (let k = 0; k + 1 < m; k++) {
    const x0 = xs[at(k)]!, y0 = ys[at(k)]!, x1 = xs[at(k + 1)]!, y1 = ys[at(k + 1)]!, len = Math.hypot(x1 - x0, y1 - y0);
    if (len >= left && len > 0) return [x0 + ((x1 - x0) * left) / len, y0 + ((y1 - y0) * left) / len];
    left -= len;
  }
  return [xs[at(m - 1)]!, ys[at(m - 1)]!];
}

/** The opening's angle (degrees) at its left and right corners between the upper and lower lines' first `span` x unit px. */
export function cornerAngles(ux: ArrayLike<number>, uy: ArrayLike<number>, lx: ArrayLike<number>, ly: ArrayLike<number>, unit: number, span = 0.03): [number, number] {
  const angle = (end: boolean): number => {
    const k = end ? ux.length - 1 : 0, j = end ? lx.length - 1 : 0;
    const cx = 0.5 * (ux[k]! + lx[j]!), cy = 0.5 * (uy[k]! + ly[j]!);
    const [ax, ay] = along(ux, uy, span * unit, end), [bx, by] = along(lx, ly, span * unit, end);
    const a = Math.atan2(ay - cy, ax - cx), b = Math.atan2(by - cy, bx - cx);
    let t = Math.abs(a - b);
    if (t > Math.PI) t = 2 * Math.PI - t;
    return (t * 180) / Math.PI;
  };
  return [angle(false), angle(true)];
}
