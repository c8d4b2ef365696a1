// The white behind a moved iris in the colour of the white the photo shows (wide36). The fill (scleraBehind.ts)
// is built from each row's white right beside the iris and, toward the edges and under the lid, a membrane
// that takes the lid margin, lashes and limbus in: on lp_s42's image-left eye it was bluer and less red than
// the eye's visible white (R-G, B-G at luminance 200: 29,3 against 35,-3; bench/scleraFill.ts), which under a
// raised lid read as a grey-violet wedge behind the iris (lid35, critic35). Here each fill pixel keeps its own
// luminance (the lid's shadow, the photo's grain) and takes the visible white's colour.
import { distanceToOutline, insidePolygon } from '../math/polygon.ts';
import { whiteness } from './mouth/eyeWhite.ts';
import { luma601 } from '../math/colour.ts';
import type { TextureSource } from './textureSample.ts';

/** The visible white: the opening's pixels this far (px) inside its outline and outside the disc. */
const INSET = 1.5;
/** ... the whiter half of them (by whiteness: lashes, limbus and the pink corner out). */
const WHITER_SHARE = 0.5;
/** Fewer visible white pixels than this: no colour (the fill stays as it is). */
const MIN_PIXELS = 4;

/** The mean colour (RGB) of the opening's (poly) visible white outside the disc (cx, cy, radius), or null when it shows too little. */
export function visibleWhiteColour(tex: TextureSource, poly: [number, number][], disc: { cx: number; cy: number; radius: number }): number[] | null {
  const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
  const px: { c: number; w: number }[] = [];
  for (let y = Math.max(0, Math.floor(Math.min(...ys))); y <= Math.min(tex.height - 1, Math.ceil(Math.max(...ys))); y++) {
    for (let x = Math.max(0, Math.floor(Math.min(...xs))); x <= Math.min(tex.width - 1, Math.ceil(Math.max(...xs))); x++) {
      if (Math.hypot(x + 0.5 - disc.cx, y + 0.5 - disc.cy) < disc.radius) continue;
      if (!insidePolygon(x + 0.5, y + 0.5, poly) || distanceToOutline(x + 0.5, y + 0.5, poly) < INSET) continue;
      const c = tex.data32[y * tex.width + x]!;
      px.push({ c, w: whiteness([c & 255, (c >>> 8) & 255, (c >>> 16) & 255]) });
    }
  }
  if (px.length < 2 * MIN_PIXELS) return null;
  const take = px.sort((a, b) => b.w - a.w).slice(0, Math.round(WHITER_SHARE * px.length));
  return [0, 8, 16].map((sh) => take.reduce((t, { c }) => t + ((c >>> sh) & 255), 0) / take.length);
}

/**
 * `rgb` (in place, 0-255, at least 3 entries) moved by `share` (0..1) toward the colour `white` (RGB) at rgb's
 * own luminance; a white without luminance leaves it as it is.
 */
export function toWhiteColour(rgb: Float64Array | number[], white: readonly number[], share: number): void {
  const lw = luma601(white);
  if (share <= 0 || lw <= 0) return;
  const k = luma601(rgb) / lw;
  for (let ch = 0; ch < 3; ch++) rgb[ch] = Math.min(255, Math.max(0, rgb[ch]! + share * (k * white[ch]! - rgb[ch]!)));
}
