// The neutral face a basis is built on, as the parts of the basis read it: landmark coordinates,
// the output slot of each control, and a contour's height at a given x.
import { CONTROL_INDEX, type RigControl } from '../controls.ts';

export interface BasisFace {
  /** 478*3 canonical coordinates (x right, y down, z away from the camera, outer-eye-corner distance 1) */
  readonly p: Float64Array;
  /** the basis being written: out[(k * N + i) * 3 + axis] */
  readonly out: Float32Array;
  X(i: number): number;
  Y(i: number): number;
  Z(i: number): number;
  /** a control's index in the basis */
  K(c: RigControl): number;
  /** y of a contour at x: linear between its points (sorted by x), flat past its ends */
  contourY(ids: number[], x: number): number;
}

export function basisFace(p: Float64Array, out: Float32Array): BasisFace {
  const X = (i: number) => p[i * 3]!, Y = (i: number) => p[i * 3 + 1]!, Z = (i: number) => p[i * 3 + 2]!;
  return { p, out, X, Y, Z, K: (c) => CONTROL_INDEX[c], contourY: (ids, x) => contourYOf(p, ids, x) };
}

/** y of a contour of landmarks `ids` in coordinates `p` at x: linear between its points (sorted by x), flat past its ends. */
export function contourYOf(p: ArrayLike<number>, ids: readonly number[], x: number): number {
  const X = (i: number) => p[i * 3]!, Y = (i: number) => p[i * 3 + 1]!;
  const s = [...ids].sort((a, b) => X(a) - X(b));
  if (x <= X(s[0]!)) return Y(s[0]!);
  for (let q = 1; q < s.length; q++) {
    if (x <= X(s[q]!)) { const t = (x - X(s[q - 1]!)) / Math.max(1e-6, X(s[q]!) - X(s[q - 1]!)); return Y(s[q - 1]!) + t * (Y(s[q]!) - Y(s[q - 1]!)); }
  }
  return Y(s[s.length - 1]!);
}
