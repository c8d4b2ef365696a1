// The upper lip's shade on the upper row's top at a small opening (issue #13, pegs30, session 30).
// Real teeth at a small parting sit in the lips' shade: a soft darker lining where the upper lip
// meets them (lp_d11 f148-f154: the band just under the lip at .63-.93 of the teeth's peak, median
// .78). A library row drawn at full light up to the lip line of a thin-lipped photo (the Mona Lisa,
// lp_s9 <- lp_d11) stood on the painted skin with no lip edge: separate pegs, pasted on (.91).
import { smoothstep } from '../../math/smooth.ts';

/** the light the row's top loses right under the upper lip line at a small opening */
export const TOP_SHADE = 0.25;
/** the shade fades out over this far under the lip line (iod) */
export const TOP_SHADE_BAND = 0.025;
/** lip gaps (iod) over which the shade goes from all of it to none: a wide opening's row is lit to the lip */
export const TOP_SHADE_GAPS: readonly [number, number] = [0.18, 0.3];

/**
 * How much of the top's shade and tone a row takes at lip gap `gap` (iod) with `bodyShow` of its body
 * shown (frameLight.ts): a small opening's, and only as the row's body comes in (a smile's, not
 * speech's biting edge alone: shaded, that edge was a dim grey line where the real one is white,
 * critic17's Obama f14/f22).
 */
export function rowTopShare(gap: number, bodyShow: number): number {
  const parted = smoothstep(TOP_PARTED_GAPS[0], TOP_PARTED_GAPS[1], gap);
  return parted * (1 - smoothstep(TOP_SHADE_GAPS[0], TOP_SHADE_GAPS[1], gap)) * Math.max(0, Math.min(1, bodyShow));
}
/** lip gaps (iod) over which the shade comes in: a slit's lit edge stays white (lp_s1, a smiling photo, at jawOpen .08: test/mouthParting) */
export const TOP_PARTED_GAPS: readonly [number, number] = [0.06, 0.11];

/**
 * How far under the lip line (px) the top's shade reaches: TOP_SHADE_BAND, but no more than
 * TOP_ROW_SHARE of a row cut to `rowDepth` px (driverTeeth.ts): over all of a thin cut row's edge,
 * lp_s5 <- lp_d10 f126-f134's white edge went a dim grey.
 */
export function topBand(unit: number, rowDepth: number): number {
  return Math.min(TOP_SHADE_BAND * unit, TOP_ROW_SHARE * rowDepth);
}
/** the share of a cut row's depth the top's shade may cover */
export const TOP_ROW_SHARE = 0.35;

/** The share of its light the upper row keeps `below` output px under the upper lip line over a topBand `band` px with rowTopShare `small`. */
export function rowTopLight(below: number, band: number, small: number): number {
  if (!(small > 0) || !(band > 0)) return 1;
  return 1 - TOP_SHADE * small * (1 - smoothstep(0, band, Math.max(0, below)));
}

/** the share of the lips' lining tone (teethEdge.ts tipsToneInto) the row's top takes right under the lip line at a small opening: the lip's wet inner edge */
export const TOP_TONE = 0.35;

/** The share of the lining's tone the upper row takes `below` output px under the upper lip line with rowTopShare `small`, over the same band as rowTopLight. */
export function rowTopTone(below: number, band: number, small: number): number {
  if (!(small > 0) || !(band > 0)) return 0;
  return TOP_TONE * small * (1 - smoothstep(0, band, Math.max(0, below)));
}
