// Landmark geometry and the landmark metrics that need no fit: NME (accuracy) and jitter
// (stability). Landmarks are MediaPipe 478-point sets, [x, y] or [x, y, z] per point.
//
// Conventions (shared with types.ts HeadPose): x right, y down, z toward the camera negative.

export type Point = ArrayLike<number>; // [x, y] or [x, y, z]
export type Landmarks = ArrayLike<Point>;

/** MediaPipe outer eye corners: the inter-ocular distance that normalises landmark errors. */
export const EYE_OUTER_A = 33;
export const EYE_OUTER_B = 263;

/** Coordinate k of a point; a missing z is 0 (2D points lie in the image plane). */
export function coord(p: Point, k: number): number {
  return k < p.length ? (p[k] as number) : 0;
}

/** Distance between the outer eye corners (33, 263) in the image plane. */
export function interOcular(lm: Landmarks): number {
  const a = lm[EYE_OUTER_A]!;
  const b = lm[EYE_OUTER_B]!;
  return Math.hypot(coord(a, 0) - coord(b, 0), coord(a, 1) - coord(b, 1));
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

/** Mean 2D movement of the landmarks (all, or only `indices`) from `a` to `b`, over b's inter-ocular distance. */
function meanStep(a: Landmarks, b: Landmarks, indices?: ArrayLike<number>): number {
  const n = indices ? indices.length : Math.min(a.length, b.length);
  let d = 0;
  for (let j = 0; j < n; j++) {
    const i = indices ? indices[j]! : j;
    d += Math.hypot(coord(b[i]!, 0) - coord(a[i]!, 0), coord(b[i]!, 1) - coord(a[i]!, 1));
  }
  return d / n / (interOcular(b) || 1);
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
    s += meanStep(a, b, indices);
    count++;
  }
  return count ? s / count : NaN;
}

/** Distance between the nose tips (landmark 1) of two faces, over the second's inter-ocular distance. */
export function noseShift(a: Landmarks, b: Landmarks): number {
  return Math.hypot(a[1]![0]! - b[1]![0]!, a[1]![1]! - b[1]![1]!) / (interOcular(b) || 1);
}
