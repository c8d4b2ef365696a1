// What a driver's start smile is (issue #13/#14, startlook30): a smile, or the face's own lopsided resting mouth.
//
// keepPhotoSmile (mouthBase.ts) takes away the driver's start-frame smile over the photo's while the driver stays near
// its start: lp_d6's resting mouth has one corner up (start .25/.00 on a photo fitted 0/0), which the track reads as a
// smile her photo does not show. But Katie starts on a real smile (.41/.26), and taking it away narrowed her broad
// smiles near that level on other photos (st_art_1 f63/f132/f167: -.10 IOD).
//
// The rule: a smile is two-sided (both corners rise together), a resting face's asymmetry is not. So each side's start
// splits in two: the part both sides hold (min of left and right) is the driver's smile, kept; the part one side holds
// over the other is the face's lopsidedness, the readings' disagreement that the drop takes away. No threshold is
// fitted: lp_d6 (.25/.00) is all one-sided, lp_d14's grin (.92/.92) all two-sided, Katie (.41/.26) keeps .26 a side.
// And a lopsided rest is the whole mouth's shape: the mouth has left it once either corner moves from its start
// (lp_d6's grimace f44-46, smile .35/.40 from .25/.00: the right corner's move had her left dropped to .18).

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
 * The start smile a side may lose as the photo's mouth (the drop's reference): what it reads over the larger of the
 * photo's own smile and the two-sided part of the start, so only a one-sided start over the photo counts.
 */
export function lopsidedExcess(start: number, otherStart: number, photo: number): number {
  return Math.max(0, start - Math.max(photo, twoSidedStart(start, otherStart)));
}

/** One side's smile now and on the driver's first frame. */
export interface SideSmile { now: number; start: number }

/** How far the mouth has moved from its start look: the larger of the two corners' moves (smile weight). */
export function mouthDeparture(a: SideSmile, b: SideSmile): number {
  return Math.max(Math.abs(a.now - a.start), Math.abs(b.now - b.start));
}
