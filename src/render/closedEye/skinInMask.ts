// The photo's own lid skin over the fold kept in the shut lid's skin fill (s39, shutlid39, #14). The
// mask reaches up to .1 eye widths over the crease to cover the open eye's fold, and the skin fill
// (skinFill.ts membraneField) is held only outside it: on st_full_body_1's image-left eye the cells
// just over the mask's top are the fringe's hair and the socket's shade (57-92 luma), the photo's lit
// lid skin inside the mask's top 136-162, so the fill (and the lid drawn from it) came out 30-45
// luma darker than the skin it covers there: a darker ring round the lid's body with the photo's lit
// skin showing as a thin pale line in the mask's feather — the oval critic38 saw. Plain skin inside
// the mask's top (over the crease, about as light as the cheek, as smooth, of its hue) is the same
// skin when the eye shuts: those cells are held too, so the fill continues it. The fold itself (the
// crease and the dark arc over it), lashes, liner and eyeshadow are not plain skin and stay free.
import { PATCH_W, PATCH_H } from './frame.ts';
import { cellU, cellV, clamp01 } from './grid.ts';
import { creaseAt, cellsUnderLowerLid, type EyeGeometry } from './lids.ts';
import { textureOf, type ColourField } from './skinFill.ts';
import { skinUnderEye } from './whiteOutOfFill.ts';
import { smoothstep } from '../../math/smooth.ts';
import { luminance as lum } from '../../math/colour.ts';
import { heldFillShare } from './creaseLine.ts';

/**
 * On (the product, s39) / off: the fill held outside the mask only (benches `--skin-hold-off`). overCrease: only cells
 * at least this far over the crease (eye widths) may be held: the fold's shade and its lit edge lie closer.
 * s49 (shutlid49) tried .06: on lp_s42 the photo's lid skin brightens toward the crease (eye 0 at u .5: 161 luma .11
 * over it, 171 at .05, 180 at .01) and, held down to .03, that brightest row is the fill's edge over the crease: a thin
 * pale arc along the shut lid's top (critic48). .06 halves that arc on the image-left lid (ridge 2.2 -> 1.1 L*) but the
 * face mesh reads mt_man's shut eyes more open (bench/blink.ts --grain 3: .24 -> .26, over the .25 gate); .045 keeps
 * mt_man .24 (st_full_body_1 .18 -> .23) for a third off the arc (2.2 -> 1.6), hardly seen at 3x: kept at .03.
 * noFoldBrightening (s49, on): instead, within FOLD_REACH of the crease only the skin no lighter than the plain skin held
 * above it is held (dropFoldBrightening): lp_s42's arc 2.2 -> 1.2 L* (image-left lid), the read-back's passing set kept
 * (mt_man .24, st_full_body_1 .18 -> .23, lp_s12 .18 -> .14, lp_s10 .72 -> .67); off: held from overCrease whatever its light.
 */
export const skinInMaskSetting = { on: true, overCrease: 0.03, noFoldBrightening: true };
/** noFoldBrightening: cells under this far over the crease (eye widths) lighter than the plain skin held above them are not held. */
const FOLD_REACH = 0.06;
/** ... from this share lighter (soft to [1]). */
const BRIGHTER = [1, 1.03] as const;
/** And only within this far past the eye's corners (eye widths). */
const PAST_CORNER = 0.1;
/** Plain skin: luma over the cheek's (soft from [0] to [1]) ... */
const LIGHT = [0.75, 0.9] as const;
/** ... fine texture under the cheek's times [0] (soft to [1]; hair and lashes are textured) ... */
const SMOOTH = [1.5, 2.5] as const;
/** ... and chroma (|channel / luma - the cheek's| summed over r, g, b) under [0] (soft to [1]; liner, eyeshadow). */
const HUE = [0.12, 0.24] as const;

/**
 * How much each patch cell is plain skin in the photo (0..1) against the cheek under the eye, over
 * the crease within the eye's reach; 0 elsewhere.
 */
export function plainSkinOverFold(photo: Float32Array, g: EyeGeometry): Float32Array {
  const share = new Float32Array(PATCH_W * PATCH_H);
  const skin = skinUnderEye(photo, g);
  if (!(skin.luma > 0)) return share;
  const skinC = skin.rgb.map((x) => x / Math.max(1, lum(skin.rgb[0]!, skin.rgb[1]!, skin.rgb[2]!)));
  const texture = fineTexture(photo);
  const skinTexture = Math.max(1, medianUnderEye(texture, g));
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    if (u < -PAST_CORNER || u > 1 + PAST_CORNER) continue;
    const top = creaseAt(g, clamp01(u)) - skinInMaskSetting.overCrease;
    for (let r = 0; r < PATCH_H; r++) {
      if (cellV(r) > top) break;
      const k = r * PATCH_W + c;
      const l = lum(photo[k * 3]!, photo[k * 3 + 1]!, photo[k * 3 + 2]!);
      if (l <= 0) continue;
      let dC = 0;
      for (let ch = 0; ch < 3; ch++) dC += Math.abs(photo[k * 3 + ch]! / l - skinC[ch]!);
      share[k] = smoothstep(LIGHT[0], LIGHT[1], l / skin.luma)
        * (1 - smoothstep(SMOOTH[0], SMOOTH[1], texture[k]! / skinTexture))
        * (1 - smoothstep(HUE[0], HUE[1], dC));
    }
    if (skinInMaskSetting.noFoldBrightening) dropFoldBrightening(share, photo, c, top + skinInMaskSetting.overCrease - FOLD_REACH, top);
  }
  return share;
}

/**
 * In column c, the held cells between v0 and v1 (near the crease) lose their share by how much lighter they are than the
 * lightest held cell above v0: lid skin brightening toward the fold (lp_s42) held there is a pale arc over the crease.
 */
export function dropFoldBrightening(share: Float32Array, photo: Float32Array, c: number, v0: number, v1: number): void {
  let ref = 0;
  for (let r = 0; r < PATCH_H && cellV(r) <= v0; r++) {
    const k = r * PATCH_W + c;
    if (share[k]! >= 0.5) ref = Math.max(ref, lum(photo[k * 3]!, photo[k * 3 + 1]!, photo[k * 3 + 2]!));
  }
  if (!(ref > 0)) return;
  for (let r = 0; r < PATCH_H && cellV(r) <= v1; r++) {
    if (cellV(r) <= v0) continue;
    const k = r * PATCH_W + c;
    share[k] = share[k]! * (1 - smoothstep(BRIGHTER[0], BRIGHTER[1], lum(photo[k * 3]!, photo[k * 3 + 1]!, photo[k * 3 + 2]!) / ref));
  }
}

/** The fill's mask with the photo's plain skin over the fold held (mask 0 where the cell is at least half plain skin). */
export function holdSkinInMask(fillMask: Float32Array, photo: Float32Array, g: EyeGeometry): Float32Array {
  const share = plainSkinOverFold(photo, g);
  return fillMask.map((m, k) => (share[k]! >= 0.5 ? 0 : m));
}

/**
 * The lighter of two skin fills at each point (by luma), over the crease only: the fill held on the
 * plain skin over the fold only lifts the one held outside the mask, and the lid under the crease is
 * baked as before. Held everywhere, the photo's darker skin darkened lp_s10's and lp_s42's lids and a
 * lighter lid body let the face mesh read shut eyes more open (st_full_body_1 .21 -> .24, lp_s42 .00
 * -> .04); lifted down to half way to the shut line, or fading out over .01-.03 eye widths over the
 * crease, still .24 on st_full_body_1 (docs/eyes s39). The ring this mends lies over the crease, and
 * the crease's own dark line hides the step there.
 */
export function lighterFill(held: ColourField, plain: ColourField, g: EyeGeometry): ColourField {
  const a = [0, 0, 0];
  return (u, v, out) => {
    plain(u, v, out);
    // over the crease, and fading out just under it (creaseLine.ts: no step on the crease)
    const w = heldFillShare(v - creaseAt(g, clamp01(u)));
    if (w <= 0) return;
    held(u, v, a);
    if (lum(a[0]!, a[1]!, a[2]!) > lum(out[0]!, out[1]!, out[2]!)) for (let ch = 0; ch < 3; ch++) out[ch] = out[ch]! + w * (a[ch]! - out[ch]!);
  };
}

/** Fine texture per cell: skinFill.ts textureOf's measure, one value per cell. */
export function fineTexture(photo: Float32Array): Float32Array {
  const grey = textureOf(photo);
  return Float32Array.from({ length: PATCH_W * PATCH_H }, (_, k) => grey[k * 3]!);
}

/** The median of a per-cell value over the cheek band .15-.3 eye widths under the lower lid, u .2-.8 (whiteOutOfFill.ts skinUnderEye's band). */
function medianUnderEye(values: Float32Array, g: EyeGeometry): number {
  const vals = cellsUnderLowerLid(g, [0.2, 0.8], [0.15, 0.3]).map((k) => values[k]!);
  return vals.sort((a, b) => a - b)[vals.length >> 1] ?? 0;
}
