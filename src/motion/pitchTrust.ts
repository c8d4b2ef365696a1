// Frowns read at lowered driver heads are mostly the pitch's: the face mesh's depth is not the
// person's, so as a real head pitches down the 2D brow points slide toward the eyes and the fit reads
// browDown where the brows are level. lp_d10 at 10.6 s and lp_d11 at 4.4 s (heads 5.7 / 5.9 deg under
// the clip's median pitch, brows level on the video, face25) read a full frown, and ours scowled with
// creases. It is the driver's: lp_d11's mean frown weight grows from 0.03 at her usual pitch to 0.40 at
// 6 deg down, lp_d10's from 0.18 to 0.38, while lp_d6's, lp_d14's and Katie's do not grow (lp_d6
// frowns more with her head up). The brow measure that caps the frown (browDrop.ts) grows too, by
// .005-.006 per degree, too little to remove a one-frame full reading. So, as turnTrust.ts does for
// one-sided readings and yaw: per driver, the frown's growth with the head's pitch down from its usual
// pitch is fitted over the driver's own frames, and each frame's frown is scaled back to the level the
// driver shows at its usual pitch. A driver whose frowns do not grow keeps them whole; frowns at the
// usual pitch (lp_d6 at 11.4 s) are kept.
import type { RigControl } from '../rig/controls.ts';
import { fitPoseGrowth, poseTrust, type PoseGrowth } from './growthTrust.ts';

/** Degrees of pitch (down) from the driver's usual pitch within which a frame counts as level. */
export const LEVEL_PITCH = 2;
/** Ridge of the growth fit (deg^2 frame units): as if this much pitch beyond level showed no growth. */
const GROWTH_RIDGE = 100;
/** A frown level below this (weight) is taken as this: noise, not a level to scale back to. */
const LEVEL_FLOOR = 0.05;

/** How a driver's frown grows as the head pitches down (see growthTrust.ts). */
export type FrownGrowth = PoseGrowth;

/** Degrees of pitch down beyond LEVEL_PITCH, `offset` the frame's pitch minus the usual (the fit's pitch: negative is down). */
export function pitchDownExcess(offset: number): number {
  return Math.max(0, -offset - LEVEL_PITCH);
}

/** Fits how a driver's frown weight (`frown[f]`, both sides' mean) grows as the head pitches down (`offset[f]` degrees from the usual pitch). */
export function fitFrownGrowth(offset: ArrayLike<number>, frown: ArrayLike<number>): FrownGrowth {
  const excess = Float64Array.from(offset, pitchDownExcess);
  const level = Array.from(offset, (o) => Math.abs(o) <= LEVEL_PITCH);
  return fitPoseGrowth(excess, level, frown, LEVEL_FLOOR, GROWTH_RIDGE);
}

/** Share of a frown kept at `offset` degrees of pitch from the usual: the level frown over the frown expected there. */
export function frownTrust(g: FrownGrowth, offset: number): number {
  return poseTrust(g, pitchDownExcess(offset));
}

/**
 * In place, over the frames `have`: both browDown channels scaled by frownTrust at the frame's pitch
 * from the driver's median pitch (a driver filmed from above keeps that pitch as level).
 */
export function distrustPitchedFrowns(channels: Map<RigControl, Float64Array>, pitch: ArrayLike<number>, have: number[]): void {
  const l = channels.get('browDownLeft'), r = channels.get('browDownRight');
  if (!have.length || !l || !r) return;
  const sorted = Float64Array.from(have, (i) => pitch[i]!).sort();
  const usual = sorted[sorted.length >> 1]!;
  const offset = Float64Array.from(have, (i) => pitch[i]! - usual);
  const growth = fitFrownGrowth(offset, Float64Array.from(have, (i) => (l[i]! + r[i]!) / 2));
  have.forEach((i, k) => {
    const t = frownTrust(growth, offset[k]!);
    l[i] = l[i]! * t; r[i] = r[i]! * t;
  });
}
