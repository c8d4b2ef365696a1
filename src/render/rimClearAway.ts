// The far chin's thin rim clears with the cheek's band on a side the photo was turned away from (issue #15, s41 chin41).
//
// lp_s10's painted chin runs 5-8 px past the landmark oval; the head sheet's first rings carry that rim, and on
// turns toward it they clear from RIM_CLEAR_FROM (8°) to RIM_CLEAR_FULL (14°) (avatar/rimClearOnTurn.ts: a speech
// sway keeps the photo's chin). Beside the cheek just above, the sheet's band on a side turned away clears by
// AWAY_CLEAR_FULL_DEG = 3° (avatar/farBandClear.ts, s36-s37), and from there the outline is the face mesh's own
// oval. So from +2.5° to +14° the two disagree by the rim's width: the cheek's outline is the oval, the chin's
// the rim 5-8 px outside it, a notch where they meet by the mouth corner and a pale lobe of the rim's soft,
// stretched texels hanging off the chin (lp_s10 + japanese.wav f76-86, lead s40). On a side turned away the rim
// clears with the band instead, over the last third of its window (RIM_AWAY_FROM_DEG to AWAY_CLEAR_FULL_DEG, 2-3°:
// the band clears outer ring first, avatar/bandOuterFirst.ts, so that is where the cheek's inner rings go and the
// cheek's outline becomes the oval; the notch showed from ~2.5°). A rim half way through its switch samples the
// matte's soft ramp (stair steps for ~0.5° around the window's middle, as any sliding switch has); a window from 1°
// put that state at 2° and read a paler fringe on the 1-3° frames (s41 figures). Facing photos (turnedAway 0)
// are unchanged.
import { RIM_CLEAR_FROM, RIM_CLEAR_FULL } from '../avatar/rimClearOnTurn.ts';
import { AWAY_CLEAR_FULL_DEG } from '../avatar/farBandClear.ts';
import { turnedAway } from './turn.ts';

/** On a side turned away the rim starts to clear here (degrees): the band's last third. */
export const RIM_AWAY_FROM_DEG = (2 / 3) * AWAY_CLEAR_FULL_DEG;

/** `on` = false: the rim clears from 8 to 14° on every side, as before s41. */
export const rimClearAwaySetting = { on: true };

/**
 * The turn window [from, full] (degrees toward the rim's side) of the rim's clearing, for a side the photo was
 * turned `yawAway` degrees away from (rig angles, as turn.ts turnedAway): RIM_CLEAR_FROM..RIM_CLEAR_FULL on a
 * facing side, going over to RIM_AWAY_FROM_DEG..AWAY_CLEAR_FULL_DEG by turnedAway.
 */
export function rimClearWindow(yawAway: number, opts = rimClearAwaySetting): [number, number] {
  const k = opts.on ? turnedAway(yawAway) : 0;
  return [RIM_CLEAR_FROM + k * (RIM_AWAY_FROM_DEG - RIM_CLEAR_FROM), RIM_CLEAR_FULL + k * (AWAY_CLEAR_FULL_DEG - RIM_CLEAR_FULL)];
}
