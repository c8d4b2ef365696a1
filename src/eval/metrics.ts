// Quality metrics for talking-portrait evaluation: pure functions over typed arrays.
// Image metrics compare two RGBA images of the same size, optionally inside a mask (per-pixel
// weights, 0 = ignore). Landmark metrics take MediaPipe 478-point sets ([x, y, z] per point).
//
// Conventions (shared with types.ts HeadPose): x right, y down, z toward the camera negative;
// +yaw turns the head to the viewer's right, +pitch tilts the chin down, +roll is clockwise.

export interface ImageLike {
  width: number;
  height: number;
  data: ArrayLike<number>; // RGBA, 4 values per pixel
}

/** Per-pixel weights (width * height); any value > 0 counts, fractional values weight. */
export type PixelMask = ArrayLike<number>;

export type Point = ArrayLike<number>; // [x, y] or [x, y, z]
export type Landmarks = ArrayLike<Point>;

/** MediaPipe outer eye corners: the inter-ocular distance that normalises landmark errors. */
export const EYE_OUTER_A = 33;
export const EYE_OUTER_B = 263;

function assertSameSize(a: ImageLike, b: ImageLike): void {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`image sizes differ: ${a.width}x${a.height} vs ${b.width}x${b.height}`);
}

// ---------------------------------------------------------------- PSNR

/** Mean squared error over R, G, B (alpha ignored), weighted by `mask` if given. NaN if the mask is empty. */
export function mse(a: ImageLike, b: ImageLike, mask?: PixelMask): number {
  assertSameSize(a, b);
  const n = a.width * a.height;
  let sum = 0;
  let weight = 0;
  for (let p = 0; p < n; p++) {
    const w = mask ? mask[p]! : 1;
    if (w <= 0) continue;
    const i = p * 4;
    const dr = a.data[i]! - b.data[i]!;
    const dg = a.data[i + 1]! - b.data[i + 1]!;
    const db = a.data[i + 2]! - b.data[i + 2]!;
    sum += w * (dr * dr + dg * dg + db * db);
    weight += w;
  }
  return weight > 0 ? sum / (3 * weight) : NaN;
}

/** PSNR in dB over RGB (8-bit peak 255); Infinity for identical images, NaN for an empty mask. */
export function psnr(a: ImageLike, b: ImageLike, mask?: PixelMask): number {
  const e = mse(a, b, mask);
  if (Number.isNaN(e)) return NaN;
  if (e === 0) return Infinity;
  return 10 * Math.log10((255 * 255) / e);
}

// ---------------------------------------------------------------- SSIM

/** Rec. 601 luma of an RGBA image as floats 0..255. */
export function luminance(img: ImageLike): Float32Array {
  const n = img.width * img.height;
  const out = new Float32Array(n);
  for (let p = 0, i = 0; p < n; p++, i += 4) out[p] = 0.299 * img.data[i]! + 0.587 * img.data[i + 1]! + 0.114 * img.data[i + 2]!;
  return out;
}

function gaussianKernel(sigma: number, radius: number): Float32Array {
  const k = new Float32Array(2 * radius + 1);
  let s = 0;
  for (let i = -radius; i <= radius; i++) s += k[i + radius] = Math.exp((-i * i) / (2 * sigma * sigma));
  for (let i = 0; i < k.length; i++) k[i]! /= s;
  return k;
}

/**
 * Separable gaussian blur. At the borders the kernel is truncated and renormalised, so every
 * pixel gets a proper local mean (no zero padding darkening the edges). Interior pixels take a
 * fast path; the vertical pass runs along rows for cache locality.
 */
export function gaussianBlur(src: Float32Array, width: number, height: number, sigma = 1.5, radius = 5): Float32Array {
  const k = gaussianKernel(sigma, radius);
  const tmp = new Float32Array(src.length);
  const out = new Float32Array(src.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      let s = 0;
      if (x >= radius && x < width - radius) {
        const o = row + x - radius;
        for (let t = 0; t <= 2 * radius; t++) s += k[t]! * src[o + t]!;
        tmp[row + x] = s;
      } else {
        let w = 0;
        const x0 = Math.max(0, x - radius);
        const x1 = Math.min(width - 1, x + radius);
        for (let xx = x0; xx <= x1; xx++) {
          const kw = k[xx - x + radius]!;
          s += kw * src[row + xx]!;
          w += kw;
        }
        tmp[row + x] = s / w;
      }
    }
  }
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(height - 1, y + radius);
    let w = 0;
    for (let yy = y0; yy <= y1; yy++) w += k[yy - y + radius]!;
    const row = y * width;
    for (let yy = y0; yy <= y1; yy++) {
      const kw = k[yy - y + radius]! / w;
      const o = yy * width;
      for (let x = 0; x < width; x++) out[row + x]! += kw * tmp[o + x]!;
    }
  }
  return out;
}

/** Luminance and its local gaussian moments: computed once per image, reused for every comparison. */
export interface LumaStats {
  width: number;
  height: number;
  luma: Float32Array;
  /** local mean */
  mean: Float32Array;
  /** local mean of the square */
  meanSq: Float32Array;
}

export function lumaStats(img: ImageLike): LumaStats {
  const { width, height } = img;
  const luma = luminance(img);
  const sq = new Float32Array(luma.length);
  for (let i = 0; i < luma.length; i++) sq[i] = luma[i]! * luma[i]!;
  return { width, height, luma, mean: gaussianBlur(luma, width, height), meanSq: gaussianBlur(sq, width, height) };
}

/**
 * Per-pixel SSIM map on luminance with an 11x11 gaussian window (sigma 1.5), the constants of
 * Wang et al. 2004 (K1 = 0.01, K2 = 0.03, L = 255). Accepts images or precomputed LumaStats.
 */
export function ssimMap(a: ImageLike | LumaStats, b: ImageLike | LumaStats): Float32Array {
  const sa = 'luma' in a ? a : lumaStats(a);
  const sb = 'luma' in b ? b : lumaStats(b);
  if (sa.width !== sb.width || sa.height !== sb.height) throw new Error(`image sizes differ: ${sa.width}x${sa.height} vs ${sb.width}x${sb.height}`);
  const n = sa.luma.length;
  const xy = new Float32Array(n);
  for (let i = 0; i < n; i++) xy[i] = sa.luma[i]! * sb.luma[i]!;
  const sxy = gaussianBlur(xy, sa.width, sa.height);
  const C1 = (0.01 * 255) ** 2;
  const C2 = (0.03 * 255) ** 2;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const ux = sa.mean[i]!;
    const uy = sb.mean[i]!;
    // float rounding can push a variance slightly below 0
    const vx = Math.max(0, sa.meanSq[i]! - ux * ux);
    const vy = Math.max(0, sb.meanSq[i]! - uy * uy);
    const cxy = sxy[i]! - ux * uy;
    out[i] = ((2 * ux * uy + C1) * (2 * cxy + C2)) / ((ux * ux + uy * uy + C1) * (vx + vy + C2));
  }
  return out;
}

/** Mean of a per-pixel map, over everything or weighted by `mask`. NaN for an empty mask. */
export function maskedMean(map: ArrayLike<number>, mask?: PixelMask): number {
  let s = 0;
  let w = 0;
  for (let i = 0; i < map.length; i++) {
    const m = mask ? mask[i]! : 1;
    if (m <= 0) continue;
    s += m * map[i]!;
    w += m;
  }
  return w > 0 ? s / w : NaN;
}

/** Mean SSIM (1 = identical), over the whole image or weighted by `mask`. NaN for an empty mask. */
export function ssim(a: ImageLike | LumaStats, b: ImageLike | LumaStats, mask?: PixelMask): number {
  return maskedMean(ssimMap(a, b), mask);
}

/** |a - b| per RGB channel (alpha opaque), amplified by `gain` so small errors are visible. */
export function absDiffImage(a: ImageLike, b: ImageLike, gain = 1): { width: number; height: number; data: Uint8ClampedArray } {
  assertSameSize(a, b);
  const data = new Uint8ClampedArray(a.width * a.height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = Math.abs(a.data[i]! - b.data[i]!) * gain;
    data[i + 1] = Math.abs(a.data[i + 1]! - b.data[i + 1]!) * gain;
    data[i + 2] = Math.abs(a.data[i + 2]! - b.data[i + 2]!) * gain;
    data[i + 3] = 255;
  }
  return { width: a.width, height: a.height, data };
}

// ---------------------------------------------------------------- identity

/** Cosine similarity of two embeddings (-1..1; 1 = same direction). NaN if either is empty or zero. */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (n === 0 || a.length !== b.length) return NaN;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : NaN;
}

/** CSIM: the identity similarity of two face embeddings (cosine). */
export const csim = cosineSimilarity;

// ---------------------------------------------------------------- rotations and Procrustes

/** 3x3 row-major rotation matrix. */
export type Mat3 = [number, number, number, number, number, number, number, number, number];

const D2R = Math.PI / 180;
const R2D = 180 / Math.PI;

/**
 * Rotation of a head by (yaw, pitch, roll) degrees: R = Rz(roll) * Ry(yaw) * Rx(pitch), with the
 * signs chosen so that +yaw moves the face's +x axis toward +z, +pitch its +y (down) axis toward
 * +z, and +roll turns +x toward +y (clockwise on screen, y down).
 */
export function rotationFromEuler(pose: { yaw: number; pitch: number; roll: number }): Mat3 {
  const cy = Math.cos(pose.yaw * D2R);
  const sy = Math.sin(pose.yaw * D2R);
  const cp = Math.cos(pose.pitch * D2R);
  const sp = Math.sin(pose.pitch * D2R);
  const cr = Math.cos(pose.roll * D2R);
  const sr = Math.sin(pose.roll * D2R);
  // Ry * Rx with Ry = [[cy,0,-sy],[0,1,0],[sy,0,cy]], Rx = [[1,0,0],[0,cp,-sp],[0,sp,cp]]
  const a: Mat3 = [cy, -sy * sp, -sy * cp, 0, cp, -sp, sy, cy * sp, cy * cp];
  // Rz * a with Rz = [[cr,-sr,0],[sr,cr,0],[0,0,1]]
  return [
    cr * a[0] - sr * a[3],
    cr * a[1] - sr * a[4],
    cr * a[2] - sr * a[5],
    sr * a[0] + cr * a[3],
    sr * a[1] + cr * a[4],
    sr * a[2] + cr * a[5],
    a[6],
    a[7],
    a[8],
  ];
}

/** Inverse of rotationFromEuler (degrees). */
export function eulerFromRotation(R: Mat3): { yaw: number; pitch: number; roll: number } {
  return {
    yaw: Math.asin(Math.max(-1, Math.min(1, R[6]))) * R2D,
    pitch: Math.atan2(R[7], R[8]) * R2D,
    roll: Math.atan2(R[3], R[0]) * R2D,
  };
}

/** Eigen-decomposition of a small symmetric matrix (cyclic Jacobi). Returns eigenvalues and column eigenvectors. */
export function symmetricEigen(m: number[][]): { values: number[]; vectors: number[][] } {
  const n = m.length;
  const a = m.map((r) => r.slice());
  const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
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

function coord(p: Point, k: number): number {
  return k < p.length ? (p[k] as number) : 0;
}

/**
 * Least-squares similarity transform (rotation, uniform scale, translation) mapping `source` onto
 * `target` (Horn 1987, unit quaternions). 2D points are treated as z = 0. `indices` restricts the
 * points used for the fit (e.g. rigid ones).
 */
export function procrustes(source: Landmarks, target: Landmarks, indices?: ArrayLike<number>): SimilarityTransform {
  const count = indices ? indices.length : Math.min(source.length, target.length);
  const idx = (i: number) => (indices ? indices[i]! : i);
  const ca = [0, 0, 0];
  const cb = [0, 0, 0];
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < 3; k++) {
      ca[k]! += coord(source[idx(i)]!, k);
      cb[k]! += coord(target[idx(i)]!, k);
    }
  }
  for (let k = 0; k < 3; k++) {
    ca[k]! /= count;
    cb[k]! /= count;
  }
  // S[j][k] = sum a_j * b_k over centred points
  const S = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  let aa = 0;
  for (let i = 0; i < count; i++) {
    const p = source[idx(i)]!;
    const q = target[idx(i)]!;
    const a = [coord(p, 0) - ca[0]!, coord(p, 1) - ca[1]!, coord(p, 2) - ca[2]!];
    const b = [coord(q, 0) - cb[0]!, coord(q, 1) - cb[1]!, coord(q, 2) - cb[2]!];
    for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) S[j]![k]! += a[j]! * b[k]!;
    aa += a[0]! * a[0]! + a[1]! * a[1]! + a[2]! * a[2]!;
  }
  const [[xx, xy, xz], [yx, yy, yz], [zx, zy, zz]] = S as [[number, number, number], [number, number, number], [number, number, number]];
  const N = [
    [xx + yy + zz, yz - zy, zx - xz, xy - yx],
    [yz - zy, xx - yy - zz, xy + yx, zx + xz],
    [zx - xz, xy + yx, -xx + yy - zz, yz + zy],
    [xy - yx, zx + xz, yz + zy, -xx - yy + zz],
  ];
  const { values, vectors } = symmetricEigen(N);
  let best = 0;
  for (let i = 1; i < 4; i++) if (values[i]! > values[best]!) best = i;
  let q0 = vectors[0]![best]!;
  let qx = vectors[1]![best]!;
  let qy = vectors[2]![best]!;
  let qz = vectors[3]![best]!;
  const qn = Math.hypot(q0, qx, qy, qz) || 1;
  q0 /= qn;
  qx /= qn;
  qy /= qn;
  qz /= qn;
  const R: Mat3 = [
    q0 * q0 + qx * qx - qy * qy - qz * qz,
    2 * (qx * qy - q0 * qz),
    2 * (qx * qz + q0 * qy),
    2 * (qy * qx + q0 * qz),
    q0 * q0 - qx * qx + qy * qy - qz * qz,
    2 * (qy * qz - q0 * qx),
    2 * (qz * qx - q0 * qy),
    2 * (qz * qy + q0 * qx),
    q0 * q0 - qx * qx - qy * qy + qz * qz,
  ];
  // scale = sum b . (R a) / sum |a|^2 = trace(R S) / aa
  let dot = 0;
  for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) dot += R[k * 3 + j]! * S[j]![k]!;
  const scale = aa > 0 ? dot / aa : 1;
  const translation: [number, number, number] = [0, 0, 0];
  for (let k = 0; k < 3; k++) translation[k] = cb[k]! - scale * (R[k * 3]! * ca[0]! + R[k * 3 + 1]! * ca[1]! + R[k * 3 + 2]! * ca[2]!);
  const t = { rotation: R, scale, translation, rms: 0 };
  let sq = 0;
  for (let i = 0; i < count; i++) {
    const p = applySimilarity(t, source[idx(i)]!);
    const q = target[idx(i)]!;
    sq += (p[0] - coord(q, 0)) ** 2 + (p[1] - coord(q, 1)) ** 2 + (p[2] - coord(q, 2)) ** 2;
  }
  t.rms = Math.sqrt(sq / Math.max(1, count));
  return t;
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

// ---------------------------------------------------------------- expression, pose, landmarks

/** Distance between the outer eye corners (33, 263) in the image plane. */
export function interOcular(lm: Landmarks): number {
  const a = lm[EYE_OUTER_A]!;
  const b = lm[EYE_OUTER_B]!;
  return Math.hypot(coord(a, 0) - coord(b, 0), coord(a, 1) - coord(b, 1));
}

/** Expression distance of two rig weight vectors: mean absolute difference per control. */
export function weightDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length === 0) throw new Error(`weight vectors differ in length: ${a.length} vs ${b.length}`);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]! - b[i]!);
  return s / a.length;
}

/**
 * Expression distance of two landmark sets with the pose taken out: `a` is aligned onto `b` by a
 * similarity Procrustes fit (3D when z is present), then the mean point distance is divided by
 * b's inter-ocular distance. 0 = same shape whatever the head pose, position and size.
 */
export function landmarkExpressionDistance(a: Landmarks, b: Landmarks, alignIndices?: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  const t = procrustes(a, b, alignIndices);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const p = applySimilarity(t, a[i]!);
    const q = b[i]!;
    s += Math.hypot(p[0] - coord(q, 0), p[1] - coord(q, 1), p[2] - coord(q, 2));
  }
  return s / n / (interOcular(b) || 1);
}

export interface Angles {
  yaw: number;
  pitch: number;
  roll: number;
}

/** Mean absolute difference of yaw, pitch and roll, degrees (one pose pair). */
export function poseDistance(a: Angles, b: Angles): number {
  return (Math.abs(a.yaw - b.yaw) + Math.abs(a.pitch - b.pitch) + Math.abs(a.roll - b.roll)) / 3;
}

/** Mean of `distance` over paired frames; pairs where either side is missing are skipped (NaN when none). */
function meanOverPairs<T>(a: (T | null | undefined)[], b: (T | null | undefined)[], distance: (p: T, q: T) => number): number {
  const n = Math.min(a.length, b.length);
  let s = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const p = a[i];
    const q = b[i];
    if (!p || !q) continue;
    s += distance(p, q);
    count++;
  }
  return count ? s / count : NaN;
}

/** APD: mean over frames of poseDistance (pairs where either side is missing are skipped). */
export function apd(a: (Angles | null | undefined)[], b: (Angles | null | undefined)[]): number {
  return meanOverPairs(a, b, poseDistance);
}

/** AED over frames of weight vectors (pairs with a missing side skipped). */
export function aed(a: (ArrayLike<number> | null | undefined)[], b: (ArrayLike<number> | null | undefined)[]): number {
  return meanOverPairs(a, b, weightDistance);
}

/** NME: mean 2D landmark distance divided by the reference's inter-ocular distance (33-263). */
export function nme(predicted: Landmarks, reference: Landmarks): number {
  const n = Math.min(predicted.length, reference.length);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const p = predicted[i]!;
    const q = reference[i]!;
    s += Math.hypot(coord(p, 0) - coord(q, 0), coord(p, 1) - coord(q, 1));
  }
  return s / n / (interOcular(reference) || 1);
}

/**
 * Jitter: mean frame-to-frame 2D movement of the landmarks (all, or only `indices`), each step
 * divided by that frame's inter-ocular distance. With a still driver this should be ~0; missing
 * frames break the chain.
 */
export function jitter(frames: (Landmarks | null | undefined)[], indices?: ArrayLike<number>): number {
  let s = 0;
  let count = 0;
  for (let t = 1; t < frames.length; t++) {
    const a = frames[t - 1];
    const b = frames[t];
    if (!a || !b) continue;
    const n = indices ? indices.length : Math.min(a.length, b.length);
    let d = 0;
    for (let j = 0; j < n; j++) {
      const i = indices ? indices[j]! : j;
      d += Math.hypot(coord(b[i]!, 0) - coord(a[i]!, 0), coord(b[i]!, 1) - coord(a[i]!, 1));
    }
    s += d / n / (interOcular(b) || 1);
    count++;
  }
  return count ? s / count : NaN;
}

// ---------------------------------------------------------------- correlation

/** Pearson correlation of two equal-length series (NaN entries skipped pairwise); NaN if either is constant. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  let sa = 0;
  let sb = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(a[i]!) || !Number.isFinite(b[i]!)) continue;
    sa += a[i]!;
    sb += b[i]!;
    count++;
  }
  if (count < 2) return NaN;
  const ma = sa / count;
  const mb = sb / count;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(a[i]!) || !Number.isFinite(b[i]!)) continue;
    const x = a[i]! - ma;
    const y = b[i]! - mb;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  // a constant series (up to float rounding of its mean) has no correlation
  const flat = (v: number, m: number) => v <= count * 1e-20 * (m * m + 1e-12);
  return flat(aa, ma) || flat(bb, mb) ? NaN : ab / Math.sqrt(aa * bb);
}

export interface LaggedCorrelation {
  /** best correlation within the lag window */
  r: number;
  /** the lag (frames) giving it: b[t + lag] is compared with a[t]; positive = b lags behind a */
  lag: number;
  /** correlation at lag 0 */
  r0: number;
}

/** Pearson r at every lag in [-maxLag, maxLag], returns the best (highest r). */
export function bestLagCorrelation(a: ArrayLike<number>, b: ArrayLike<number>, maxLag: number): LaggedCorrelation {
  const n = Math.min(a.length, b.length);
  let best = { r: NaN, lag: 0 };
  let r0 = NaN;
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    const start = Math.max(0, -lag);
    const end = Math.min(n, n - lag);
    if (end - start < 3) continue;
    const xa = new Float64Array(end - start);
    const xb = new Float64Array(end - start);
    for (let t = start; t < end; t++) {
      xa[t - start] = a[t]!;
      xb[t - start] = b[t + lag]!;
    }
    const r = pearson(xa, xb);
    if (lag === 0) r0 = r;
    // prefer the smallest |lag| on ties
    if (Number.isFinite(r) && (!Number.isFinite(best.r) || r > best.r + 1e-12)) best = { r, lag };
  }
  return { r: best.r, lag: best.lag, r0 };
}

// ---------------------------------------------------------------- summaries

export interface Summary {
  mean: number;
  median: number;
  /** the worst value: lowest when higher is better, highest when lower is better */
  worst: number;
  /** values that were finite numbers */
  n: number;
}

/**
 * Mean, median and worst of the finite values (NaN and null are skipped; +Infinity, e.g. PSNR of
 * identical frames, is skipped too so one perfect frame cannot make the mean infinite).
 */
export function summarize(values: ArrayLike<number | null | undefined>, higherIsBetter: boolean): Summary {
  const v: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (typeof x === 'number' && Number.isFinite(x)) v.push(x);
  }
  if (!v.length) return { mean: NaN, median: NaN, worst: NaN, n: 0 };
  v.sort((a, b) => a - b);
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  return { mean, median, worst: higherIsBetter ? v[0]! : v[v.length - 1]!, n: v.length };
}
