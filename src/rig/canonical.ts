// The canonical face frame of the rig fit: landmarks flattened (depth in pixels), mapped into the
// mean face's frame (pose and scale removed), and the rig's shape (neutral + basis * weights).
import { readFileSync } from 'node:fs';
import { CONTROL_COUNT } from './controls.ts';
import type { Basis } from './basis.ts';
import { solveSimilarity, type Similarity } from './pose.ts';
import { landmarkDepthScale, LANDMARK_COUNT, RIGID_POINTS } from './topology.ts';

const N = LANDMARK_COUNT;

export type Landmarks = [number, number, number][];

let meanFaceCache: Float64Array | null = null;

/** The generic neutral face in the canonical frame (see derive-mean-face.ts). */
export function meanFace(): Float64Array {
  if (meanFaceCache) return meanFaceCache;
  const json = JSON.parse(readFileSync(new URL('./mean-face.json', import.meta.url), 'utf8')) as { points: number[] };
  if (!Array.isArray(json.points) || json.points.length !== N * 3) throw new Error('src/rig/mean-face.json is damaged: re-run src/rig/derive-mean-face.ts');
  meanFaceCache = Float64Array.from(json.points);
  return meanFaceCache;
}

/** Landmarks as a flat xyz array, depth in image pixels (see landmarkDepthScale). */
export function flatten(lm: Landmarks): Float64Array {
  const out = new Float64Array(N * 3);
  const zs = landmarkDepthScale(lm);
  for (let i = 0; i < N; i++) {
    const p = lm[i]!;
    out[i * 3] = p[0]; out[i * 3 + 1] = p[1]; out[i * 3 + 2] = (p[2] ?? 0) * zs;
  }
  return out;
}


/** Maps raw landmarks into the canonical frame (pose and scale removed, rigid points matched to the mean face). */
export function canonicalize(landmarks: Landmarks | Float64Array, reference: ArrayLike<number> = meanFace()): Float64Array {
  const flat = landmarks instanceof Float64Array ? landmarks : flatten(landmarks);
  const sim = solveSimilarity(reference, flat, RIGID_POINTS);
  return inverseTransform(flat, sim);
}

export function inverseTransform(flat: ArrayLike<number>, sim: Similarity): Float64Array {
  const out = new Float64Array(N * 3);
  const r = sim.r, inv = 1 / sim.s;
  for (let i = 0; i < N; i++) {
    const x = flat[i * 3]! - sim.t[0], y = flat[i * 3 + 1]! - sim.t[1], z = flat[i * 3 + 2]! - sim.t[2];
    // R^T (p - t) / s
    out[i * 3] = (r[0]! * x + r[3]! * y + r[6]! * z) * inv;
    out[i * 3 + 1] = (r[1]! * x + r[4]! * y + r[7]! * z) * inv;
    out[i * 3 + 2] = (r[2]! * x + r[5]! * y + r[8]! * z) * inv;
  }
  return out;
}

/** Applies weights: shape = neutral + basis * w (canonical). */
export function deform(neutral: ArrayLike<number>, basis: Basis, w: ArrayLike<number>, out: Float64Array = new Float64Array(N * 3)): Float64Array {
  for (let j = 0; j < N * 3; j++) out[j] = neutral[j]!;
  for (let k = 0; k < CONTROL_COUNT; k++) {
    const wk = w[k]!;
    if (wk === 0) continue;
    const o = k * N * 3;
    for (let j = 0; j < N * 3; j++) out[j]! += wk * basis[o + j]!;
  }
  return out;
}

/** The landmarks mapped into the canonical frame by a fit's pose (expression kept). */
export function toCanonical(landmarks: Landmarks, fit: { rotation: number[]; pose: { scale: number; tx: number; ty: number; tz: number } }): Float64Array {
  const sim: Similarity = { r: Float64Array.from(fit.rotation), s: fit.pose.scale, t: [fit.pose.tx, fit.pose.ty, fit.pose.tz] };
  return inverseTransform(flatten(landmarks), sim);
}
