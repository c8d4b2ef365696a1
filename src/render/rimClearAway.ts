// The far chin's thin rim clears with the cheek's band on a side the photo was turned away from (issue #15, s41 chin41).
//
// lp_s10's painted chin runs 5-8 px past the landmark oval; the head sheet's first rings carry that rim, and on
// turns toward it they clear from RIM_CLEAR_FROM (8°) to RIM_CLEAR_FULL (14°) (avatar/rimClearOnTurn.ts: a speech
// sway keeps the photo's chin). Beside the cheek just above, the sheet's band on a side turned away clears by
// AWAY_CLEAR_FULL_DEG = 3° (avatar/farBandClear.ts, s36-s37), and from there the outline is the face mesh's own
// oval. So from +2.5° to +14° the two disagree by the rim's width: the cheek's outline is the oval, the chin's
// the rim 5-8 px outside it, a notch where they meet by the mouth corner and a pale lobe of the rim's soft,
// stretched texels hanging off the chin (lp_s10 + japanese.wav f76-86, lead s40). On a side turned away the rim
// clears in the band's window instead: from AWAY_FEATHER_FULL_DEG (1°, where the outline's feather is full, so the
// oval's edge is soft as the rim goes) to AWAY_CLEAR_FULL_DEG. Facing photos (turnedAway 0) are unchanged.
import { RIM_CLEAR_FROM, RIM_CLEAR_FULL } from '../avatar/rimClearOnTurn.ts';
import { AWAY_CLEAR_FULL_DEG } from '../avatar/farBandClear.ts';
import { AWAY_FEATHER_FULL_DEG } from './awayOutlineFeather.ts';
import { turnedAway } from './turn.ts';

/** `on` = false: the rim clears from 8 to 14° on every side, as before s41. */
export const rimClearAwaySetting = { on: true };

/**
 * The turn window [from, full] (degrees toward the rim's side) of the rim's clearing, for a side the photo was
 * turned `yawAway` degrees away from (rig angles, as turn.ts turnedAway): RIM_CLEAR_FROM..RIM_CLEAR_FULL on a
 * facing side, going over to the band's AWAY_FEATHER_FULL_DEG..AWAY_CLEAR_FULL_DEG by turnedAway.
 */
export function rimClearWindow(yawAway: number, opts = rimClearAwaySetting): [number, number] {
  const k = opts.on ? turnedAway(yawAway) : 0;
  return [RIM_CLEAR_FROM + k * (AWAY_FEATHER_FULL_DEG - RIM_CLEAR_FROM), RIM_CLEAR_FULL + k * (AWAY_CLEAR_FULL_DEG - RIM_CLEAR_FULL)];
}
