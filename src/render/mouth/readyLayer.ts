// A mouth layer made ready for one output size: resampled once to output pixels (so the per-pixel
// shader only does 1:1 bilinear lookups), softened, light-matched, premultiplied.
import type { MouthLayer } from './atlas.ts';
import type { LightMatch } from './lightMatch.ts';
import { luminance as lum } from '../../math/colour.ts';

/** A layer at output scale, PREMULTIPLIED RGBA floats (colour 0..255 times alpha, alpha 0..1). */
export interface ReadyLayer {
  width: number;
  height: number;
  anchorX: number;
  anchorY: number;
  data: Float32Array;
}

/** Resamples a layer to `outPerIod`, blurs it by `sigma` output px, applies the light match (and a mid-tone lift: gamma < 1 brightens). */
export function ready(layer: MouthLayer, outPerIod: number, sigma: number, match: LightMatch, lift = 1): ReadyLayer {
  const k = outPerIod / layer.ppi;
  const W = Math.max(2, Math.round(layer.width * k)), H = Math.max(2, Math.round(layer.height * k));
  const data = resample(layer, k, W, H);
  if (sigma > 0.3) blurPremultiplied(data, W, H, sigma);
  applyLight(data, match, lift);
  return { width: W, height: H, anchorX: layer.anchorX * k, anchorY: layer.anchorY * k, data };
}

/**
 * The layer scaled by k into W x H premultiplied pixels: area-aware, a box of the source footprint
 * when shrinking, bilinear when enlarging.
 */
function resample(layer: MouthLayer, k: number, W: number, H: number): Float32Array {
  const data = new Float32Array(W * H * 4);
  const src = layer.data, sw = layer.width, sh = layer.height;
  const foot = Math.max(1, 1 / k);
  const steps = Math.ceil(foot);
  for (let j = 0; j < H; j++) {
    for (let i = 0; i < W; i++) {
      const cx = (i + 0.5) / k - 0.5, cy = (j + 0.5) / k - 0.5;
      let r = 0, g = 0, b = 0, a = 0, wsum = 0;
      for (let q = 0; q < steps; q++) for (let p = 0; p < steps; p++) {
        const x = cx + (p + 0.5) / steps * foot - foot / 2, y = cy + (q + 0.5) / steps * foot - foot / 2;
        const fx = Math.min(sw - 1, Math.max(0, x)), fy = Math.min(sh - 1, Math.max(0, y));
        const ix = Math.min(sw - 2, fx | 0), iy = Math.min(sh - 2, fy | 0);
        const ax = fx - ix, ay = fy - iy;
        for (const [dx, dy, w] of [[0, 0, (1 - ax) * (1 - ay)], [1, 0, ax * (1 - ay)], [0, 1, (1 - ax) * ay], [1, 1, ax * ay]] as const) {
          const o = ((iy + dy) * sw + ix + dx) * 4;
          const al = src[o + 3]! * w;
          r += src[o]! * al; g += src[o + 1]! * al; b += src[o + 2]! * al; a += al;
        }
        wsum += 1;
      }
      const o = (j * W + i) * 4;
      data[o] = r / wsum; data[o + 1] = g / wsum; data[o + 2] = b / wsum; data[o + 3] = a / wsum;
    }
  }
  return data;
}

/** Gains, saturation and the mid-tone lift on premultiplied pixels, in place (colour kept within 255 x alpha). */
function applyLight(data: Float32Array, match: LightMatch, lift: number): void {
  const [g0, g1, g2] = match.gain, s = match.saturation;
  for (let o = 0; o < data.length; o += 4) {
    let r = data[o]! * g0, g = data[o + 1]! * g1, b = data[o + 2]! * g2;
    const y = lum(r, g, b);
    r = y + (r - y) * s; g = y + (g - y) * s; b = y + (b - y) * s;
    const cap = 255 * data[o + 3]!;
    if (lift !== 1 && cap > 0) {
      // a brighter mid-tone (video-frame teeth are dull next to a photo's), on the luminance: each
      // channel lifted alone drew every colour toward grey-white (Mona Lisa's teeth B/R .36 -> .48)
      const yy = lum(r, g, b);
      if (yy > 0) {
        const k = hueKeepingScale(r, g, b, (cap * Math.min(1, yy / cap) ** lift) / yy, cap);
        r *= k; g *= k; b *= k;
      }
    }
    data[o] = Math.min(cap, Math.max(0, r)); data[o + 1] = Math.min(cap, Math.max(0, g)); data[o + 2] = Math.min(cap, Math.max(0, b));
  }
}

/** The scale `k` on a colour, lowered so that no channel passes `cap` (the hue kept, where clipping each channel whitened it). */
export function hueKeepingScale(r: number, g: number, b: number, k: number, cap: number): number {
  const top = Math.max(r, g, b) * k;
  return top > cap && top > 0 ? (k * cap) / top : k;
}

/** Separable gaussian blur of premultiplied RGBA floats (edges clamped). */
function blurPremultiplied(data: Float32Array, W: number, H: number, sigma: number): void {
  const r = Math.max(1, Math.ceil(2.5 * sigma));
  const kernel = Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const sum = kernel.reduce((p, q) => p + q, 0);
  for (let i = 0; i < kernel.length; i++) kernel[i] = kernel[i]! / sum;
  const tmp = new Float32Array(data.length);
  for (const horizontal of [true, false]) {
    const from = horizontal ? data : tmp, to = horizontal ? tmp : data;
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
      for (let ch = 0; ch < 4; ch++) {
        let acc = 0;
        for (let t = -r; t <= r; t++) {
          const xx = horizontal ? Math.min(W - 1, Math.max(0, x + t)) : x;
          const yy = horizontal ? y : Math.min(H - 1, Math.max(0, y + t));
          acc += from[(yy * W + xx) * 4 + ch]! * kernel[t + r]!;
        }
        to[(y * W + x) * 4 + ch] = acc;
      }
    }
  }
}

/** Solid pixels of a layer (alpha >= 0.9). */
export function coverage(l: ReadyLayer): number {
  let n = 0;
  for (let k = 3; k < l.data.length; k += 4) if (l.data[k]! >= 0.9) n++;
  return n;
}

/** The luminance of a layer's bright teeth: the 90th percentile over its solid pixels (null under 8 of them). */
export function brightLuminance(l: ReadyLayer): number | null {
  const lums: number[] = [];
  const d = l.data;
  for (let o = 0; o < d.length; o += 4) if (d[o + 3]! >= 0.9) lums.push(lum(d[o]!, d[o + 1]!, d[o + 2]!) / d[o + 3]!);
  if (lums.length < 8) return null;
  lums.sort((a, b) => a - b);
  return lums[Math.floor(0.9 * (lums.length - 1))]!;
}
