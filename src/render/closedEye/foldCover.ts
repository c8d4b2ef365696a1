// The open eye's fold under the shut lid (s55, lidrim55; critic54's worst #5, "shut lids read as patches": lp_s5's brown
// ovals, lp_s11's ring). An open upper lid folds into its crease: a dark arc over the eye that follows its shape. When the
// lid comes down the fold opens out and the arc goes (real shut lids, bench/shutLidProfile.ts, u .35-.65 over the cheek:
// flat from the brow bone through the crease to t .7 of the lid, lp_d0 1.00-1.09, styletalk_andrew 1.03-1.04). The mask
// (mask.ts) reaches .1 eye widths over the face mesh's crease, but a painted fold lies further up (lp_s5 at u .5: the mesh
// crease at v -.36, the mask's half line at -.44, the fold's dark row at -.51, luma 33 between the lid skin's 72 and the
// brow bone's 109): it stayed as a dark arc outlining the lid's top, and the skin fill, held at the mask's edge on it,
// ran up from that dark into the lit dome (the lid's upper half .57 -> 1.0 of the cheek): the oval. Here, per column, the
// darkest row of the photo over the mask's top (within REACH, under the brow) that is clearly darker than the skin above
// and below it is taken for the fold, and the mask's top is raised to cover it (the fill then starts from the brow bone's
// skin over it). Only ever raised; smoothed along the eye, faded toward the corners.
import { PATCH_W, PATCH_H } from './frame.ts';
import { cellU, cellV, cellRow, clamp01, blurRgb } from './grid.ts';
import { lineAt } from './library.ts';
import type { EyeGeometry } from './lids.ts';
import { smoothstep } from '../../math/smooth.ts';
import { luminance as lum } from '../../math/colour.ts';

/**
 * on (the product) / off: the mask's top as mask.ts lays it (before s55). reach: how far over the mask's half line a fold is
 * looked for (eye widths); dark: a fold's light at most this share of the lighter skin over it and of the lid skin under it;
 * margin: the raised half line this far over the fold's row; max: the largest raise; thin (s56 lidpatch56, 0: none, the
 * product): past the brow's clearance line a fold is also taken as a thin line — a valley (its darkest row not at the search's
 * end) lit again this far (eye widths) over its darkest row, where a brow's hair is still dark (.08 raises lp_s5's painted fold
 * on the face mesh's brow contour, and st_art_1's, no other portrait's; the top's step did not fall: off).
 */
export const foldCoverSetting = { on: true, reach: 0.14, dark: 0.8, margin: 0.03, max: 0.12, thin: 0 };

/** Eye widths under the brow's lower contour no fold is looked for (brow hair is no fold). */
const BROW_CLEAR = 0.04;
/** The skin over the fold is read this far over it ([0] .. [1], eye widths; its lighter part). */
const ABOVE = [0.03, 0.1] as const;
/** The lid skin under the fold is read at the mask's half line + this. */
const BELOW = 0.02;
/** The smoothing (patch cells) of the luma the fold is read on, and of the raise along u. */
const READ_SIGMA = 1, ALONG_SIGMA = 2.5;

/** Whether a row of light `fold` is a fold between skin `above` and lid skin `below` (the setting's `dark` share). */
export function isFold(fold: number, above: number, below: number, s = foldCoverSetting): boolean {
  return above > 0 && below > 0 && fold < s.dark * Math.min(above, below);
}

/**
 * Per patch column, how far (eye widths) to raise the mask's half line `top(u)` so it covers the photo's fold (0: none).
 * photo: the photo on the patch grid (RGB).
 */
export function foldRaise(photo: Float32Array, g: EyeGeometry, top: (uc: number) => number, s = foldCoverSetting): Float32Array {
  const smooth = Float32Array.from(photo);
  blurRgb(smooth, PATCH_W, PATCH_H, READ_SIGMA);
  const at = (c: number, v: number) => {
    const r = Math.min(PATCH_H - 1, Math.max(0, Math.round(cellRow(v)))), k = (r * PATCH_W + c) * 3;
    return lum(smooth[k]!, smooth[k + 1]!, smooth[k + 2]!);
  };
  const raw = new Float32Array(PATCH_W);
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    if (u <= 0 || u >= 1) continue;
    const t = top(u), clear = lineAt(g.brow, u) + BROW_CLEAR;
    // the darkest row between t and ceil, if it is a fold (NaN: none); thin: also a valley lit again s.thin over it
    const fold = (ceil: number, thin: boolean) => {
      let vF = NaN, lF = Infinity;
      for (let v = t; v >= ceil; v -= 1 / 48) { const l = at(c, v); if (l < lF) { lF = l; vF = v; } }
      if (!Number.isFinite(vF) || vF >= t - 1 / 48) return NaN;
      let above = 0;
      for (let v = vF - ABOVE[0]; v >= vF - ABOVE[1]; v -= 1 / 48) above = Math.max(above, at(c, v));
      if (!isFold(lF, above, at(c, t + BELOW), s)) return NaN;
      if (!thin) return vF;
      return vF > ceil + 2 / 48 && vF < clear && isFold(lF, at(c, vF - s.thin), Infinity, s) ? vF : NaN;
    };
    let vF = fold(Math.max(t - s.reach, clear), false);
    // past the brow's clearance line (the face mesh's brow can lie on a painted fold) only a thin line
    if (!Number.isFinite(vF) && s.thin > 0 && clear > t - s.reach) vF = fold(t - s.reach, true);
    if (!Number.isFinite(vF)) continue;
    raw[c] = Math.min(s.max, Math.max(0, t - (vF - s.margin)));
  }
  // smooth along the eye (no notches column to column), faded toward both corners
  const out = new Float32Array(PATCH_W);
  const R = Math.ceil(3 * ALONG_SIGMA);
  for (let c = 0; c < PATCH_W; c++) {
    let sum = 0, wsum = 0;
    for (let d = -R; d <= R; d++) {
      const cc = c + d;
      if (cc < 0 || cc >= PATCH_W) continue;
      const w = Math.exp(-(d * d) / (2 * ALONG_SIGMA * ALONG_SIGMA));
      sum += w * raw[cc]!; wsum += w;
    }
    const u = clamp01(cellU(c));
    out[c] = (sum / wsum) * smoothstep(0, 0.15, u) * (1 - smoothstep(0.85, 1, u));
  }
  return out;
}
