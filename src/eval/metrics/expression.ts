// Expression and pose distances: AED (on rig weights, or on landmarks with the pose taken out by
// Procrustes) and APD (head angles), per frame pair and averaged over frames.
import { coord, interOcular, type Landmarks } from './landmarks.ts';
import { applySimilarity, procrustes } from './procrustes.ts';

export interface Angles {
  yaw: number;
  pitch: number;
  roll: number;
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
