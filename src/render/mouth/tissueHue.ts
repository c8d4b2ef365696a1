// The mouth's inner tissue in shade is red-purple, whatever the painted lips' colour (issue #13,
// smallgap31): the floor under a driver-cut row (teethEdge.ts underFloorInto) takes this hue.
import { luma601 as luma } from '../../math/colour.ts';
type Rgb = [number, number, number];

/**
 * `c` in a mouth's inner tissue's shade hue, its luma kept: blue raised toward green by TISSUE_BLUE.
 * The lips' edge colour of a warm painting is orange-brown (lp_s5: b/luma .55); the real band under a
 * soft smile's teeth is red-purple (lp_d10 f130-f184: r/g/b over luma 1.53/.76/.86, lp_d11 1.30/.86/.88):
 * drawn brown, the dark under lp_s5's row read as an ink outline (critic30).
 */
export function tissueHueInto(c: Rgb): Rgb {
  const l0 = luma(c);
  if (!(l0 > 0)) return c;
  c[2] = c[2] + Math.max(0, c[1] - c[2]) * TISSUE_BLUE;
  const k = l0 / luma(c);
  c[0] *= k; c[1] *= k; c[2] *= k;
  return c;
}
/** how far blue goes up to green in the tissue's shade */
export const TISSUE_BLUE = 0.6;
