// Fitting a library eye to one photo eye, once per renderer: the photo and the library eye
// sampled on the patch grid in the photo's eye frame (lids.ts), the mask (mask.ts), the skin under
// the lid (skinFill.ts), the shaded lid with the photo's grain (shading.ts).
import { PATCH_U0, PATCH_V0, PATCH_PPW, PATCH_W, PATCH_H, toImage } from './frame.ts';
import { lineAt, type ClosedEyePatch } from './library.ts';
import { cellU, cellV, cellRow, clamp01, sample, sampleRgba, type PhotoTexture } from './grid.ts';
import { creaseAt, shutAt, libraryColumn, type EyeGeometry } from './lids.ts';
import { maskColumn, maskEnd, maskTop } from './mask.ts';
import { foldCoverSetting, foldRaise } from './foldCover.ts';
import { coverDarkEdge } from './eyeDark.ts';
import { bandField, membraneField, skinBands, withoutBrowHair } from './skinFill.ts';
import { darkness, lashGamma, shadedSkin, softenToPhoto, addPhotoGrain, thinLashTop } from './shading.ts';
import { shadeBulge, taperLashLine } from './lidForm.ts';
import { lidTone, shadeRelief } from './lidRelief.ts';
import { browBoneLightSetting, keepBrowBoneLight } from './browBoneLight.ts';
import { lidSkinToneSetting, toneLidSkin } from './lidSkinTone.ts';
import { creaseValleySetting, fillCreaseValley } from './creaseValley.ts';
import { corePower, darkenLashCore, lashCoreSetting } from './lashCore.ts';
import { shadowHue, shadowHueSetting } from './shadowHue.ts';
import { drawLashBand, lashBandSetting } from './lashBand.ts';
import { smoothstep } from '../../math/smooth.ts';
import { luminance } from '../../math/colour.ts';
import { fillMaskOverPaintedEye, whiteOutOfFillSetting } from './whiteOutOfFill.ts';
import { featherMatchSetting, matchFeather } from './featherMatch.ts';
import { holdSkinInMask, lighterFill, skinInMaskSetting } from './skinInMask.ts';
import { addLidBodyGrain, lidBodyGrainSetting } from './lidBodyGrain.ts';
import { holdLidUnderCheek, lidNoPalerSetting, overCreaseSkin } from './lidNoPaler.ts';
import { liftLitDome, lidLitDomeSetting } from './lidLitDome.ts';
import { fitLidToRing, ringFitSetting } from './ringFit.ts';
import { flattenLid, lidFlatSetting } from './lidFlat.ts';
import { liftLidTop, lidTopSetting } from './lidTop.ts';

export interface BakedEye {
  /** RGB of the fitted shut eye, PATCH_W x PATCH_H in the photo's eye frame */
  rgb: Float32Array;
  /** mask 0..1, same grid */
  mask: Float32Array;
  /** per patch column (v in the eye frame): the fixed crease, the shut lid's edge, the mask's bottom, the photo's (open) upper lid */
  creaseV: Float32Array;
  shutV: Float32Array;
  bottomV: Float32Array;
  openV: Float32Array;
  /** per patch column, RGB: the shut lid's lash line (its darkest cell near the shut edge), the shadow in a closing eye's last gap */
  lashRgb: Float32Array;
  /** per patch cell, the photo's luma there: what the lid was baked against (frameMatch.ts reads a frame's change from it) */
  photoLuma: Float32Array;
}

/** The fit of a library eye to one photo eye (lashDark: the lash darkness to match; default this eye's own). */
export function bakeEye(tex: PhotoTexture, g: EyeGeometry, lib: ClosedEyePatch, lashDark?: number, photoPixel = 1): BakedEye {
  const s = sampleEye(tex, g, lib);
  return finishEye(s, g, lashDark ?? s.photoDark, photoPixel);
}

/** What sampleEye measures of one photo eye, before the lash darkness of both eyes is known. */
export type SampledEye = ReturnType<typeof sampleEye>;

/** The photo and the warped library on the patch grid, with the mask and how much of each point is the person. */
function sampleGrid(tex: PhotoTexture, g: EyeGeometry, lib: ClosedEyePatch, coverDark: boolean) {
  const n = PATCH_W * PATCH_H;
  const mask = new Float32Array(n);
  const warped = new Float32Array(n * 3);
  const photo = new Float32Array(n * 3);
  // how much of each patch point is the person (the texture's alpha, its matte): a far eye at the
  // face's silhouette (lp_s10) has background inside its patch
  const person = new Float32Array(n);
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    const libV = libraryColumn(g, lib, clamp01(u));
    for (let r = 0; r < PATCH_H; r++) {
      const v = cellV(r);
      const k = r * PATCH_W + c;
      sample(lib.rgb, PATCH_W, PATCH_H, (u - PATCH_U0) * PATCH_PPW, (libV(v) - PATCH_V0) * PATCH_PPW, warped, k * 3);
      const [x, y] = toImage(g.frame, u, v);
      person[k] = sampleRgba(tex, x, y, photo, k * 3) / 255;
    }
  }
  // the mask's top raised over the open eye's fold, which unfolds as the lid comes down (foldCover.ts)
  const raise = foldCoverSetting.on ? foldRaise(photo, g, (uc) => maskTop(g, uc)) : new Float32Array(PATCH_W);
  for (let c = 0; c < PATCH_W; c++) {
    const maskAt = maskColumn(g, cellU(c), raise[c]!);
    for (let r = 0; r < PATCH_H; r++) mask[r * PATCH_W + c] = maskAt(cellV(r));
  }
  return { mask: coverDark ? coverDarkEdge(mask, photo, person, g) : mask, warped, photo, person, raise };
}

/**
 * The patch grid (sampleGrid), both skin references and both lash darknesses. coverDark: the mask
 * also covers the dark eye features touching it (eyeDark.ts; for an eye the analysis moved onto a
 * painted one larger than its ring).
 */
export function sampleEye(tex: PhotoTexture, g: EyeGeometry, lib: ClosedEyePatch, coverDark = false) {
  const { mask, warped, photo, person, raise } = sampleGrid(tex, g, lib, coverDark);
  // the skin under the shut lid continues the photo's skin around the mask at every point of its
  // edge (a membrane fill), so no oval outline frames it; the library's own skin the same way
  const bands = skinBands(g);
  // the fill's top lit from the brow bone, not held on the socket's shade (lidTop.ts)
  const hairless = lidTopSetting.on ? liftLidTop(withoutBrowHair(photo, g), (uc) => maskTop(g, uc), raise) : withoutBrowHair(photo, g);
  // the open eye's white past the mask is no skin to fill from either (whiteOutOfFill.ts)
  const fillMask = whiteOutOfFillSetting.on ? fillMaskOverPaintedEye(mask, photo, g) : mask;
  const guess = bandField(hairless, bands.upper, bands.lower);
  const filled = membraneField(hairless, fillMask, guess, person);
  // and the photo's plain lid skin over the fold inside the mask is the shut lid's too, where lighter (skinInMask.ts)
  const photoRef = skinInMaskSetting.on ? lighterFill(membraneField(hairless, holdSkinInMask(fillMask, photo, g), guess, person), filled, g) : filled;
  const libRef = membraneField(warped, mask, bandField(warped, bands.upper, bands.lower));
  // contrast: the shut lash line as dark against the skin as the photo's own lash line (a painting
  // without lashes gets a soft line, a made-up eye a dark one)
  const photoDark = darkness(photo, photoRef, (u) => { const l = lineAt(g.lid, clamp01(u)); return [l - 0.06, l + 0.04]; });
  const libDark = darkness(warped, libRef, (u) => { const sh = shutAt(g, clamp01(u)); return [sh - 0.05, sh + 0.05]; });
  return { mask, warped, photo, photoRef, libRef, photoDark, libDark, person, moved: coverDark };
}

/**
 * The baked eye from its samples, its lash line as dark as lashDark (lashCore: its core taken on
 * down to lashDark, lashCore.ts). photoPixel: texture pixels per
 * pixel of the photo (2 for a 256 px photo on the 512 crop; at least 1), for the softening and grain.
 */
export function finishEye(s: SampledEye, g: EyeGeometry, lashDark: number, photoPixel = 1, lashCore = lashCoreSetting.on): BakedEye {
  // nothing is drawn over the background past the silhouette
  const mask = s.mask.map((m, k) => (s.person[k]! >= 1 ? m : m * smoothstep(0.3, 0.7, s.person[k]!)));
  const rgb = shadedSkin(s.warped, s.photoRef, s.libRef, lashGamma(lashDark, s.libDark));
  thinLashTop(rgb, (uc) => shutAt(g, uc));
  shadeBulge(rgb, g);
  shadeRelief(rgb, g, lidTone(s.photo, rgb, g));
  taperLashLine(rgb, g, s.photoRef);
  // the lash line as thick, dark and warm as real shut eyes show it (lashBand.ts)
  if (lashBandSetting.on) drawLashBand(rgb, g, s.photoRef, lashDark);
  const eyePhotoPixels = g.frame.width / Math.max(1, photoPixel);
  if (lashCore) {
    // how dark the line comes out once softened to the photo's pixel, against the photo's own lashes
    const trial = Float32Array.from(rgb);
    softenToPhoto(trial, eyePhotoPixels, photoPixel > 1);
    darkenLashCore(rgb, g, s.photoRef, corePower(darkness(trial, s.photoRef, shutBand(g)), lashDark));
  }
  // the lid's shading darker than the skin as skin in shadow, warmer than a grey (off: shadowHue.ts)
  if (shadowHueSetting.on) shadowHue(rgb, s.photoRef);
  softenToPhoto(rgb, eyePhotoPixels, photoPixel > 1);
  addPhotoGrain(rgb, s.photo, mask, g, eyePhotoPixels);
  if (browBoneLightSetting.on) keepBrowBoneLight(rgb, s.photo, g);
  if (lidSkinToneSetting.on) toneLidSkin(rgb, s.photo, mask, g, lidSkinToneSetting.across ? overCreaseSkin(s.photo, g) : undefined);
  // no paler than the cheek under it (lidNoPaler.ts)
  if (lidNoPalerSetting.on) holdLidUnderCheek(rgb, s.photo, mask, g);
  // its dome lit as the lit cheek, on a socket in shade (lidLitDome.ts; not on a moved painted eye)
  if (lidLitDomeSetting.on && !s.moved) liftLitDome(rgb, s.photo, mask, g);
  // the body's grain the cheek's, not a smooth sticker (lidBodyGrain.ts; not on a moved painted eye)
  if (lidBodyGrainSetting.on && !s.moved) addLidBodyGrain(rgb, s.photo, mask, g, eyePhotoPixels);
  if (creaseValleySetting.on) fillCreaseValley(rgb, mask, g);
  // the lid one light from the crease to the lash line's fall, as real shut lids are (lidFlat.ts)
  if (lidFlatSetting.on) flattenLid(rgb, mask, g);
  // the border's light the photo's, so no pale ring frames the lid (featherMatch.ts)
  if (featherMatchSetting.on) matchFeather(rgb, s.photo, mask, g);
  // and the lid's body past the feather the skin round it, at its ring (ringFit.ts)
  if (ringFitSetting.on) fitLidToRing(rgb, s.photo, mask, g, s.person);
  const lines = drawLines(g);
  const photoLuma = new Float32Array(PATCH_W * PATCH_H).map((_, k) => luminance(s.photo[k * 3]!, s.photo[k * 3 + 1]!, s.photo[k * 3 + 2]!));
  return { rgb, mask, ...lines, lashRgb: lashColours(rgb, lines.shutV), photoLuma };
}

/** The band about the shut edge a shut line's darkness is measured in (as the library's, sampleEye). */
const shutBand = (g: EyeGeometry) => (u: number) => { const sh = shutAt(g, clamp01(u)); return [sh - 0.05, sh + 0.05]; };

/** Within this far (eye widths) of the shut edge, a column's darkest cell is its lash line. */
const LASH_SEARCH = 0.04;

/** Per patch column, the RGB of the darkest cell within LASH_SEARCH of the shut edge. */
function lashColours(rgb: Float32Array, shutV: Float32Array): Float32Array {
  const out = new Float32Array(PATCH_W * 3);
  for (let c = 0; c < PATCH_W; c++) {
    const r0 = Math.max(0, Math.ceil(cellRow(shutV[c]! - LASH_SEARCH))), r1 = Math.min(PATCH_H - 1, Math.floor(cellRow(shutV[c]! + LASH_SEARCH)));
    let best = -1, bestLum = Infinity;
    for (let r = r0; r <= r1; r++) {
      const k = (r * PATCH_W + c) * 3, l = rgb[k]! + rgb[k + 1]! + rgb[k + 2]!;
      if (l < bestLum) { bestLum = l; best = k; }
    }
    if (best >= 0) out.set(rgb.subarray(best, best + 3), c * 3);
  }
  return out;
}

/** Per patch column, the lines the per-frame warp needs: crease, shut edge, the mask's end, the photo's upper lid (midLid.ts). */
function drawLines(g: EyeGeometry): Pick<BakedEye, 'creaseV' | 'shutV' | 'bottomV' | 'openV'> {
  const creaseV = new Float32Array(PATCH_W), shutV = new Float32Array(PATCH_W), bottomV = new Float32Array(PATCH_W), openV = new Float32Array(PATCH_W);
  for (let c = 0; c < PATCH_W; c++) {
    const uc = clamp01(cellU(c));
    creaseV[c] = creaseAt(g, uc);
    shutV[c] = shutAt(g, uc);
    bottomV[c] = maskEnd(g, uc);
    openV[c] = lineAt(g.lid, uc);
  }
  return { creaseV, shutV, bottomV, openV };
}
