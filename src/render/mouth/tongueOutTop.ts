// A tongue out, its top and its form (issue #13, critic42 worst #1: st_happy <- lp_d6 f58-67, lp_s42 <- lp_d6 f154-178 "the
// tongue fills the opening to a thin dark line under the upper row, but its top is a flat straight line with sharp dark wedges
// in the two upper corners; evenly lit, no bulge, no lit tip"). Measured (bench/tongueOutTop.ts): the wedges are tongueTop.ts's
// arch. Its visible top falls as colTop x (1 - TOP_SAG lateral^2), colTop the tongue's own top over the lower lip in that
// column; a tongue out is grown (tongueOut.ts tongueOutDrop) so its top stands far over the opening, so the arch stays over the
// upper row in the middle (the flat line) and crosses the opening only near the corners, steeply (gone at lateral .88): a dark
// triangle each side with a hard diagonal edge. Dropping the arch alone (tried) leaves a flat pink bar to the corners.
// Here, where out: the arch is taken over the opening's own column height (at most OUT_OVER over it, not the grown tongue's)
// with a shallower fall (OUT_SAG), so the top meets the upper row in the middle and comes down round to the corners under a
// thin dark crescent; it is wider (OUT_WIDE), to the corners; and its surface turns from the light up toward its top
// (OUT_TOP_SHADE), the tip and front low in the opening lit. Pure functions; out 0 returns its inputs (frames without a tongue out
// render byte-identical). interior.ts jawPiecesOver applies them.
import { clamp01, smoothstep } from '../../math/smooth.ts';
import { TOP_SAG } from './tongueTop.ts';
import { outGroove } from './tongueOut.ts';

/** a tongue out's top stands at most this share of the opening's column height over the lower lip before its arch (1: at the upper lip line) */
const OUT_OVER = 1.08;
/** ... and its arch falls this share toward the corners (as lateral^2; tongueTop.ts TOP_SAG 1.3 for a tongue in the mouth) */
const OUT_SAG = 0.45;

/** The tongue's top over the lower lip (px) in a column `colHeight` px tall (lower to upper inner lip), for its own `colTop`, out `out`. */
export function outColTop(colTop: number, colHeight: number, out: number): number {
  if (!(out > 0) || !(colHeight > 0)) return colTop;
  return colTop + (Math.min(colTop, OUT_OVER * colHeight) - colTop) * clamp01(out);
}

/** The lateral tongueTop.ts archedTop takes for a tongue out `out`: its fall TOP_SAG x lateral^2 becomes OUT_SAG x lateral^2. */
export function outLateral(lateral: number, out: number): number {
  if (!(out > 0)) return lateral;
  return lateral * Math.sqrt(1 - (1 - OUT_SAG / TOP_SAG) * clamp01(out));
}

/** the rounded mass: up the opening (0 the lower lip .. 1 the upper) its surface turns from the light from the first share, by the
 *  last share at the top (.3 from .4, tried: st_happy f66's lit top .79 -> .68 [.80]) */
const OUT_TOP_FROM = 0.5, OUT_TOP_SHADE = 0.2;
/**
 * The light factor over a tongue out `out` (0..1) at `up` of the opening's height over the lower lip (0..1): lit over its tip
 * and front, low in the opening, turning from the light up toward its top (its sides: tongueRound.ts). (A lift round the tip,
 * tried at +.04-.12 of the light, paled lp_s42's tongue at f178 into what reads as teeth, .16 -> .30-.38 of the low middle.)
 */
export function outBulgeLight(up: number, out: number): number {
  if (!(out > 0)) return 1;
  return 1 - OUT_TOP_SHADE * smoothstep(OUT_TOP_FROM, 1, up) * clamp01(out);
}

/** a tongue out is this much wider (on tongueShape.ts archWide): pushed forward it spreads to the lip corners (lp_s42 <- lp_d6 f156:
 *  its side fell short of the opening's right corner, a dark diagonal wedge there) */
const OUT_WIDE = 0.2;

/** The tongue's width factor for a tongue out `out` (1 none). */
export function outWide(out: number): number {
  return out > 0 ? 1 + OUT_WIDE * clamp01(out) : 1;
}

/**
 * tongueTop.ts tongueTopAt's `crest` for a tongue out `out`: its cover from the shallower arch (outLateral), its groove light
 * `grooveLight` from the true lateral (outLateral widened it 1.7x) and faint, as tongueOut.ts outGroove (st_happy f66: a dark
 * line down the top .4 of the tongue where hers shows none).
 */
export function outCrest(crest: { cover: number; light: number }, grooveLight: number, out: number): { cover: number; light: number } {
  if (!(out > 0)) return crest;
  return { cover: crest.cover, light: outGroove(grooveLight, out) };
}
