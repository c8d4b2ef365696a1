// Synthetic lid landmarks for the wide-eye, gaze and hidden-iris tests: one eye (the image-right one) 30..66 wide,
// by default its upper lid at row 40 and its lower at 57 in the middle with its corners at row 48; the other eye far
// away in a corner.
import { EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER } from '../src/rig/topology.ts';

/** The eye's rows: its corners', its upper lid's and its lower lid's (between the corners). */
export interface EyeRows { corner: number; upper: number; lower: number }

export function oneEyeLandmarks(rows: EyeRows = { corner: 48, upper: 40, lower: 57 }): Map<number, [number, number]> {
  const xy = new Map<number, [number, number]>();
  const n = EYE_L_UPPER.length;
  EYE_L_UPPER.forEach((i, q) => xy.set(i, [30 + (36 * q) / (n - 1), q === 0 || q === n - 1 ? rows.corner : rows.upper]));
  EYE_L_LOWER.forEach((i, q) => xy.set(i, [30 + (36 * q) / (n - 1), q === 0 || q === n - 1 ? rows.corner : rows.lower]));
  EYE_R_UPPER.forEach((i, q) => xy.set(i, [2 + q, 90]));
  EYE_R_LOWER.forEach((i, q) => xy.set(i, [2 + q, 92]));
  return xy;
}
