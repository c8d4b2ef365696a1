// The driver's own floor of "white above the iris" (owl47, issue #14). whiteStare.ts reads a stare off the pixels: the
// white the video shows above both irises. On a driver with pale, low-contrast upper lids (pcavs681, a fair-skinned
// host at 224 px) the lid skin over the iris reads as white in nearly every frame: the lesser eye's reading is .24 or
// more in 3/4 of his plausible frames (median .33; katie .28, infinitetalk .43) while the mesh shows his lids on the irises, so his everyday look
// became a stare (eyeWide .53-.86 at f5-f15, f105-f110, against .07-.16 from the mesh) and mt_man's almond eyes went
// round with white all round the iris. A driver whose lids sit on the irises reads 0 in most frames (lp_d6, lp_d10,
// lp_d11, lp_d14, lp_d0, pcavs741, mt_sun: floor 0), so only the white over the driver's floor is a stare; on those drivers nothing changes.

import { nearestRank } from '../math/stats.ts';

/** The driver's floor is this quantile of the lesser eye's white over its plausible frames (a quarter of the frames read at most it). */
export const WHITE_FLOOR_QUANTILE = 0.25;

/**
 * s49 (sleepy49): a floor needs this many plausible frames; under it the clip's white is no stare (the floor is `max`).
 * infinitetalk's old man reads .45-.6 (lid skin to the crease) in 145 of the 6 s cut's 150 frames, over `max` in all but
 * f33, f56, f143 (.47/.49): the quantile of three was their lowest or their middle by one rank's rounding (s48's
 * nearestRank .00 -> .47), so f33/f56 flashed a .45 stare on plain eyes (before s48; the mesh reads no stare) or not.
 * The clips the floor was made for keep theirs (25 fps tracks, plausible frames: lp_d6 719, lp_d10 204, pcavs741 91,
 * Katie 59, lp_d11 53, pcavs681 3-9 s 50, 0-6 s 31, infinitetalk's 15 s 46). 0: any count (s47-s48).
 */
export const whiteFloorSetting = { minPlausible: 10 };

/**
 * The floor of a clip's white shows (iris diameters): WHITE_FLOOR_QUANTILE of the lesser eye's reading over the frames
 * where both eyes read a plausible white (finite, at most `max`: larger is lid skin up to the crease, a shut eye); 0
 * without such frames; `max` (nothing over it) with fewer than whiteFloorSetting.minPlausible.
 */
export function whiteFloor(shows: ArrayLike<readonly [number, number] | null | undefined>, max: number): number {
  const v: number[] = [];
  for (let i = 0; i < shows.length; i++) {
    const s = shows[i];
    if (s && Number.isFinite(s[0]) && Number.isFinite(s[1]) && Math.max(s[0], s[1]) <= max) v.push(Math.min(s[0], s[1]));
  }
  if (v.length > 0 && v.length < whiteFloorSetting.minPlausible) return max;
  return Math.max(0, nearestRank(v, WHITE_FLOOR_QUANTILE, 0));
}

/** The shows less the clip's floor (each eye, never under 0; unread and implausible readings kept as they are, for whiteStareLevel to reject). */
export function showsOverFloor(shows: ArrayLike<readonly [number, number] | null | undefined>, max: number): (readonly [number, number] | null | undefined)[] {
  const floor = whiteFloor(shows, max);
  return Array.from(shows, (s) => (!s || floor <= 0 ? s : (s.map((x) => (Number.isFinite(x) && x <= max ? Math.max(0, x - floor) : x)) as unknown as readonly [number, number])));
}
