// Repetition in synthesised texture: exemplar synthesis copies real patches, and when it copies
// the same source region to several places the eye sees repeated blocks (a grass tuft, a leaf
// cluster, a knit row seen twice). Measured on the image alone, so any fill method can be scored:
// the share of textured patches in the masked (invented) area that have a near-identical twin
// elsewhere in the same area, at least one patch width away. Real texture almost never repeats at
// this tolerance; copied blocks do.
import type { RgbaImage } from '../types.ts';

export interface RepetitionOptions {
  /** patch side in pixels at the analysed scale (default 8) */
  patch?: number;
  /** grid step between the query patches' origins (default 4; twins are searched at every position) */
  step?: number;
  /** downsampling factor before comparing (default 2: 512 px -> 256 px) */
  scale?: number;
  /** a pair is a twin when the mean squared difference of the plane-removed patches is below this share of their variance (default 0.15) */
  tolerance?: number;
  /** patches with a luminance deviation below this (levels) are flat, not texture, and skipped (default 4) */
  minDeviation?: number;
}

/** Share (0..1) of textured patches (on a grid) lying wholly in the mask that have a twin anywhere in the mask; NaN when there are fewer than 8 such patches. */
export function repeatedShare(img: RgbaImage, mask: Uint8Array, opts: RepetitionOptions = {}): number {
  const p = opts.patch ?? 8, step = opts.step ?? 4, k = opts.scale ?? 2;
  const tol = opts.tolerance ?? 0.15, minDev = opts.minDeviation ?? 4;
  const w = Math.floor(img.width / k), h = Math.floor(img.height / k);
  const lum = new Float32Array(w * h), inMask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    let s = 0, all = 1;
    for (let dy = 0; dy < k; dy++) for (let dx = 0; dx < k; dx++) {
      const i = (y * k + dy) * img.width + x * k + dx;
      s += 0.299 * img.data[i * 4]! + 0.587 * img.data[i * 4 + 1]! + 0.114 * img.data[i * 4 + 2]!;
      if (!mask[i]) all = 0;
    }
    lum[y * w + x] = s / (k * k);
    inMask[y * w + x] = all;
  }
  // patches minus their best-fit plane: shading differences do not hide a copy, and smooth ramps
  // (which all look alike) count as flat. Every position is a candidate twin (a copy lands at any
  // offset); the queries are the patches on a grid.
  const c0 = (p - 1) / 2;
  let sxx = 0;
  for (let q = 0; q < p; q++) sxx += (q - c0) ** 2;
  sxx *= p;
  const patches: Float32Array[] = [], origins: [number, number][] = [], variances: number[] = [];
  for (let y = 0; y + p <= h; y++) for (let x = 0; x + p <= w; x++) {
    const v = new Float32Array(p * p);
    let mean = 0, whole = true;
    for (let dy = 0; dy < p && whole; dy++) for (let dx = 0; dx < p; dx++) {
      const j = (y + dy) * w + x + dx;
      if (!inMask[j]) { whole = false; break; }
      v[dy * p + dx] = lum[j]!;
      mean += lum[j]!;
    }
    if (!whole) continue;
    mean /= p * p;
    let gx = 0, gy = 0;
    for (let q = 0; q < v.length; q++) { gx += v[q]! * ((q % p) - c0); gy += v[q]! * (Math.floor(q / p) - c0); }
    gx /= sxx; gy /= sxx;
    let variance = 0;
    for (let q = 0; q < v.length; q++) { v[q] = v[q]! - mean - gx * ((q % p) - c0) - gy * (Math.floor(q / p) - c0); variance += v[q]! ** 2; }
    variance /= p * p;
    if (variance < minDev * minDev) continue;
    patches.push(v); origins.push([x, y]); variances.push(variance);
  }
  const queries = patches.map((_, k) => k).filter((k) => origins[k]![0] % step === 0 && origins[k]![1] % step === 0);
  if (queries.length < 8) return NaN;
  let twins = 0;
  for (const a of queries) {
    const pa = patches[a]!;
    for (let b = 0; b < patches.length; b++) {
      if (Math.abs(origins[a]![0] - origins[b]![0]) < p && Math.abs(origins[a]![1] - origins[b]![1]) < p) continue;
      const limit = tol * (variances[a]! + variances[b]!) / 2 * p * p;
      const pb = patches[b]!;
      let d = 0;
      for (let q = 0; q < pa.length && d <= limit; q++) d += (pa[q]! - pb[q]!) ** 2;
      if (d <= limit) { twins++; break; }
    }
  }
  return twins / queries.length;
}
