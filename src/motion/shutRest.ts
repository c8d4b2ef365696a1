// Where a driver's lip-shape controls are at rest (issue #13, mouthpsnr25). The retarget takes each control
// relative to the driver's rest, a low percentile over the clip (retarget.ts). For the lips' own shape that
// percentile falls on the open frames: the rig fit reads an open mouth's lower lip and chin with little shrug,
// press or pucker, so the shut frames, the driver's real rest, read as a shrug over it. lp_d6 (5 s, 43 of 125
// frames shut): mouthShrugLower 10th percentile 0 over the clip, .23 over her shut frames, .34 at frame 0;
// at the gain of 2 every shut frame drew a raised chin and lower lip on the photo (frame 1, the photo's own
// mouth, 26.9 dB against 52.8 for the photo repeated; the shut frames' mouth box 25.5 dB against 31.8).
// So a lip-shape control's rest is read over the frames whose lips are shut, when the clip has enough of them.
import { percentile } from './restFace.ts';
import { SHUT_LIP_GAP } from '../rig/mouthBase.ts';
export { SHUT_LIP_GAP };
/** The fewest shut frames (and share of the usable ones) to read a rest over; fewer: the whole clip's rest, as before. */
const MIN_SHUT_FRAMES = 5, MIN_SHUT_SHARE = 0.05;

/**
 * The usable frames (`have`, indices into `gaps`) whose lips are shut: a lip gap (IOD) within SHUT_LIP_GAP (rig/mouthBase.ts) of the
 * clip's closed gap (its 5th percentile, restFace.ts), or undefined when there are too few to read a rest over.
 */
export function shutLipFrames(gaps: ArrayLike<number>, have: readonly number[]): number[] | undefined {
  if (!have.length) return undefined;
  const closed = percentile(have.map((i) => gaps[i]!), 5);
  const shut = have.filter((i) => gaps[i]! - closed <= SHUT_LIP_GAP);
  return shut.length >= Math.max(MIN_SHUT_FRAMES, MIN_SHUT_SHARE * have.length) ? shut : undefined;
}

/** A control's rest: the `p`th percentile of its readings over the shut frames when given, else over all usable frames. */
export function restReading(raw: ArrayLike<number>, have: readonly number[], shut: readonly number[] | undefined, p: number): number {
  return percentile((shut ?? have).map((i) => raw[i]!), p);
}
