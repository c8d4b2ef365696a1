// Fitting the rig to 478 landmarks of any face in any pose: a similarity pose (scale, rotation,
// translation) solved on rigid points, then the control weights by box-constrained least squares
// (projected coordinate descent on the small normal equations), alternated a few times.
import { readFileSync } from 'node:fs';
import { CONTROL_COUNT, CONTROL_INDEX, RIG_CONTROLS, vectorToWeights, weightsToVector, type RigControl } from './controls.ts';
import { buildBasis, type Basis } from './basis.ts';
import { solveSimilarity, anglesFromRotation, type Similarity } from './pose.ts';
import { landmarkDepthScale, LANDMARK_COUNT, MESH_POINT_COUNT, RIGID_POINTS, OUTER_EYE_CORNERS, EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER } from './topology.ts';

const N = LANDMARK_COUNT;

export type Landmarks = [number, number, number][];

export interface RigPose {
  /** degrees, conventions of types.ts HeadPose */
  yaw: number;
  pitch: number;
  roll: number;
  /** where the canonical origin lands, in landmark units (pixels) */
  tx: number;
  ty: number;
  tz: number;
  /** landmark units per canonical unit (= inter-ocular distance of the fitted neutral, in pixels) */
  scale: number;
}

export interface RigFit {
  weights: Record<RigControl, number>;
  pose: RigPose;
  /** iris offset relative to the neutral, -1..1 (x right, y down) */
  gaze: [number, number];
  /** mean 2D landmark error of the fitted model / inter-ocular distance (NME) */
  residual: number;
  /** row-major rotation matrix of the pose (canonical -> landmark frame) */
  rotation: number[];
}

export interface FitOptions {
  /**
   * The person's neutral face: either 478*3 canonical coordinates (from canonicalize() or
   * estimateNeutral()) or raw landmarks of a neutral frame in any pose and scale.
   * Default: the generic mean face.
   */
  neutral?: ArrayLike<number> | Landmarks;
  /** pose/expression alternations (default 3) */
  iterations?: number;
  /** ridge on the weights, relative to the basis energy (default 0.004) */
  regularization?: number;
  /** controls to keep at 0 (e.g. when a driver's expression channel is not wanted) */
  exclude?: RigControl[];
  /**
   * Robust fit (iteratively reweighted): points the model cannot explain (glasses frames pulling
   * the lids, hair over a brow, a hand) get less weight, Huber-style, so they do not drag the
   * other controls. Costs a Gram matrix per iteration (~1 ms).
   */
  robust?: boolean;
}

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

function isLandmarkList(v: ArrayLike<number> | Landmarks): v is Landmarks {
  return Array.isArray(v) && Array.isArray(v[0]);
}

/** Maps raw landmarks into the canonical frame (pose and scale removed, rigid points matched to the mean face). */
export function canonicalize(landmarks: Landmarks | Float64Array, reference: ArrayLike<number> = meanFace()): Float64Array {
  const flat = landmarks instanceof Float64Array ? landmarks : flatten(landmarks);
  const sim = solveSimilarity(reference, flat, RIGID_POINTS);
  return inverseTransform(flat, sim);
}

function inverseTransform(flat: ArrayLike<number>, sim: Similarity): Float64Array {
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

// Per-point weights of the expression solve: the features that carry expression count more,
// the irises not at all (gaze is read separately), depth half (noisier than x, y).
const POINT_WEIGHT = (() => {
  const w = new Float64Array(N).fill(1);
  for (let i = MESH_POINT_COUNT; i < N; i++) w[i] = 0;
  return w;
})();
const Z_WEIGHT = 0.5;

/**
 * Relative ridge per control: several controls can explain the same lip motion (an opening is
 * jawOpen, or mouthLowerDown + mouthUpperUp); the cheaper jawOpen should win, and opposite
 * pairs (mouthClose against an opening) should not both be used.
 */
const CONTROL_PRIOR: Partial<Record<RigControl, number>> = {
  jawOpen: 0.1,
  mouthLowerDown: 4,
  mouthUpperUp: 4,
  mouthClose: 4,
  mouthFunnel: 2,
  mouthPucker: 2,
  mouthPress: 2,
  cheekPuff: 3,
  // the richer set overlaps the base controls and the detector's noise: each must explain
  // clearly more than they do (lower priors read spurious dimples and squints off a plain smile)
  eyeSquintLeft: 6,
  eyeSquintRight: 6,
  cheekSquintLeft: 10,
  cheekSquintRight: 10,
  noseSneerLeft: 8,
  noseSneerRight: 8,
  mouthFrownLeft: 6,
  mouthFrownRight: 6,
  mouthShrugUpper: 12,
  mouthShrugLower: 10,
  mouthRollUpper: 10,
  mouthRollLower: 10,
  mouthDimpleLeft: 12,
  mouthDimpleRight: 12,
};

interface Solver { basis: Basis; gram: Float64Array; diag: Float64Array }
const solverCache = new WeakMap<object, Map<number, Solver>>();

function solverFor(neutral: Float64Array, regularization: number): Solver {
  let byReg = solverCache.get(neutral);
  if (!byReg) solverCache.set(neutral, (byReg = new Map()));
  const cached = byReg.get(regularization);
  if (cached) return cached;
  const basis = buildBasis(neutral);
  const solver = { basis, ...normalMatrix(basis, POINT_WEIGHT, regularization) };
  byReg.set(regularization, solver);
  return solver;
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

const neutralCache = new WeakMap<object, Float64Array>();
function resolveNeutral(n: FitOptions['neutral']): Float64Array {
  if (!n) return meanFace();
  if (isLandmarkList(n)) {
    const hit = neutralCache.get(n);
    if (hit) return hit;
    const c = canonicalize(n);
    neutralCache.set(n, c);
    return c;
  }
  if (n instanceof Float64Array) return n;
  const hit = neutralCache.get(n as object);
  if (hit) return hit;
  const c = Float64Array.from(n);
  neutralCache.set(n as object, c);
  return c;
}

/** Fits pose, expression weights and gaze to one face's 478 landmarks. */
export function fitRig(landmarks: Landmarks, opts: FitOptions = {}): RigFit {
  if (!Array.isArray(landmarks) || landmarks.length < N) throw new Error(`fitRig needs ${N} landmarks, got ${landmarks?.length}`);
  for (let i = 0; i < N; i++) {
    const p = landmarks[i]!;
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) throw new Error(`fitRig: landmark ${i} is not a finite point`);
  }
  const neutral = resolveNeutral(opts.neutral);
  const solver = solverFor(neutral, opts.regularization ?? 0.004);
  const basis = solver.basis;
  let { gram, diag } = solver;
  const pointWeight = opts.robust ? Float64Array.from(POINT_WEIGHT) : POINT_WEIGHT;
  const target = flatten(landmarks);
  const K = CONTROL_COUNT;
  const w = new Float64Array(K);
  const excluded = new Uint8Array(K);
  if (opts.exclude) for (const c of opts.exclude) excluded[RIG_INDEX(c)] = 1;
  const shape = new Float64Array(N * 3);
  const rhs = new Float64Array(K);
  let sim: Similarity = solveSimilarity(neutral, target, RIGID_POINTS);
  const iterations = opts.iterations ?? (opts.robust ? 5 : 3);
  for (let it = 0; it < iterations; it++) {
    deform(neutral, basis, w, shape);
    // the robust fit also drops occluded points from the pose solve
    sim = solveSimilarity(shape, target, opts.robust && it > 1 ? trustedRigidPoints(pointWeight) : RIGID_POINTS);
    const canon = inverseTransform(target, sim);
    if (opts.robust && it > 0) ({ gram, diag } = robustSystem(basis, canon, shape, pointWeight, opts.regularization ?? 0.004));
    // rhs = B^T W (canon - neutral)
    for (let k = 0; k < K; k++) {
      let s = 0;
      const o = k * N * 3;
      for (let i = 0; i < N; i++) {
        const pw = pointWeight[i]!;
        if (pw === 0) continue;
        const j = i * 3;
        s += pw * (basis[o + j]! * (canon[j]! - neutral[j]!) + basis[o + j + 1]! * (canon[j + 1]! - neutral[j + 1]!) + Z_WEIGHT * basis[o + j + 2]! * (canon[j + 2]! - neutral[j + 2]!));
      }
      rhs[k] = s;
    }
    // Projected coordinate descent on 0.5 w^T G w - rhs^T w, w in [0, 1].
    for (let sweep = 0; sweep < 60; sweep++) {
      let change = 0;
      for (let k = 0; k < K; k++) {
        if (excluded[k]) { w[k] = 0; continue; }
        let g = rhs[k]!;
        for (let j = 0; j < K; j++) if (j !== k) g -= gram[k * K + j]! * w[j]!;
        const v = Math.min(1, Math.max(0, g / diag[k]!));
        change += Math.abs(v - w[k]!);
        w[k] = v;
      }
      if (change < 1e-6) break;
    }
  }
  deform(neutral, basis, w, shape);
  sim = solveSimilarity(shape, target, RIGID_POINTS);
  // Residual: 2D error of the posed model, over the 468 mesh points, per inter-ocular distance.
  const [ea, eb] = OUTER_EYE_CORNERS;
  const iod = Math.hypot(target[eb * 3]! - target[ea * 3]!, target[eb * 3 + 1]! - target[ea * 3 + 1]!) || 1;
  let err = 0;
  const r = sim.r;
  for (let i = 0; i < MESH_POINT_COUNT; i++) {
    const x = shape[i * 3]!, y = shape[i * 3 + 1]!, z = shape[i * 3 + 2]!;
    const px = sim.s * (r[0]! * x + r[1]! * y + r[2]! * z) + sim.t[0];
    const py = sim.s * (r[3]! * x + r[4]! * y + r[5]! * z) + sim.t[1];
    err += Math.hypot(px - target[i * 3]!, py - target[i * 3 + 1]!);
  }
  const angles = anglesFromRotation(r);
  const canon = inverseTransform(target, sim);
  return {
    weights: vectorToWeights(w),
    pose: { ...angles, tx: sim.t[0], ty: sim.t[1], tz: sim.t[2], scale: sim.s },
    gaze: gazeOf(canon, neutral),
    residual: err / MESH_POINT_COUNT / iod,
    rotation: Array.from(r),
  };
}

/**
 * One IRLS step: per-point weights from the current residuals (Huber: 1 up to 2.5 x the median
 * residual, then falling as 1/r; written into `pointWeight`) and the weighted normal matrix.
 */
function robustSystem(basis: Basis, canon: Float64Array, shape: Float64Array, pointWeight: Float64Array, regularization: number): { gram: Float64Array; diag: Float64Array } {
  const res = new Float64Array(MESH_POINT_COUNT);
  for (let i = 0; i < MESH_POINT_COUNT; i++) res[i] = Math.hypot(canon[i * 3]! - shape[i * 3]!, canon[i * 3 + 1]! - shape[i * 3 + 1]!, Z_WEIGHT * (canon[i * 3 + 2]! - shape[i * 3 + 2]!));
  const sorted = Float64Array.from(res).sort();
  // never below landmark noise (~1.5 % of the eye-corner distance): a clean face keeps all its points
  const c = Math.max(0.015, 2.5 * sorted[sorted.length >> 1]!);
  for (let i = 0; i < MESH_POINT_COUNT; i++) pointWeight[i] = POINT_WEIGHT[i]! * (res[i]! <= c ? 1 : c / res[i]!);
  return normalMatrix(basis, pointWeight, regularization);
}

/**
 * The regularised normal matrix of the expression solve for per-point weights: the Gram matrix of
 * the basis (depth at Z_WEIGHT), plus each control's relative ridge scaled by the mean diagonal.
 * Points of weight 0 (the irises) are skipped.
 */
function normalMatrix(basis: Basis, pointWeight: ArrayLike<number>, regularization: number): { gram: Float64Array; diag: Float64Array } {
  const K = CONTROL_COUNT;
  const gram = new Float64Array(K * K);
  for (let a = 0; a < K; a++) {
    for (let b = a; b < K; b++) {
      let s = 0;
      for (let i = 0; i < N; i++) {
        const pw = pointWeight[i]!;
        if (pw === 0) continue;
        const oa = (a * N + i) * 3, ob = (b * N + i) * 3;
        s += pw * (basis[oa]! * basis[ob]! + basis[oa + 1]! * basis[ob + 1]! + Z_WEIGHT * basis[oa + 2]! * basis[ob + 2]!);
      }
      gram[a * K + b] = s;
      gram[b * K + a] = s;
    }
  }
  let trace = 0;
  for (let a = 0; a < K; a++) trace += gram[a * K + a]!;
  for (let a = 0; a < K; a++) gram[a * K + a]! += (regularization * trace * (CONTROL_PRIOR[RIG_CONTROLS[a]!] ?? 1)) / K;
  const diag = new Float64Array(K);
  for (let a = 0; a < K; a++) diag[a] = gram[a * K + a]!;
  return { gram, diag };
}

/** The rigid points the robust weights still trust (all of them if too few are left). */
function trustedRigidPoints(pointWeight: Float64Array): number[] {
  const kept = RIGID_POINTS.filter((i) => pointWeight[i]! >= 0.5);
  return kept.length >= 12 ? kept : RIGID_POINTS;
}

function RIG_INDEX(c: RigControl): number {
  return CONTROL_INDEX[c];
}

/** Iris offset inside each eye (canonical), relative to the neutral's, averaged over both eyes: 1 = half an eye half-width. */
function gazeOf(canon: Float64Array, neutral: Float64Array): [number, number] {
  let gx = 0, gy = 0;
  for (const [upper, lower, iris] of [[EYE_L_UPPER, EYE_L_LOWER, 468], [EYE_R_UPPER, EYE_R_LOWER, 473]] as const) {
    const c0 = upper[0]!, c1 = upper[upper.length - 1]!;
    const mid = (p: Float64Array, a: number) => (p[c0 * 3 + a]! + p[c1 * 3 + a]!) / 2;
    const half = Math.abs(canon[c1 * 3]! - canon[c0 * 3]!) / 2 || 0.2;
    const lidMid = (p: Float64Array) => (p[upper[4]! * 3 + 1]! + p[lower[4]! * 3 + 1]!) / 2;
    const ox = canon[iris * 3]! - mid(canon, 0) - (neutral[iris * 3]! - mid(neutral, 0));
    const oy = canon[iris * 3 + 1]! - lidMid(canon) - (neutral[iris * 3 + 1]! - lidMid(neutral));
    gx += ox / (half * 0.5) / 2;
    gy += oy / (half * 0.35) / 2;
  }
  return [Math.max(-1, Math.min(1, gx)), Math.max(-1, Math.min(1, gy))];
}

/**
 * Estimates a person's neutral face (canonical) from many frames of them: each frame is fitted,
 * its expression removed, and the per-coordinate median taken. Use it as FitOptions.neutral when
 * reading expressions off a driving video, so the weights are relative to the driver's own face.
 */
export function estimateNeutral(frames: Landmarks[], rounds = 1): Float64Array {
  if (frames.length === 0) return meanFace();
  const sample = frames.length > 60 ? frames.filter((_, i) => i % Math.ceil(frames.length / 60) === 0) : frames;
  // Fitted against the generic (closed-mouth) mean face, each frame's expression is what differs
  // from a rest face; removing it and taking the median leaves the person's own rest face.
  let neutral = meanFace();
  for (let round = 0; round < Math.max(1, rounds); round++) {
    const cols: Float64Array[] = [];
    const { basis } = solverFor(neutral, 0.004);
    for (const lm of sample) {
      // identity-like shapes (a narrow mouth, low brows) are the person's rest, not an expression to remove
      const fit = fitRig(lm, { neutral, exclude: IDENTITY_AMBIGUOUS });
      const canon = toCanonical(lm, fit);
      const expr = deform(new Float64Array(N * 3), basis, weightsToVector(fit.weights));
      for (let j = 0; j < N * 3; j++) canon[j]! -= expr[j]!;
      cols.push(canon);
    }
    // Re-anchor to the mean face frame so the canonical axes stay put.
    neutral = canonicalize(medianShape(cols));
  }
  return neutral;
}

function medianShape(cols: Float64Array[]): Float64Array {
  const next = new Float64Array(N * 3);
  const tmp = new Float64Array(cols.length);
  for (let j = 0; j < N * 3; j++) {
    for (let f = 0; f < cols.length; f++) tmp[f] = cols[f]![j]!;
    tmp.sort();
    next[j] = tmp[tmp.length >> 1]!;
  }
  return next;
}

/** The landmarks mapped into the canonical frame by a fit's pose (expression kept). */
export function toCanonical(landmarks: Landmarks, fit: RigFit): Float64Array {
  const sim: Similarity = { r: Float64Array.from(fit.rotation), s: fit.pose.scale, t: [fit.pose.tx, fit.pose.ty, fit.pose.tz] };
  return inverseTransform(flatten(landmarks), sim);
}

/**
 * Controls a single photo cannot tell apart from the person's identity (wide-set eyes, low brows,
 * thin lips): an avatar's photo fit keeps these at 0 so they stay part of the face, not an expression.
 */
export const IDENTITY_AMBIGUOUS: RigControl[] = [
  'eyeWideLeft', 'eyeWideRight', 'browInnerUp', 'browDownLeft', 'browDownRight', 'browOuterUpLeft', 'browOuterUpRight',
  'mouthPress', 'mouthPucker', 'mouthFunnel', 'mouthStretchLeft', 'mouthStretchRight', 'cheekPuff', 'mouthClose',
  'eyeSquintLeft', 'eyeSquintRight', 'cheekSquintLeft', 'cheekSquintRight', 'noseSneerLeft', 'noseSneerRight',
  'mouthFrownLeft', 'mouthFrownRight', 'mouthShrugUpper', 'mouthShrugLower', 'mouthRollUpper', 'mouthRollLower',
  'mouthDimpleLeft', 'mouthDimpleRight',
];
