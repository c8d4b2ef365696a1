// The neutral face a basis is built on, as the parts of the basis read it: landmark coordinates,
// the output slot of each control, and a contour's height at a given x.
import { CONTROL_INDEX, type RigControl } from '../controls.ts';
import { knotsAt } from '../../math/polyline.ts';

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
  return knotsAt(s.length, (k) => X(s[k]!), (k) => Y(s[k]!), x);
}
