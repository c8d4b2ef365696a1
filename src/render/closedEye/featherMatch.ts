// The shut lid's border held to the photo's light (ring41, #14; critic40: "smooth patches with a pale
// oval ring round them", lp_s42 <- lp_d6 f183-185, st_full_body_1, lp_s12). The drawn lid meets the
// photo across the mask's feather (mask.ts, .1 eye widths); where the drawn skin there is lighter than
// the photo it fades into, the feather shows as a pale band round the lid (bench/shutLashLine.ts `ring`,
// drawn minus photo luma over the feather: st_art_1 top +12 / +10, the painting's dark fold over the
// crease filled lighter; lp_s42 top +2.5 / +3.3, sides +3.4 / +5.6). Here the drawn lid's low-pass luma
// is taken to the photo's at the feather's outer end, fading to none where the mask is whole, so the
// step is spread over the whole feather and the lid's middle is untouched; a smooth gain, so the grain
// stays. Not on the lash line (its ends reach the feather at the corners) nor under the lower lid (the
// lash line's own soft tail fading into the photo's lower lid there is no ring).
import { PATCH_W, PATCH_H } from './frame.ts';
import { lineAt } from './library.ts';
import { cellU, cellV, clamp01, blurRgb } from './grid.ts';
import { shutAt, type EyeGeometry } from './lids.ts';
import { smoothstep } from '../../math/smooth.ts';
import { luminance as lum } from '../../math/colour.ts';

/** On (the product, s41) / off: the feather as baked (s40). */
export const featherMatchSetting = { on: true };

/** The gain is whole at mask [0] and none at mask [1] and over. */
const FEATHER = [0.3, 0.95] as const;
/** The smoothing (patch cells, 48 an eye width) of both lumas: the border's light, not its grain or lines. */
const SIGMA = 2.5;
/** Not within this far of the shut line (eye widths; soft over [0]..[1]). */
const LASH = [0.06, 0.1] as const;
/** Not under the lower lid: none from this far under it on (soft over [0]..[1]). */
const UNDER = [0, 0.04] as const;
/** The gain stays within these (a dark or bright feature at the border is left mostly as drawn). */
const GAIN = [0.75, 1.25] as const;

/** How much of the match a cell takes: whole at the feather's outer end, none in the mask's body, on the lash line or under the lower lid. */
export function matchShare(mask: number, v: number, shut: number, lower: number): number {
  return (1 - smoothstep(FEATHER[0], FEATHER[1], mask))
    * smoothstep(LASH[0], LASH[1], Math.abs(v - shut))
    * (1 - smoothstep(lower + UNDER[0], lower + UNDER[1], v));
}

/** The baked lid in place: across the feather, each cell's low-pass luma taken toward the photo's (its colour scaled). */
export function matchFeather(rgb: Float32Array, photo: Float32Array, mask: Float32Array, g: EyeGeometry): void {
  const drawn = Float32Array.from(rgb), own = Float32Array.from(photo);
  blurRgb(drawn, PATCH_W, PATCH_H, SIGMA);
  blurRgb(own, PATCH_W, PATCH_H, SIGMA);
  for (let c = 0; c < PATCH_W; c++) {
    const uc = clamp01(cellU(c)), shut = shutAt(g, uc), lower = lineAt(g.lower, uc);
    for (let r = 0; r < PATCH_H; r++) {
      const k = r * PATCH_W + c, m = mask[k]!;
      if (m >= FEATHER[1] || m <= 0) continue;
      const w = matchShare(m, cellV(r), shut, lower);
      if (w <= 0) continue;
      const d = lum(drawn[k * 3]!, drawn[k * 3 + 1]!, drawn[k * 3 + 2]!), p = lum(own[k * 3]!, own[k * 3 + 1]!, own[k * 3 + 2]!);
      if (!(d > 0) || !(p > 0)) continue;
      const gain = 1 + w * (Math.min(GAIN[1], Math.max(GAIN[0], p / d)) - 1);
      for (let ch = 0; ch < 3; ch++) rgb[k * 3 + ch] = rgb[k * 3 + ch]! * gain;
    }
  }
}
