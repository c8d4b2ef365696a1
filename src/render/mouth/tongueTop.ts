// The tongue's top in a wide open mouth (issue #13, critic35/36: lp_s5 <- lp_d10 f79-83 "a salmon tongue whose top is one
// level hard line", lp_s9 <- lp_d11 f165-170 "a brown box with an orange strip"). The library strip's top is made level
// (tongue.ts withLevelTop) and drawn as a contour (tongueEdge); grown wider than the opening, it met the lip corners as
// one straight line corner to corner. A real tongue is a rounded mass: its top edge arches (higher in the middle,
// falling toward the corners, the cavity's dark to either side above it), and its upper surface turns away from the
// light, so it darkens into the cavity over a band instead of stopping at a line; a shallow groove runs down its back.
// (Only the arch and the groove are drawn here: the band is the tongue's own soft top, kept.)
// Pure functions of a pixel's place: `above` px over the lower lip's inner line, `colTop` px from that line up to the
// tongue's own top in this column, `lateral` 0 middle .. 1 corner. interior.ts jawPiecesOver applies them.
import { smoothstep } from '../../math/smooth.ts';

/** the visible top falls toward the corners by this share of its height over the lower lip at lateral 1 (as lateral^2, gone by
 *  lateral .88): set by eye on lp_s5 <- lp_d10 f80-88 at 4x (at .85 the sides barely moved: the tongue is dim near its top), not
 *  fitted to a figure (bench/cavityProfile.ts `arch` does not read it) */
export const TOP_SAG = 1.3;
/** the cover comes in over this share of the column's top height down to the arched top (in the middle: down to the tongue's own
 *  top, whose soft band is kept; a fade under it took that band away and made the step from the dark to the lit tongue steeper) */
export const TOP_FADE = 0.3;
/** the groove down the back: its half width (lateral), its depth (share of the light) at the top, fading out over GROOVE_BAND
 *  of the height under the top (a darkened rim band under the top, tried, steepened the step into the dark: left off) */
const GROOVE_WIDE = 0.06, GROOVE_BACK = 0.2, GROOVE_BAND = 0.5;

/** The visible top's height over the lower lip (px) at `lateral`, for a top `colTop` px over it: an arch, not a level line. */
export function archedTop(colTop: number, lateral: number): number {
  return colTop * (1 - TOP_SAG * lateral * lateral);
}

/** How far under the arched top a pixel `above` px over the lower lip lies, as a share of `colTop` (0 at the top, < 0 over it). */
export function underArchedTop(above: number, colTop: number, lateral: number): number {
  return colTop > 0 ? (archedTop(colTop, lateral) - above) / colTop : 0;
}

/**
 * How the tongue's top shows at a pixel `above` px over the lower lip where its top stands `colTop` px over it, 0..1 each:
 * `cover` (its coverage: 0 over the fade, whole from the arched top down; 1 all down the middle column) and `light` (a groove at the
 * middle under the top). `share` 0..1 (tongueShape.ts archShare): how far the form applies.
 */
export function tongueTopAt(above: number, colTop: number, lateral: number, share: number): { cover: number; light: number } {
  if (!(share > 0) || !(colTop > 0)) return { cover: 1, light: 1 };
  const top = archedTop(colTop, lateral), under = (top - above) / colTop;
  const cover = smoothstep(-TOP_FADE, 0, under);
  const groove = 1 - GROOVE_BACK * (1 - smoothstep(0, GROOVE_BAND, under)) * Math.exp(-((lateral / GROOVE_WIDE) ** 2));
  return { cover: 1 + (cover - 1) * share, light: 1 + (groove - 1) * share };
}
