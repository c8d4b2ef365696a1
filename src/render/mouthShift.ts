// asym43: the lips pushed to one side (a driver's pout to the side, ARKit mouthLeft / mouthRight), which the rig's
// controls cannot make (every mouth control moves the lips' middle .008 IOD or less sideways at weight 1). The motion's
// `w.mouthShift` (IOD, image right +; src/motion/mouthSide.ts) moves the lips and the skin around them sideways in the
// canonical frame: all of it within an ellipse about the lips, fading out by twice its size, short above the lips so the
// nose base stays (a wider fade below: the chin's soft tissue follows a little). Audio motions carry none: unchanged.
import { smoothstep } from '../math/smooth.ts';
import { LANDMARK_COUNT } from '../rig/topology.ts';

/** The motion frame entry: the lips' sideways shift, IOD, image right + (written by src/motion/mouthSide.ts). */
export const MOUTH_SHIFT = 'mouthShift';
/** The lips' ellipse (canonical units = IOD): half width, height above and below the lips' middle. */
export const SHIFT_AREA = { across: 0.3, above: 0.12, below: 0.25 };

/** Per landmark, the share of the shift it takes (1 on the lips, 0 from twice the ellipse out), on a canonical neutral face. */
export function shiftShares(neutral: ArrayLike<number>): Float32Array {
  const out = new Float32Array(LANDMARK_COUNT);
  // the lips' middle: between the outer upper and lower lip centres (0, 17)
  const cx = (neutral[0]! + neutral[17 * 3]!) / 2, cy = (neutral[1]! + neutral[17 * 3 + 1]!) / 2;
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    const dx = (neutral[i * 3]! - cx) / SHIFT_AREA.across, dyRaw = neutral[i * 3 + 1]! - cy;
    const dy = dyRaw / (dyRaw < 0 ? SHIFT_AREA.above : SHIFT_AREA.below);
    out[i] = 1 - smoothstep(1, 2, Math.hypot(dx, dy));
  }
  return out;
}

/** Adds the frame's shift (IOD) to canonical displacements (478*3) by the shares. */
export function addMouthShift(canonDisp: Float64Array, shares: Float32Array, shift: number): void {
  if (!shift || !Number.isFinite(shift)) return;
  for (let i = 0; i < LANDMARK_COUNT; i++) canonDisp[i * 3]! += shares[i]! * shift;
}
