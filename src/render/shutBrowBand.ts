// The raised brow's uncovered band (brows.ts UnderBrowSkin) over a SHUT lid.
// s48 browband48: a driver's blink under raised brows (mt_man <- pcavs681 f115-118, f137-142, after winkbrow48 kept the
// brows up through blinks) drew the band in the forehead's lit skin (L* 62, a* 6) right above the painted shut lid
// (L* 51, a* 13): a pale, greyer strip over a warm grey-brown dome, "bruised sockets" at 1x. Over a shut lid the skin
// under the brow is the lid's own skin running up into the socket (the open lid's fold is gone), so by how shut the
// lid is the band takes the photo's lid skin's colour (the median of the pass's per-column sample above the crease:
// warmer than the forehead) at a lightness `reach` of the way from the forehead's to the lid sample's (which holds the crease's shade:
// all the way, mt_man's band read as a dark socket, L* 39 against the lid's 51).

import { luminance } from '../math/colour.ts';
import { nearestRank } from '../math/stats.ts';
import { bandLumaRatio } from './underBrowShade.ts';

/** on: the band over a shut lid turns toward lid skin; off: the forehead-toned band whatever the lid (as before s48). */
export const shutBrowBandSetting = { on: true, reach: 0.5 };

/** The target is pulled fully once it is this share of its luminance lighter than the lid skin. */
const GATE = 0.15;

/**
 * The band's skin target over a lid `shut` closed (0..1), per texel (RGB triples): the lid tone's chromaticity by
 * `shut`, at the luminance moved from the target's toward the lid tone's by shut x reach. Into `out` (a new array
 * by default; the built target stays for open lids). `shut` comes scaled by the side's lightenedShare. `to`: the
 * lid's lidChroma, which brows.ts reads once per side (a sort of the lid's texels: s50 speed50, ~3-5 % of a
 * blinking video frame's CPU when it was read each frame).
 */
export function shutBandTarget(target: Float32Array, lid: Float32Array, shut: number, to: readonly number[] = lidChroma(lid), out: Float32Array = new Float32Array(target.length)): Float32Array {
  const s0 = Math.max(0, Math.min(1, shut));
  for (let q = 0; q < target.length; q += 3) {
    const lt = luminance(target[q]!, target[q + 1]!, target[q + 2]!), ll = luminance(lid[q]!, lid[q + 1]!, lid[q + 2]!);
    // only a target lighter than the lid skin (the forehead's lit skin) is pulled: where it is the lid's skin already
    // (a fringe: the pass takes the lid sample for the forehead) the band is left as it was (lp_s1: pulled, redder and darker)
    const s = s0 * Math.max(0, Math.min(1, (lt - ll) / Math.max(1, GATE * lt))), m = s * shutBrowBandSetting.reach;
    const l = lt + m * (ll - lt);
    for (let ch = 0; ch < 3; ch++) {
      const own = target[q + ch]! / Math.max(1, lt);
      out[q + ch] = l * (own + s * (to[ch]! - own));
    }
  }
  return out;
}

/**
 * The lid skin's colour (RGB over luma): the median over the side's texels, not per column (a column's sample in a
 * shaded corner is saturated: per column, lp_s1's inner end turned a red blob).
 */
export function lidChroma(lid: Float32Array): [number, number, number] {
  const ch: [number[], number[], number[]] = [[], [], []];
  for (let q = 0; q < lid.length; q += 3) {
    const l = luminance(lid[q]!, lid[q + 1]!, lid[q + 2]!);
    if (l > 12) for (let c = 0; c < 3; c++) ch[c]!.push(lid[q + c]! / l);
  }
  const med = (a: number[]) => nearestRank(a, 0.5, 1);
  return [med(ch[0]), med(ch[1]), med(ch[2])];
}

/**
 * How much the pass lightens this side's band, 0..1: from the median photo luma of the band (t .2-.8) over its target's
 * (the socket ratio underBrowShade.ts reads): 1 at a ratio of .9 or less, 0 at 1. A band the photo shows as light as
 * the skin it turns into (a lit lid, lp_s1's fringe: ratio .99-1.18) is drawn no paler than the photo, so there is no
 * pale strip over the shut lid to take out; pulling it to the crease's sample there drew a pink patch (lp_s1).
 */
export function lightenedShare(photo: Uint8ClampedArray, target: Float32Array, t: Float32Array): number {
  const ratio = bandLumaRatio(photo, target, t);
  if (ratio === null) return 0;
  return Math.max(0, Math.min(1, (1 - ratio) / LIGHTENED));
}
/** The socket ratio's distance below 1 at which the band counts as fully lightened by the pass. */
const LIGHTENED = 0.1;
