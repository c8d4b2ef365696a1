// Skin past the face oval (issue #15, session 19): where the photo's landmark oval lies inside the
// painted or photographed face (lp_s10's chin and far cheek: 5-8 px inside the matte's edge; lp_s12's
// far cheek), the head sheet's first rings carry the face's last pixels of skin. headSheet.ts let the
// skull's ellipse end at the oval there (its silhouette 1 px out) and the sheet stepped back to the
// head's equator within that pixel: a wall, and the chin's last pixels a band 20-30 px behind the
// face. A turn toward that side showed the wall face-on and swung the band away from the chin: a torn
// pale lobe past a dark crack (lp_s10 at +25). Over the skin the sheet is the face going on to its
// outline, receding no more than a round edge of that width does.
import type { GrayImage } from '../types.ts';
import { smoothAround } from '../math/smooth.ts';

/** At most this many face widths of skin past the oval count as the face going on (a neck under the jaw goes on further). */
export const SKIN_RUN_CAP = 0.08;
/** The matte at or above this is the person (the outline's soft ramp is below). */
const SOLID = 0.5;
/** Steps along a ray (px). */
const STEP = 0.5;

/** Per oval direction, how far (px) opaque, skin-coloured photo goes on past the oval point along its ray from `centre` (at most SKIN_RUN_CAP face widths). */
export function skinRunPastOval(ovalPos: [number, number, number][], centre: [number, number], matte: GrayImage, skinLike: (x: number, y: number) => boolean, faceWidth: number): number[] {
  const size = matte.width, limit = SKIN_RUN_CAP * faceWidth;
  const alpha = (x: number, y: number) => matte.data[Math.min(size - 1, Math.max(0, Math.round(y))) * size + Math.min(size - 1, Math.max(0, Math.round(x)))]!;
  const runs = ovalPos.map(([x, y]) => {
    const len = Math.hypot(x - centre[0], y - centre[1]) || 1;
    const ux = (x - centre[0]) / len, uy = (y - centre[1]) / len;
    let d = STEP;
    while (d <= limit && alpha(x + ux * d, y + uy * d) >= SOLID && skinLike(x + ux * d, y + uy * d)) d += STEP;
    return d - STEP;
  });
  return smoothAround(runs, 1);
}

/**
 * How far behind the oval's depth the face's continuation over a skin run of `run` px reaches at the
 * outline: a round edge recedes about its own width (a quarter circle), at most to the head's equator.
 */
export const SKIN_EDGE_RECESSION = 1;

/**
 * The sheet's depth at distance d along a ray whose skin goes on `run` px past the oval (oz: the oval's
 * depth, ze: the head's equator there): a round profile to the outline, SKIN_EDGE_RECESSION x run behind;
 * past the skin, the sheet as it was past the skull's outline (the equator, then back at `slope` per px
 * to at most `cap` behind it): kept nearer, the outline's soft ramp there drew a pale sliver detached
 * below lp_s10's chin at +25.
 */
export function depthOverSkinRun(d: number, run: number, oz: number, ze: number, slope: number, cap: number): number {
  const front = Math.min(oz, ze);
  const edge = Math.min(ze, front + SKIN_EDGE_RECESSION * run);
  if (d < run) return edge - (edge - front) * Math.cos((d / run) * Math.PI / 2);
  return ze + Math.min(cap, slope * (d - run));
}
