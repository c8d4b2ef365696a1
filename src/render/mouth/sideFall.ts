// How far into the corners' shade a tooth lies, by where it sits across the opening (issue #13, teeth33:
// "a regular picket of even teeth greying from the laterals out"). Real rows photographed at speech
// openings (bench/rowStructure.ts, the upper half's luma over the central incisors') stay lit to the
// canines and fall off only in the last sixth: mt_sun f78-216 mid .90 side .72 corner .51, lp_d6 f132-180
// mid .84 side .76 corner .62. Ours as lateral^4 at a wide opening (session 19) still greyed from the
// laterals out: mt_man + mt_sun mid .77 side .53, lp_s42 <- lp_d6 mid .67 side .47.

/*
 * The shade's shape when the row is lit all the way out (reach 1): lateral^8. Session 19's was lateral^4;
 * lateral^8 keeps the dark corner (a tooth at the corner loses as much) and takes the grey off the canines
 * (at .75 out 0.10 of the corner's shade, not 0.32).
 */

/**
 * How far into the corners' shade a tooth at `lateral` (0 centre, 1 corner) lies, 0..1: lateral^2 at a
 * small parting (a child's small opening keeps its dark corridor, test/teethMouthSize); as the row is lit
 * further out (`reach`, teethRowLight.ts sideReach: a smile or a wide opening) toward lateral^8.
 */
export function sideFalloff(lateral: number, reach: number): number {
  const l2 = lateral * lateral;
  // (l2 ** 3 spelled out: V8's pow was ~4 % of a frame, called per mouth pixel; same pixels, renderHash)
  return l2 * (1 - reach + reach * l2 * l2 * l2);
}
