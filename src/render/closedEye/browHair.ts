// Brow hair on the patch grid (s57 lidlens57's `hairOf`, kept from foldBand.ts when s59 lids59 removed foldBand): the
// reference for the lid body's grain over the mask's top leaves brow hair out (lidGrainOverTop.ts), since hair's strands
// are no skin grain the shut lid should take.
import { PATCH_W, PATCH_H } from './frame.ts';
import type { EyeGeometry } from './lids.ts';
import { bandMedian, skinBands, textureOf } from './skinFill.ts';
import { smoothstep } from '../../math/smooth.ts';
import { luminance as lum } from '../../math/colour.ts';

/** Brow hair: darker than this share of the cheek and this many times as textured ([0] none .. [1] whole). */
const HAIR_DARK = 0.8, HAIR_TEXTURE = [1.5, 3] as const;
/** Hair's warmth ((R - B) / luma) at most [0] of the cheek's is hair, from [1] none; a cheek under WARM_SKIN has no warmth to read. */
const HAIR_WARM = [0.5, 0.8] as const, WARM_SKIN = 0.15;

/**
 * Per cell, how much (0..1) it is brow hair: dark against the cheek, and either more textured than it or greyer (hair is
 * less warm than skin; a fold or a socket shade is skin in shadow, as warm or warmer: lp_s5's painted fold, mt_man's grey
 * brow over his socket). The grey test only on a warm cheek (not on a grey photo, lp_s12).
 */
export function hairOf(photo: Float32Array, g: EyeGeometry): Float32Array {
  const lower = skinBands(g).lower;
  const skin = bandMedian(photo, lower, [0, 1]), skinL = Math.max(1, lum(skin[0]!, skin[1]!, skin[2]!));
  const skinWarm = (skin[0]! - skin[2]!) / skinL;
  const tex = textureOf(photo), skinTex = Math.max(1, bandMedian(tex, lower, [0, 1])[0]!);
  const out = new Float32Array(PATCH_W * PATCH_H);
  for (let k = 0; k < out.length; k++) {
    const l = Math.max(1, lum(photo[k * 3]!, photo[k * 3 + 1]!, photo[k * 3 + 2]!));
    const dark = 1 - smoothstep(HAIR_DARK * 0.6, HAIR_DARK, l / skinL);
    const textured = smoothstep(HAIR_TEXTURE[0], HAIR_TEXTURE[1], tex[k * 3]! / skinTex);
    const grey = skinWarm > WARM_SKIN ? 1 - smoothstep(HAIR_WARM[0], HAIR_WARM[1], (photo[k * 3]! - photo[k * 3 + 2]!) / l / skinWarm) : 0;
    out[k] = dark * Math.max(textured, grey);
  }
  return out;
}
