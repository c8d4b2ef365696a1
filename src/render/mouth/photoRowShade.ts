// A photo's own teeth opened past the photo's parting (issue #13, denture32, critic: lp_s42 <- lp_d6
// f132-f142, "a flat pale block pasted like a denture"). The photo's own teeth carry the lips' shade
// only as far as the photo's own opening: lp_s42's slit shows the upper tips at a .079 iod gap, and
// her row opened to .14-.18 took none of the small opening's shading (the upper lip's shade and lining
// tone on the row's top, the tips into the lower lip's shade, the lips' shaded inner edges: rowTopShade.ts,
// interior.ts lowerLipGap, lipShadowEdge.ts), which were kept off every photo's own teeth: an even
// white block from lip to lip. Past the photo's parting they take that shading as a library row does.
import { smoothstep } from '../../math/smooth.ts';

/**
 * The share of a library row's in-mouth shading a row takes: 1 for a library row; a photo's own teeth
 * none at the photo's own parting `photoGap` (its rest frame keeps the photo), all of it from
 * PAST_PHOTO[1] iod further open.
 */
export function rowShadeShare(fromPhoto: boolean, gap: number, photoGap: number): number {
  return fromPhoto ? smoothstep(PAST_PHOTO[0], PAST_PHOTO[1], gap - photoGap) : 1;
}
/** how far (iod) past the photo's parting its own teeth come into the in-mouth shading, from none to all */
export const PAST_PHOTO: readonly [number, number] = [0.015, 0.07];
