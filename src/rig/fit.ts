// Fitting the rig to 478 landmarks of any face in any pose: a similarity pose (scale, rotation,
// translation) solved on rigid points, then the control weights by box-constrained least squares
// (projected coordinate descent on the small normal equations, fitSystem.ts), alternated a few
// times; and a person's neutral face from many frames. The canonical frame is in canonical.ts.
import { CONTROL_COUNT, CONTROL_INDEX, weightsToVector, vectorToWeights, type RigControl } from './controls.ts';
import { solveSimilarity, anglesFromRotation, type Similarity } from './pose.ts';
import { LANDMARK_COUNT, MESH_POINT_COUNT, RIGID_POINTS, FACE_OVAL, eyeCornerDistance, EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER } from './topology.ts';
import { meanFace, flatten, canonicalize, inverseTransform, deform, toCanonical, type Landmarks } from './canonical.ts';
import { applyWidthPrior, mouthWidthRatio } from './mouthPrior.ts';
import { solverFor, robustSystem, trustedRigidPoints, POINT_WEIGHT, Z_WEIGHT } from './fitSystem.ts';
import type { Basis } from './basis.ts';

export { meanFace, flatten, canonicalize, deform, toCanonical, type Landmarks };

const N = LANDMARK_COUNT;

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
  /**
   * Mouth prior (mouthPrior.ts): the pucker is capped by how wide the mouth is against the
   * neutral's (none once 1.04 times as wide), so a wide smile is not read as smile + pucker; and
   * stretch and smile by its narrowing (none under 0.84 times as wide), so an "O" is not a grin.
   */
  puckerWidthPrior?: boolean;
  /** With puckerWidthPrior: the funnel capped as well (mouthPrior.ts funnelCap; default true, false for before/after runs). */
  funnelWidthPrior?: boolean;
  /**
   * In the pose solve, the face-oval points among the rigid points (temples, forehead outline) count
   * less as the head turns or tilts away from the neutral's pose (silhouetteWeight): they lie on the
   * silhouette and slide along it, so with them the pose of a turned, tilted-back face is off by a
   * few degrees and the mouth, in front of the pivot, is read shifted sideways: one corner out, the
   * other in, i.e. one-sided stretch (Katie's tilted smiles; docs/eyes README, round eyes8).
   */
  silhouetteFade?: boolean;
}

/** Face-oval points in the pose solve: full weight up to this head angle (degrees, hypot of yaw and pitch) ... */
export const SILHOUETTE_FULL = 4;
/** ... and none from this one. */
export const SILHOUETTE_NONE = 14;

/** Weight of the face-oval points in the pose solve at this head angle (silhouetteFade). */
export function silhouetteWeight(yaw: number, pitch: number): number {
  const a = Math.hypot(yaw, pitch);
  return Math.min(1, Math.max(0, (SILHOUETTE_NONE - a) / (SILHOUETTE_NONE - SILHOUETTE_FULL)));
}

const OVAL = new Set(FACE_OVAL);

/** Per-landmark weights of the pose solve: 1, the face-oval points `oval`. */
function poseSolveWeights(oval: number): Float64Array {
  const w = new Float64Array(N).fill(1);
  for (const i of OVAL) w[i] = oval;
  return w;
}

function isLandmarkList(v: ArrayLike<number> | Landmarks): v is Landmarks {
  return Array.isArray(v) && Array.isArray(v[0]);
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
  checkLandmarks(landmarks);
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
  // bounds of each weight ([0, 1] but for the mouth prior's caps and pucker floor)
  const upper = new Float64Array(K).fill(1), lower = new Float64Array(K);
  const shape = new Float64Array(N * 3);
  const rhs = new Float64Array(K);
  let sim: Similarity = solveSimilarity(neutral, target, RIGID_POINTS);
  // with silhouetteFade, the first solve's angle sets how much the face oval counts from here on
  const first = opts.silhouetteFade ? anglesFromRotation(sim.r) : null;
  const poseWeight = first ? poseSolveWeights(silhouetteWeight(first.yaw, first.pitch)) : undefined;
  if (poseWeight) sim = solveSimilarity(neutral, target, RIGID_POINTS, 1, poseWeight);
  const iterations = opts.iterations ?? (opts.robust ? 5 : 3);
  for (let it = 0; it < iterations; it++) {
    deform(neutral, basis, w, shape);
    // the robust fit also drops occluded points from the pose solve
    sim = solveSimilarity(shape, target, opts.robust && it > 1 ? trustedRigidPoints(pointWeight) : RIGID_POINTS, 1, poseWeight);
    const canon = inverseTransform(target, sim);
    if (opts.robust && it > 0) ({ gram, diag } = robustSystem(basis, canon, shape, pointWeight, opts.regularization ?? 0.004));
    weightedProjection(basis, pointWeight, canon, neutral, rhs);
    if (opts.puckerWidthPrior) applyWidthPrior(lower, upper, mouthWidthRatio(canon, neutral), RIG_INDEX, opts.funnelWidthPrior ?? true);
    boundedDescent(gram, diag, rhs, lower, upper, excluded, w);
  }
  deform(neutral, basis, w, shape);
  sim = solveSimilarity(shape, target, RIGID_POINTS, 1, poseWeight);
  const angles = anglesFromRotation(sim.r);
  const canon = inverseTransform(target, sim);
  return {
    weights: vectorToWeights(w),
    pose: { ...angles, tx: sim.t[0], ty: sim.t[1], tz: sim.t[2], scale: sim.s },
    gaze: gazeOf(canon, neutral),
    residual: meshResidual(shape, sim, target),
    rotation: Array.from(sim.r),
  };
}

function checkLandmarks(landmarks: Landmarks): void {
  if (!Array.isArray(landmarks) || landmarks.length < N) throw new Error(`fitRig needs ${N} landmarks, got ${landmarks?.length}`);
  for (let i = 0; i < N; i++) {
    const p = landmarks[i]!;
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) throw new Error(`fitRig: landmark ${i} is not a finite point`);
  }
}

/** rhs = B^T W (canon - neutral): each control's basis projected on the weighted offset from the neutral (z counts Z_WEIGHT). */
function weightedProjection(basis: Basis, pointWeight: Float64Array, canon: Float64Array, neutral: Float64Array, rhs: Float64Array): void {
  for (let k = 0; k < CONTROL_COUNT; k++) {
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
}

/** Projected coordinate descent on 0.5 w^T G w - rhs^T w, w in [lower, upper], excluded controls held at 0; w is updated in place from where it stands. */
function boundedDescent(gram: Float64Array, diag: Float64Array, rhs: Float64Array, lower: Float64Array, upper: Float64Array, excluded: Uint8Array, w: Float64Array): void {
  const K = w.length;
  for (let sweep = 0; sweep < 60; sweep++) {
    let change = 0;
    for (let k = 0; k < K; k++) {
      if (excluded[k]) { w[k] = 0; continue; }
      let g = rhs[k]!;
      for (let j = 0; j < K; j++) if (j !== k) g -= gram[k * K + j]! * w[j]!;
      const v = Math.min(upper[k]!, Math.max(lower[k]!, g / diag[k]!));
      change += Math.abs(v - w[k]!);
      w[k] = v;
    }
    if (change < 1e-6) break;
  }
}

/** 2D error of the posed model over the 468 mesh points, mean per point, in inter-ocular distances of the target. */
function meshResidual(shape: Float64Array, sim: Similarity, target: Float64Array): number {
  const iod = eyeCornerDistance(target, 2) || 1;
  let err = 0;
  const r = sim.r;
  for (let i = 0; i < MESH_POINT_COUNT; i++) {
    const x = shape[i * 3]!, y = shape[i * 3 + 1]!, z = shape[i * 3 + 2]!;
    const px = sim.s * (r[0]! * x + r[1]! * y + r[2]! * z) + sim.t[0];
    const py = sim.s * (r[3]! * x + r[4]! * y + r[5]! * z) + sim.t[1];
    err += Math.hypot(px - target[i * 3]!, py - target[i * 3 + 1]!);
  }
  return err / MESH_POINT_COUNT / iod;
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
export function estimateNeutral(frames: Landmarks[], rounds = 1, fitOptions: Pick<FitOptions, 'silhouetteFade'> = {}): Float64Array {
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
      const fit = fitRig(lm, { ...fitOptions, neutral, exclude: IDENTITY_AMBIGUOUS });
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
