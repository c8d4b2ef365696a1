// Head-pose math shared by the fit and the renderer. Frame: x right, y down (image), z away from
// the camera (MediaPipe landmarks: negative z = toward the camera). Angles in degrees:
// yaw > 0 turns the nose to the viewer's right, pitch > 0 tilts the chin down, roll > 0 is clockwise
// in the image. R = Roll * Yaw * Pitch (pitch applied first).

const DEG = Math.PI / 180;

/** Row-major 3x3 rotation for the given angles (degrees). */
export function rotationFromAngles(yaw: number, pitch: number, roll: number, out: Float64Array = new Float64Array(9)): Float64Array {
  const cy = Math.cos(yaw * DEG), sy = Math.sin(yaw * DEG);
  const cp = Math.cos(pitch * DEG), sp = Math.sin(pitch * DEG);
  const cr = Math.cos(roll * DEG), sr = Math.sin(roll * DEG);
  // Y*P: rows [cy, -sy*sp, -sy*cp], [0, cp, -sp], [sy, cy*sp, cy*cp]
  const a00 = cy, a01 = -sy * sp, a02 = -sy * cp;
  const a10 = 0, a11 = cp, a12 = -sp;
  const a20 = sy, a21 = cy * sp, a22 = cy * cp;
  out[0] = cr * a00 - sr * a10; out[1] = cr * a01 - sr * a11; out[2] = cr * a02 - sr * a12;
  out[3] = sr * a00 + cr * a10; out[4] = sr * a01 + cr * a11; out[5] = sr * a02 + cr * a12;
  out[6] = a20; out[7] = a21; out[8] = a22;
  return out;
}

/** Inverse of rotationFromAngles. */
export function anglesFromRotation(r: ArrayLike<number>): { yaw: number; pitch: number; roll: number } {
  const yaw = Math.asin(Math.max(-1, Math.min(1, r[6]!)));
  const pitch = Math.atan2(r[7]!, r[8]!);
  const roll = Math.atan2(r[3]!, r[0]!);
  return { yaw: yaw / DEG, pitch: pitch / DEG, roll: roll / DEG };
}

export function multiply3(a: ArrayLike<number>, b: ArrayLike<number>, out: Float64Array = new Float64Array(9)): Float64Array {
  const t = new Float64Array(9);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) t[i * 3 + j] = a[i * 3]! * b[j]! + a[i * 3 + 1]! * b[3 + j]! + a[i * 3 + 2]! * b[6 + j]!;
  out.set(t);
  return out;
}

export function transpose3(a: ArrayLike<number>, out: Float64Array = new Float64Array(9)): Float64Array {
  const t = [a[0]!, a[3]!, a[6]!, a[1]!, a[4]!, a[7]!, a[2]!, a[5]!, a[8]!];
  out.set(t);
  return out;
}

/** Eigen-decomposition of a symmetric n x n matrix (row-major) by cyclic Jacobi; returns eigenvalues and column eigenvectors. */
export function symmetricEigen(m: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(m);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!, akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!, aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!, vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i]!;
  return { values, vectors: v };
}

export interface Similarity {
  /** row-major rotation */
  r: Float64Array;
  s: number;
  t: [number, number, number];
}

/**
 * Weighted similarity (scale, rotation, translation) that maps `src` points onto `dst` points
 * (both flat xyz arrays), over the listed indices, minimising the weighted squared error.
 * Horn's quaternion method. `zWeight` down-weights the noisier depth axis.
 */
export function solveSimilarity(src: ArrayLike<number>, dst: ArrayLike<number>, indices: ArrayLike<number>, zWeight = 1, pointWeight?: ArrayLike<number>): Similarity {
  const n = indices.length;
  // pointWeight (per landmark index, default 1): how much each listed point counts
  const pw = (k: number) => (pointWeight ? pointWeight[indices[k]!]! : 1);
  let sx = 0, sy = 0, sz = 0, dx = 0, dy = 0, dz = 0, wsum = 0;
  for (let k = 0; k < n; k++) {
    const i = indices[k]! * 3, w = pw(k);
    sx += w * src[i]!; sy += w * src[i + 1]!; sz += w * src[i + 2]!;
    dx += w * dst[i]!; dy += w * dst[i + 1]!; dz += w * dst[i + 2]!;
    wsum += w;
  }
  wsum = wsum || 1;
  sx /= wsum; sy /= wsum; sz /= wsum; dx /= wsum; dy /= wsum; dz /= wsum;
  // Cross-covariance M = sum (src - sc)(dst - dc)^T with z scaled by sqrt(zWeight) on both sides.
  const wz = Math.sqrt(zWeight);
  const M = new Float64Array(9);
  let srcVar = 0;
  for (let k = 0; k < n; k++) {
    const i = indices[k]! * 3, w = pw(k);
    const a0 = src[i]! - sx, a1 = src[i + 1]! - sy, a2 = (src[i + 2]! - sz) * wz;
    const b0 = w * (dst[i]! - dx), b1 = w * (dst[i + 1]! - dy), b2 = w * (dst[i + 2]! - dz) * wz;
    M[0] += a0 * b0; M[1] += a0 * b1; M[2] += a0 * b2;
    M[3] += a1 * b0; M[4] += a1 * b1; M[5] += a1 * b2;
    M[6] += a2 * b0; M[7] += a2 * b1; M[8] += a2 * b2;
    srcVar += w * (a0 * a0 + a1 * a1 + a2 * a2);
  }
  const [Sxx, Sxy, Sxz, Syx, Syy, Syz, Szx, Szy, Szz] = M as unknown as number[];
  const N = new Float64Array([
    Sxx! + Syy! + Szz!, Syz! - Szy!, Szx! - Sxz!, Sxy! - Syx!,
    Syz! - Szy!, Sxx! - Syy! - Szz!, Sxy! + Syx!, Szx! + Sxz!,
    Szx! - Sxz!, Sxy! + Syx!, -Sxx! + Syy! - Szz!, Syz! + Szy!,
    Sxy! - Syx!, Szx! + Sxz!, Syz! + Szy!, -Sxx! - Syy! + Szz!,
  ]);
  const { values, vectors } = symmetricEigen(N, 4);
  let best = 0;
  for (let i = 1; i < 4; i++) if (values[i]! > values[best]!) best = i;
  const q0 = vectors[best]!, q1 = vectors[4 + best]!, q2 = vectors[8 + best]!, q3 = vectors[12 + best]!;
  const r = new Float64Array([
    q0 * q0 + q1 * q1 - q2 * q2 - q3 * q3, 2 * (q1 * q2 - q0 * q3), 2 * (q1 * q3 + q0 * q2),
    2 * (q2 * q1 + q0 * q3), q0 * q0 - q1 * q1 + q2 * q2 - q3 * q3, 2 * (q2 * q3 - q0 * q1),
    2 * (q3 * q1 - q0 * q2), 2 * (q3 * q2 + q0 * q1), q0 * q0 - q1 * q1 - q2 * q2 + q3 * q3,
  ]);
  // scale = trace(R^T M^T)... = sum_ij R_ij * M_ji / srcVar
  let tr = 0;
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) tr += r[i * 3 + j]! * M[j * 3 + i]!;
  const s = srcVar > 0 ? tr / srcVar : 1;
  const t: [number, number, number] = [
    dx - s * (r[0]! * sx + r[1]! * sy + r[2]! * sz),
    dy - s * (r[3]! * sx + r[4]! * sy + r[5]! * sz),
    dz - s * (r[6]! * sx + r[7]! * sy + r[8]! * sz),
  ];
  return { r, s, t };
}
