// The outline's feather on small turns toward a side the photo was turned away from (issue #15, s37 edge37).
//
// The silhouette feather (edgePasses.ts featherSilhouette) fades in with the turn (turnAmount: full
// by 6°), so the rest frame keeps the photo's own matte edge. On a side the photo was turned away
// from, the head sheet's band beside the far cheek goes clear much sooner (avatar/farBandClear.ts:
// full by AWAY_CLEAR_FULL_DEG = 3°), and from then on the outline is the face mesh's own edge: a
// geometric cut on opaque skin. With the feather at a quarter to half strength at +2..3.5° that cut
// stayed a crisp cutout with 1-px aliasing steps (critic36, lp_s10 f100-116). Here the feather
// follows the band's switch on that side, so the edge is as soft as the rest of the turned outline
// as soon as the photo's own matte ramp is gone.
import { AWAY_CLEAR_FULL_DEG } from '../avatar/farBandClear.ts';
import { turnedAway } from './turn.ts';

/**
 * The feather is full by this turn (degrees) on a side turned away: the band clears from its outer
 * ring inward (avatar/bandOuterFirst.ts), so its outermost ring is gone by about a third of
 * AWAY_CLEAR_FULL_DEG and the opaque rings inside end in a cut that needs the feather from there
 * (s37 halo37; with the whole band switching at once it was AWAY_CLEAR_FULL_DEG).
 */
export const AWAY_FEATHER_FULL_DEG = AWAY_CLEAR_FULL_DEG / 3;

/**
 * The feather is full by this turn (degrees) the other way, hiding a side the photo was turned away
 * from (s50 farside50). The face mesh's front slides toward that side while the head sheet's band
 * beside it, which carries the photo's matte ramp, stays nearly put: the cheek covers the ramp and its
 * outline becomes the mesh's own cut on opaque skin. lp_s10 <- lp_d0: rows cut .03 at -.3°, .13 at
 * -1°, .30 at -1.5° (the photo's rest edge .02).
 */
export const HIDE_FEATHER_FULL_DEG = 1;

/** Whether a turn hiding a side the photo was turned away from leads the feather too (HIDE_FEATHER_FULL_DEG). */
export const hideFeatherSetting = { on: true };

/**
 * The silhouette feather's strength on a frame turned `yaw` degrees (relative to the photo) from a
 * photo at rig yaw `photoYaw`: the usual `turnAmount`, or the far band's clear switch on the side
 * the turn shows (a turn by +yaw shows the side the rig calls -1: farBandClear.ts's side x photoYaw)
 * when that side was turned away and the switch is further along.
 */
export function outlineFeatherStrength(turnAmount: number, yaw: number, photoYaw: number): number {
  if (!(yaw !== 0)) return turnAmount;
  const away = turnedAway(-Math.sign(yaw) * photoYaw);
  // the side the turn hides (s50 farside50): turned away in the photo, its outline is soon the face's own cut
  const hidden = hideFeatherSetting.on ? turnedAway(Math.sign(yaw) * photoYaw) : 0;
  if (away === 0 && hidden === 0) return turnAmount;
  const lead = Math.max(away * Math.min(1, Math.abs(yaw) / AWAY_FEATHER_FULL_DEG), hidden * Math.min(1, Math.abs(yaw) / HIDE_FEATHER_FULL_DEG));
  return Math.max(turnAmount, lead);
}
