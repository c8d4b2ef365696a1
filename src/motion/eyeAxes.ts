// An eye's own axes on a video frame, from the face mesh's landmarks, and a smooth luma sampler: what the pixel readings of
// the eye (eyeWhiteShow.ts: the white above the iris; irisShow.ts: the iris between the lids) walk along.
import type { RgbaImage } from '../types.ts';
import { luma601At } from '../math/colour.ts';

/** Rec. 601 luma at (x, y), bilinear between the four pixels around it (clamped inside the image). */
export function lumaBilinear(img: RgbaImage, x: number, y: number): number {
  const x0 = Math.max(0, Math.min(img.width - 2, Math.floor(x))), y0 = Math.max(0, Math.min(img.height - 2, Math.floor(y)));
  const fx = Math.min(1, Math.max(0, x - x0)), fy = Math.min(1, Math.max(0, y - y0));
  const at = (xx: number, yy: number) => luma601At(img.data, (yy * img.width + xx) * 4);
  return (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) + fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
}

/** An eye on the frame: its iris centre `c`, corner-to-corner width `w`, iris radius `r` (px); `u` along the eye, `n` across it pointing up. */
export interface EyeAxes { c: [number, number]; w: number; r: number; ux: number; uy: number; nx: number; ny: number }

/** The axes of the eye with these corners and iris centre (its four rim points follow it), flat landmarks' indices. */
export function eyeAxesOf(lm: ArrayLike<number>, inner: number, outer: number, iris: number): EyeAxes {
  const p = (i: number): [number, number] => [lm[i * 3]!, lm[i * 3 + 1]!];
  const a = p(inner), b = p(outer), c = p(iris);
  const w = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const r = [1, 2, 3, 4].reduce((s, k) => s + Math.hypot(p(iris + k)[0] - c[0], p(iris + k)[1] - c[1]), 0) / 4;
  const ux = (b[0] - a[0]) / w, uy = (b[1] - a[1]) / w;
  let nx = uy, ny = -ux;
  if (ny > 0) { nx = -nx; ny = -ny; }
  return { c, w, r, ux, uy, nx, ny };
}
