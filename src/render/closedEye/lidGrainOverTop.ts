// The skin over the shut lid's top as a second reference for the lid body's grain (s57 lidlens57, #14). lidBodyGrain.ts
// brings the body's fine detail up to 1.25 x the cheek's under the eye; bench/shutLidProfile.ts `grain` (lidpatch56) reads the
// body against the skin just over the mask's top, where a real shut lid carries .94-4.8 of it and ours .54-.78 (lp_s5,
// lp_s1, mt_man, st_happy): on those faces the brow bone's skin is grainier than a smooth cheek, and a lid as smooth as the
// cheek under a grainy brow bone reads as a smooth sticker against the skin it meets. Here the photo's detail over the
// mask's top is read (u .2-.8, OVER eye widths over its half line, past the fold band; brow hair left out, browHair.ts
// hairOf) and the body is brought up to the grainier of the two references.
import { PATCH_W, PATCH_H, PATCH_PPW } from './frame.ts';
import { cellU } from './grid.ts';
import { hairOf } from './browHair.ts';
import type { EyeGeometry } from './lids.ts';

/** on (the product) / off: the cheek's grain the only reference (before s57). */
export const lidGrainOverTopSetting = { on: true };

/** The band read: from [0] to [1] eye widths over the mask's half line (over a fold's edges, under most brows). */
const OVER = [0.2, 0.08] as const;
/** A cell this much brow hair (hairOf) is left out. */
const HAIR_MAX = 0.3;

/** The photo's luma detail (`detail`, a patch grid) in the skin over the mask's top, brow hair left out. */
export function overTopDetail(detail: Float32Array, photo: Float32Array, mask: Float32Array, g: EyeGeometry): number[] {
  const hair = hairOf(photo, g), out: number[] = [];
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    if (u < 0.2 || u > 0.8) continue;
    let half = -1;
    for (let r = 0; r < PATCH_H; r++) if (mask[r * PATCH_W + c]! >= 0.5) { half = r; break; }
    if (half < 0) continue;
    for (let r = Math.max(0, half - Math.round(OVER[0] * PATCH_PPW)); r <= half - Math.round(OVER[1] * PATCH_PPW); r++) {
      const k = r * PATCH_W + c, d = detail[k]!;
      if (hair[k]! <= HAIR_MAX && !Number.isNaN(d)) out.push(d);
    }
  }
  return out;
}
