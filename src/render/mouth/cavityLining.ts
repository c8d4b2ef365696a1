// The open mouth's corners closing into the lips' lining along the lip lines, not by column (issue #13, s44 arch44,
// critic41-43: lp_s7's "flat maroon cavity with vertical bands", lp_s7 + eng f48-52, lp_s7 <- lp_d10 f57). The cavity
// (interior.ts cavityInto) turns into the corners' lining by the pixel's place across the opening alone (lateral .5 ->
// 1) while its dark keeps falling toward the corners (depthShade; the floors' wallLight / floorSide, cavityWall.ts,
// cavityFloor.ts): one mix per column, so the opening draws a dark vertical valley at lateral ~.55-.65 with a lighter
// wedge beyond it, both straight from the upper line to the lower (mid-row column luma on lp_s7 + eng f48: middle 56,
// valleys 34 / 28, corners 60-90; with no lining the profile falls monotone to 11 at the corner). Here the lining can
// come in earlier toward a lip line than in the column's middle row (the lips' inner surface is seen where a lip is
// near), so the dark would end in a point between lit lines and the valley bend with them.
//
// OFF (LINING_ALONG 0: main's arithmetic, byte-identical). Every form that fills the valley lightens the corners, and
// test/mouthCavity.test.ts's lp_s1 speech dark share (main .107, floor .105) fell to .098; the column-mean-keeping form
// (LINING_CENTRE .5) kept .107 but the face mesh read lp_s7 + eng f48-52's gap .02-.03 shorter and their corners darker
// (cdark .79 -> .83-.89 [lp_d10's real .47]). docs/mouth/README.md "s44 (arch44)".
//
// A grin (opening.ts grinShare) keeps main's per-column mix: its dark corners are where the face mesh finds its corners
// (test/grinRendered.test.ts: lp_s2's open grin read .620 wide against its mesh's .650 with the lining along its lines,
// the same failure as cavityCorner.ts's s39).

import { smoothstep } from '../../math/smooth.ts';

/** How much earlier (in lateral, 0 middle .. 1 corner) the lining comes in on a lip line than at depth LINING_CENTRE (0: off, main's per-column mix; measured .3). */
export const LINING_ALONG = 0;
/** The depth into a column (0 on a line .. 1 its middle row) whose lining stays main's: 1 only adds lining, .5 keeps a column's mean. */
export const LINING_CENTRE = 1;

/**
 * LINING_ALONG at a frame's grin share (0 speech .. 1 a full grin: none in a grin) and its cavity's depth share (`deep`,
 * cavityDepth.ts depthShare: the falls that make the valley come in with the gap, .08-.2 IOD; a speech slit keeps main's mix).
 */
export function liningAlong(grin: number | undefined, deep = 1, along = LINING_ALONG): number {
  const g = grin !== undefined && Number.isFinite(grin) ? Math.min(1, Math.max(0, grin)) : 0;
  const d = Number.isFinite(deep) ? Math.min(1, Math.max(0, deep)) : 0;
  return along * (1 - g) * d;
}

/**
 * The corners' lining share at a pixel `lateral` across the opening (0 middle .. 1 corner) and `depth` into its column
 * (0 on a lip line .. 1 the column's middle row), main's onset `from`: smoothstep(from, 1, lateral + along x (centre -
 * depth)). At along 0 exactly main's smoothstep(from, 1, lateral); at centre 1 never less than it.
 */
export function liningShare(lateral: number, depth: number, from: number, along = LINING_ALONG, centre = LINING_CENTRE): number {
  if (along === 0) return smoothstep(from, 1, lateral);
  const d = Number.isFinite(depth) ? Math.min(1, Math.max(0, depth)) : 1;
  return smoothstep(from, 1, lateral + along * (centre - d));
}

/** A pixel's depth into its column's opening (`cy` between the lines `top` and `bottom`): 0 on either line, 1 half way. */
export function columnDepth(cy: number, top: number, bottom: number): number {
  const half = 0.5 * (bottom - top);
  if (!(half > 0.5)) return 0;
  return Math.min(1, Math.max(0, Math.min(cy - top, bottom - cy) / half));
}
