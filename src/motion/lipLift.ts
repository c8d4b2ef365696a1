// The file's small openings lifted toward its wide ones (issue #13, audio18). Over real read-backs the
// network's calibrated jaw in speech is too spiky: its median is ~0.45 of its 90th percentile where real
// lip gaps' is ~0.70 (Obama clip1, Katie, Fei-Fei, mt_sun, GRID s1 tracked, bench/lipTiming.ts), so the
// mouth hovers nearly shut between peaks (Katie's sound: 73 of 167 speech frames shut, real 24) while a
// gain that matches the p90 (lipFileScale.ts) grows the frames already open. A power below 1 about a
// pivot (the pool's p90) raises the low and middle openings, leaves the pivot and compresses what is
// above it; the closures from the sound (lipClosures.ts) and the silence gate come after and still shut.
// (bmp18) A dip is not lifted: the network's jaw notches at p/b/m (a frame well under the peak of its
// syllable) stay as deep as the network made them. Lifted, the real lips' median gap at b/m/p frames rose
// .046 -> .066 IOD (real .016; the closures from the sound fire on only 15 % of those frames).

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

/** the syllable about a frame: its jaw peak is looked for this many frames either side (120 ms at 25 fps) */
export const OPENING_LIFT_SPAN = 3;

/**
 * a frame under the first share of its syllable's peak is a dip and not lifted, fully lifted over the second
 * (.4-.7 measured: b/m/p gap .046 rather than .048, held-out r lower: GRID .613, Katie .452; README bmp18)
 */
export const OPENING_LIFT_DIP: readonly [number, number] = [0.3, 0.6];

/**
 * The factor the lift multiplies a frame of jaw opening `jaw` by: (jaw / pivot)^(power - 1), bounded by
 * OPENING_LIFT_MAX, faded to 1 below `floor`.
 */
export function liftFactor(jaw: number, pivot: number, power = OPENING_LIFT_POWER, floor: readonly [number, number] = OPENING_LIFT_FLOOR): number {
  if (jaw <= floor[0] || pivot <= 0 || power === 1) return 1;
  const full = Math.min(OPENING_LIFT_MAX, (jaw / pivot) ** (power - 1));
  return 1 + (full - 1) * smoothstep(floor[0], floor[1], jaw);
}

/** How much of its lift a frame gets: 0 in a dip (jaw under dip[0] of `peak`, its syllable's), 1 over dip[1]. */
export function liftShare(jaw: number, peak: number, dip: readonly [number, number] = OPENING_LIFT_DIP): number {
  return peak > 0 ? smoothstep(dip[0], dip[1], jaw / peak) : 1;
}

/**
 * Lifts the opening controls (`curves`, in place; the first is the jaw) frame by frame by the jaw's
 * liftFactor, times its liftShare against the jaw's peak within `span` frames (span 0: no dip kept), so
 * the lips keep their proportion to the jaw.
 */
export function liftOpenings(jaw: Float64Array, others: Float64Array[], pivot: number, power = OPENING_LIFT_POWER, span = OPENING_LIFT_SPAN): void {
  const peak = localMax(jaw, span);
  for (let i = 0; i < jaw.length; i++) {
    const f = 1 + (liftFactor(jaw[i]!, pivot, power) - 1) * liftShare(jaw[i]!, peak[i]!);
    if (f === 1) continue;
    jaw[i] = jaw[i]! * f;
    for (const c of others) c[i] = c[i]! * f;
  }
}

/** The largest value within `span` frames either side of each frame. */
export function localMax(v: ArrayLike<number>, span: number): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    let m = -Infinity;
    for (let j = Math.max(0, i - span); j <= Math.min(v.length - 1, i + span); j++) m = Math.max(m, v[j]!);
    out[i] = m;
  }
  return out;
}
