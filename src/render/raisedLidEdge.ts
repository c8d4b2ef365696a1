// A raised upper lid's edge on screen (lidedge33). eyeWide lifts the lid's skin triangles off the eyeball,
// and the z-buffer decides each pixel along their lower edge whole, at its centre: over the bright white
// the photo drew under it (wideEyes.ts) the edge is a stair of 1-px steps, the lid skin's thin lash line on
// it (stare33: lp_s42, st_art_1 at eyeWide .6). Here, column by column, the pixel the lid line crosses
// takes the lid skin and the eyeball by the share of the pixel each covers (a box filter down the column,
// as slitEdge.ts does for a closing slit; across each row where the line is steeper than a pixel per column),
// with the eyeball's colour from the pixel right under the edge (an open eye's middle is the iris, not what
// shows under the lid), and the skin's just above it. Only those pixels change; nothing runs without a raised lid.
import { type RasterTarget } from './raster.ts';
import { mix3 } from './textureSample.ts';
import { polylineYAt } from './slitEdge.ts';
import { luma601At } from '../math/colour.ts';
import { nearestRank } from '../math/stats.ts';

/** How the pixel whose row is p is shared at a lid line crossing its column at y: the skin's share above the line. */
export function skinShareAbove(p: number, y: number): number {
  return Math.min(1, Math.max(0, y - p));
}

/**
 * Covers the raised lid line's crossed pixels in place: the line (xs, ys) in screen px (either direction);
 * the eyeball is the pixels with 0 < 1/z <= eyeballIz, the lid anything nearer. `strength` 0..1 blends
 * from the raster's whole pixels to the covered ones.
 */
export function coverRaisedLidEdge(t: RasterTarget, xs: ArrayLike<number>, ys: ArrayLike<number>, eyeballIz: number, strength: number, skinBelow = false): void {
  if (strength <= 0) return;
  const W = t.width, H = t.height, color = t.color, depth = t.depth;
  let xa = Infinity, xb = -Infinity;
  for (let k = 0; k < xs.length; k++) { xa = Math.min(xa, xs[k]!); xb = Math.max(xb, xs[k]!); }
  const eyeball = (i: number) => { const d = depth[i]!; return d > 0 && d <= eyeballIz; };
  const put = (i: number, skin: number, eye: number, a: number) => {
    const covered = mix3(color[skin]!, a, color[eye]!, 1 - a, 0, 0);
    color[i] = strength >= 1 ? covered : mix3(color[i]!, 1 - strength, covered, strength, 0, 0);
  };
  // where the line falls gently, down each column
  for (let x = Math.max(0, Math.floor(xa)); x <= Math.min(W - 1, Math.ceil(xb)); x++) {
    const y = polylineYAt(xs, ys, x + 0.5);
    if (!(y >= 2 && y < H - 2) || Math.abs(slopeAt(xs, ys, x + 0.5)) > 1) continue;
    const p = Math.floor(y);
    // the raster gave pixel p to the lid when its centre is above the line, else to the eyeball
    // (skinBelow, a dropped lower lid (arch41): to the lid when its centre is below the line)
    const skinRow = skinBelow ? (p + 0.5 >= y ? p : p + 1) : p + 0.5 <= y ? p : p - 1, eyeRow = skinBelow ? skinRow - 1 : skinRow + 1;
    const iSkin = skinRow * W + x, iEye = eyeRow * W + x;
    if (eyeball(iSkin) || !eyeball(iEye)) continue; // the cut is not at this line here (a corner, a nearer surface)
    put(p * W + x, iSkin, iEye, skinBelow ? 1 - skinShareAbove(p, y) : skinShareAbove(p, y));
  }
  // where it falls steeply (toward the corners: over a pixel per column), across each row: a steep line's
  // cut steps along the rows, and the skin lies on the side the line rises toward
  for (let k = 0; k + 1 < xs.length; k++) {
    const x0 = xs[k]!, y0 = ys[k]!, x1 = xs[k + 1]!, y1 = ys[k + 1]!;
    if (Math.abs(y1 - y0) <= Math.abs(x1 - x0)) continue;
    const slope = (y1 - y0) / (x1 - x0 || 1e-9);
    for (let p = Math.max(2, Math.ceil(Math.min(y0, y1) - 0.5)); p + 0.5 <= Math.max(y0, y1) && p < H - 2; p++) {
      const x = x0 + ((p + 0.5 - y0) / (y1 - y0)) * (x1 - x0);
      if (!(x >= 2 && x < W - 2)) continue;
      const q = Math.floor(x), skinRight = skinBelow ? slope < 0 : slope > 0;
      // the raster gave pixel q to the lid when its centre is on the skin's side of the line
      const qSkin = skinRight ? (q + 0.5 >= x ? q : q + 1) : (q + 0.5 <= x ? q : q - 1);
      const qEye = skinRight ? qSkin - 1 : qSkin + 1;
      const iSkin = p * W + qSkin, iEye = p * W + qEye;
      if (eyeball(iSkin) || !eyeball(iEye)) continue;
      const a = skinRight ? Math.min(1, Math.max(0, q + 1 - x)) : Math.min(1, Math.max(0, x - q));
      put(p * W + q, iSkin, iEye, a);
    }
  }
}

/** The polyline's slope dy/dx at x (the segment holding x; 0 outside). */
function slopeAt(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number): number {
  for (let k = 0; k + 1 < xs.length; k++) {
    const x0 = xs[k]!, x1 = xs[k + 1]!;
    if ((x < x0 && x < x1) || (x > x0 && x > x1)) continue;
    return x1 === x0 ? Infinity : (ys[k + 1]! - ys[k]!) / (x1 - x0);
  }
  return 0;
}

/**
 * The photo's lash line across its upper lid line: `alpha[k]` how much of the lash colour the photo shows at
 * depth t = k - LASH_REACH texture px below its lid line (0 = none), `colour` the lash's darkest colour (RGBA).
 */
export interface LashLine { colour: number[]; alpha: number[] }

/** Rows either side of the photo's lid line its lash line is read over (texture px). */
export const LASH_REACH = 3;
/** Columns this share of the eye's width from either corner are left out (the corners' shade and pink). */
const LASH_CORNER = 0.15;
/** Columns within this many iris radii of its centre are left out. */
const IRIS_CLEAR = 1.15;

const lumAt = (t: { width: number; data: Uint8ClampedArray }, x: number, y: number) => luma601At(t.data, (y * t.width + x) * 4);

/**
 * The photo's lash line, read once over the middle columns of the opening (`columns`: lid line y = top): per
 * column, at each whole px of depth t from -LASH_REACH to LASH_REACH below the lid line, how far the pixel is
 * from the straight line between the column's two ends (skin above, eye below) toward the column's darkest
 * pixel; the median per depth. Columns over the iris (`iris`, texture px) are left out. So the band's darkness, thickness and softness are the photo's own.
 */
export function photoLashLine(tex: { width: number; height: number; data: Uint8ClampedArray }, columns: readonly { x: number; top: number }[], iris: { cx: number; r: number } | null): LashLine | null {
  const n = columns.length, from = Math.floor(LASH_CORNER * n), to = Math.ceil((1 - LASH_CORNER) * n);
  const per: number[][] = Array.from({ length: 2 * LASH_REACH + 1 }, () => []);
  const darkest: { l: number; o: number }[] = [];
  for (let k = from; k < to; k++) {
    const c = columns[k]!, y0 = Math.round(c.top);
    // over the iris the darkest pixel under the lid may be the iris's (a grey-blue lash)
    if (iris && Math.abs(c.x + 0.5 - iris.cx) < IRIS_CLEAR * iris.r) continue;
    if (y0 - LASH_REACH < 0 || y0 + LASH_REACH >= tex.height) continue;
    const ls = per.map((_, j) => lumAt(tex, c.x, y0 - LASH_REACH + j));
    const low = Math.min(...ls), j0 = ls.indexOf(low);
    darkest.push({ l: low, o: ((y0 - LASH_REACH + j0) * tex.width + c.x) * 4 });
    ls.forEach((l, j) => {
      const base = ls[0]! + (j / (ls.length - 1)) * (ls.at(-1)! - ls[0]!);
      per[j]!.push(base - low > 8 ? Math.min(1, Math.max(0, (base - l) / (base - low))) : 0);
    });
  }
  if (darkest.length < 3) return null;
  const median = (v: number[]) => nearestRank(v, 0.5, NaN);
  const mid = darkest.sort((a, b) => a.l - b.l)[darkest.length >> 1]!;
  return { colour: [0, 1, 2, 3].map((ch) => tex.data[mid.o + ch]!), alpha: per.map(median) };
}

/** The lash's share at depth t (texture px below the lid line): alpha linearly between its whole-px depths, 0 past its ends. */
export function lashAlphaAt(alpha: readonly number[], t: number): number {
  const u = t + LASH_REACH;
  if (u <= 0 || u >= alpha.length - 1) return 0;
  const k = Math.floor(u);
  return alpha[k]! + (u - k) * (alpha[k + 1]! - alpha[k]!);
}

/** The drawn lash line fades in over this share of the line's length from either corner (the lid barely moves there: the photo's own lash). */
const LASH_TAPER = 0.2;
/** Sub-rows per pixel the lash's share is averaged over (its coverage of the pixel: no steps). */
const SUB = 4;

/**
 * The photo's lash line (`lash`) along the raised lid line (xs, ys) on screen, `scale` screen px per texture
 * px: each pixel near the line mixed toward the lash colour (packed) by the lash's share averaged over the
 * pixel's height, at most `strength`; only over the eye's lid and eyeball (0 < 1/z <= maxIz).
 */
export function drawLashLine(t: RasterTarget, xs: ArrayLike<number>, ys: ArrayLike<number>, lash: LashLine, colour: number, scale: number, maxIz: number, strength: number): void {
  if (strength <= 0 || scale <= 0) return;
  const W = t.width, H = t.height, color = t.color, depth = t.depth;
  let xa = Infinity, xb = -Infinity;
  for (let k = 0; k < xs.length; k++) { xa = Math.min(xa, xs[k]!); xb = Math.max(xb, xs[k]!); }
  const span = Math.max(1, xb - xa), reach = LASH_REACH * scale;
  for (let x = Math.max(0, Math.floor(xa)); x <= Math.min(W - 1, Math.ceil(xb)); x++) {
    const cx = x + 0.5, y = polylineYAt(xs, ys, cx);
    if (!Number.isFinite(y)) continue;
    const taper = Math.min(1, Math.min(cx - xa, xb - cx) / (LASH_TAPER * span));
    if (taper <= 0) continue;
    // depth across the line, not down the column (a sloping line's band is taller in a column)
    const slope = polylineYAt(xs, ys, Math.min(xb, cx + 0.5)) - polylineYAt(xs, ys, Math.max(xa, cx - 0.5));
    const across = 1 / Math.hypot(1, Number.isFinite(slope) ? slope : 0);
    for (let p = Math.max(0, Math.floor(y - reach)); p <= Math.min(H - 1, Math.ceil(y + reach)); p++) {
      const i = p * W + x, d = depth[i]!;
      if (!(d > 0 && d <= maxIz)) continue;
      let a = 0;
      for (let s = 0; s < SUB; s++) a += lashAlphaAt(lash.alpha, ((p + (s + 0.5) / SUB - y) * across) / scale);
      const share = (strength * taper * a) / SUB;
      if (share > 0) color[i] = mix3(color[i]!, 1 - share, colour, share, 0, 0);
    }
  }
}
