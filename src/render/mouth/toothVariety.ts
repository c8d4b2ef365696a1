// Teeth that differ from their neighbours (issue #13, teeth33: critic32's "regular picket of even, equally
// lit teeth" on mt_man + mt_sun, lp_s1 + japanese). Measured along the upper half of the opening
// (bench/rowStructure.ts, pooled over five frames, sd over mean): mt_sun's real row f78-216 has tooth peaks
// spread .088, widths between gaps .31, gap depths .48; mt_man's library row .055, .19, .22. The picket is
// the sameness: each line between teeth as dark as the next, each tooth as wide and as lit. Real neighbours
// overlap unevenly (one line a crack, the next barely there), rotate a little (one face catches the light,
// the next turns from it) and differ in width side to side. toothRelief.ts draws the relief; this is how
// uneven its teeth are.

/**
 * Each boundary's line is this much further from the mean than session 17's GAP_SEEN_* (toothRelief.ts:
 * .75-1.25 as seen per side): its darkness 1 + GAP_CONTRAST x (seen - 1), never under GAP_SEEN_MIN.
 */
const GAP_CONTRAST = 2.5;
const GAP_SEEN_MIN = 0.6;
/** per tooth out from the midline (central, lateral, canine, premolars, molar), its width's share on the image-left and image-right sides (the centrals as drawn: the midline stays) */
const WIDTH_LEFT = [1, 0.9, 1.1, 0.92, 1.06, 1];
const WIDTH_RIGHT = [1, 1.08, 0.92, 1.07, 0.94, 1];
/** per tooth out from the midline, its light on each side: one face turned to the light, the next from it */
const LIGHT_LEFT = [1, 1, 1.03, 0.96, 1.02, 0.97];
const LIGHT_RIGHT = [1, 0.98, 0.95, 1.03, 0.97, 1];

/** How dark a boundary's line is drawn from its session-17 `seen` share: the unevenness widened about 1. */
export function unevenSeen(seen: number): number {
  return Math.max(GAP_SEEN_MIN, 1 + GAP_CONTRAST * (seen - 1));
}

/** The row's tooth widths (iod, out from the midline) on the image-left (`left`) or image-right side. */
export function sideWidths(widths: number[], left: boolean): number[] {
  const k = left ? WIDTH_LEFT : WIDTH_RIGHT;
  return widths.map((w, i) => w * (k[i] ?? 1));
}

/** The light of the tooth `index` out from the midline on the image-left (`left`) or image-right side. */
export function toothLight(index: number, left: boolean): number {
  const k = left ? LIGHT_LEFT : LIGHT_RIGHT;
  return k[Math.min(index, k.length - 1)]!;
}

/**
 * (s39 row39) How rounded a tooth's side is toward a boundary whose line is `seen` (unevenSeen) as dark:
 * two faces that overlap into a faint line meet nearly flat, a crack between two teeth shows both turning
 * away. Every side rounded alike drew lp_s2's speech row (a grainy photo, rowLook.ts's textured look) as
 * evenly spaced blocks between dark slots, a picket: its gaps .15 of the centre's luma deep, 84 % of them
 * deeper than .1, where real rows at speech openings (mt_sun, lp_d10, lp_d6) dip .07-.10, 13-42 % deeper
 * than .1 (bench/rowStructure.ts). Squared: the unevenness of the lines, stronger; at most SIDE_ROUND_MAX (the darkest
 * line's teeth, a canine, squared to 2.6 read as a dark slot of their own).
 */
export function sideRounding(seen: number): number {
  return Math.min(SIDE_ROUND_MAX, Math.max(SIDE_ROUND_MIN, seen * seen));
}
const SIDE_ROUND_MAX = 1.5;
/** and at least this: under it the right central/lateral line (seen .6) fell out of test/mouthTeeth's "a dark line between each pair of front teeth" */
const SIDE_ROUND_MIN = 0.6;
