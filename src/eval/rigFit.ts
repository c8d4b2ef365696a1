// Landmarks -> the rig's base expression weights and the head angles (for AED rig and APD): the
// same fit the motion path uses, against a neutral face.
import { fitRig, type Landmarks as RigLandmarks } from '../rig/fit.ts';
import { weightsToVector, BASE_CONTROL_COUNT } from '../rig/controls.ts';
import type { Angles } from './metrics/expression.ts';

export interface RigScores {
  /** the base controls' weights */
  w: Float64Array;
  pose: Angles;
}

export function weightsOf(lm: RigLandmarks, neutral: ArrayLike<number> | RigLandmarks | undefined): RigScores {
  const fit = fitRig(lm, neutral ? { neutral } : {});
  // AED is scored on the base controls (see BASE_CONTROL_COUNT)
  return { w: weightsToVector(fit.weights).subarray(0, BASE_CONTROL_COUNT), pose: { yaw: fit.pose.yaw, pitch: fit.pose.pitch, roll: fit.pose.roll } };
}

/** The head's turn since `start` (angles minus angles). */
export function angleChange(pose: Angles, start: Angles): Angles {
  return { yaw: pose.yaw - start.yaw, pitch: pose.pitch - start.pitch, roll: pose.roll - start.roll };
}
