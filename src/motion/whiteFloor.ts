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
 * The floor of a clip's white shows (iris diameters): WHITE_FLOOR_QUANTILE of the lesser eye's reading over the frames
 * where both eyes read a plausible white (finite, at most `max`: larger is lid skin up to the crease, a shut eye); 0
 * without such frames.
 */
export function whiteFloor(shows: ArrayLike<readonly [number, number] | null | undefined>, max: number): number {
  const v: number[] = [];
  for (let i = 0; i < shows.length; i++) {
    const s = shows[i];
    if (s && Number.isFinite(s[0]) && Number.isFinite(s[1]) && Math.max(s[0], s[1]) <= max) v.push(Math.min(s[0], s[1]));
  }
  return Math.max(0, nearestRank(v, WHITE_FLOOR_QUANTILE, 0));
}

/** The shows less the clip's floor (each eye, never under 0; unread and implausible readings kept as they are, for whiteStareLevel to reject). */
export function showsOverFloor(shows: ArrayLike<readonly [number, number] | null | undefined>, max: number): (readonly [number, number] | null | undefined)[] {
  const floor = whiteFloor(shows, max);
  return Array.from(shows, (s) => (!s || floor <= 0 ? s : (s.map((x) => (Number.isFinite(x) && x <= max ? Math.max(0, x - floor) : x)) as unknown as readonly [number, number])));
}
