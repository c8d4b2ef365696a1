// What a driver's start smile is (issue #13/#14, startlook30): a smile, or the face's own lopsided resting mouth.
//
// keepPhotoSmile (mouthBase.ts) takes away the driver's start-frame smile over the photo's while the driver stays near
// its start: lp_d6's resting mouth has one corner up (start .25/.00 on a photo fitted 0/0), which the track reads as a
// smile her photo does not show. But Katie starts on a real smile (.41/.26), and taking it away narrowed her broad
// smiles near that level on other photos (st_art_1 f63/f132/f167: -.10 IOD).
//
// The rule, from what the start looks like (bench/startLook.ts, the 7 drivers' first frames): a smile turns both mouth
// corners up past the lips' middle and lifts both sides together; a resting mouth's corners sit level or below, and
// its asymmetry is one-sided. So a start whose corners are up (START_CORNER_LIFT > 0: Katie +.032, lp_d14 +.069,
// mt_sun +.030, lp_d10 +.026) splits in two: the part both sides hold (min of left and right) is the driver's smile,
// kept; one side's lead over the other is the face's lopsidedness, the readings' disagreement that the drop takes away.
// A start whose corners are not up (lp_d6 -.021, lp_d0 -.005; lp_d11 -.026, a child's pout the track reads as smile
// .35/.44) is no smile at all: all of its reading over the photo's goes, as start27 did. No threshold is fitted: the sign of the lift, and min / lead.
// And a lopsided rest is the whole mouth's shape: the mouth has left it once either corner moves from its start
// (lp_d6's grimace f44-46, smile .35/.40 from .25/.00: the right corner's move had her left dropped to .18).

/**
 * A motion frame `w` entry (not a rig control): the driver's start lower mouth corner over its lips' middle (IOD,
 * motion/startCorners.ts). Absent (live webcam, motions written before it): read as not up, start27's drop.
 */
export const START_CORNER_LIFT = 'startCornerLift';

/**
 * A motion frame `w` entry (not a rig control) on a flat start: the share of the smile's rise over its start that the
 * driver's corners show over the clip (0..1, motion/smileLift.ts). Absent: the whole rise, as before.
 */
export const SMILE_LIFT_SCALE = 'smileLiftScale';

/** Whether a start with this corner lift looks like a smile: both corners up past the lips' middle. */
export const cornersUp = (lift: number | undefined) => lift !== undefined && lift > 0;

/**
 * Whether a start's smile reading over the photo's is the fit's bias on the driver's face, held for the whole clip
 * (grin30): a measured start whose corners are not up (lp_d11's pout read .25/.43, lp_d6's lopsided rest .25/.00, lp_d0)
 * is no smile, and the fit reads that face so at every frame: lp_d11's slight smiles and open "eh"s (f58, f98, f128) read
 * .55-.93, and with the drop fading out as her corners moved the Mona Lisa got all of it, a wide grin where she barely
 * smiles. So the drop stays whole however far the mouth moves. Unmeasured (live webcam, older motions): as before.
 */
export const flatStartBias = (lift: number | undefined) => lift !== undefined && !cornersUp(lift);

/** The part of a side's start smile that both sides hold: the driver's smile, never taken away (never negative). */
export function twoSidedStart(left: number, right: number): number {
  return Math.max(0, Math.min(left, right));
}

/** The share of the larger start smile that both sides hold: 1 an even smile, 0 one corner up alone (bench/startLook.ts). */
export function startLook(left: number, right: number): number {
  const high = Math.max(left, right);
  return high <= 0 ? 0 : twoSidedStart(left, right) / high;
}

/**
 * The start smile a side may lose as the photo's mouth (the drop's reference): what it reads over the photo's own smile
 * and, when the start's corners are up (`smiling`), over the two-sided part of the start, so only a smiling start's
 * one-sided lead counts; a start that does not look like a smile loses all of it over the photo's.
 */
export function lopsidedExcess(start: number, otherStart: number, photo: number, smiling: boolean): number {
  return Math.max(0, start - Math.max(photo, smiling ? twoSidedStart(start, otherStart) : 0));
}

/** One side's smile now and on the driver's first frame. */
export interface SideSmile { now: number; start: number }

/** How far the mouth has moved from its start look: the larger of the two corners' moves (smile weight). */
export function mouthDeparture(a: SideSmile, b: SideSmile): number {
  return Math.max(Math.abs(a.now - a.start), Math.abs(b.now - b.start));
}
