// The expression controls of the face rig (35), named as Apple ARKit blendshapes (Left/Right = the
// subject's own left/right, which is the IMAGE right for a frontal face). Gaze and head pose are
// separate fields of MotionFrame, not controls.

export const RIG_CONTROLS = [
  'jawOpen',
  'mouthClose',
  'mouthFunnel',
  'mouthPucker',
  'mouthSmileLeft',
  'mouthSmileRight',
  'mouthStretchLeft',
  'mouthStretchRight',
  'mouthUpperUp',
  'mouthLowerDown',
  'mouthPress',
  'cheekPuff',
  'eyeBlinkLeft',
  'eyeBlinkRight',
  'eyeWideLeft',
  'eyeWideRight',
  'browInnerUp',
  'browDownLeft',
  'browDownRight',
  'browOuterUpLeft',
  'browOuterUpRight',
  // added with the richer rig (avatar format 2): names only ever get appended, so motion files
  // and the lip-sync model keep addressing controls by name
  'eyeSquintLeft',
  'eyeSquintRight',
  'cheekSquintLeft',
  'cheekSquintRight',
  'noseSneerLeft',
  'noseSneerRight',
  'mouthFrownLeft',
  'mouthFrownRight',
  'mouthShrugUpper',
  'mouthShrugLower',
  'mouthRollUpper',
  'mouthRollLower',
  'mouthDimpleLeft',
  'mouthDimpleRight',
] as const;

export type RigControl = (typeof RIG_CONTROLS)[number];

export const CONTROL_COUNT = RIG_CONTROLS.length;

/**
 * The original 21 controls. Expression distances (AED) are scored on these: the richer set moves
 * few landmarks a little, so re-detected rendered faces read detector noise as dimples and squints.
 */
export const BASE_CONTROL_COUNT = 21;

/** Index of each control in RIG_CONTROLS (and in the weight vectors of the rig). */
export const CONTROL_INDEX: Record<RigControl, number> = Object.fromEntries(RIG_CONTROLS.map((c, i) => [c, i])) as Record<RigControl, number>;

/** A weight record with every control at 0 (neutral). */
export function zeroWeights(): Record<RigControl, number> {
  return Object.fromEntries(RIG_CONTROLS.map((c) => [c, 0])) as Record<RigControl, number>;
}

/** Reads a MotionFrame-style partial record into a dense vector (missing = 0, clamped to [0, 1]). */
export function weightsToVector(w: Record<string, number> | undefined, out: Float64Array = new Float64Array(CONTROL_COUNT)): Float64Array {
  for (let k = 0; k < CONTROL_COUNT; k++) {
    const v = w ? w[RIG_CONTROLS[k]!] : undefined;
    out[k] = typeof v === 'number' && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
  }
  return out;
}

export function vectorToWeights(v: ArrayLike<number>): Record<RigControl, number> {
  const w = zeroWeights();
  for (let k = 0; k < CONTROL_COUNT; k++) w[RIG_CONTROLS[k]!] = v[k]!;
  return w;
}
