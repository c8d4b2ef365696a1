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
import { matteAt } from './matteAt.ts';

/** At most this many face widths of skin past the oval count as the face going on (a neck under the jaw goes on further). */
export const SKIN_RUN_CAP = 0.08;
/** The matte at or above this is the person (the outline's soft ramp is below). */
const SOLID = 0.5;
/** Steps along a ray (px). */
const STEP = 0.5;

/** Per oval direction, how far (px) opaque, skin-coloured photo goes on past the oval point along its ray from `centre` (at most SKIN_RUN_CAP face widths). */
export function skinRunPastOval(ovalPos: [number, number, number][], centre: [number, number], matte: GrayImage, skinLike: (x: number, y: number) => boolean, faceWidth: number): number[] {
  const limit = SKIN_RUN_CAP * faceWidth;
  const alpha = (x: number, y: number) => matteAt(matte, x, y);
  const runs = ovalPos.map(([x, y]) => {
    const len = Math.hypot(x - centre[0], y - centre[1]) || 1;
    const ux = (x - centre[0]) / len, uy = (y - centre[1]) / len;
    let d = STEP;
    while (d <= limit && alpha(x + ux * d, y + uy * d) >= SOLID && skinLike(x + ux * d, y + uy * d)) d += STEP;
    return d - STEP;
  });
  return smoothAround(runs, 1);
}

/** Background pixels in a row along a ray that end the person there (a lone soft pixel does not). */
const RIM_GAP = 2;

/**
 * Per oval direction, the width (px) of a thin rim of opaque photo between the oval point and the
 * background, or 0 where the person goes on past `cap` face widths (hair, an ear, the neck).
 * Whatever its colour, such a rim is the face's own edge: lp_s12's far cheek turns into shadow
 * (lum 40-110, the skin test's lit reference ~185) 5-12 px before the background; the sheet took that
 * shade for hair and receded to the head's equator across it, so at +25 the rim folded behind the
 * cheek and the oval's straight run of landmarks showed as the face's outline.
 */
export function rimPastOval(ovalPos: [number, number, number][], centre: [number, number], matte: GrayImage, faceWidth: number, cap = SKIN_RUN_CAP): number[] {
  const limit = cap * faceWidth;
  const alpha = (x: number, y: number) => matteAt(matte, x, y);
  return ovalPos.map(([x, y]) => {
    const len = Math.hypot(x - centre[0], y - centre[1]) || 1;
    const ux = (x - centre[0]) / len, uy = (y - centre[1]) / len;
    let last = 0, out = 0;
    for (let d = STEP; d <= limit + RIM_GAP; d += STEP) {
      if (alpha(x + ux * d, y + uy * d) < SOLID) { out += STEP; if (out >= RIM_GAP) return last; continue; }
      if (d > limit) return 0;
      last = d; out = 0;
    }
    return 0;
  });
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

/** A rim narrower than this many face widths is the outline’s own soft edge and shade (a jaw’s 2-4 px), not the face going on: kept as it was, it showed a jaw’s dark rim as a jagged lobe at +25. */
export const MIN_RIM = 0.035;

/**
 * Per landmark (1 on the face oval's points whose ray crosses a shaded rim, else 0): a rim of at least
 * MIN_RIM face widths between the oval and the background that the skin test does not take for lit skin
 * all the way. There the face mesh must end in the photo's own shading: the mirror's lit partner skin
 * up to the oval, against the rim's own dark texture on the sheet, drew the oval's straight run of
 * landmarks as the cheek's outline (lp_s12 at +25). Only down to `maxY` (the mouth corners' level): on
 * the jaw and chin the mirror's skin is kept (lp_s10's painted chin, its shaded skin past the oval, read
 * worse without it: CSIM at +25 0.871 -> 0.842).
 */
export function shadedRimAtOval(flat: Float64Array, ovalIds: readonly number[], landmarkCount: number, matte: GrayImage, skinLike: (x: number, y: number) => boolean, faceWidth: number, maxY: number): Float32Array {
  const out = new Float32Array(landmarkCount);
  const pos = ovalIds.map((i) => [flat[i * 3]!, flat[i * 3 + 1]!, flat[i * 3 + 2]!] as [number, number, number]);
  const centre: [number, number] = [pos.reduce((s, p) => s + p[0], 0) / pos.length, pos.reduce((s, p) => s + p[1], 0) / pos.length];
  const rim = rimPastOval(pos, centre, matte, faceWidth);
  const skin = skinRunPastOval(pos, centre, matte, skinLike, faceWidth);
  ovalIds.forEach((i, k) => {
    const wideShaded = pos[k]![1] <= maxY && rim[k]! >= MIN_RIM * faceWidth && skin[k]! < rim[k]! - STEP;
    if (wideShaded || darkLineRim(rim[k]!, skin[k]!)) out[i] = 1;
  });
  return out;
}

/** A rim at least this wide (px) with no lit skin in it is the outline's dark line (lp_s12's jaw: 2-4 px). */
export const DARK_LINE_RIM = 2;

/**
 * Whether the rim past an oval point is a thin dark outline: DARK_LINE_RIM px or more of opaque photo
 * before the background and none of it lit skin. The mirror's lit partner skin up to the oval drew
 * it as a pen line along the far jaw (lp_s12 at +25, below the mouth corners where the wide rule
 * does not reach); a chin whose rim starts with lit skin (lp_s10's painted chin) is not one.
 */
export function darkLineRim(rim: number, skinRun: number): boolean {
  return rim >= DARK_LINE_RIM && skinRun < STEP;
}

/** The mirror fades in over this many face widths inward from a shaded rim's oval point (one ring of the face mesh is 3-5 px there: too thin a fade drew the same line). */
export const RIM_FADE = 0.1;

/** Per face-mesh point, how much of the mirror it keeps: 0 at a shaded rim's oval point, 1 from RIM_FADE face widths inward. */
export function mirrorBesideShadedRim(flat: Float64Array, pointCount: number, shadedRim: Float32Array, faceWidth: number): Float32Array {
  const rims: [number, number][] = [];
  shadedRim.forEach((s, i) => { if (s > 0) rims.push([flat[i * 3]!, flat[i * 3 + 1]!]); });
  return Float32Array.from({ length: pointCount }, (_, v) => {
    let d = Infinity;
    for (const [x, y] of rims) d = Math.min(d, Math.hypot(flat[v * 3]! - x, flat[v * 3 + 1]! - y));
    const t = Math.min(1, d / (RIM_FADE * faceWidth));
    return t * t * (3 - 2 * t);
  });
}
