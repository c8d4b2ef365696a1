// The skin over the crease kept as light as the photo's (s37, lidpatch37): the mask reaches above the
// crease to cover the open eye's lid fold, and there the bake drew the membrane fill under the
// library's shading, darker than the photo's own brow-bone skin (st_full_body_1's image-left eye: 13.5
// luma darker on average over that ring), so at every blink the shut lid sat in a darker patch framed
// by the photo's paler skin just past the mask: the pale rectangle a viewer saw. That skin does not
// change as an eye shuts, so above the crease the drawn lid is lifted to the photo wherever the photo
// is lighter; the fold and lashes (darker than the lid) stay covered.
import { PATCH_W, PATCH_H } from './frame.ts';
import { cellU, cellV, clamp01, blurRgb } from './grid.ts';
import { creaseAt, type Line } from './lids.ts';
import { smoothstep } from '../../math/smooth.ts';
import { luminance as lum } from '../../math/colour.ts';

/** On (the product) / off: the fill's shade over the crease as baked (before s37). */
export const browBoneLightSetting = { on: true };

/** The lift starts this far above the crease (eye widths) and is whole BROW_FADE further up. */
const BROW_FROM = 0.02, BROW_FADE = 0.05;

/** How much of the photo's extra light a cell at v takes, over a column whose crease is at `crease`. */
export function liftShare(v: number, crease: number): number {
  return 1 - smoothstep(crease - BROW_FROM - BROW_FADE, crease - BROW_FROM, v);
}

/**
 * The blur (patch cells, 48 an eye width) of the photo the lift goes to. s38 (shutlid38): lifted to
 * each cell's own photo luma, the open eye's lit fold edge over the crease came into the shut lid as
 * a thin pale arc, the top edge of the pale oval critic37 saw on st_full_body_1; blurred, the lift
 * keeps the brow bone's light without its lines.
 */
const PHOTO_SIGMA = 3;
/** On (the product, s38) / off: the lift to each cell's own photo luma (s37). */
export const browLiftBlurSetting = { on: true };

/** The baked lid in place: above the crease, each cell lighter toward the photo (blurred) by the luma the photo has over it (its colour scaled). */
export function keepBrowBoneLight(rgb: Float32Array, sharp: Float32Array, g: { lid: Line; crease: Line }): void {
  const photo = Float32Array.from(sharp);
  if (browLiftBlurSetting.on) blurRgb(photo, PATCH_W, PATCH_H, PHOTO_SIGMA);
  for (let c = 0; c < PATCH_W; c++) {
    const crease = creaseAt(g, clamp01(cellU(c)));
    for (let r = 0; r < PATCH_H; r++) {
      const w = liftShare(cellV(r), crease);
      if (w <= 0) break;
      const k = (r * PATCH_W + c) * 3;
      const drawn = lum(rgb[k]!, rgb[k + 1]!, rgb[k + 2]!), own = lum(photo[k]!, photo[k + 1]!, photo[k + 2]!);
      if (own <= drawn || drawn <= 0) continue;
      const gain = 1 + (w * (own - drawn)) / drawn;
      for (let ch = 0; ch < 3; ch++) rgb[k + ch] = rgb[k + ch]! * gain;
    }
  }
}
