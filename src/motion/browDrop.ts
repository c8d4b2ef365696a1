// How far a driver's brows actually came down over its eyes, in the head's own frame: the check
// on the fit's frown. The rig fit reads some browDown on faces whose brows do not move (a smile's
// cheeks pushing the lids, crosstalk from the mouth): lp_d0's and Katie's strongest "frowns" by the
// fit (0.15-0.25) moved their brows +0.005 / -0.002 iod, against -0.05..-0.13 for drivers who frown
// (bench/browGain.ts, head frame). Taken at the frown's read-back gain those became visible frowns.

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

/**
 * A smile lowers the brows a little with no frown: the cheek raise's orbicularis draws the brow down
 * whole (a Duchenne smile), the corrugators that knot the inner heads stay still. Katie's grin at
 * 1.1 s (after a blink, smile 0.54-0.69) brought her brows 0.008 / 0.016 down over her median, which
 * the fit read as browDown 0.20 / 0.26 and frownWithinDrop let through: a knotted frown with glabella
 * creases on a happy face (critic16). Under a full smile this much of a brow's drop is the smile's.
 */
export const SMILE_BROW_DROP = 0.015;

/** The brow drop (canonical) left to a frown when the side's smile gate (0..1, lowerLid.ts smileGate) explains SMILE_BROW_DROP of it at full. */
export function dropLeftToFrown(drop: number, smile: number): number {
  return drop - SMILE_BROW_DROP * Math.min(1, Math.max(0, smile));
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
