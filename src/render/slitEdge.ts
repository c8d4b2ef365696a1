// Sub-pixel coverage along an eye's opening (alias22). The eyeball shows through the hole the lid
// skin triangles leave between the upper and lower lid lines, and the z-buffer decides each pixel
// whole, at its centre: a closing lid's slit is cut in whole pixels, a stair of 1-px steps along
// both lids (Katie, lp_s42 at blink .75-.85; critic s21). Here, column by column, the pixels the two
// lid lines cross take the eyeball and the lid skin by the share of the pixel each covers
// (a box filter down the column): the slit's edges and its thickness move by fractions of a pixel.
// Only those one or two pixels per column change; the rest of the picture is untouched.
import { type RasterTarget } from './raster.ts';
import { mix3 } from './textureSample.ts';

/** A polyline's y at x (straight between its points, which run either way in x), or NaN outside it. */
export function polylineYAt(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number): number {
  for (let k = 0; k + 1 < xs.length; k++) {
    const x0 = xs[k]!, x1 = xs[k + 1]!;
    if ((x < x0 && x < x1) || (x > x0 && x > x1)) continue;
    return x1 === x0 ? Math.min(ys[k]!, ys[k + 1]!) : ys[k]! + ((x - x0) / (x1 - x0)) * (ys[k + 1]! - ys[k]!);
  }
  return NaN;
}

/**
 * Shares of pixel row p covered by the skin above the upper line (a), the slit (c) and the skin
 * below the lower line (b), for a slit from yu down to yl in its column (yl > yu).
 */
export function rowShares(p: number, yu: number, yl: number): { a: number; c: number; b: number } {
  const a = Math.min(1, Math.max(0, yu - p));
  const b = Math.min(1, Math.max(0, p + 1 - yl));
  return { a, c: Math.max(0, 1 - a - b), b };
}

/** Columns either side a column with no eyeball pixel of its own looks for the eyeball's colour. */
const REACH = 2;
let slitColour = new Uint32Array(0);
let hasColour = new Uint8Array(0);
/** per column, the upper and lower lines' y at its centre (worked out once, read by both passes) */
let upperY = new Float64Array(0);
let lowerY = new Float64Array(0);

/**
 * Covers the slit's edge pixels in place: the slit between the upper line (ux, uy) and the lower
 * line (lx, ly) in screen pixels, whose own surface is the pixels with 0 < 1/z <= insideIz (the
 * eyeball, set back behind the lids). `strength` 0..1 blends from the raster's whole pixels to the
 * covered ones.
 */
export function coverSlitEdges(t: RasterTarget, ux: ArrayLike<number>, uy: ArrayLike<number>, lx: ArrayLike<number>, ly: ArrayLike<number>, insideIz: number, strength = 1): void {
  if (strength <= 0) return;
  const W = t.width, H = t.height, color = t.color, depth = t.depth;
  let xa = Infinity, xb = -Infinity;
  for (let k = 0; k < ux.length; k++) { xa = Math.min(xa, ux[k]!); xb = Math.max(xb, ux[k]!); }
  const x0 = Math.max(1, Math.floor(xa)), x1 = Math.min(W - 2, Math.ceil(xb));
  const n = x1 - x0 + 1;
  if (n <= 0) return;
  if (slitColour.length < n) { slitColour = new Uint32Array(n); hasColour = new Uint8Array(n); upperY = new Float64Array(n); lowerY = new Float64Array(n); }
  const inside = (i: number) => { const d = depth[i]!; return d > 0 && d <= insideIz; };
  // first the eyeball's colour per column (the pixel nearest the slit's middle), before any change
  for (let x = x0; x <= x1; x++) {
    const k = x - x0, cx = x + 0.5;
    hasColour[k] = 0;
    const yu = (upperY[k] = polylineYAt(ux, uy, cx)), yl = (lowerY[k] = polylineYAt(lx, ly, cx));
    if (!(yl > yu)) continue;
    const mid = (yu + yl) / 2;
    let best = Infinity;
    for (let p = Math.max(0, Math.floor(yu) - 1); p <= Math.min(H - 1, Math.floor(yl) + 1); p++) {
      const i = p * W + x;
      if (inside(i) && Math.abs(p + 0.5 - mid) < best) { best = Math.abs(p + 0.5 - mid); slitColour[k] = color[i]!; hasColour[k] = 1; }
    }
  }
  for (let x = x0; x <= x1; x++) {
    const k = x - x0, yu = upperY[k]!, yl = lowerY[k]!;
    if (!(yl > yu) || yu < 1 || yl > H - 2) continue;
    let e = -1;
    for (let d = 0; d <= REACH && e < 0; d++) {
      if (k - d >= 0 && hasColour[k - d]) e = slitColour[k - d]!;
      else if (k + d < n && hasColour[k + d]) e = slitColour[k + d]!;
    }
    if (e < 0) continue; // no eyeball showing near here: nothing to cover
    const pu = Math.floor(yu), pl = Math.floor(yl);
    // the skin either side as the raster drew it: the crossed pixel itself when its centre lies outside the slit
    const iu = (pu + 0.5 <= yu ? pu : pu - 1) * W + x, il = (pl + 0.5 >= yl ? pl : pl + 1) * W + x;
    if (inside(iu) || inside(il)) continue; // the raster's cut is not at these lines: leave it
    const skinUp = color[iu]!, skinDown = color[il]!;
    for (const p of pu === pl ? [pu] : [pu, pl]) {
      const i = p * W + x;
      const { a, c, b } = rowShares(p, yu, yl);
      // an eyeball pixel keeps its own colour for its slit share (the iris or white it shows)
      const covered = mix3(skinUp, a, inside(i) ? color[i]! : e, c, skinDown, b);
      color[i] = strength >= 1 ? covered : mix3(color[i]!, 1 - strength, covered, strength, 0, 0);
    }
  }
}
