// The half-shut eye under its lid (visor45). Mid-blink the passes before this one (lidShadow.ts, then the ceiling of
// slitHighlight.ts) leave the eyeball under the lid as a flat plateau: the ceiling brings every white pixel to about
// .8 of the lid skin with a soft knee, which flattens lidShadow's gradient, so a lowered lid read as a hard dark lash
// band over a flat grey strip with pale corners (lp_s7 <- eng f59/f64/f108/f112, critic44's "visor"). A real
// half-shut eye (Katie, lp_d14 at closure .5-.8) is darkest under the lash root, lighter toward the lower lid, and
// its corners sit in shade. So after those passes the eyeball's pixels in the opening (iris too: it is in the same
// shadow) take a light that rises from the lid's edge down the opening and from the corners inward.
// Only the eyeball's pixels: the painted eye on the skin below the lower lid line (paintedWhite.ts) was tried through a
// copy taken before the passes (the pixels they darkened) and dropped: grey streaks and dark blocks past the corners.
import { toEye, type EyeFrame } from './frame.ts';
import type { RasterTarget } from '../raster.ts';
import { smoothstep } from '../../math/smooth.ts';
import { isEyeball } from './eyeballDepth.ts';
import { lidLineAt, openingBox } from './lidLine.ts';

export const underLidShadeSetting = { on: true };

/** Blink completion over which the shade comes in (none on an open eye; whole by a half-shut lid). */
const SHADE_IN = [0.3, 0.6] as const;
/** Light taken just under the lid's edge; it eases to none at EDGE_REACH of the opening's height below it. */
const EDGE_DARK = 0.4, EDGE_REACH = 0.7;
/** Light taken at the corners; it eases to none CORNER_REACH eye widths in from either corner. */
const CORNER_DARK = 0.4, CORNER_REACH = 0.25;
/** How strong the shade is at blink completion c, given how much of the shut eye already shows below the lid (overlay.ts shutEyeShown). */
export function underLidShadeStrength(c: number, shown: number): number {
  return smoothstep(SHADE_IN[0], SHADE_IN[1], c) * (1 - shown);
}

/**
 * The share of light an eyeball pixel keeps at depth t (0 = the upper lid's edge, 1 = the lower lid; share of the
 * opening there) and u (0..1 corner to corner) at strength s.
 */
export function underLidLight(t: number, u: number, s: number): number {
  const edge = EDGE_DARK * (1 - smoothstep(0, EDGE_REACH, t));
  const corner = CORNER_DARK * (1 - smoothstep(0, CORNER_REACH, Math.min(u, 1 - u)));
  return 1 - s * (1 - (1 - edge) * (1 - corner));
}

/** Shades, in place, the eyeball's pixels between the lid lines as rendered (eye frame f, u ascending) at strength s. */
export function shadeUnderLid(t: RasterTarget, f: EyeFrame, upper: { u: number[]; v: number[] }, lower: { u: number[]; v: number[] }, s: number, bounds: Float32Array): void {
  if (s <= 0 || !underLidShadeSetting.on) return;
  const [x0, x1, y0, y1] = openingBox(f, upper, lower, t.width, t.height, 1);
  const color = t.color, depth = t.depth, W = t.width;
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
    const i = y * W + x, iz = depth[i]!;
    if (iz <= 0) continue;
    const [u, v] = toEye(f, x + 0.5, y + 0.5);
    if (u < -0.05 || u > 1.05 || !isEyeball(iz, u, bounds)) continue;
    const uc = Math.max(0, Math.min(1, u)), vu = lidLineAt(upper.u, upper.v, uc), gap = Math.max(1e-4, lidLineAt(lower.u, lower.v, uc) - vu);
    const light = underLidLight(Math.max(0, Math.min(1, (v - vu) / gap)), uc, s);
    if (light >= 1) continue;
    const p = color[i]!;
    const r = (p & 255) * light, g = ((p >>> 8) & 255) * light, b = ((p >>> 16) & 255) * light;
    color[i] = ((p & 0xff000000) | (Math.round(b) << 16) | (Math.round(g) << 8) | Math.round(r)) >>> 0;
  }
}
