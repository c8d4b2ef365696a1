// Synthetic lid landmarks for the wide-eye and gaze tests: one eye (the image-right one) 30..66 x 40..57 with its
// corners at row 48, the other eye far away in a corner.
import { EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER } from '../src/rig/topology.ts';

export function oneEyeLandmarks(): Map<number, [number, number]> {
  const xy = new Map<number, [number, number]>();
  const n = EYE_L_UPPER.length;
  EYE_L_UPPER.forEach((i, q) => xy.set(i, [30 + (36 * q) / (n - 1), q === 0 || q === n - 1 ? 48 : 40]));
  EYE_L_LOWER.forEach((i, q) => xy.set(i, [30 + (36 * q) / (n - 1), q === 0 || q === n - 1 ? 48 : 57]));
  EYE_R_UPPER.forEach((i, q) => xy.set(i, [2 + q, 90]));
  EYE_R_LOWER.forEach((i, q) => xy.set(i, [2 + q, 92]));
  return xy;
}
