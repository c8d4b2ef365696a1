// The open mouth's corners close into the lips' lining without a dark vertical band (issue #13, s44 arch44, critic41-43:
// lp_s7's "flat maroon cavity with vertical bands", lp_s7 + eng f48-52, lp_s7 <- lp_d10 f57). The cavity (interior.ts
// cavityInto) turns into the corners' lining by the pixel's place across the opening (lateral .5 -> 1), while its dark
// keeps falling toward the corners (depthShade; the floors' wallLight / floorSide, cavityWall.ts, cavityFloor.ts): the
// lining came in with zero slope at .5 where the falls were steepest, so each wide opening drew a dark valley at lateral
// ~.55-.65, straight from the upper line to the lower, with a lighter wedge beyond it: the facets of the hexagon
// (mid-row column luma on lp_s7 + eng f48: middle 56, valleys 34 / 28 at the shoulders, corners 60-90; with no lining
// the profile falls monotone to 11). Begun at LINING_FROM_WIDE (.3) the lining rises as the dark falls: no valley.
//
// Only in a wide opening (the gap over WIDE_GAP, IOD): a speech opening keeps its dark beside the rows
// (test/mouthCavity.test.ts, lp_s1 at jawOpen .2, gap .152: dark share .107 -> .098 with the early lining, floor .105),
// and a grin (opening.ts grinShare) keeps main's onset: its dark corners are where the face mesh finds its corners
// (test/grinRendered.test.ts; cavityCorner.ts s39). Tried and dropped: the lining earlier toward the lip lines than in
// the column's middle row (bends the band, but fails lp_s1's share or, mean-kept, shortens lp_s7 + eng's read gap .02-.03).

import { smoothstep } from '../../math/smooth.ts';

/** The lining's onset (lateral, 0 middle .. 1 corner) in a narrow opening: main's. */
export const LINING_FROM = 0.5;
/** ... and in a wide one (= LINING_FROM: off). */
export const LINING_FROM_WIDE = 0.3;
/** The lip gaps (IOD) over which the onset goes from LINING_FROM to LINING_FROM_WIDE. */
export const WIDE_GAP: readonly [number, number] = [0.16, 0.22];

/** The corners' lining onset (lateral) at a lip gap `gap` (IOD) and grin share `grin` (0 speech .. 1 a full grin). */
export function liningFrom(gap: number, grin = 0, from = LINING_FROM, wide = LINING_FROM_WIDE): number {
  const g = Number.isFinite(grin) ? Math.min(1, Math.max(0, grin)) : 0;
  const k = Number.isFinite(gap) ? smoothstep(WIDE_GAP[0], WIDE_GAP[1], gap) : 0;
  return from + (wide - from) * k * (1 - g);
}
