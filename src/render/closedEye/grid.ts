// The patch grid (PATCH_W x PATCH_H cells in the eye frame, frame.ts): cell centres, bilinear
// sampling and blur of float grids, and bilinear sampling of the photo.
import { PATCH_U0, PATCH_V0, PATCH_PPW } from './frame.ts';

/** Photo pixels (the avatar's texture), straight RGBA bytes. */
export interface PhotoTexture { width: number; height: number; data: Uint8ClampedArray }

/** Eye-frame u of patch column c's centre. */
export const cellU = (c: number): number => PATCH_U0 + (c + 0.5) / PATCH_PPW;
/** Eye-frame v of patch row r's centre. */
export const cellV = (r: number): number => PATCH_V0 + (r + 0.5) / PATCH_PPW;

/** Fractional patch column whose centre is at u (inverse of cellU). */
export const cellColumn = (u: number): number => (u - PATCH_U0) * PATCH_PPW - 0.5;
/** Fractional patch row whose centre is at v (inverse of cellV). */
export const cellRow = (v: number): number => (v - PATCH_V0) * PATCH_PPW - 0.5;

import { clamp01 } from '../../math/smooth.ts';
export { clamp01 };

/** Bilinear RGB sample of a float grid at grid position (gx, gy) (pixel centres at +0.5), into out[o..o+2]. */
export function sample(rgb: Float32Array, w: number, h: number, gx: number, gy: number, out: Float32Array, o: number): void {
  const fx = Math.min(w - 1, Math.max(0, gx - 0.5)), fy = Math.min(h - 1, Math.max(0, gy - 0.5));
  const ix = Math.min(w - 2, fx | 0), iy = Math.min(h - 2, fy | 0);
  const ax = fx - ix, ay = fy - iy;
  const p = (iy * w + ix) * 3, q = p + w * 3;
  for (let ch = 0; ch < 3; ch++) {
    out[o + ch] = (1 - ay) * ((1 - ax) * rgb[p + ch]! + ax * rgb[p + 3 + ch]!) + ay * ((1 - ax) * rgb[q + ch]! + ax * rgb[q + 3 + ch]!);
  }
}

/** Bilinear sample of a scalar float grid, as `sample`. */
export function sampleScalar(a: Float32Array, w: number, h: number, gx: number, gy: number): number {
  const fx = Math.min(w - 1, Math.max(0, gx - 0.5)), fy = Math.min(h - 1, Math.max(0, gy - 0.5));
  const ix = Math.min(w - 2, fx | 0), iy = Math.min(h - 2, fy | 0);
  const ax = fx - ix, ay = fy - iy, p = iy * w + ix;
  return (1 - ay) * ((1 - ax) * a[p]! + ax * a[p + 1]!) + ay * ((1 - ax) * a[p + w]! + ax * a[p + w + 1]!);
}

/** Bilinear RGB sample of the photo into out[o..o+2]; returns the alpha there (0..255). */
export function sampleRgba(img: PhotoTexture, x: number, y: number, out: Float32Array, o: number): number {
  const w = img.width, h = img.height;
  const fx = Math.min(w - 1, Math.max(0, x - 0.5)), fy = Math.min(h - 1, Math.max(0, y - 0.5));
  const ix = Math.min(w - 2, fx | 0), iy = Math.min(h - 2, fy | 0);
  const ax = fx - ix, ay = fy - iy, d = img.data;
  const p = (iy * w + ix) * 4, q = p + w * 4;
  for (let ch = 0; ch < 3; ch++) out[o + ch] = (1 - ay) * ((1 - ax) * d[p + ch]! + ax * d[p + 4 + ch]!) + ay * ((1 - ax) * d[q + ch]! + ax * d[q + 4 + ch]!);
  return (1 - ay) * ((1 - ax) * d[p + 3]! + ax * d[p + 7]!) + ay * ((1 - ax) * d[q + 3]! + ax * d[q + 7]!);
}

/** Separable Gaussian blur of an RGB float grid, in place (math/gridBlur.ts, s54: the same bytes as the per-pixel loop it replaced, faster). */
export { blurRgb } from '../../math/gridBlur.ts';
