// The shut lid's form on top of the library's shading: a shut lid is a convex surface over the
// eyeball (lighter over its bulge, falling off toward the crease and the lash line), and its lash
// line is a soft tuft, thickest in the middle and thinning, lighter, toward both corners. Without
// these the lid read as "flat skin with a drawn arc" (outside critic, sessions 10-12).
import { PATCH_W, PATCH_H } from './frame.ts';
import { cellU, cellV, cellRow, clamp01 } from './grid.ts';
import { creaseAt, shutAt, type EyeGeometry } from './lids.ts';
import type { ColourField } from './skinFill.ts';
import { smoothstep } from '../../math/smooth.ts';

/**
 * The bulge's light: the lid's luminance raised by up to BULGE_GAIN where the eyeball's top lies,
 * BULGE_AT of the way from the crease down to the shut line; BULGE_WIDTH (same share) wide.
 */
const BULGE_GAIN = 0.13, BULGE_AT = 0.45, BULGE_WIDTH = 0.32;
/**
 * The lash line toward the corners: within CORNER (u) of a corner its darkness against the lid's skin
 * goes down to CORNER_KEEP at the corner itself. The middle (the face mesh's lid points lie at u
 * 0.25-0.67) keeps its full line: a lighter line there read as an open eye (eyes12, eyes13).
 */
const CORNER = 0.22, CORNER_KEEP = 0.45;
/** The band (eye widths above / below the shut line) the lash line's taper acts on. */
const LASH_ABOVE = 0.06, LASH_BELOW = 0.04;
/** The taper's share on the line's darkest row, and how far (eye widths) off it the taper is whole. */
const CORE_LIGHTEN = 0.3, LASH_HALF = 0.025;

/** How much lighter the bulge makes the lid at share t (0 crease .. 1 shut line) and u (0 outer .. 1 inner corner). */
export function bulgeGain(t: number, u: number): number {
  if (t <= 0 || t >= 1 || u <= 0 || u >= 1) return 0;
  const across = Math.exp(-(((t - BULGE_AT) / BULGE_WIDTH) ** 2)) * Math.sin(Math.PI * t);
  // the eyeball is round along the eye too: the bulge fades toward both corners
  const along = Math.sin(Math.PI * u) ** 0.7;
  return BULGE_GAIN * across * along;
}

/** The share of the lash line's darkness kept at u: all of it in the middle, CORNER_KEEP at the corners. */
export function lashKeep(u: number): number {
  const fromCorner = Math.min(clamp01(u), 1 - clamp01(u));
  return CORNER_KEEP + (1 - CORNER_KEEP) * smoothstep(0, CORNER, fromCorner);
}

/** Lights the lid over the eyeball's bulge (bulgeGain), in place. */
export function shadeBulge(rgb: Float32Array, g: EyeGeometry): void {
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    if (u <= 0 || u >= 1) continue;
    const crease = creaseAt(g, u), shut = shutAt(g, u);
    if (shut - crease < 1e-3) continue;
    for (let r = 0; r < PATCH_H; r++) {
      const gain = bulgeGain((cellV(r) - crease) / (shut - crease), u);
      if (gain <= 0) continue;
      const k = (r * PATCH_W + c) * 3;
      for (let ch = 0; ch < 3; ch++) rgb[k + ch] = Math.min(255, rgb[k + ch]! * (1 + gain));
    }
  }
}

/**
 * Tapers the lash line toward the corners (lashKeep) by thinning it more than lightening it: near the
 * shut line, where the lid is darker than the skin under it (ref), that darkness is scaled down, least
 * on the line's darkest row (CORE_LIGHTEN of the taper) and fully from LASH_HALF off it. Lightened
 * outright, the corners read as the open eye's corners to the face mesh (lp_s1 0.18 -> 0.27).
 */
export function taperLashLine(rgb: Float32Array, g: EyeGeometry, ref: ColourField): void {
  const s = [0, 0, 0];
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    const keep = lashKeep(u);
    if (keep >= 1) continue;
    const shut = shutAt(g, clamp01(u));
    const r0 = Math.max(0, Math.ceil(cellRow(shut - LASH_ABOVE))), r1 = Math.min(PATCH_H - 1, Math.floor(cellRow(shut + LASH_BELOW)));
    let core = r0;
    for (let r = r0; r <= r1; r++) if (lumAt(rgb, r * PATCH_W + c) < lumAt(rgb, core * PATCH_W + c)) core = r;
    for (let r = r0; r <= r1; r++) {
      const off = Math.min(1, Math.abs(cellV(r) - cellV(core)) / LASH_HALF);
      const lighten = (1 - keep) * (CORE_LIGHTEN + (1 - CORE_LIGHTEN) * off);
      ref(u, cellV(r), s);
      const k = (r * PATCH_W + c) * 3;
      for (let ch = 0; ch < 3; ch++) {
        const dark = s[ch]! - rgb[k + ch]!;
        if (dark > 0) rgb[k + ch] = s[ch]! - (1 - lighten) * dark;
      }
    }
  }
}

const lumAt = (rgb: Float32Array, k: number): number => rgb[k * 3]! + rgb[k * 3 + 1]! + rgb[k * 3 + 2]!;
