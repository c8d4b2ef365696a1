// The bent upper row's tips no lower at the sides than the centrals' (s44 arc44, issue #13: critic43 #4, lp_s12's
// "bright arc"). rowBend.ts moves the row down with the upper lip's inner line; on a wide lens opening that line falls
// toward the corners and the side tips went down with it, further than sideShortening took back: the incisal edge an
// arch (bench/rowRim.ts tip bend, lp_s12 + eng f21/71/91 -.022, f21 -.048) where every real row measured is a smile
// line, its centrals longest (lp_d10 .025, mt_sun .037, never under 0). Here a column's row is sampled just fast
// enough down from its lip line that its tips come no lower than the centrals' (the bend itself, the row's top
// under the lip to the corners, is kept).

/** share of the levelling taken (0: the side tips as rowBend.ts alone leaves them) */
export const TIP_LEVEL = 1;
/** the most a column is sampled faster (where the lip line hangs about as low as the centrals' tips, the side teeth a sliver) */
export const TIP_SHORT_MOST = 2;

/**
 * How much faster the upper row is sampled down from the lip line at a column so that its tips hang no lower than
 * the centrals': `short` as rowBend.ts sideShortening gave it, `bendPx` the row moved down here, `fallPx` the lip
 * line here under its height at the middle, `reachPx` the centrals' tips under the lip line at the middle. A tip at
 * library depth T lands at (Yc + bend + rowTop (s - 1)) / s, with Yc the centrals' tips: no lower than Yc needs
 * s >= 1 + bend / (reach - fall).
 */
export function levelTipsShortening(short: number, bendPx: number, fallPx: number, reachPx: number): number {
  if (!(TIP_LEVEL > 0) || !(bendPx > 0) || !(reachPx > 0)) return short;
  const room = reachPx - fallPx;
  const need = room > 0.5 ? Math.min(TIP_SHORT_MOST, 1 + bendPx / room) : TIP_SHORT_MOST;
  return Math.max(short, 1 + TIP_LEVEL * (need - 1));
}
