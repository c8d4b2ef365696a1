// One-sided readings at turned driver frames are mostly the turn's: the face mesh's depth is not the
// person's, so as a real head turns the points in front (nose tip, lip middle) slide sideways against
// the mouth corners (Obama clip2: lip middle 0.037 and nose tip 0.059 eye-corner distances per 10 deg
// of yaw, corners 0.009), and the rig reads one corner out and the other in. At Obama clip2 4.4 s
// (yaw 14 deg from his usual heading) that was mouthStretchRight 0.78 with Left 0.03, noseSneerRight
// 0.34, eyeWideRight 0.43, none of which his face shows; the render slid the mouth to one cheek. The
// pose-bias table (rig/poseBias.ts) is measured on our renders, whose depth is the face mesh's, so it
// does not see this; a per-driver regression of the slide on yaw did not remove it either (it is not
// linear in the yaw). And it is the driver's: Katie's one-sided readings do not grow with her larger
// turns (0.68 frontal, 0.67 past 15 deg), Obama's double (0.80 -> 1.51 at 10-15 deg). So per driver
// and pair, the one-sided part's growth with the turn is fitted over the driver's own frames (a
// person's own asymmetry does not depend on which way they turn) and each frame's one-sided part is
// scaled back to what the driver shows at its usual heading. A driver whose readings do not grow
// keeps them whole; frontal one-sided expressions (a smirk; a wink is a blink, read by the measures)
// are kept.
import type { RigControl } from '../rig/controls.ts';
import { fitPoseGrowth, poseTrust, type PoseGrowth } from './growthTrust.ts';

/** Degrees of yaw from the driver's usual heading within which a frame counts as frontal. */
export const FRONTAL_TURN = 5;
/** Ridge of the growth fit (deg^2 frame units): as if this much turn beyond frontal showed no growth. */
const GROWTH_RIDGE = 500;
/** A one-sided level below this (weight) is taken as this: noise, not a level to scale back to. */
const LEVEL_FLOOR = 0.03;

/** The rig's left/right pairs among the retargeted controls. */
export const SIDE_PAIRS: [RigControl, RigControl][] = (['mouthSmile', 'mouthStretch', 'mouthFrown', 'mouthDimple', 'noseSneer', 'cheekSquint', 'eyeSquint', 'eyeWide', 'browDown', 'browOuterUp'] as const)
  .map((p) => [`${p}Left`, `${p}Right`] as [RigControl, RigControl]);

/** How a pair's one-sided reading (|left - right|) grows with the turn (see growthTrust.ts). */
export type OneSidedGrowth = PoseGrowth;

/** Degrees of turn beyond FRONTAL_TURN either way. */
const turnExcess = (turn: number) => Math.max(0, Math.abs(turn) - FRONTAL_TURN);

/** Fits how a pair's one-sided reading grows with the turn: `turn[f]` degrees from the usual heading, `oneSided[f]` = |left - right|. */
export function fitOneSidedGrowth(turn: ArrayLike<number>, oneSided: ArrayLike<number>): OneSidedGrowth {
  const excess = Float64Array.from(turn, turnExcess);
  const frontal = Array.from(turn, (t) => Math.abs(t) <= FRONTAL_TURN);
  return fitPoseGrowth(excess, frontal, oneSided, LEVEL_FLOOR, GROWTH_RIDGE);
}

/** Share of a one-sided reading kept at `turn` degrees from the usual heading: the frontal level over the level expected there. */
export function oneSidedTrust(g: OneSidedGrowth, turn: number): number {
  return poseTrust(g, turnExcess(turn));
}

/** A pair's values with `trust` of each side's excess over the other kept: both sides' shared part stays. */
export function keepOneSided(left: number, right: number, trust: number): [number, number] {
  const shared = Math.min(left, right);
  return [shared + trust * (left - shared), shared + trust * (right - shared)];
}

/**
 * In place, over the frames `have`: each pair's one-sided part scaled by its oneSidedTrust at the
 * frame's yaw from the driver's median yaw (a driver filmed from the side keeps that heading as frontal).
 */
export function distrustTurnedOneSided(channels: Map<RigControl, Float64Array>, yaw: ArrayLike<number>, have: number[]): void {
  if (!have.length) return;
  const sorted = Float64Array.from(have, (i) => yaw[i]!).sort();
  const usual = sorted[sorted.length >> 1]!;
  const turn = Float64Array.from(have, (i) => yaw[i]! - usual);
  for (const [l, r] of SIDE_PAIRS) {
    const a = channels.get(l), b = channels.get(r);
    if (!a || !b) continue;
    const growth = fitOneSidedGrowth(turn, Float64Array.from(have, (i) => Math.abs(a[i]! - b[i]!)));
    have.forEach((i, k) => { [a[i], b[i]] = keepOneSided(a[i]!, b[i]!, oneSidedTrust(growth, turn[k]!)); });
  }
}
