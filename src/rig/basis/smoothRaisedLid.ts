// A raised upper lid drawn as one smooth arch (wide36). eyeWide lifts each upper-lid landmark by a share
// of the opening under it, so the raised line is 1 + WIDE_LIFT_RENDERED times the photo's arch less that
// share of the lower lid: the photo's angular lid (its apex landmark) exaggerated into a tall peaked arch
// with straight flanks (lid35: lp_s42 <- lp_d6 f151). Here the rendered basis's lifts are replaced by
// those that put the raised landmarks on one round arch through the raised corners and the raised apex
// (its height and place kept: the stare's size is the same), each side of the apex a power ARCH_ROUNDNESS
// of a parabola (rounder than a parabola, whose least-squares fit was peakier still: a tent). The lid's
// mesh edge, the drawn white under it (wideEyes.ts reads these lifts) and the lash line's cover
// (raisedLidEdge.ts, on the landmarks) all follow the same curve.
import { LANDMARK_COUNT } from '../topology.ts';

/** A smoothed lift never exceeds this share of the opening under it (the eyeball fan reaches 1.1 above the lid: avatar/mesh.ts). */
export const MAX_LIFT_OF_OPENING = 1;
/** Each half of the arch is (4w(1-w))^ARCH_ROUNDNESS: 1 a parabola (peaked at the landmarks' spacing), .5 an ellipse (lifts the corners' neighbours 1.5-2.5x their opening). */
export const ARCH_ROUNDNESS = 0.75;

/**
 * The raised line's y at each point on the round arch: `xs`, `raised` the raised lid points corner to
 * corner (y down; first and last the corners, kept). The arch goes through the corners and the interior
 * point farthest above the chord between them, its slope 0 there. Returns the arch's y per point.
 */
export function smoothArch(xs: readonly number[], raised: readonly number[]): number[] {
  const n = xs.length, xa = xs[0]!, xb = xs[n - 1]!, ya = raised[0]!, yb = raised[n - 1]!;
  const span = xb - xa;
  if (n < 3 || Math.abs(span) < 1e-9) return raised.slice();
  const u = xs.map((x) => (x - xa) / span);
  const chord = u.map((v) => ya + v * (yb - ya));
  let apex = 1;
  for (let q = 2; q < n - 1; q++) if (raised[q]! - chord[q]! < raised[apex]! - chord[apex]!) apex = q;
  // the apex between the landmarks: the vertex of the parabola through the highest point and its neighbours
  // (lp_s42's lid is flat between two landmarks: an apex held on one of them dropped the other, a new peak)
  const { at: ua, height } = vertex(u.slice(apex - 1, apex + 2), [apex - 1, apex, apex + 1].map((q) => chord[q]! - raised[q]!));
  if (!(ua > 0 && ua < 1) || height <= 0) return raised.slice();
  return u.map((v, q) => {
    if (q === 0 || q === n - 1) return raised[q]!;
    // each side of the apex mapped onto half of a symmetric bump (slope 0 at the apex from both sides)
    const w = v <= ua ? (0.5 * v) / ua : 0.5 + (0.5 * (v - ua)) / (1 - ua);
    return chord[q]! - height * Math.pow(Math.max(0, 4 * w * (1 - w)), ARCH_ROUNDNESS);
  });
}

/** The top of the parabola through three points (x increasing or decreasing; h up): its place within the outer two and its height. */
export function vertex(xs: readonly number[], hs: readonly number[]): { at: number; height: number } {
  const [x0, x1, x2] = xs as [number, number, number], [h0, h1, h2] = hs as [number, number, number];
  const d01 = (h1 - h0) / (x1 - x0), d12 = (h2 - h1) / (x2 - x1), c = (d12 - d01) / (x2 - x0);
  if (!(c < 0)) return { at: x1, height: h1 };
  const lo = Math.min(x0, x2), hi = Math.max(x0, x2);
  // h(x) = h1 + d(x - x1) + c(x - x1)^2 with d the slope at x1
  const d = d01 + c * (x1 - x0);
  const at = Math.min(hi, Math.max(lo, x1 - d / (2 * c)));
  return { at, height: h1 + d * (at - x1) + c * (at - x1) ** 2 };
}

/**
 * New upward lifts (y up positive) for the interior points: `ys` the photo's lid y (down), `lifts` the
 * current lifts, `openings` the opening under each point. Each lift puts its point on the smooth arch,
 * within 0 .. MAX_LIFT_OF_OPENING of its opening; the corners keep theirs.
 */
export function smoothLifts(xs: readonly number[], ys: readonly number[], lifts: readonly number[], openings: readonly number[]): number[] {
  const arch = smoothArch(xs, ys.map((y, q) => y - lifts[q]!));
  return ys.map((y, q) => (q === 0 || q === ys.length - 1 ? lifts[q]! : Math.min(MAX_LIFT_OF_OPENING * Math.max(0, openings[q]!), Math.max(0, y - arch[q]!))));
}

/**
 * In place on a basis (flat, [(k * N + i) * 3 + axis]): control k's upper-lid points (`upper`, corner to corner,
 * over `lower`) moved up and down onto the smooth arch; x and z and every other point unchanged.
 */
export function smoothRaisedLid(basis: Float32Array, neutral: ArrayLike<number>, k: number, upper: readonly number[], lower: readonly number[]): void {
  const N = LANDMARK_COUNT, at = (i: number) => (k * N + i) * 3 + 1;
  const xs = upper.map((i) => neutral[i * 3]!), ys = upper.map((i) => neutral[i * 3 + 1]!);
  const lifts = upper.map((i) => -basis[at(i)]!);
  const openings = upper.map((i, q) => neutral[lower[q]! * 3 + 1]! - neutral[i * 3 + 1]!);
  const next = smoothLifts(xs, ys, lifts, openings);
  upper.forEach((i, q) => { basis[at(i)] = -next[q]!; });
}
