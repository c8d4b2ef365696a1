// The brow found from the texture, for foldBand.ts (s58 shutlid58, #14: lp_s5's shut lids a brown band under the skin over
// them). foldBand lifts the open eye's fold band over the shut lid's top, but only up to the face mesh's brow less .04: a
// warm smooth painted brow (st_art_1) is no hair to hairOf and went pale when lifted. On a face whose brow is faint the
// mesh puts its brow on the fold itself (lp_s5: mesh brow v -.52 / -.49, the photo's darkest fold row -.51 / -.47), so the
// fold the lift was made for is out of reach.
//
// Here the dark band over the mask is told from brow hair by its grain ALONG the eye (u) per unit of light: a shade (fold,
// socket) scales the skin's texture with its light, so its grain over its light is about the lit skin's over it; brow hair
// (strands, or a painting's brush strokes) adds grain of its own. Band over lit skin, summed over 11 columns, shutlid58's
// column dumps: lp_s5's fold ~2.2, st_art_1's brow ~5, mt_man's 3-4.5, st_happy eye 0's ~4.6 (eye 1's blurred brow in
// shadow ~1.8: one eye alone is not enough). Columns, then an eye (the mean over u .2-.8; column by column the verdict cut
// light streaks through st_art_1's brow), then the face (the less fold-like eye, sharpened: a face has a brow over both
// eyes or neither). Where the face reads a fold, the ceiling is lifted off the mesh's brow up to the patch's top (the
// water level then finds the lit rim over the fold). Face shares (min of both eyes, before sharpening): lp_s5 .75, lp_s1
// .87, lp_s2 .85, lp_s9 1, lp_s12 1; st_art_1 0, mt_man .31, st_happy .54, lp_s0 .50, lp_s11 0, lp_s42 .10,
// st_full_body_1 .04, lp_s10 0.
import { PATCH_W, PATCH_H } from './frame.ts';
import { cellU, cellV } from './grid.ts';
import { smoothstep } from '../../math/smooth.ts';
import { luminance as lum } from '../../math/colour.ts';

/**
 * on / off: the ceiling the mesh's brow less overBrow everywhere (s57). Read only while foldBand is on (off in the product,
 * s58: see foldBand.ts). smooth: the band's grain per light over the lit skin's at which a column is [0] a fold .. [1] a
 * brow; dark / lit: a cell under `dark` of the column's lightest cell over the mask is the band, over `lit` of it the lit
 * skin; spread: summed over this many columns either side; across: the u range an eye's share is the mean over; face: the
 * face's share, smoothstep of the lower eye's over this range.
 */
export const foldBrowSetting = { on: true, smooth: [2.6, 3.4] as const, dark: 0.7, lit: 0.85, spread: 5, across: [0.2, 0.8] as const, face: [0.6, 0.8] as const };

/** Per cell, the photo's luma's grain along u: |l - mean of its u neighbours|, averaged over 3 cells along u. */
export function grainAlongU(photo: Float32Array): Float32Array {
  const n = PATCH_W * PATCH_H, l = new Float32Array(n), d = new Float32Array(n), out = new Float32Array(n);
  for (let k = 0; k < n; k++) l[k] = lum(photo[k * 3]!, photo[k * 3 + 1]!, photo[k * 3 + 2]!);
  for (let r = 0; r < PATCH_H; r++) for (let c = 1; c < PATCH_W - 1; c++) { const k = r * PATCH_W + c; d[k] = Math.abs(l[k]! - (l[k - 1]! + l[k + 1]!) / 2); }
  for (let r = 0; r < PATCH_H; r++) for (let c = 2; c < PATCH_W - 2; c++) { const k = r * PATCH_W + c; out[k] = (d[k - 1]! + d[k]! + d[k + 1]!) / 3; }
  return out;
}

/**
 * Per patch column, how much (0..1) the dark band over the mask's half line is a smooth fold (1) rather than a brow (0).
 * photo: the patch grid (RGB); half: per column the mask's half-line row (-1: none).
 */
export function foldShares(photo: Float32Array, half: Int32Array, s = foldBrowSetting): Float32Array {
  // per column the band's and the lit skin's summed grain and light
  const grain = grainAlongU(photo), sums = new Float32Array(PATCH_W * 4), out = new Float32Array(PATCH_W);
  for (let c = 0; c < PATCH_W; c++) {
    const h = half[c]!;
    if (h < 2) continue;
    let top = 0;
    for (let r = 0; r < h; r++) { const k = r * PATCH_W + c; top = Math.max(top, lum(photo[k * 3]!, photo[k * 3 + 1]!, photo[k * 3 + 2]!)); }
    for (let r = 0; r < h; r++) {
      const k = r * PATCH_W + c, l = lum(photo[k * 3]!, photo[k * 3 + 1]!, photo[k * 3 + 2]!);
      const o = l < s.dark * top ? 0 : l > s.lit * top ? 2 : -1;
      if (o >= 0) { sums[c * 4 + o] += grain[k]!; sums[c * 4 + o + 1] += Math.max(1, l); }
    }
  }
  for (let c = 0; c < PATCH_W; c++) {
    const t = [0, 0, 0, 0];
    for (let d = -s.spread; d <= s.spread; d++) { const cc = c + d; if (cc >= 0 && cc < PATCH_W) for (let i = 0; i < 4; i++) t[i] += sums[cc * 4 + i]!; }
    // grain per unit light: a shade scales the skin's texture with its light, hair adds its own
    const band = t[1]! > 0 ? t[0]! / t[1]! : 0, lit = t[3]! > 0 ? t[2]! / t[3]! : 0;
    // no lit skin over a band (or no band): the mesh's ceiling
    out[c] = band > 0 && lit > 0 ? 1 - smoothstep(s.smooth[0], s.smooth[1], band / lit) : 0;
  }
  return out;
}

/**
 * One eye's fold share: the mean of its columns' over u `across` (a brow is one object: column by column the verdict cut
 * light streaks through st_art_1's brow). mask: the eye's mask (0..1).
 */
export function eyeFoldShare(photo: Float32Array, mask: Float32Array, s = foldBrowSetting): number {
  const f = foldShares(photo, halfRowsOf(mask), s);
  let a = 0, n = 0;
  for (let c = 0; c < PATCH_W; c++) { const u = cellU(c); if (u >= s.across[0] && u <= s.across[1]) { a += f[c]!; n++; } }
  return n ? a / n : 0;
}

/** The face's fold share from its eyes': a face has a brow over both eyes or neither, so the less fold-like eye rules, sharpened. */
export const faceFoldShare = (eyes: readonly number[], s = foldBrowSetting): number => (eyes.length ? smoothstep(s.face[0], s.face[1], Math.min(...eyes)) : 0);

/** Per patch column, the mask's half-line row (the first row at 0.5; -1 none). */
export function halfRowsOf(mask: Float32Array): Int32Array {
  const half = new Int32Array(PATCH_W).fill(-1);
  for (let c = 0; c < PATCH_W; c++) for (let r = 0; r < PATCH_H; r++) if (mask[r * PATCH_W + c]! >= 0.5) { half[c] = r; break; }
  return half;
}

/** The band's ceiling (eye-frame v): the mesh's, lifted toward the patch's top by the face's fold share. */
export const foldCeiling = (mesh: number, fold: number): number => mesh + fold * (cellV(0) - mesh);
