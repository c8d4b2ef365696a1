// How a driver's mouth starts (issue #13/#14, startlook30): are its corners turned up, the look of a smile?
// keepPhotoSmile (rig/mouthBase.ts, rig/startLook.ts) keeps a two-sided start smile only then.
import type { FaceMeasures } from './measures.ts';
import type { MotionFrame } from '../types.ts';
import { percentile } from './restFace.ts';
import { START_CORNER_LIFT } from '../rig/startLook.ts';

/** Frames the start is read over: the first 0.2 s at 25 fps, as the rest's two-sided measures (restFace.ts estimateRest). */
export const START_FRAMES = 5;

/**
 * The start's lower mouth corner over the lips' middle (IOD; measures.ts cornerLift, face-up positive), median of the
 * first usable frames. A smile turns both corners up past the middle (Katie +.032, lp_d14 +.069, mt_sun +.030); a
 * neutral mouth's sit level or below (lp_d6 -.021, lp_d11 -.026: the child's pout the track reads as smile .35/.44).
 */
export function startCornerLift(usable: FaceMeasures[]): number {
  return percentile(usable.slice(0, START_FRAMES).map((m) => Math.min(m.cornerLiftLeft, m.cornerLiftRight)), 50);
}

/** In place: every frame carries the start's corner lift (START_CORNER_LIFT) beside its start smiles. */
export function markStartCorners(frames: MotionFrame[], usable: FaceMeasures[]): void {
  if (!usable.length) return;
  const lift = startCornerLift(usable);
  for (const f of frames) f.w[START_CORNER_LIFT] = lift;
}
