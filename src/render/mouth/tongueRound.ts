// The tongue as a rounded mass across the opening (issue #13, slab36, critic35's worst defect: "open mouths as flat painted
// slabs", lp_s5 <- lp_d10 f79-83 a uniform salmon disc). A real tongue lit from the front is brightest down its middle
// and turns away from the light toward its sides: over the opening's lower part (.55-.9 of its height) the outer columns
// (.5-.8 of the half width) read .57-.84 of the middle's luma on lp_d10 f79-93 and lp_d11 f98-167 (bench/cavityProfile.ts
// `sides`), where ours read .90-1.02 on lp_s5 and .73-.79 on lp_s9: the side teeth's corner shade (sideFall.ts) was the only
// fall across it. Pure: interior.ts jawPiecesOver multiplies the tongue's light by it.
import { cornerFall } from './cavityWall.ts';

/** the share of its light the tongue loses at the opening's corner, turned away from the light */
export const TONGUE_SIDE_SHADE = 0.3;
/** lateral positions (0 the opening's middle .. 1 a corner) over which that shade comes in: the middle stays lit */
const SIDE_FROM = 0.2, SIDE_TO = 0.95;

/** The tongue's light at `lateral` (0 middle .. 1 corner) as a share of its middle's, 1 .. 1 - TONGUE_SIDE_SHADE. */
export function tongueSideLight(lateral: number, shade = TONGUE_SIDE_SHADE): number {
  return cornerFall(lateral, shade, SIDE_FROM, SIDE_TO);
}
