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

/** Switch for the pass (one option per setting; default on). */
// Off by default (s48 lead): on, it cost ~1.5 ms (specklessFill) / ~1 ms (jawComb) per turned frame of an ordinary
// audio clip's head motion (bench/renderAB.ts lp_s42 with --cpu-prof: fillSpecks 562 ms, smoothAlongLine 364 ms over 360
// frames; 13.4 against 11.9 ms a frame before this session), past #13's 12 ms budget, for a change the critic saw at 4x only.
export const jawCombSetting = { on: false };

/** The jaw's landmarks from the far jaw corner to the chin's side, for a turn by +yaw (image left) and -yaw (image right). */
const FAR_JAW_PLUS = [58, 172, 136, 150, 149, 176];
const FAR_JAW_MINUS = [288, 397, 365, 379, 378, 400];

/** How far outside the jaw's line (face widths on screen) the comb is smoothed. */
export const JAW_COMB_REACH = 0.07;
/** Taps each side along the tangent (px apart). */
export const JAW_COMB_TAPS = 4;

/** Bilinear sample of packed premultiplied colour, added with weight w into acc (r, g, b, a). */
function addSample(color: Uint32Array, W: number, H: number, x: number, y: number, w: number, acc: Float64Array): void {
  const cx = Math.min(W - 1.001, Math.max(0, x)), cy = Math.min(H - 1.001, Math.max(0, y));
  const x0 = cx | 0, y0 = cy | 0, fx = cx - x0, fy = cy - y0, i = y0 * W + x0;
  const ws = [(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy], cs = [color[i]!, color[i + 1]!, color[i + W]!, color[i + W + 1]!];
  for (let q = 0; q < 4; q++) for (let s = 0, k = 0; s < 32; s += 8, k++) acc[k] += w * ws[q]! * ((cs[q]! >>> s) & 255);
}

const acc = new Float64Array(4);
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
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const px = x + 0.5 - ax, py = y + 0.5 - ay, u = px * tx + py * ty, s = px * nx + py * ny;
        // this segment's own stretch (its ends' pixels go to the segment they project onto), outside the line, within reach
        if (u < 0 || u >= len || s < -1 || s > reach) continue;
        const m = strength * (1 - smooth01((s - reach / 2) / (reach / 2)));
        if (!(m > 0)) continue;
        acc.fill(0);
        let wsum = 0;
        for (let q = -JAW_COMB_TAPS; q <= JAW_COMB_TAPS; q++) { const w = 1 - Math.abs(q) / (JAW_COMB_TAPS + 1); addSample(src, W, H, x + q * tx, y + q * ty, w, acc); wsum += w; }
        const i = y * W + x, own = src[i]!;
        let out = 0;
        for (let s8 = 0, c = 0; s8 < 32; s8 += 8, c++) out |= Math.round(((own >>> s8) & 255) * (1 - m) + (acc[c]! / wsum) * m) << s8;
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
