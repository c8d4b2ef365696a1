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

/**
 * `xy` (changed in place, returned) with the irises: this eye's centred at (48, 49), radius 7 (landmarks 473-477),
 * the other eye's at (5, 91), radius 1 (468-472), far from anything drawn.
 */
export function withIrises(xy: Map<number, [number, number]>): Map<number, [number, number]> {
  xy.set(473, [48, 49]); [474, 475, 476, 477].forEach((i, k) => xy.set(i, [48 + [7, 0, -7, 0][k]!, 49 + [0, 7, 0, -7][k]!]));
  xy.set(468, [5, 91]); [469, 470, 471, 472].forEach((i, k) => xy.set(i, [5 + [1, 0, -1, 0][k]!, 91 + [0, 1, 0, -1][k]!]));
  return xy;
}
