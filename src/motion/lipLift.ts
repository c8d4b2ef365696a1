// The file's small openings lifted toward its wide ones (issue #13, audio18). Over real read-backs the
// network's calibrated jaw in speech is too spiky: its median is ~0.45 of its 90th percentile where real
// lip gaps' is ~0.70 (Obama clip1, Katie, Fei-Fei, mt_sun, GRID s1 tracked, bench/lipTiming.ts), so the
// mouth hovers nearly shut between peaks (Katie's sound: 73 of 167 speech frames shut, real 24) while a
// gain that matches the p90 (lipFileScale.ts) grows the frames already open. A power below 1 about a
// pivot (the pool's p90) raises the low and middle openings, leaves the pivot and compresses what is
// above it; the closures from the sound (lipClosures.ts) and the silence gate come after and still shut.

import { smoothstep } from '../math/smooth.ts';

/** the power on jaw / pivot: 1 leaves the curve as is; below 1 lifts the openings under the pivot */
export const OPENING_LIFT_POWER = 0.5;
/** the lift never multiplies a frame by more than this (near-zero frames would otherwise jump) */
export const OPENING_LIFT_MAX = 2.5;

/**
 * jaw openings under the first value are not lifted, fully from the second: the dips the network and the
 * smoothing kept (p/b/m, lipModel.ts jawDips) stay shut (lifted, GRID s1's real closures hit fell 10 -> 4 of 19)
 */
export const OPENING_LIFT_FLOOR: readonly [number, number] = [0.05, 0.1];

/**
 * The factor the lift multiplies a frame of jaw opening `jaw` by: (jaw / pivot)^(power - 1), bounded by
 * OPENING_LIFT_MAX, faded to 1 below `floor`.
 */
export function liftFactor(jaw: number, pivot: number, power = OPENING_LIFT_POWER, floor: readonly [number, number] = OPENING_LIFT_FLOOR): number {
  if (jaw <= floor[0] || pivot <= 0 || power === 1) return 1;
  const full = Math.min(OPENING_LIFT_MAX, (jaw / pivot) ** (power - 1));
  return 1 + (full - 1) * smoothstep(floor[0], floor[1], jaw);
}

/**
 * Lifts the opening controls (`curves`, in place; the first is the jaw) frame by frame by the jaw's
 * liftFactor, so the lips keep their proportion to the jaw.
 */
export function liftOpenings(jaw: Float64Array, others: Float64Array[], pivot: number, power = OPENING_LIFT_POWER): void {
  for (let i = 0; i < jaw.length; i++) {
    const f = liftFactor(jaw[i]!, pivot, power);
    if (f === 1) continue;
    jaw[i] = jaw[i]! * f;
    for (const c of others) c[i] = c[i]! * f;
  }
}
