// The shut lid's lash line as real shut eyes show it: a thick, dark, warm band along the closed lid's
// edge, sharp at its top (the lid's edge) and fringed below (the lashes lying on the lower lid), thinner
// toward both corners. Ours was a thin grey pencil line: on 16 eyes (bench/shutLashLine.ts, blink 1)
// .47 of the lid skin's light, 4.2 % of the eyes' distance wide and no warmer than the skin (red share
// +.000), where 12 real shut eyes of the driver and train clips read .33, 9.5 % and +.07 (shutlash41).
// The library's line is one eye's soft line scaled by a contrast power (shading.ts), so neither its
// width nor its hue can follow; this band is drawn over it at the bake, before the softening to the
// photo's pixel, each cell taken toward the skin in shadow (shadowHue.ts shadowColour: the skin's albedo
// to a power, warm and saturated, grey on a grey photo) at the band's darkness, never lighter than it was.
import { PATCH_W, PATCH_H } from './frame.ts';
import { cellU, cellV, cellRow, clamp01 } from './grid.ts';
import { shutAt, type EyeGeometry } from './lids.ts';
import type { ColourField } from './skinFill.ts';
import { shadowColour } from './shadowHue.ts';
import { luminance as lum } from '../../math/colour.ts';
import { smoothstep } from '../../math/smooth.ts';
import { mulberry32 } from '../../math/random.ts';

/** On by default; benches turn it off with `--lash-band-off` (read when a renderer bakes its shut eyes). */
export const LASH_BAND_DEFAULT = true;
export const lashBandSetting = { on: LASH_BAND_DEFAULT };

/**
 * The band's profile across the shut line (eye widths, + toward the cheek): a Gaussian edge ABOVE over
 * the line (sharp: the lid's edge), a CORE at full weight from the line down, then the lashes' fringe,
 * a Gaussian of FRINGE, its length per column FRINGE_VARY about 1 (seeded, smoothed over a few
 * columns: clumps of lashes, not a comb).
 */
const ABOVE = 0.015, CORE_UP = 0.01, CORE = 0.035, FRINGE = 0.04, FRINGE_VARY = 0.35, FRINGE_SEED = 0x1a5e;
/** The share of the warm shadow colour (shadowColour) in the band's colour, the rest the skin scaled grey: all of it was a red, cut-like line on pale skin. */
const WARM = 0.45;
/** The band's darkness at full weight, as a share of the skin's light: the person's own lash line within these bounds. */
const DARK_MIN = 0.3, DARK_MAX = 0.45;
/** Toward the corners (u from a corner): the band's weight down to CORNER_KEEP and its width to CORNER_WIDTH at the corner, over CORNER (a lens, thickest in the middle). */
const CORNER = 0.4, CORNER_KEEP = 0, CORNER_WIDTH = 0.3;

/** The band's darkness (share of the skin's light) for a photo whose own lash line is lashDark dark. */
export const bandDarkness = (lashDark: number): number => Math.min(DARK_MAX, Math.max(DARK_MIN, lashDark));

/** The band's weight at d (eye widths below the shut line; negative above), for a fringe of this length (eye widths). */
export function bandWeight(d: number, fringe: number, width = 1): number {
  if (d < -CORE_UP * width) return Math.exp(-(((d + CORE_UP * width) / (ABOVE * width)) ** 2));
  if (d <= CORE * width) return 1;
  return Math.exp(-(((d - CORE * width) / Math.max(1e-4, fringe * width)) ** 2));
}

/** Along the eye (u 0 outer .. 1 inner corner): the band's weight and width shares, 1 in the middle. */
export function bandAlong(u: number): { keep: number; width: number } {
  const t = smoothstep(0, CORNER, Math.min(u, 1 - u));
  // the weight falls faster than the width: the corners keep the library's own tapered line (lidForm.ts)
  return { keep: CORNER_KEEP + (1 - CORNER_KEEP) * t * t, width: CORNER_WIDTH + (1 - CORNER_WIDTH) * t };
}

/** Per patch column, the fringe's length (eye widths): FRINGE x (1 +- FRINGE_VARY), smoothed over 3 columns. */
function fringes(): Float32Array {
  const random = mulberry32(FRINGE_SEED);
  const raw = Float32Array.from({ length: PATCH_W }, () => 1 + FRINGE_VARY * (2 * random() - 1));
  return Float32Array.from(raw, (_, c) => (FRINGE * (raw[Math.max(0, c - 1)]! + 2 * raw[c]! + raw[Math.min(PATCH_W - 1, c + 1)]!)) / 4);
}

/**
 * Draws the band in place over the shaded lid (rgb, patch grid), against the skin under the lid (ref),
 * at darkness bandDarkness(lashDark). Each cell within the band's reach goes toward the skin in shadow
 * at that darkness by the band's weight, and keeps its own light where that is darker.
 */
export function drawLashBand(rgb: Float32Array, g: EyeGeometry, ref: ColourField, lashDark: number): void {
  const dark = bandDarkness(lashDark);
  const fringe = fringes();
  const skin = [0, 0, 0], shade = [0, 0, 0];
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    if (u <= 0 || u >= 1) continue;
    const along = bandAlong(u);
    const shut = shutAt(g, clamp01(u));
    const reachUp = (CORE_UP + 3 * ABOVE) * along.width, reachDown = (CORE + 3 * fringe[c]!) * along.width;
    const r0 = Math.max(0, Math.ceil(cellRow(shut - reachUp))), r1 = Math.min(PATCH_H - 1, Math.floor(cellRow(shut + reachDown)));
    for (let r = r0; r <= r1; r++) {
      const v = cellV(r);
      const a = along.keep * bandWeight(v - shut, fringe[c]!, along.width);
      if (a <= 0.002) continue;
      ref(u, v, skin);
      const k = (r * PATCH_W + c) * 3;
      const here = lum(rgb[k]!, rgb[k + 1]!, rgb[k + 2]!), skinL = lum(skin[0]!, skin[1]!, skin[2]!);
      // never lighter than the lid already is there
      const light = Math.min(here, here + a * (dark * skinL - here));
      if (!(light > 0)) continue;
      shadowColour(skin, light, shade);
      const keep = here > 0 ? light / here : 0;
      const grey = skinL > 0 ? light / skinL : 0;
      for (let ch = 0; ch < 3; ch++) rgb[k + ch] = (1 - a) * rgb[k + ch]! * keep + a * (WARM * shade[ch]! + (1 - WARM) * skin[ch]! * grey);
    }
  }
}
