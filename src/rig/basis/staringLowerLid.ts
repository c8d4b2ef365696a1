// A stare opens the eye at the bottom too (arch41). A driver's stare shows white all round the iris: the upper
// lid goes up AND the lower lid drops a little (lp_d6 f162-168, lp_d10 f80-84: white under both irises on the
// video). The rendered eyeWide only raised the upper lid, so a stare could grow only by a taller upper arch (its
// dark lash band carried high over the iris, the "liner" arch: lp_s42 <- lp_d6 f150-156). Here the avatar's
// rendered basis (renderBasis) also lowers the lower lid by LOWER_DROP of the opening above each of its points
// per unit of eyeWide (the corners stay; the skin under the lid follows, fading over a few hundredths of the
// face). The fit bases (drivers, the photo) are not touched: eyeWide weights read off videos do not change.
// s48 (widegain48): the drop keeps the lower lid on the iris where the photo's lower lid touches it. At .2 of the
// opening it slid off an iris that sits on the lid at rest (mt_man's image-left eye: white under the iris at a
// stare his driver's lids never showed, the almond eye gone round); now the drop at the iris's column is at most
// what the lid hides of the iris's bottom plus IRIS_HOLD_MARGIN of its diameter (the whole lid's drop scaled alike).
import { LANDMARK_COUNT } from '../topology.ts';
import { spread, type Handle } from '../spread.ts';
import { smoothstep } from '../../math/smooth.ts';

/** On: eyeWide lowers the lower lid on the rendered avatar (off: only the upper lid moves, as before s41). */
export const staringLowerLidSetting = { on: true, drop: 0.2, irisHold: true };

/**
 * White the dropped lower lid may show under the photo's iris at one unit of eyeWide (iris diameters). s51 (stare51):
 * negative, the lid keeps this much of the iris covered. s48's +.05 (a hairline of white) left white under st_happy's
 * irises at lp_d6's stares (f101, f156, f166: .05-.09 diameters on the mesh) where the driver's lower lids stay on or over
 * the irises' bottoms (face-mesh ruler on both: driver -.08..-.27, ours -.03..-.09); an iris the photo's lid hides less
 * than .1 of now keeps its lower lid (no drop).
 */
export const IRIS_HOLD_MARGIN = -0.1;

/** The lower lid's pull reaches this far (canonical units, outer-eye-corner distance 1) into the skin under it. */
const REACH = 0.05;

/**
 * The drop of each lower-lid point (y down, canonical units) per unit of eyeWide: `drop` of the opening over
 * it (`upperY`, `lowerY` corner to corner, the corners 0).
 */
export function lowerLidDrops(upperY: readonly number[], lowerY: readonly number[], drop: number): number[] {
  return lowerY.map((y, q) => (q === 0 || q === lowerY.length - 1 ? 0 : drop * Math.max(0, y - upperY[q]!)));
}

/** The polyline (xs, ys, any order) at x; its nearest end's y outside. */
function lineYAt(xs: readonly number[], ys: readonly number[], x: number): number {
  const o = xs.map((_, q) => q).sort((a, b) => xs[a]! - xs[b]!);
  for (let k = 0; k + 1 < o.length; k++) {
    const a = o[k]!, b = o[k + 1]!;
    if (x >= xs[a]! && x <= xs[b]!) return xs[b]! > xs[a]! ? ys[a]! + ((x - xs[a]!) / (xs[b]! - xs[a]!)) * (ys[b]! - ys[a]!) : ys[a]!;
  }
  return x < xs[o[0]!]! ? ys[o[0]!]! : ys[o.at(-1)!]!;
}

/**
 * The share of the drops kept so the lower lid at the iris's column goes at most IRIS_HOLD_MARGIN of the iris's
 * diameter past the iris's bottom (short of it: margin < 0; never a rise): `lowerX`, `lowerY` the lid (y down), `drops` per point, the iris's centre and
 * radius. 1 when the drop there is within that (the lid hid more of the iris than the drop uncovers).
 */
export function irisHoldShare(lowerX: readonly number[], lowerY: readonly number[], drops: readonly number[], iris: { cx: number; cy: number; r: number }, margin = IRIS_HOLD_MARGIN): number {
  const dropAt = lineYAt(lowerX, drops, iris.cx);
  if (!(dropAt > 0) || !(iris.r > 0)) return 1;
  const hidden = Math.max(0, iris.cy + iris.r - lineYAt(lowerX, lowerY, iris.cx));
  return Math.max(0, Math.min(1, (hidden + margin * 2 * iris.r) / dropAt));
}

/** The face mesh's iris (468 or 473: whichever centre lies between the lid's corners) on a canonical face, or null. */
export function irisBetween(p: ArrayLike<number>, lower: readonly number[]): { cx: number; cy: number; r: number } | null {
  if (p.length < 478 * 3) return null;
  const xa = Math.min(p[lower[0]! * 3]!, p[lower.at(-1)! * 3]!), xb = Math.max(p[lower[0]! * 3]!, p[lower.at(-1)! * 3]!);
  const c = [468, 473].find((i) => p[i * 3]! > xa && p[i * 3]! < xb);
  if (c === undefined) return null;
  const cx = p[c * 3]!, cy = p[c * 3 + 1]!;
  const r = [1, 2, 3, 4].reduce((s, k) => s + Math.hypot(p[(c + k) * 3]! - cx, p[(c + k) * 3 + 1]! - cy), 0) / 4;
  return r > 0 ? { cx, cy, r } : null;
}

/**
 * In place on a rendered basis: control k (an eyeWide) also moves the lower lid `lower` down (its points as
 * handles, spread to the skin under the lid line within REACH); `upper` the same eye's upper lid, corner to corner.
 */
export function addStaringLowerLid(basis: Float32Array, neutral: ArrayLike<number>, k: number, upper: readonly number[], lower: readonly number[], drop = staringLowerLidSetting.drop): void {
  if (!staringLowerLidSetting.on || !(drop > 0)) return;
  const p = Float64Array.from(neutral as ArrayLike<number>);
  const Y = (i: number) => p[i * 3 + 1]!, X = (i: number) => p[i * 3]!;
  let drops = lowerLidDrops(upper.map(Y), lower.map(Y), drop);
  // the lid stays on the iris where the photo's lid touches it (s48)
  const iris = staringLowerLidSetting.irisHold ? irisBetween(p, lower) : null;
  if (iris) { const keep = irisHoldShare(lower.map(X), lower.map(Y), drops, iris); drops = drops.map((d) => d * keep); }
  const handles: Handle[] = [];
  for (let q = 1; q < lower.length - 1; q++) handles.push({ i: lower[q]!, d: [0, drops[q]!, 0] });
  const lineY = (Y(lower[0]!) + Y(lower.at(-1)!)) / 2;
  const xa = Math.min(X(lower[0]!), X(lower.at(-1)!)), xb = Math.max(X(lower[0]!), X(lower.at(-1)!));
  const upperSet = new Set(upper);
  // only the skin under the eye (not the upper lid, the irises or the other eye)
  const mask = (i: number) => (i >= 468 || upperSet.has(i) || X(i) < xa - 0.05 || X(i) > xb + 0.05 ? 0 : smoothstep(0, REACH, Y(i) - lineY + REACH / 2));
  const scratch = new Float32Array(basis.length > 0 ? (k + 1) * LANDMARK_COUNT * 3 : 0);
  spread(scratch, k, p, handles, REACH, mask);
  for (let j = k * LANDMARK_COUNT * 3; j < (k + 1) * LANDMARK_COUNT * 3; j++) basis[j]! += scratch[j]!;
}
