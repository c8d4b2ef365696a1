// Pixel metrics of two RGBA images of the same size, optionally inside a mask (per-pixel
// weights, 0 = ignore): MSE/PSNR, masked means of per-pixel maps, a visible difference image.

export interface ImageLike {
  width: number;
  height: number;
  data: ArrayLike<number>; // RGBA, 4 values per pixel
}

/** Per-pixel weights (width * height); any value > 0 counts, fractional values weight. */
export type PixelMask = ArrayLike<number>;

export function assertSameSize(a: { width: number; height: number }, b: { width: number; height: number }): void {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`image sizes differ: ${a.width}x${a.height} vs ${b.width}x${b.height}`);
}

/** Mean squared error over R, G, B (alpha ignored), weighted by `mask` if given. NaN if the mask is empty. */
export function mse(a: ImageLike, b: ImageLike, mask?: PixelMask): number {
  assertSameSize(a, b);
  const n = a.width * a.height;
  let sum = 0;
  let weight = 0;
  for (let p = 0; p < n; p++) {
    const w = mask ? mask[p]! : 1;
    if (w <= 0) continue;
    const i = p * 4;
    const dr = a.data[i]! - b.data[i]!;
    const dg = a.data[i + 1]! - b.data[i + 1]!;
    const db = a.data[i + 2]! - b.data[i + 2]!;
    sum += w * (dr * dr + dg * dg + db * db);
    weight += w;
  }
  return weight > 0 ? sum / (3 * weight) : NaN;
}

/** PSNR in dB over RGB (8-bit peak 255); Infinity for identical images, NaN for an empty mask. */
export function psnr(a: ImageLike, b: ImageLike, mask?: PixelMask): number {
  const e = mse(a, b, mask);
  if (Number.isNaN(e)) return NaN;
  if (e === 0) return Infinity;
  return 10 * Math.log10((255 * 255) / e);
}

/** Mean of a per-pixel map, over everything or weighted by `mask`. NaN for an empty mask. */
export function maskedMean(map: ArrayLike<number>, mask?: PixelMask): number {
  let s = 0;
  let w = 0;
  for (let i = 0; i < map.length; i++) {
    const m = mask ? mask[i]! : 1;
    if (m <= 0) continue;
    s += m * map[i]!;
    w += m;
  }
  return w > 0 ? s / w : NaN;
}

/** |a - b| per RGB channel (alpha opaque), amplified by `gain` so small errors are visible. */
export function absDiffImage(a: ImageLike, b: ImageLike, gain = 1): { width: number; height: number; data: Uint8ClampedArray } {
  assertSameSize(a, b);
  const data = new Uint8ClampedArray(a.width * a.height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = Math.abs(a.data[i]! - b.data[i]!) * gain;
    data[i + 1] = Math.abs(a.data[i + 1]! - b.data[i + 1]!) * gain;
    data[i + 2] = Math.abs(a.data[i + 2]! - b.data[i + 2]!) * gain;
    data[i + 3] = 255;
  }
  return { width: a.width, height: a.height, data };
}
