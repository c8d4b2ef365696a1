// bite45: one side of the lips raised or dropped against the other (a sneer's upper lip lifted on one side, a bite's
// lower lip pulled down on one side), which the rig cannot make: mouthUpperUp, mouthLowerDown and mouthPress act on
// both sides at once. The motion's `w.lipSideUpper` / `w.lipSideLower` (IOD, image left minus image right; the inner
// upper lip's raise, the inner lower lip's drop; src/motion/lipSides.ts) move the upper and the lower lip up or down in
// the canonical frame, opposite on the two sides (the middle stays: the rig's symmetric controls already carry the
// mean), scaled so the same reading on the photo's mesh moves by exactly that much. The skin around the lips follows
// within an ellipse (short above and below, so the nose and chin stay). Motions without the entries: unchanged.
import { smoothstep } from '../math/smooth.ts';
import { LANDMARK_COUNT, LIP_COLUMNS_LOWER, LIP_COLUMNS_UPPER } from '../rig/topology.ts';
import { INNER_UPPER, INNER_LOWER, LIP_SIDE_UPPER, LIP_SIDE_LOWER } from '../motion/lipSides.ts';

export { LIP_SIDE_UPPER, LIP_SIDE_LOWER };
/** Across the middle, the side share ramps from 0 to all of it over this far (IOD) toward each corner. */
export const SIDE_RAMP = 0.16;
/** The lips' ellipse (IOD): half width, height above and below the lips' middle; the share fades out by twice it. */
export const SIDE_AREA = { across: 0.34, above: 0.14, below: 0.14 };

/** The lips' corner points (outer, inner and the rows between), which move half with each lip. */
const LIP_CORNERS = [61, 291, 78, 308, 62, 292, 76, 306];
/** Skin beside the corners moves with the upper or lower lip over this height (IOD) about the corners' line. */
const SKIN_BAND = 0.03;

/** Per landmark, the vertical move (canonical y, down +) at one IOD of each side difference: `upper` for a raise, `lower` for a drop. */
export interface LipSideFields { upper: Float32Array; lower: Float32Array }

/** The fields on a canonical neutral face (478 * 3). */
export function lipSideFields(neutral: ArrayLike<number>): LipSideFields {
  const y = (i: number) => neutral[i * 3 + 1]!;
  const cx = (neutral[0]! + neutral[17 * 3]!) / 2, cy = (y(0) + y(17)) / 2;
  // which lip each point moves with: the lips' own points by the mesh's rows, the corners half each, the skin by its
  // height against the corners' line (blended over SKIN_BAND: beside the corners both lips' skin meets)
  const lipOf = new Map<number, number>();
  for (const row of LIP_COLUMNS_UPPER) for (const i of row) lipOf.set(i, 1);
  for (const row of LIP_COLUMNS_LOWER) for (const i of row) lipOf.set(i, 0);
  for (const i of LIP_CORNERS) lipOf.set(i, 0.5);
  const split = (y(61) + y(291)) / 2;
  const upper = new Float32Array(LANDMARK_COUNT), lower = new Float32Array(LANDMARK_COUNT);
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    const x = neutral[i * 3]!, dyRaw = y(i) - cy;
    const dx = (x - cx) / SIDE_AREA.across, dy = dyRaw / (dyRaw < 0 ? SIDE_AREA.above : SIDE_AREA.below);
    const area = 1 - smoothstep(1, 2, Math.hypot(dx, dy));
    if (area <= 0) continue;
    // image left (x < middle) +, image right -
    const side = Math.max(-1, Math.min(1, (cx - x) / SIDE_RAMP));
    const up = lipOf.get(i) ?? 1 - smoothstep(-SKIN_BAND, SKIN_BAND, y(i) - split);
    // a raise is up (y -): half of the difference each side
    upper[i] = -0.5 * side * area * up;
    lower[i] = 0.5 * side * area * (1 - up);
  }
  // scaled so the reading (src/motion/lipSides.ts lipSidesOf: the mean of each side's points) moves by one
  const diff = (f: Float32Array, ids: readonly (readonly number[])[], sign: number) => sign * (ids[0]!.reduce((s, i) => s + f[i]!, 0) / ids[0]!.length - ids[1]!.reduce((s, i) => s + f[i]!, 0) / ids[1]!.length);
  const ku = 1 / diff(upper, INNER_UPPER, -1), kl = 1 / diff(lower, INNER_LOWER, 1);
  for (let i = 0; i < LANDMARK_COUNT; i++) { upper[i]! *= ku; lower[i]! *= kl; }
  return { upper, lower };
}

/** Adds a frame's side differences (IOD) to canonical displacements (478 * 3). */
export function addLipSides(canonDisp: Float64Array, f: LipSideFields, upper: number, lower: number): void {
  const u = Number.isFinite(upper) ? upper : 0, l = Number.isFinite(lower) ? lower : 0;
  if (!u && !l) return;
  for (let i = 0; i < LANDMARK_COUNT; i++) canonDisp[i * 3 + 1]! += u * f.upper[i]! + l * f.lower[i]!;
}
