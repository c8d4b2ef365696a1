// A nearly shut mouth keeps its photo's seam (seam38, s38). Parting past the photo's own gap, three
// per-frame steps undo the photo's closed-lip look: the lip texture slides off the slit
// (lipTexture.ts), the upper lip's shadow on the lower lip is lifted (lowerLipLight.ts) and the dark
// corner notches are lifted (cornerSkin.ts). They followed the interior's fade-in, whole by 0.012 IOD
// past a shut photo's gap, where the drawn opening is a pixel tall and too thin to be a seam of its
// own: mt_man + mt_sun.wav f286 (gap .013 IOD) was one pale pink blob. A real mouth barely apart
// still has the upper lip's shade over the lower and a thin dark line between them, darkest at the
// corners: the three steps now come in over NEAR_SHUT_SPAN of parting instead.

import { smoothstep } from '../../math/smooth.ts';

/**
 * Lip parting past the photo's own gap (iod) by which the photo's seam and shadows have given way to the
 * drawn opening (0: as before s38, with the interior's fade). .03 kept less of the seam (mt_man f286 .46
 * against .42, bench/nearShutSeam.ts) for little of lp_d10's mouth-box PSNR back (shut band 20.57 against
 * 20.52 dB, 20.72 before).
 */
export const NEAR_SHUT_SPAN = 0.05;

/**
 * How far the photo's closed-lip look is undone at `beyond` iod of parting past the photo's gap,
 * given the interior's own fade-in share `rebuilt` (0..1): never more than that, and only as the
 * parting grows past the first pixels.
 */
export function seamGiveWay(beyond: number, rebuilt: number): number {
  return NEAR_SHUT_SPAN > 0 ? rebuilt * smoothstep(0, NEAR_SHUT_SPAN, beyond) : rebuilt;
}
