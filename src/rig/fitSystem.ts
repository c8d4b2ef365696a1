// The normal equations of the rig fit's expression solve: per-point weights, the controls' relative
// ridge (priors), the Gram matrix of the basis (cached per neutral), and the robust (IRLS) reweighting.
import { CONTROL_COUNT, RIG_CONTROLS, type RigControl } from './controls.ts';
import { buildBasis, type Basis } from './basis.ts';
import { LANDMARK_COUNT, MESH_POINT_COUNT, RIGID_POINTS } from './topology.ts';

const N = LANDMARK_COUNT;

// Per-point weights of the expression solve: the features that carry expression count more,
// the irises not at all (gaze is read separately), depth half (noisier than x, y).
export const POINT_WEIGHT = (() => {
  const w = new Float64Array(N).fill(1);
  for (let i = MESH_POINT_COUNT; i < N; i++) w[i] = 0;
  return w;
})();
export const Z_WEIGHT = 0.5;

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

export interface Solver { basis: Basis; gram: Float64Array; diag: Float64Array }
const solverCache = new WeakMap<object, Map<number, Solver>>();

export function solverFor(neutral: Float64Array, regularization: number): Solver {
  let byReg = solverCache.get(neutral);
  if (!byReg) solverCache.set(neutral, (byReg = new Map()));
  const cached = byReg.get(regularization);
  if (cached) return cached;
  const basis = buildBasis(neutral);
  const solver = { basis, ...normalMatrix(basis, POINT_WEIGHT, regularization) };
  byReg.set(regularization, solver);
  return solver;
}

/**
 * One IRLS step: per-point weights from the current residuals (Huber: 1 up to 2.5 x the median
 * residual, then falling as 1/r; written into `pointWeight`) and the weighted normal matrix.
 */
export function robustSystem(basis: Basis, canon: Float64Array, shape: Float64Array, pointWeight: Float64Array, regularization: number): { gram: Float64Array; diag: Float64Array } {
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
export function trustedRigidPoints(pointWeight: Float64Array): number[] {
  const kept = RIGID_POINTS.filter((i) => pointWeight[i]! >= 0.5);
  return kept.length >= 12 ? kept : RIGID_POINTS;
}

