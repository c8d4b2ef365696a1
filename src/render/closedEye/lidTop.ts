// The shut lid's top lit from the brow bone (s55, lidtop55; critic54's worst #5, "shut lids read as patches": lp_s5 + eng's
// brown ovals, lp_s12's mauve oval). Real shut lids are flat from the brow bone through the crease to t .7 (lidrim55,
// bench/shutLidProfile.ts); ours rose from a dark top into a lit dome (lp_s5 .57 -> 1.02 of the cheek) because the membrane
// fill (skinFill.ts) is held at the mask's top on the open eye's socket shade and fold (lp_s5 at u .5: 33-72 luma against
// the brow bone's 100-115 over it). When the eye shuts the lid fills the socket forward and takes the brow bone's light.
// Here, for the fill only (the photo drawn round the mask is untouched), the socket band from the mask's top up to REACH
// over it is lifted toward the brow bone's skin over it (the lighter part of the band REACH .. BONE over the mask's top),
// toward its colour by SHARE (a colour, not a gain: a brown socket lifted by a gain went orange), never darkened: the fill
// then starts lit at the top and the lid's light runs flat into the cheek's (lp_s5 eye 0, t 0-.7 over the cheek .66-1.01 ->
// .84-1.02). Not where foldCover.ts raised the mask (a lit fill there drew the raise's outline, a bump on the lid's top).
// Off: the blink read-back (bench/blink.ts) 8/14 <= .25 -> 7, median .24 -> .26 (lp_s2 .29 -> .38, st_art_1 .44 -> .59;
// share .5 the same count), and the lit top still meets the photo's dark fold or brow at the mask's edge: a plainer lid,
// still outlined (docs/eyes/sessions/s55-lidtop55.md).
import { PATCH_W, PATCH_H } from './frame.ts';
import { cellU, cellV, cellRow, clamp01, blurRgb } from './grid.ts';
import { luminance as lum } from '../../math/colour.ts';
import { smoothstep } from '../../math/smooth.ts';

/**
 * on / off (the product): the fill held on the photo's socket shade at the mask's top (as before s55). reach: the band over the
 * mask's half line lifted (eye widths); bone: the brow bone's skin read up to this far over the half line; share: how far
 * toward the bone's light; quantile: the bone's light, this quantile of its band's luma (its lighter part, not hair);
 * raised: a column raised this far by foldCover.ts is not lifted (fading in from 0).
 */
export const lidTopSetting = { on: false, reach: 0.16, bone: 0.32, share: 0.8, quantile: 0.8, raised: 0.03 };

/** The share (0..1) of the bone's colour a cell of light `here` takes: share, faded in as it is darker than `bone` (none at or over it). */
export function topShare(here: number, bone: number, share: number): number {
  if (bone <= 0 || here >= bone || share <= 0) return 0;
  return share * Math.min(1, (bone - here) / (FULL_BELOW * bone));
}

/** A cell this share of the bone's light under it takes the whole share (lighter cells less). */
const FULL_BELOW = 0.25;

/**
 * The photo patch (RGB, the fill's reference) with the socket band over the mask's top lifted toward the brow bone's light.
 * top: the mask's half line at u (0..1).
 */
export function liftLidTop(photo: Float32Array, top: (uc: number) => number, raise?: Float32Array, s = lidTopSetting): Float32Array {
  const smooth = Float32Array.from(photo);
  blurRgb(smooth, PATCH_W, PATCH_H, 1);
  const l = (k: number) => lum(smooth[k * 3]!, smooth[k * 3 + 1]!, smooth[k * 3 + 2]!);
  const out = Float32Array.from(photo);
  for (let c = 0; c < PATCH_W; c++) {
    const uc = clamp01(cellU(c)), t = top(uc);
    // not where foldCover.ts raised the mask over a fold: a lit fill there showed the raise's outline (a bump on the lid's top)
    const keep = raise ? 1 - smoothstep(0, s.raised, raise[c]!) : 1;
    if (keep <= 0) continue;
    // the bone's band over the lifted one: its lighter part (a brow's hair or the fold are the darker)
    const bone: number[][] = [];
    for (let r = 0; r < PATCH_H; r++) {
      const v = cellV(r);
      if (v >= t - s.bone && v <= t - s.reach * 0.5) { const k = r * PATCH_W + c; bone.push([l(k), smooth[k * 3]!, smooth[k * 3 + 1]!, smooth[k * 3 + 2]!]); }
    }
    if (bone.length < 2) continue;
    bone.sort((a, b) => a[0]! - b[0]!);
    const [light, ...rgb] = bone[Math.min(bone.length - 1, Math.floor(s.quantile * bone.length))]!;
    const r0 = Math.max(0, Math.floor(cellRow(t - s.reach))), r1 = Math.min(PATCH_H - 1, Math.ceil(cellRow(t + 0.04)));
    for (let r = r0; r <= r1; r++) {
      const k = r * PATCH_W + c, w = keep * topShare(l(k), light!, s.share);
      if (w <= 0) continue;
      for (let ch = 0; ch < 3; ch++) out[k * 3 + ch] = photo[k * 3 + ch]! + w * (rgb[ch]! - photo[k * 3 + ch]!);
    }
  }
  return out;
}

