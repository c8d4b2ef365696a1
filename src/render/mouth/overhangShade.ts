// The upper row in the shade of a dark overhang (issue #13, oldteeth59, session 59; critic58 #3: lp_s12 <- noem f30/f143,
// <- lp_d14 f22/f32, "a bright, even, crisp white tooth row under the black moustache, the whitest and sharpest thing in the
// picture"). A moustache (or a thick dark upper lip) hangs over the upper row: on real talking men it shades the row's
// top (bench/overhangShade.ts `under`, the opening's light .02-.06 iod under the lip line over the cheeks': talkers with
// dark hair or lip over the row .15 and .49), where the library row was drawn at the face's teeth light right up to the
// hair (lp_s12 .83-.99, over every real frame measured: a white strip against black). The cue is read from
// the photo's own pixels over its upper lip (their light over the cheeks'), never per portrait: a shaven lip reads
// about as light as the cheeks and takes none of it.
import type { Avatar } from '../../avatar/types.ts';
import { smoothstep } from '../../math/smooth.ts';
import { luminance as lum } from '../../math/colour.ts';
import { nearestRank } from '../../math/stats.ts';
import { LIPS_INNER_UPPER, LIPS_OUTER_UPPER } from '../../rig/topology.ts';

/** on: the upper row takes the overhang's shade (off: no photo reading, every render as before) */
export const overhangShadeSetting = { on: true };

/** how far (iod) over the outer upper lip line the overhang is read: a moustache's body, or the skin over a shaven lip (and the upper lip itself) */
export const OVER_REACH = 0.05;
/** the overhang's light over the cheeks' from which the cue comes in (a shaven lip .8-1) to where it is all of it (a black moustache, lp_s12 .2) */
export const OVER_DARK: readonly [number, number] = [0.6, 0.3];
/** the light the row's top loses right under the lip line under a wholly dark overhang */
export const OVER_SHADE = 0.6;
/** the shade is whole down to the first and fades out by the second (iod under the lip line): the moustache's reach over the row */
export const OVER_BAND: readonly [number, number] = [0.02, 0.09];

/** the polyline of landmarks `ids` in the photo (texture px): its y at column x, NaN outside it */
function lineAt(uv: ArrayLike<number>, ids: readonly number[], x: number): number {
  for (let i = 0; i + 1 < ids.length; i++) {
    const ax = uv[ids[i]! * 2]!, ay = uv[ids[i]! * 2 + 1]!, bx = uv[ids[i + 1]! * 2]!, by = uv[ids[i + 1]! * 2 + 1]!;
    if ((x - ax) * (x - bx) <= 0 && ax !== bx) return ay + ((x - ax) / (bx - ax)) * (by - ay);
  }
  return NaN;
}

/**
 * The photo's overhang, over its cheeks' luma `cheekLuma`: the lighter of two medians in the mouth's central half (the
 * corners' folds and a moustache's thinning ends kept out) — its pixels up to OVER_REACH iod over the outer upper lip
 * line, and its upper lip (outer to inner line). Both dark only where hair hangs over the lip and hides it (lp_s12 .22
 * and .21); a trimmed moustache over a lit red lip (pcavs731200067: .32, lip .65) or a dark lipstick under light skin
 * reads light, and the row under it is not shaded. NaN without a cheek light.
 */
export function overhangOf(avatar: Avatar, cheekLuma: number): number {
  if (!(cheekLuma > 0)) return NaN;
  const tex = avatar.texture, uv = avatar.uv, reach = OVER_REACH * avatar.head.iod;
  const ends = [uv[61 * 2]!, uv[291 * 2]!], xl = Math.min(...ends), xr = Math.max(...ends);
  const above: number[] = [], lip: number[] = [];
  const at = (x: number, y: number) => { const o = (y * tex.width + x) * 4; return lum(tex.data[o]!, tex.data[o + 1]!, tex.data[o + 2]!); };
  for (let x = Math.ceil(xl + 0.25 * (xr - xl)); x <= xr - 0.25 * (xr - xl); x++) {
    const yo = lineAt(uv, LIPS_OUTER_UPPER, x), yi = lineAt(uv, LIPS_INNER_UPPER, x);
    if (!(yo === yo) || !(yi === yi) || x < 0 || x >= tex.width) continue;
    for (let y = Math.max(0, Math.floor(yo - reach)); y < Math.min(tex.height, yo); y++) above.push(at(x, y));
    for (let y = Math.max(0, Math.ceil(yo)); y < Math.min(tex.height, yi); y++) lip.push(at(x, y));
  }
  return Math.max(nearestRank(above, 0.5, NaN), nearestRank(lip, 0.5, NaN)) / cheekLuma;
}

/** How much of the overhang's shade a photo whose overhang reads `over` (overhangOf) takes, 0..1 (0 off or unread). */
export function overhangShare(over: number): number {
  if (!overhangShadeSetting.on || !(over === over)) return 0;
  return smoothstep(OVER_DARK[0], OVER_DARK[1], over);
}

/** The share of its light the upper row keeps `below` output px under the upper lip line (`unit` px per iod) under an overhang of share `share`. */
export function overhangLight(below: number, unit: number, share: number): number {
  if (!(share > 0) || !(unit > 0)) return 1;
  return 1 - OVER_SHADE * share * (1 - smoothstep(OVER_BAND[0] * unit, OVER_BAND[1] * unit, below));
}
