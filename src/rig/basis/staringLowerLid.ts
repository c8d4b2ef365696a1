// A stare opens the eye at the bottom too (arch41). A driver's stare shows white all round the iris: the upper
// lid goes up AND the lower lid drops a little (lp_d6 f162-168, lp_d10 f80-84: white under both irises on the
// video). The rendered eyeWide only raised the upper lid, so a stare could grow only by a taller upper arch (its
// dark lash band carried high over the iris, the "liner" arch: lp_s42 <- lp_d6 f150-156). Here the avatar's
// rendered basis (renderBasis) also lowers the lower lid by LOWER_DROP of the opening above each of its points
// per unit of eyeWide (the corners stay; the skin under the lid follows, fading over a few hundredths of the
// face). The fit bases (drivers, the photo) are not touched: eyeWide weights read off videos do not change.
import { LANDMARK_COUNT } from '../topology.ts';
import { spread, type Handle } from '../spread.ts';
import { smoothstep } from '../../math/smooth.ts';

/** On: eyeWide lowers the lower lid on the rendered avatar (off: only the upper lid moves, as before s41). */
export const staringLowerLidSetting = { on: true, drop: 0.2 };

/** The lower lid's pull reaches this far (canonical units, outer-eye-corner distance 1) into the skin under it. */
const REACH = 0.05;

/**
 * The drop of each lower-lid point (y down, canonical units) per unit of eyeWide: `drop` of the opening over
 * it (`upperY`, `lowerY` corner to corner, the corners 0).
 */
export function lowerLidDrops(upperY: readonly number[], lowerY: readonly number[], drop: number): number[] {
  return lowerY.map((y, q) => (q === 0 || q === lowerY.length - 1 ? 0 : drop * Math.max(0, y - upperY[q]!)));
}

/**
 * In place on a rendered basis: control k (an eyeWide) also moves the lower lid `lower` down (its points as
 * handles, spread to the skin under the lid line within REACH); `upper` the same eye's upper lid, corner to corner.
 */
export function addStaringLowerLid(basis: Float32Array, neutral: ArrayLike<number>, k: number, upper: readonly number[], lower: readonly number[], drop = staringLowerLidSetting.drop): void {
  if (!staringLowerLidSetting.on || !(drop > 0)) return;
  const p = Float64Array.from(neutral as ArrayLike<number>);
  const Y = (i: number) => p[i * 3 + 1]!, X = (i: number) => p[i * 3]!;
  const drops = lowerLidDrops(upper.map(Y), lower.map(Y), drop);
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
