// The far cheek's own light on a turn (issue #15, s52 farcheek52): the cheek a turn shows, as rendered,
// against the photo's same surface, triangle by triangle (bench/farCheekLight.ts). A turned head's
// revealed cheek should stay darker where the photo's cheek is darker and as light as the photo's on
// average: a pale flat mask reads a positive offset, a low correlation and a small render spread.
import type { RgbaImage } from '../types.ts';

/** The subject's right cheek (image-left in an unmirrored photo): under the eye to the jaw, outside the nose and lips. */
export const CHEEK_RIGHT = [111, 116, 117, 118, 119, 120, 100, 47, 126, 142, 36, 101, 50, 123, 137, 227, 34, 143,
  147, 187, 205, 206, 203, 207, 216, 192, 213, 177, 215, 138, 135, 214, 212, 132, 93, 58, 172, 234];

/** The face-mesh triangles with all three corners in the chosen cheek (the left one by the mirror map). */
export function farCheekTriangles(topology: { triangles: ArrayLike<number>; mirror: ArrayLike<number> }, side: 'right' | 'left'): number[] {
  const set = new Set(side === 'right' ? CHEEK_RIGHT : CHEEK_RIGHT.map((i) => topology.mirror[i]!));
  const out: number[] = [];
  const t = topology.triangles;
  for (let k = 0; k + 2 < t.length; k += 3) if (set.has(t[k]!) && set.has(t[k + 1]!) && set.has(t[k + 2]!)) out.push(t[k]!, t[k + 1]!, t[k + 2]!);
  return out;
}

const luma = (d: ArrayLike<number>, i: number) => 0.299 * d[i * 4]! + 0.587 * d[i * 4 + 1]! + 0.114 * d[i * 4 + 2]!;

/** Mean luma over the pixel centres inside triangle (a, b, c) with alpha >= 250; [sum, count]. */
export function triangleLuma(img: RgbaImage, a: number[], b: number[], c: number[]): [number, number] {
  const x0 = Math.max(0, Math.floor(Math.min(a[0]!, b[0]!, c[0]!))), x1 = Math.min(img.width - 1, Math.ceil(Math.max(a[0]!, b[0]!, c[0]!)));
  const y0 = Math.max(0, Math.floor(Math.min(a[1]!, b[1]!, c[1]!))), y1 = Math.min(img.height - 1, Math.ceil(Math.max(a[1]!, b[1]!, c[1]!)));
  const area = (b[0]! - a[0]!) * (c[1]! - a[1]!) - (c[0]! - a[0]!) * (b[1]! - a[1]!);
  if (Math.abs(area) < 1e-9) return [0, 0];
  let s = 0, n = 0;
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
    const px = x + 0.5, py = y + 0.5;
    const w0 = ((b[0]! - px) * (c[1]! - py) - (c[0]! - px) * (b[1]! - py)) / area;
    const w1 = ((c[0]! - px) * (a[1]! - py) - (a[0]! - px) * (c[1]! - py)) / area;
    if (w0 < 0 || w1 < 0 || w0 + w1 > 1) continue;
    const i = y * img.width + x;
    if (img.data[i * 4 + 3]! < 250) continue;
    s += luma(img.data, i); n++;
  }
  return [s, n];
}

export interface CheekLight { offset: number; r: number; sdRender: number; sdPhoto: number; pixels: number }

/**
 * Render vs photo over the cheek triangles `tris` (flat index triples): `at` the rendered landmarks, `uv`
 * the photo's texture positions of the same points (pixels of `photo`). Pixel-weighted by the render.
 */
export function cheekLight(img: RgbaImage, at: ArrayLike<number>[], tris: number[], photo: RgbaImage, uv: Float32Array): CheekLight {
  const rows: [number, number, number][] = []; // render luma, photo luma, weight
  for (let k = 0; k < tris.length; k += 3) {
    const [ia, ib, ic] = [tris[k]!, tris[k + 1]!, tris[k + 2]!];
    const [s, n] = triangleLuma(img, [at[ia]![0]!, at[ia]![1]!], [at[ib]![0]!, at[ib]![1]!], [at[ic]![0]!, at[ic]![1]!]);
    if (n < 3) continue;
    const ua = [uv[ia * 2]!, uv[ia * 2 + 1]!], ub = [uv[ib * 2]!, uv[ib * 2 + 1]!], uc = [uv[ic * 2]!, uv[ic * 2 + 1]!];
    let [ps, pn] = triangleLuma(photo, ua, ub, uc);
    if (pn === 0) {
      const x = Math.min(photo.width - 1, Math.max(0, Math.floor((ua[0]! + ub[0]! + uc[0]!) / 3))), y = Math.min(photo.height - 1, Math.max(0, Math.floor((ua[1]! + ub[1]! + uc[1]!) / 3)));
      if (photo.data[(y * photo.width + x) * 4 + 3]! < 250) continue;
      ps = luma(photo.data, y * photo.width + x); pn = 1;
    }
    rows.push([s / n, ps / pn, n]);
  }
  let W = 0, mr = 0, mp = 0;
  for (const [r, p, w] of rows) { W += w; mr += r * w; mp += p * w; }
  if (W === 0) return { offset: 0, r: 0, sdRender: 0, sdPhoto: 0, pixels: 0 };
  mr /= W; mp /= W;
  let vr = 0, vp = 0, cv = 0;
  for (const [r, p, w] of rows) { vr += w * (r - mr) ** 2; vp += w * (p - mp) ** 2; cv += w * (r - mr) * (p - mp); }
  return { offset: mr - mp, r: cv / Math.sqrt(vr * vp || 1), sdRender: Math.sqrt(vr / W), sdPhoto: Math.sqrt(vp / W), pixels: W };
}
