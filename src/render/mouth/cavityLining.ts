// The open mouth's corners close into the lips' lining along the lip lines, not by column (issue #13, s44 arch44,
// critic41-43: lp_s7's "flat maroon cavity with vertical bands", lp_s7 + eng f48-52, lp_s7 <- lp_d10 f57). The
// cavity (interior.ts cavityInto) turned into the corners' lining by the pixel's place across the opening alone
// (lateral .5 -> 1) while its dark kept falling toward the corners (the walls, cavityWall.ts; the floors' side,
// cavityFloor.ts): each column got one mix, so the opening drew a dark vertical band at lateral ~.55-.65 with a
// lighter wedge beyond it, both edges straight from the upper line to the lower, the facets of the hexagon (mid-row
// column luma lp_s7 + eng f48: middle 56, valleys 34 / 28, corners 60-90). The lining is the lips' inner surface,
// seen where a lip is near: here it comes in earlier toward a lip line (by LINING_ALONG of lateral at the line,
// none in the column's middle row, which keeps main's mix), so the dark ends in a point toward each corner between
// lit lines and the band bends with the lines instead of running straight down.

import { smoothstep } from '../../math/smooth.ts';

/** How much earlier (in lateral, 0 middle .. 1 corner) the lining comes in on a lip line than in its column's middle row (0: main's per-column mix). */
export const LINING_ALONG = 0.3;

/**
 * The corners' lining share at a pixel `lateral` across the opening (0 middle .. 1 corner) and `depth` into its column
 * (0 on a lip line .. 1 the column's middle row), the lining's onset at the middle row `from`: smoothstep(from, 1,
 * lateral + along x (1 - depth)). Never less than main's smoothstep(from, 1, lateral); equal to it at along 0.
 */
export function liningShare(lateral: number, depth: number, from: number, along = LINING_ALONG): number {
  const d = Number.isFinite(depth) ? Math.min(1, Math.max(0, depth)) : 1;
  return smoothstep(from, 1, lateral + along * (1 - d));
}

/** A pixel's depth into its column's opening (`cy` between the lines `top` and `bottom`): 0 on either line, 1 half way. */
export function columnDepth(cy: number, top: number, bottom: number): number {
  const half = 0.5 * (bottom - top);
  if (!(half > 0.5)) return 0;
  return Math.min(1, Math.max(0, Math.min(cy - top, bottom - cy) / half));
}
