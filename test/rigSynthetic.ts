// Synthetic landmarks for rig tests: a canonical shape posed in an image as the face detector
// would return it (depth in the detector's own scale).
import type { Landmarks } from '../src/rig/fit.ts';
import { rotationFromAngles } from '../src/rig/pose.ts';
import { landmarkDepthScale, LANDMARK_COUNT } from '../src/rig/topology.ts';

/** Landmarks of `shape` (canonical) turned by yaw/pitch/roll (degrees), scaled by s, moved by t. */
export function posedLandmarks(shape: ArrayLike<number>, [yaw, pitch, roll]: [number, number, number], s = 90, t: [number, number, number] = [250, 230, 40]): Landmarks {
  const R = rotationFromAngles(yaw, pitch, roll);
  const lm: Landmarks = [];
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    const x = shape[i * 3]!, y = shape[i * 3 + 1]!, z = shape[i * 3 + 2]!;
    lm.push([0, 1, 2].map((a) => s * (R[a * 3]! * x + R[a * 3 + 1]! * y + R[a * 3 + 2]! * z) + t[a]!) as [number, number, number]);
  }
  // the fit reads z through the depth scale of raw detector output: undo it here
  const zScale = landmarkDepthScale(lm);
  for (const p of lm) p[2] /= zScale;
  return lm;
}
