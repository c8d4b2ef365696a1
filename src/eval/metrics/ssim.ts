// SSIM on luminance (Wang et al. 2004) with an 11x11 gaussian window, and the separable gaussian
// blur it rests on. A frame's luminance statistics are computed once and reused for every
// comparison (the photo against each real frame, the generated frame against the same real one).
import { assertSameSize, maskedMean, type ImageLike, type PixelMask } from './image.ts';

/** Rec. 601 luma of an RGBA image as floats 0..255. */
export function luminance(img: ImageLike): Float32Array {
  const n = img.width * img.height;
  const out = new Float32Array(n);
  for (let p = 0, i = 0; p < n; p++, i += 4) out[p] = 0.299 * img.data[i]! + 0.587 * img.data[i + 1]! + 0.114 * img.data[i + 2]!;
  return out;
}

function gaussianKernel(sigma: number, radius: number): Float32Array {
  const k = new Float32Array(2 * radius + 1);
  let s = 0;
  for (let i = -radius; i <= radius; i++) s += k[i + radius] = Math.exp((-i * i) / (2 * sigma * sigma));
  for (let i = 0; i < k.length; i++) k[i]! /= s;
  return k;
}

/** Horizontal pass of one pixel near a row end: the kernel truncated at the edge and renormalised. */
function edgeSample(src: Float32Array, row: number, x: number, width: number, k: Float32Array, radius: number): number {
  let s = 0;
  let w = 0;
  const x0 = Math.max(0, x - radius);
  const x1 = Math.min(width - 1, x + radius);
  for (let xx = x0; xx <= x1; xx++) {
    const kw = k[xx - x + radius]!;
    s += kw * src[row + xx]!;
    w += kw;
  }
  return s / w;
}

/** Blurs every row of `src` into `out` (interior pixels take the fast path). */
function blurRows(src: Float32Array, out: Float32Array, width: number, height: number, k: Float32Array, radius: number): void {
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (x < radius || x >= width - radius) {
        out[row + x] = edgeSample(src, row, x, width, k, radius);
        continue;
      }
      let s = 0;
      const o = row + x - radius;
      for (let t = 0; t <= 2 * radius; t++) s += k[t]! * src[o + t]!;
      out[row + x] = s;
    }
  }
}

/** Blurs every column of `src` into `out` (zeroed), accumulating whole rows for cache locality. */
function blurColumns(src: Float32Array, out: Float32Array, width: number, height: number, k: Float32Array, radius: number): void {
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(height - 1, y + radius);
    let w = 0;
    for (let yy = y0; yy <= y1; yy++) w += k[yy - y + radius]!;
    const row = y * width;
    for (let yy = y0; yy <= y1; yy++) {
      const kw = k[yy - y + radius]! / w;
      const o = yy * width;
      for (let x = 0; x < width; x++) out[row + x]! += kw * src[o + x]!;
    }
  }
}

/**
 * Separable gaussian blur. At the borders the kernel is truncated and renormalised, so every
 * pixel gets a proper local mean (no zero padding darkening the edges).
 */
export function gaussianBlur(src: Float32Array, width: number, height: number, sigma = 1.5, radius = 5): Float32Array {
  const k = gaussianKernel(sigma, radius);
  const tmp = new Float32Array(src.length);
  const out = new Float32Array(src.length);
  blurRows(src, tmp, width, height, k, radius);
  blurColumns(tmp, out, width, height, k, radius);
  return out;
}

/** Luminance and its local gaussian moments: computed once per image, reused for every comparison. */
export interface LumaStats {
  width: number;
  height: number;
  luma: Float32Array;
  /** local mean */
  mean: Float32Array;
  /** local mean of the square */
  meanSq: Float32Array;
}

export function lumaStats(img: ImageLike): LumaStats {
  const { width, height } = img;
  const luma = luminance(img);
  const sq = new Float32Array(luma.length);
  for (let i = 0; i < luma.length; i++) sq[i] = luma[i]! * luma[i]!;
  return { width, height, luma, mean: gaussianBlur(luma, width, height), meanSq: gaussianBlur(sq, width, height) };
}

/**
 * Per-pixel SSIM map on luminance with an 11x11 gaussian window (sigma 1.5), the constants of
 * Wang et al. 2004 (K1 = 0.01, K2 = 0.03, L = 255). Accepts images or precomputed LumaStats.
 */
export function ssimMap(a: ImageLike | LumaStats, b: ImageLike | LumaStats): Float32Array {
  const sa = 'luma' in a ? a : lumaStats(a);
  const sb = 'luma' in b ? b : lumaStats(b);
  assertSameSize(sa, sb);
  const n = sa.luma.length;
  const xy = new Float32Array(n);
  for (let i = 0; i < n; i++) xy[i] = sa.luma[i]! * sb.luma[i]!;
  const sxy = gaussianBlur(xy, sa.width, sa.height);
  const C1 = (0.01 * 255) ** 2;
  const C2 = (0.03 * 255) ** 2;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const ux = sa.mean[i]!;
    const uy = sb.mean[i]!;
    // float rounding can push a variance slightly below 0
    const vx = Math.max(0, sa.meanSq[i]! - ux * ux);
    const vy = Math.max(0, sb.meanSq[i]! - uy * uy);
    const cxy = sxy[i]! - ux * uy;
    out[i] = ((2 * ux * uy + C1) * (2 * cxy + C2)) / ((ux * ux + uy * uy + C1) * (vx + vy + C2));
  }
  return out;
}

/** Mean SSIM (1 = identical), over the whole image or weighted by `mask`. NaN for an empty mask. */
export function ssim(a: ImageLike | LumaStats, b: ImageLike | LumaStats, mask?: PixelMask): number {
  return maskedMean(ssimMap(a, b), mask);
}
