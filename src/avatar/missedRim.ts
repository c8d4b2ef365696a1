// The photo's soft outline pixels just past the matte, below the chin (issue #15, s41 shirt41). lp_s11's shirt meets the
// card's cream border directly on its left side, and the matte stops ~1 px inside the photo's edge: the outermost
// pixel (photo ~25 % shirt: 158,149,135 between the shirt's ~100,73,78 and the card's ~175,173,153) has matte ~0, so
// it falls in the plate's hole, the fill paints it plain cream, and the render draws a hard cream step where the photo
// has a soft one: a 1-2 px pale line along the shirt's outline. Here such a pixel (within `reach` px of the person,
// alpha < .5) is given the alpha its colour says, as a mix of the person's colour just inside (the opaque pixels
// within 3 px) and the plate B: only where the two are far apart and the pixel lies on the line between them, capped
// at `cap` (below the renderer's person, 128); never where the plate is the photo's own pixel (there the photo shows
// backdrop), and only where the backdrop is plain and B is what the photo shows beside it: the plate pixel within
// `flat` levels of its blur, and the photo's own backdrop pixels within 2 px (at least 3) spanning at most `spread`
// levels of luma with their mean within `flat` of B (lp_s42's foliage makes B a guess and the mix meaningless: there
// the raise moved the hair's outline). Only from the chin's row down (the head's soft outline has its own passes:
// matteEdge, halo/rim modules).
import type { RgbaImage } from '../types.ts';
import { mixAlpha } from './matteEdge.ts';

/** on: raise the missed rim (default); reach: px past the person (alpha >= .5); cap: highest alpha given;
 *  separation / residual: the mix must tell person and plate apart by at least this, and explain the pixel within this
 *  (levels); flat: largest channel distance of the plate pixel from its blur, and of the photo's backdrop beside it from B;
 *  spread: the luma range of that backdrop (levels) */
export const missedRimSetting = { on: true, reach: 2, cap: 0.49, separation: 40, residual: 12, flat: 10, spread: 16 };

/**
 * Raises `alpha` (0..1 per pixel, in place) on the outline's missed rim from row `fromRow` down. `bg`: the backdrop
 * the edge re-read uses (RGB interleaved). Returns how many pixels were raised.
 */
export function raiseMissedRim(alpha: Float32Array, image: RgbaImage, plate: RgbaImage, bg: Float32Array, fromRow: number, opts = missedRimSetting): number {
  if (!opts.on) return 0;
  const { width: w, height: h } = image;
  const s = image.data, p = plate.data;
  const raised: [number, number][] = [];
  const px = [0, 0, 0], fg = [0, 0, 0], b = [0, 0, 0];
  for (let y = Math.max(3, Math.ceil(fromRow)); y < h - 3; y++) for (let x = 3; x < w - 3; x++) {
    const i = y * w + x, o = i * 4;
    if (alpha[i]! >= 0.5) continue;
    if (p[o] === s[o] && p[o + 1] === s[o + 1] && p[o + 2] === s[o + 2]) continue;
    if (Math.max(Math.abs(p[o]! - bg[i * 3]!), Math.abs(p[o + 1]! - bg[i * 3 + 1]!), Math.abs(p[o + 2]! - bg[i * 3 + 2]!)) > opts.flat) continue;
    let own = 0, lo = 255, hi = 0; const m = [0, 0, 0];
    for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) {
      const q = (i + dy * w + dx) * 4;
      if (p[q] !== s[q] || p[q + 1] !== s[q + 1] || p[q + 2] !== s[q + 2]) continue;
      const l = 0.299 * s[q]! + 0.587 * s[q + 1]! + 0.114 * s[q + 2]!;
      lo = Math.min(lo, l); hi = Math.max(hi, l); own++;
      for (let c = 0; c < 3; c++) m[c]! += s[q + c]!;
    }
    if (own < 3 || hi - lo > opts.spread || [0, 1, 2].some((c) => Math.abs(m[c]! / own - bg[i * 3 + c]!) > opts.flat)) continue;
    let near = false;
    for (let dy = -opts.reach; dy <= opts.reach && !near; dy++) for (let dx = -opts.reach; dx <= opts.reach; dx++) if (alpha[i + dy * w + dx]! >= 0.5) { near = true; break; }
    if (!near) continue;
    let n = 0; fg[0] = fg[1] = fg[2] = 0;
    for (let dy = -3; dy <= 3; dy++) for (let dx = -3; dx <= 3; dx++) {
      const j = i + dy * w + dx;
      if (alpha[j]! < 0.95) continue;
      for (let c = 0; c < 3; c++) fg[c]! += s[j * 4 + c]!;
      n++;
    }
    if (n === 0) continue;
    for (let c = 0; c < 3; c++) { fg[c]! /= n; px[c] = s[o + c]!; b[c] = bg[i * 3 + c]!; }
    const mix = mixAlpha(px, fg, b);
    if (mix.separation < opts.separation || mix.residual > opts.residual) continue;
    const a = Math.min(opts.cap, mix.alpha);
    if (a > alpha[i]!) raised.push([i, a]);
  }
  for (const [i, a] of raised) alpha[i] = a;
  return raised.length;
}
