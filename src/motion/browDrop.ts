// How far a driver's brows actually came down over its eyes, in the head's own frame: the check
// on the fit's frown. The rig fit reads some browDown on faces whose brows do not move (a smile's
// cheeks pushing the lids, crosstalk from the mouth): lp_d0's and Katie's strongest "frowns" by the
// fit (0.15-0.25) moved their brows +0.005 / -0.002 iod, against -0.05..-0.13 for drivers who frown
// (bench/browGain.ts, head frame). Taken at the frown's read-back gain those became visible frowns.

import { BROW_RAISE, BROW_DOWN } from '../rig/basis/brows.ts';

/**
 * Per side (subject's left, then right): the eye's corners and the brow's inner and middle points.
 * The corners, not the upper lid: a lid lowered by a downward look or a squint would hide a frown.
 */
const SIDES = [
  { eye: [263, 362], brow: [334, 296] },
  { eye: [33, 133], brow: [105, 66] },
];

/** A rendered full frown brings the brows this far down over the lids (canonical units = outer-eye-corner distances; bench/browProbe.ts: 0.057-0.084 in the image). */
export const FROWN_DROP_AT_FULL = 0.07;

/** Brow height over the eye's corners per side [left, right] of canonical landmarks (flat x, y, z; y down). */
export function browHeights(canonical: ArrayLike<number>): [number, number] {
  const y = (i: number) => canonical[i * 3 + 1]!;
  const mean = (ids: number[]) => ids.reduce((s, i) => s + y(i), 0) / ids.length;
  return SIDES.map((s) => mean(s.eye) - mean(s.brow)) as [number, number];
}

/** The largest frown weight a brow that came down `drop` (rest height minus height, canonical) supports. */
export function frownWithinDrop(weight: number, drop: number): number {
  return Math.min(weight, Math.max(0, drop) / FROWN_DROP_AT_FULL);
}

/**
 * Brows that rose this far over the eye corners (canonical units) allow a full raise: a check against
 * the fit's crosstalk (a raise read on brows that did not move), not a measure of the raise. About
 * half of what a rendered full raise shows when read back (bench/wideZoom.ts: 0.16-0.22 eye widths
 * inner, 0.11-0.20 outer, on 4 portraits; an eye width is about 0.3 of these units).
 */
export const RAISE_AT_FULL = 0.03;

/** The largest raise weight brows that rose `rise` (height minus rest height, canonical) support. */
export function raiseWithinRise(weight: number, rise: number): number {
  return Math.min(weight, Math.max(0, rise) / RAISE_AT_FULL);
}

/**
 * browInnerUp is one control for both brows (ARKit's): a driver who raised one brow and not the
 * other (lp_d6 at 7.4 s and 14.4 s: one brow up 0.06-0.07, the other down 0.03-0.06) got its inner
 * raise on both, and the lowered side's own frown had to undo it. The side that rose less takes back
 * the share of the inner raise it did not show, by a frown that lowers its inner head as far
 * (INNER_RAISE_PER_FROWN: the basis's inner raise over its frown depth, rig/basis/brows.ts).
 */
export const INNER_RAISE_PER_FROWN = BROW_RAISE / BROW_DOWN;

/**
 * Only a raise this one-sided is taken back: the lower side rose less than this share of the higher
 * one, and all of it when it did not rise at all. Both brows of a real raise rarely read the same
 * (lp_d6's bilateral raises differ by a third frame to frame); taking back every difference halved
 * lp_d6's raises on lp_s42 (outside review s14: 0.055 -> 0.029 IOD at the driver's highest brows, 0.071).
 */
export const ONE_SIDED_BELOW = 0.5;

/**
 * The frown that takes back the inner raise `innerUp` on a side whose brow rose `rise` while the
 * other rose `otherRise` (height over rest, canonical): none when it rose as much, all of the raise
 * when it did not rise at all.
 */
export function innerRaiseTakenBack(innerUp: number, rise: number, otherRise: number): number {
  if (otherRise <= 0 || rise >= otherRise) return 0;
  const shown = Math.max(0, rise) / otherRise;
  return Math.min(1, INNER_RAISE_PER_FROWN * innerUp * Math.max(0, 1 - shown / ONE_SIDED_BELOW) * oneSidedRaise(otherRise));
}

/**
 * A one-sided raise is taken back only once the higher brow rose this far over its rest (canonical)...
 * lp_d0's grin on st_art_1 (1.3-1.5 s, looking hard to his left) read his left brow 0.017-0.018 up and the
 * right 0.003 under rest: the take-back frowned our right brow (0.05 -> 0.15) under a 0.3 inner raise, the
 * critic's "knotted brows" on a happy face. lp_d6's one-sided raises rise 0.04-0.11 (7.3-7.5 s, 14.3-14.5 s).
 */
export const ONE_SIDED_RISE_FROM = 0.02;
/** ...and in full from this rise. */
export const ONE_SIDED_RISE_FULL = 0.03;

/** 0..1: how far a brow that rose `rise` over its rest makes a raise one-sided (a smaller rise is the measure's play). */
export function oneSidedRaise(rise: number): number {
  return Math.min(1, Math.max(0, (rise - ONE_SIDED_RISE_FROM) / (ONE_SIDED_RISE_FULL - ONE_SIDED_RISE_FROM)));
}
