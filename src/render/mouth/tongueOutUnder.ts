// A tongue out's underside where it lies on the lower lip (issue #13, critic45 item 1: st_happy <- lp_d6 f58-67 "a smooth pink
// mass that never comes out past the lower lip"). Measured (a middle-column profile, driver lp_d6 f66 vs st_happy's render):
// her tongue ends on her inner lower lip line, not past it (the lowest tongue point .08-.10 IOD over the lip's outer edge; ours
// the same .08-.09), so what reads as "out" is the boundary: her tongue (1.3-1.4x her lip's luma, redness .15) rounds under
// into a shade over its last ~.015 IOD (L 125 -> 97) and her lip below it is darker and redder (.26-.29). Ours ran from its lit
// front (L 152) into st_happy's pale lip at the same light (L 140 -> 139-146, redness .13 -> .10): one pink mass. Here the
// tongue's light falls toward the lower lip line as its rounded underside turns from the light, as far as it is out. Out 0: 1.
import { clamp01 } from '../../math/smooth.ts';

/** the underside's shade at the lower lip line (share of the tongue's light off) ... */
const UNDER_DARK = 0.38;
/** ... falling off over this far up from the line (IOD, gaussian width): her tongue's last .015 IOD */
const UNDER_BAND = 0.018;

/** The light factor on a tongue out `out` (0..1) at `above` IOD over the lower inner lip line. */
export function outUnderLight(above: number, out: number): number {
  if (!(out > 0)) return 1;
  const d = Math.max(0, above) / UNDER_BAND;
  return 1 - UNDER_DARK * clamp01(out) * Math.exp(-d * d);
}
