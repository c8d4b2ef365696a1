// The shut lid's top without a dark band (s38, socket38): over the crease the brow-bone skin is kept as
// light as the photo's (browBoneLight.ts), and the lid's body below is toned to the skin round it
// (lidSkinTone.ts); between them the membrane fill's socket shade times the library's crease shading
// left a valley 15-30 luma under both (st_full_body_1's image-left eye: 124 at the mask's edge, 105 just
// under, 155 in the body), the dark top of the ring critic38 saw round a paler oval. Here, per column,
// the drawn luma from just over the crease down into the body is held at least at the straight run
// between its two ends, less a shallow crease (CREASE_DEPTH), so the luma runs on from the brow bone to
// the lid with the crease a faint line; a multiplicative smooth gain, so the grain stays; only lifts.
import { PATCH_W, PATCH_H } from './frame.ts';
import { cellU, cellV, cellRow, clamp01, blurRgb } from './grid.ts';
import { creaseAt, shutAt, type EyeGeometry } from './lids.ts';
import { smoothstep } from '../../math/smooth.ts';
import { luminance as lum } from '../../math/colour.ts';
import { creaseDipShare } from './creaseLine.ts';

/** On (the product) / off: the band over the crease as baked (before s38 socket38). */
export const creaseValleySetting = { on: true };

/** The run's top (eye widths over the crease: where browBoneLight's lift ends) and its bottom (share of the way crease -> shut line). */
const RUN_TOP = 0.06, RUN_BOTTOM = 0.4;
/** How far under the straight run the crease may still sit (share of its luma): a faint line, not a band. */
const CREASE_DEPTH = 0.06;
/** The smoothing (patch cells) of the luma the valley is read on (the grain is not a valley). */
const READ_SIGMA = 0.7;

/** The floor at share t (0 top .. 1 bottom) of a run from top to bottom luma; dip: the share of the crease's depth kept there (creaseLine.ts). */
export function valleyFloor(top: number, bottom: number, t: number, dip = 1): number {
  return (1 - CREASE_DEPTH * dip) * (top + t * (bottom - top));
}

/** The baked lid in place: each column's band over the crease lifted to the floor of the run between its ends. */
export function fillCreaseValley(rgb: Float32Array, mask: Float32Array, g: EyeGeometry): void {
  const smooth = Float32Array.from(rgb);
  blurRgb(smooth, PATCH_W, PATCH_H, READ_SIGMA);
  const l = (r: number, c: number) => { const k = (r * PATCH_W + c) * 3; return lum(smooth[k]!, smooth[k + 1]!, smooth[k + 2]!); };
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    // along the eye: whole over the lid, nothing past its corners (the sides keep their own shade)
    const along = smoothstep(-0.05, 0.12, u) * (1 - smoothstep(0.88, 1.05, u));
    if (along <= 0) continue;
    const uc = clamp01(u), crease = creaseAt(g, uc), shut = shutAt(g, uc);
    const rT = Math.max(0, Math.round(cellRow(crease - RUN_TOP))), rB = Math.min(PATCH_H - 1, Math.round(cellRow(crease + RUN_BOTTOM * (shut - crease))));
    if (rB - rT < 2) continue;
    const top = l(rT, c), bottom = l(rB, c);
    for (let r = rT + 1; r < rB; r++) {
      const k = r * PATCH_W + c;
      const floor = valleyFloor(top, bottom, (r - rT) / (rB - rT), creaseDipShare(cellV(r) - crease)), here = l(r, c);
      if (here >= floor || here <= 0) continue;
      const gain = 1 + (along * smoothstep(0.3, 0.8, mask[k]!) * (floor - here)) / here;
      for (let ch = 0; ch < 3; ch++) rgb[k * 3 + ch] = Math.min(255, rgb[k * 3 + ch]! * gain);
    }
  }
}
