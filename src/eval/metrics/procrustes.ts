// Similarity Procrustes: the rotation, uniform scale and translation that best map one landmark
// set onto another (Horn 1987, unit quaternions), so that expression can be compared with the
// head pose, position and size taken out.
import { coord, type Landmarks, type Point } from './landmarks.ts';
import { rotationFromQuaternion, type Mat3 } from './rotation.ts';

type Vec3 = [number, number, number];

/** Columns p and q of `m` turned by the Jacobi rotation (c, s). */
function rotateColumns(m: number[][], p: number, q: number, c: number, s: number): void {
  for (let k = 0; k < m.length; k++) {
    const mkp = m[k]![p]!;
    const mkq = m[k]![q]!;
    m[k]![p] = c * mkp - s * mkq;
    m[k]![q] = s * mkp + c * mkq;
  }
}

/** Rows p and q of `m` turned by the Jacobi rotation (c, s). */
function rotateRows(m: number[][], p: number, q: number, c: number, s: number): void {
  for (let k = 0; k < m.length; k++) {
    const mpk = m[p]![k]!;
    const mqk = m[q]![k]!;
    m[p]![k] = c * mpk - s * mqk;
    m[q]![k] = s * mpk + c * mqk;
  }
}

/** Sum of the squared entries above the diagonal: 0 once `a` is diagonal. */
function offDiagonal(a: number[][]): number {
  let off = 0;
  for (let p = 0; p < a.length; p++) for (let q = p + 1; q < a.length; q++) off += a[p]![q]! ** 2;
  return off;
}

/** Zeroes a[p][q] (and a[q][p]) by one Jacobi rotation of `a`, accumulated into the eigenvectors `v`. */
function jacobiStep(a: number[][], v: number[][], p: number, q: number): void {
  const apq = a[p]![q]!;
  if (Math.abs(apq) < 1e-300) return;
  const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
  const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  rotateColumns(a, p, q, c, s);
  rotateRows(a, p, q, c, s);
  rotateColumns(v, p, q, c, s);
}

/** Eigen-decomposition of a small symmetric matrix (cyclic Jacobi). Returns eigenvalues and column eigenvectors. */
export function symmetricEigen(m: number[][]): { values: number[]; vectors: number[][] } {
  const n = m.length;
  const a = m.map((r) => r.slice());
  const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 60; sweep++) {
    if (offDiagonal(a) < 1e-22) break;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) jacobiStep(a, v, p, q);
  }
  return { values: a.map((r, i) => r[i]!), vectors: v };
}

export interface SimilarityTransform {
  /** rotation taking the (centred) source onto the target */
  rotation: Mat3;
  scale: number;
  /** target = scale * R * source + translation */
  translation: [number, number, number];
  /** root mean square distance after alignment, in target units */
  rms: number;
}

/** Mean position of the points `ids` of `points`. */
function centroid(points: Landmarks, ids: ArrayLike<number>): Vec3 {
  const c: Vec3 = [0, 0, 0];
  for (let i = 0; i < ids.length; i++) for (let k = 0; k < 3; k++) c[k] += coord(points[ids[i]!]!, k);
  for (let k = 0; k < 3; k++) c[k] /= ids.length;
  return c;
}

/** S[j][k] = sum of a_j * b_k over the centred point pairs, and the source's spread sum |a|^2. */
function crossCovariance(source: Landmarks, target: Landmarks, ids: ArrayLike<number>, ca: Vec3, cb: Vec3): { S: number[][]; aa: number } {
  const S = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  let aa = 0;
  for (let i = 0; i < ids.length; i++) {
    const p = source[ids[i]!]!;
    const q = target[ids[i]!]!;
    const a = [coord(p, 0) - ca[0], coord(p, 1) - ca[1], coord(p, 2) - ca[2]];
    const b = [coord(q, 0) - cb[0], coord(q, 1) - cb[1], coord(q, 2) - cb[2]];
    for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) S[j]![k]! += a[j]! * b[k]!;
    aa += a[0]! * a[0]! + a[1]! * a[1]! + a[2]! * a[2]!;
  }
  return { S, aa };
}

/** Horn's optimal rotation: the eigenvector of the largest eigenvalue of his 4x4 matrix of S. */
function hornRotation(S: number[][]): Mat3 {
  const [[xx, xy, xz], [yx, yy, yz], [zx, zy, zz]] = S as [Vec3, Vec3, Vec3];
  const N = [
    [xx + yy + zz, yz - zy, zx - xz, xy - yx],
    [yz - zy, xx - yy - zz, xy + yx, zx + xz],
    [zx - xz, xy + yx, -xx + yy - zz, yz + zy],
    [xy - yx, zx + xz, yz + zy, -xx - yy + zz],
  ];
  const { values, vectors } = symmetricEigen(N);
  let best = 0;
  for (let i = 1; i < 4; i++) if (values[i]! > values[best]!) best = i;
  const [q0, qx, qy, qz] = [0, 1, 2, 3].map((r) => vectors[r]![best]!) as [number, number, number, number];
  const qn = Math.hypot(q0, qx, qy, qz) || 1;
  return rotationFromQuaternion(q0 / qn, qx / qn, qy / qn, qz / qn);
}

/** Root mean square distance between the mapped source points and their targets. */
function alignedRms(t: Omit<SimilarityTransform, 'rms'>, source: Landmarks, target: Landmarks, ids: ArrayLike<number>): number {
  let sq = 0;
  for (let i = 0; i < ids.length; i++) {
    const p = applySimilarity(t, source[ids[i]!]!);
    const q = target[ids[i]!]!;
    sq += (p[0] - coord(q, 0)) ** 2 + (p[1] - coord(q, 1)) ** 2 + (p[2] - coord(q, 2)) ** 2;
  }
  return Math.sqrt(sq / Math.max(1, ids.length));
}

/**
 * Least-squares similarity transform (rotation, uniform scale, translation) mapping `source` onto
 * `target` (Horn 1987, unit quaternions). 2D points are treated as z = 0. `indices` restricts the
 * points used for the fit (e.g. rigid ones).
 */
export function procrustes(source: Landmarks, target: Landmarks, indices?: ArrayLike<number>): SimilarityTransform {
  const ids = indices ?? Array.from({ length: Math.min(source.length, target.length) }, (_, i) => i);
  const ca = centroid(source, ids);
  const cb = centroid(target, ids);
  const { S, aa } = crossCovariance(source, target, ids, ca, cb);
  const R = hornRotation(S);
  // scale = sum b . (R a) / sum |a|^2 = trace(R S) / aa
  let dot = 0;
  for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) dot += R[k * 3 + j]! * S[j]![k]!;
  const scale = aa > 0 ? dot / aa : 1;
  const translation: Vec3 = [0, 0, 0];
  for (let k = 0; k < 3; k++) translation[k] = cb[k] - scale * (R[k * 3]! * ca[0] + R[k * 3 + 1]! * ca[1] + R[k * 3 + 2]! * ca[2]);
  const t = { rotation: R, scale, translation };
  return { ...t, rms: alignedRms(t, source, target, ids) };
}

export function applySimilarity(t: Omit<SimilarityTransform, 'rms'>, p: Point): [number, number, number] {
  const x = coord(p, 0);
  const y = coord(p, 1);
  const z = coord(p, 2);
  const R = t.rotation;
  return [
    t.scale * (R[0] * x + R[1] * y + R[2] * z) + t.translation[0],
    t.scale * (R[3] * x + R[4] * y + R[5] * z) + t.translation[1],
    t.scale * (R[6] * x + R[7] * y + R[8] * z) + t.translation[2],
  ];
}

/** Rotates, scales and shifts every point (helper for tests and synthetic cases). */
export function transformLandmarks(lm: Landmarks, t: Omit<SimilarityTransform, 'rms'>): [number, number, number][] {
  const out: [number, number, number][] = new Array(lm.length);
  for (let i = 0; i < lm.length; i++) out[i] = applySimilarity(t, lm[i]!);
  return out;
}
