// The tongue's top in a wide open mouth (issue #13, critic35/36: lp_s5 <- lp_d10 f79-83 "a salmon tongue whose top is one
// level hard line", lp_s9 <- lp_d11 f165-170 "a brown box with an orange strip"). The library strip's top is made level
// (tongue.ts withLevelTop) and drawn as a contour (tongueEdge); grown wider than the opening, it met the lip corners as
// one straight line corner to corner. A real tongue is a rounded mass: its top edge arches (higher in the middle,
// falling toward the corners, the cavity's dark to either side above it), and its upper surface turns away from the
// light, so it darkens into the cavity over a band instead of stopping at a line; a shallow groove runs down its back.
// Pure functions of a pixel's place: `above` px over the lower lip's inner line, `colTop` px from that line up to the
// tongue's own top in this column, `lateral` 0 middle .. 1 corner. interior.ts jawPiecesOver applies them.
import { smoothstep } from '../../math/smooth.ts';

/** the visible top falls toward the corners by this share of its height over the lower lip at lateral 1 (as lateral^2):
 *  real arched tongues (lp_d10 f80-83, lp_d11 f165) stand at the sides .55-.8 of their middle's height at .5-.7 of the half width */
export const TOP_SAG = 0.85;
/** the cover comes in over this share of the visible height under the (arched) top: a soft rounded edge, not a contour */
export const TOP_FADE = 0.15;
/** the upper surface's light rises from RIM_LIGHT at the top to full over RIM_BAND of the visible height (turned from the light) */
export const RIM_BAND = 0.5, RIM_LIGHT = 0.5;
/** the groove down the back: its half width (lateral), its depth (share of the light) at the top, fading out over RIM_BAND */
const GROOVE_WIDE = 0.06, GROOVE_BACK = 0.2;

/** The visible top's height over the lower lip (px) at `lateral`, for a top `colTop` px over it: an arch, not a level line. */
export function archedTop(colTop: number, lateral: number): number {
  return colTop * (1 - TOP_SAG * lateral * lateral);
}

/**
 * How the tongue's top shows at a pixel `above` px over the lower lip where its top stands `colTop` px over it, 0..1 each:
 * `cover` (its coverage: 0 over the arched top, whole TOP_FADE under it) and `light` (its light: RIM_LIGHT at the top,
 * a groove at the middle, full from RIM_BAND down). `share` 0..1 (tongueShape.ts archShare): how far the form applies.
 */
export function tongueTopAt(above: number, colTop: number, lateral: number, share: number): { cover: number; light: number } {
  const top = archedTop(colTop, lateral);
  if (!(share > 0) || !(top > 0)) return { cover: 1, light: 1 };
  const under = (top - above) / top;
  const rim = 1 - smoothstep(0, RIM_BAND, under);
  const light = (1 - (1 - RIM_LIGHT) * rim) * (1 - GROOVE_BACK * rim * Math.exp(-((lateral / GROOVE_WIDE) ** 2)));
  const cover = smoothstep(0, TOP_FADE, under);
  return { cover: 1 + (cover - 1) * share, light: 1 + (light - 1) * share };
}
