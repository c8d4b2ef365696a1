// The comb under a turned far jaw (issue #15, s48 jawnotch48: lp_s12 at +25, short dark dashes sticking out of the
// outline under the far jaw corner, x 215-248, y 337-355 of the 512 frame).
//
// The outline's slivers (avatar/outlineCurve.ts) carry the photo's dark jaw line opaque, with a hard edge; past them the
// sheet's band shows the photo's soft matte ramp, translucent and lit by the backdrop. On a turn away the jaw runs at a
// shallow slope, so the slivers' pixel steps become horizontal runs of 3-6 px, dark against the light ramp: a comb. A
// real jaw edge there is smooth along its length. The pass blends each pixel within reach outside the far jaw's line
// with its neighbours along the line (a 1-D mean along the tangent, +-JAW_COMB_TAPS px), fully at the line and less
// further out: the steps go, the ramp across the edge stays. Pure over the raster target.
import type { RasterTarget } from './raster.ts';
import { smooth01 } from '../math/smooth.ts';

/** Switch for the pass (one option per setting; default on since s51, see below). */
// s49 fastcomb49 left both turned-jaw passes off: together (this + specklessFill.ts) bench/renderAB.ts lp_s42 read
// +.6 ms a frame, over the ~.3 ms bar. This one alone took 1.4 % of a lp_s42 frame timed in place (~.17 ms of 11.9;
// .12-.24 ms a call on turned frames, nothing under 5 deg of yaw). s51 farjaw51 turns it on alone (critic50's worst #4:
// lp_s12's far jaw step at +25 is this comb); specklessFill.ts, which also acts at small yaws, stays off.
export const jawCombSetting = { on: true };

/** The jaw's landmarks from the far jaw corner to the chin's side, for a turn by +yaw (image left) and -yaw (image right). */
const FAR_JAW_PLUS = [58, 172, 136, 150, 149, 176];
const FAR_JAW_MINUS = [288, 397, 365, 379, 378, 400];

/** How far outside the jaw's line (face widths on screen) the comb is smoothed. */
export const JAW_COMB_REACH = 0.07;
/** Taps each side along the tangent (px apart). */
export const JAW_COMB_TAPS = 4;

let scratch = new Uint32Array(0);

/** The layer as it was, copied (into a reused buffer) over the polyline's box widened by `pad` px: all the pass reads. */
function copyAround(t: RasterTarget, xs: number[], ys: number[], pad: number): Uint32Array {
  const W = t.width, H = t.height;
  if (scratch.length < W * H) scratch = new Uint32Array(W * H);
  const x0 = Math.max(0, Math.floor(Math.min(...xs) - pad)), x1 = Math.min(W - 1, Math.ceil(Math.max(...xs) + pad));
  const y0 = Math.max(0, Math.floor(Math.min(...ys) - pad)), y1 = Math.min(H - 1, Math.ceil(Math.max(...ys) + pad));
  for (let y = y0; y <= y1; y++) scratch.set(t.color.subarray(y * W + x0, y * W + x1 + 1), y * W + x0);
  return scratch;
}

/** The tap weights along the tangent (a tent over +-JAW_COMB_TAPS) and their sum, summed in tap order. */
const TAP_W = Array.from({ length: 2 * JAW_COMB_TAPS + 1 }, (_, k) => 1 - Math.abs(k - JAW_COMB_TAPS) / (JAW_COMB_TAPS + 1));
const TAP_SUM = TAP_W.reduce((s, w) => s + w, 0);
/** The taps' mean colour (r, g, b, a; premultiplied, not rounded), written by meanAlong. */
const mean = new Float64Array(4);

/**
 * The tent-weighted mean of bilinear samples of packed colour `src` (W x H) at (x + q tx, y + q ty), q = -TAPS..TAPS, into
 * `mean`. Per channel the sums run tap by tap, corner by corner (the order s48's per-sample helper used, so the same
 * doubles); no allocation: this runs for every pixel the pass touches.
 */
function meanAlong(src: Uint32Array, W: number, H: number, x: number, y: number, tx: number, ty: number): void {
  let r = 0, g = 0, b = 0, a = 0;
  for (let k = 0; k < TAP_W.length; k++) {
    const q = k - JAW_COMB_TAPS, w = TAP_W[k]!;
    const cx = Math.min(W - 1.001, Math.max(0, x + q * tx)), cy = Math.min(H - 1.001, Math.max(0, y + q * ty));
    const x0 = cx | 0, y0 = cy | 0, fx = cx - x0, fy = cy - y0, i = y0 * W + x0;
    const w0 = w * ((1 - fx) * (1 - fy)), w1 = w * (fx * (1 - fy)), w2 = w * ((1 - fx) * fy), w3 = w * (fx * fy);
    const c0 = src[i]!, c1 = src[i + 1]!, c2 = src[i + W]!, c3 = src[i + W + 1]!;
    r += w0 * (c0 & 255); g += w0 * ((c0 >>> 8) & 255); b += w0 * ((c0 >>> 16) & 255); a += w0 * (c0 >>> 24);
    r += w1 * (c1 & 255); g += w1 * ((c1 >>> 8) & 255); b += w1 * ((c1 >>> 16) & 255); a += w1 * (c1 >>> 24);
    r += w2 * (c2 & 255); g += w2 * ((c2 >>> 8) & 255); b += w2 * ((c2 >>> 16) & 255); a += w2 * (c2 >>> 24);
    r += w3 * (c3 & 255); g += w3 * ((c3 >>> 8) & 255); b += w3 * ((c3 >>> 16) & 255); a += w3 * (c3 >>> 24);
  }
  mean[0] = r / TAP_SUM; mean[1] = g / TAP_SUM; mean[2] = b / TAP_SUM; mean[3] = a / TAP_SUM;
}

/** The taps' texels (offsets from the pixel's index) and weights, tapCount of them, for one segment's direction (tapsOf). */
const tapOffset = new Int32Array(4 * TAP_W.length), tapWeight = new Float64Array(4 * TAP_W.length);
let tapCount = 0;

/**
 * meanAlong's texels and weights for a direction (tx, ty), for pixels whose taps stay inside the frame: the taps of
 * (x, y) sit at x + q tx, whose fraction is q tx's (to the last bits of a double; with the shared texels' weights summed,
 * the mean moves by ~1e-13 of a level: a blend lands that near half a level about never, so the bytes match meanAlong's).
 */
function tapsOf(W: number, tx: number, ty: number): void {
  tapCount = 0;
  for (let k = 0; k < TAP_W.length; k++) {
    const q = k - JAW_COMB_TAPS, w = TAP_W[k]!, ox = q * tx, oy = q * ty, dx = Math.floor(ox), dy = Math.floor(oy), fx = ox - dx, fy = oy - dy, o = dy * W + dx;
    addTexel(o, w * ((1 - fx) * (1 - fy))); addTexel(o + 1, w * (fx * (1 - fy))); addTexel(o + W, w * ((1 - fx) * fy)); addTexel(o + W + 1, w * (fx * fy));
  }
}

/** A texel into tapsOf's list: a texel two taps share is read once, with their weights summed; a zero weight not at all. */
function addTexel(o: number, w: number): void {
  if (w === 0) return;
  for (let j = 0; j < tapCount; j++) if (tapOffset[j] === o) { tapWeight[j] += w; return; }
  tapOffset[tapCount] = o; tapWeight[tapCount++] = w;
}

/** meanAlong at the pixel of index i with tapsOf's texels (the sums in another order: the same to ~1e-13 of a level). */
function meanOfTaps(src: Uint32Array, i: number): void {
  let r = 0, g = 0, b = 0, a = 0;
  for (let j = 0; j < tapCount; j++) {
    const c = src[i + tapOffset[j]!]!, w = tapWeight[j]!;
    r += w * (c & 255); g += w * ((c >>> 8) & 255); b += w * ((c >>> 16) & 255); a += w * (c >>> 24);
  }
  mean[0] = r / TAP_SUM; mean[1] = g / TAP_SUM; mean[2] = b / TAP_SUM; mean[3] = a / TAP_SUM;
}

/** Under this many levels (255 m) a blend rounds back to the pixel as it was (half a level, less float error). */
const UNMOVED = 0.49;

/** Integer x with lo1 <= a1 x + b1 <= hi1 and lo2 <= a2 x + b2 <= hi2, widened by a pixel each way (a superset). */
const spanOut: [number, number] = [0, 0];
function rowSpan(a1: number, b1: number, lo1: number, hi1: number, a2: number, b2: number, lo2: number, hi2: number): [number, number] {
  spanOut[0] = 1; spanOut[1] = 0;
  let lo = -Infinity, hi = Infinity;
  if (Math.abs(a1) >= 1e-9) { const p = (lo1 - b1) / a1, q = (hi1 - b1) / a1; lo = Math.max(lo, Math.min(p, q)); hi = Math.min(hi, Math.max(p, q)); }
  else if (b1 < lo1 - 1e-6 || b1 > hi1 + 1e-6) return spanOut;
  if (Math.abs(a2) >= 1e-9) { const p = (lo2 - b2) / a2, q = (hi2 - b2) / a2; lo = Math.max(lo, Math.min(p, q)); hi = Math.min(hi, Math.max(p, q)); }
  else if (b2 < lo2 - 1e-6 || b2 > hi2 + 1e-6) return spanOut;
  if (lo <= hi) { spanOut[0] = Math.floor(lo) - 1; spanOut[1] = Math.ceil(hi) + 1; }
  return spanOut;
}

/**
 * Smooths along the polyline (xs, ys) the pixels within `reach` px on the side away from `inside`, by `strength` (0..1).
 * Reads the layer as it was. Returns how many pixels changed.
 */
export function smoothAlongLine(t: RasterTarget, xs: number[], ys: number[], inside: [number, number], strength: number, reach: number): number {
  if (!(strength > 0) || !(reach > 0)) return 0;
  const W = t.width, H = t.height, src = copyAround(t, xs, ys, reach + JAW_COMB_TAPS + 2);
  let changed = 0;
  for (let k = 0; k + 1 < xs.length; k++) {
    const ax = xs[k]!, ay = ys[k]!, dx = xs[k + 1]! - ax, dy = ys[k + 1]! - ay, len = Math.hypot(dx, dy);
    if (!(len > 1e-6)) continue;
    const tx = dx / len, ty = dy / len;
    let nx = -ty, ny = tx;
    if ((inside[0] - ax) * nx + (inside[1] - ay) * ny > 0) { nx = -nx; ny = -ny; } // outward
    const x0 = Math.max(1, Math.floor(Math.min(ax, ax + dx) - reach)), x1 = Math.min(W - 2, Math.ceil(Math.max(ax, ax + dx) + reach));
    const y0 = Math.max(1, Math.floor(Math.min(ay, ay + dy) - reach)), y1 = Math.min(H - 2, Math.ceil(Math.max(ay, ay + dy) + reach));
    // no tap of this stretch reaches the frame's border: its taps' texel offsets and weights are the segment's own
    const fast = x0 >= JAW_COMB_TAPS + 1 && x1 <= W - JAW_COMB_TAPS - 3 && y0 >= JAW_COMB_TAPS + 1 && y1 <= H - JAW_COMB_TAPS - 3;
    if (fast) tapsOf(W, tx, ty);
    for (let y = y0; y <= y1; y++) {
      // the row's columns the stretch can hold (widened a pixel; the test below decides each)
      const py0 = y + 0.5 - ay, span = rowSpan(tx, py0 * ty + (0.5 - ax) * tx, 0, len, nx, py0 * ny + (0.5 - ax) * nx, -1, reach);
      for (let x = Math.max(x0, span[0]); x <= Math.min(x1, span[1]); x++) {
        const px = x + 0.5 - ax, py = y + 0.5 - ay, u = px * tx + py * ty, s = px * nx + py * ny;
        // this segment's own stretch (its ends' pixels go to the segment they project onto), outside the line, within reach
        if (u < 0 || u >= len || s < -1 || s > reach) continue;
        const m = strength * (1 - smooth01((s - reach / 2) / (reach / 2)));
        // a blend by m moves a channel by at most 255 m: under half a level it rounds back to the pixel as it was
        if (!(m * 255 >= UNMOVED)) continue;
        const i = y * W + x, own = src[i]!;
        if (fast) meanOfTaps(src, i); else meanAlong(src, W, H, x, y, tx, ty);
        let out = 0;
        for (let s8 = 0, c = 0; s8 < 32; s8 += 8, c++) out |= Math.round(((own >>> s8) & 255) * (1 - m) + mean[c]! * m) << s8;
        if ((out >>> 0) !== own) { t.color[i] = out >>> 0; changed++; }
      }
    }
  }
  return changed;
}

/** The pass on a frame turned by `yaw` (degrees, relative to the photo; fading in from 5 to 15 as farSeam.ts), over screen landmarks (sx, sy). */
export function jawCombPass(t: RasterTarget, sx: Float32Array, sy: Float32Array, yaw: number, faceWidth: number): number {
  if (!jawCombSetting.on) return 0;
  const strength = smooth01((Math.abs(yaw) - 5) / 10);
  if (!(strength > 0)) return 0;
  const ids = yaw > 0 ? FAR_JAW_PLUS : FAR_JAW_MINUS;
  return smoothAlongLine(t, ids.map((i) => sx[i]!), ids.map((i) => sy[i]!), [sx[4]!, sy[4]!], strength, JAW_COMB_REACH * faceWidth);
}
