// The upper lip's shade on the upper row's top at a small opening (issue #13, pegs30, session 30).
// Real teeth at a small parting sit in the lips' shade: a soft darker lining where the upper lip
// meets them (lp_d11 f148-f154: the band just under the lip at .63-.93 of the teeth's peak, median
// .78). A library row drawn at full light up to the lip line of a thin-lipped photo (the Mona Lisa,
// lp_s9 <- lp_d11) stood on the painted skin with no lip edge: separate pegs, pasted on (.91).
import { smoothstep } from '../../math/smooth.ts';

/** the light the row's top loses right under the upper lip line at a small opening */
export const TOP_SHADE = 0.45;
/** the shade fades out over this far under the lip line (iod) */
export const TOP_SHADE_BAND = 0.04;
/** lip gaps (iod) over which the shade goes from all of it to none: a wide opening's row is lit to the lip */
export const TOP_SHADE_GAPS: readonly [number, number] = [0.18, 0.3];

/** The share of its light the upper row keeps `below` output px under the upper lip line (`unit` px per iod) at lip gap `gap` (iod). */
export function rowTopLight(below: number, unit: number, gap: number): number {
  const small = 1 - smoothstep(TOP_SHADE_GAPS[0], TOP_SHADE_GAPS[1], gap);
  if (!(small > 0)) return 1;
  return 1 - TOP_SHADE * small * (1 - smoothstep(0, TOP_SHADE_BAND * unit, Math.max(0, below)));
}
