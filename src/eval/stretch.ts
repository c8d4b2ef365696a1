// The stretch-artefact measure of issue 15: streaks, stretched edge pixels and smears are
// one-directional, so in an invented area the gradient energy lies along one direction. The
// structure tensor J = G_sigma * (grad I grad I^T) of the luminance has eigenvalues l1 >= l2;
// its coherence (l1 - l2) / (l1 + l2) is 1 where all local gradients share one direction, ~0 for
// isotropic texture. Reported as the gradient-energy-weighted mean coherence over a mask.
import type { RgbaImage } from '../types.ts';

/** Energy-weighted structure-tensor coherence of the luminance over the masked pixels. */
export function streakCoherence(img: RgbaImage, mask: Uint8Array, sigma = 2): { coherence: number; energy: number } {
  const { width: w, height: h } = img;
  const lum = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) lum[i] = 0.299 * img.data[i * 4]! + 0.587 * img.data[i * 4 + 1]! + 0.114 * img.data[i * 4 + 2]!;
  const jxx = new Float32Array(w * h), jyy = new Float32Array(w * h), jxy = new Float32Array(w * h);
  for (let y = 1; y < h - 1; y++) for (let x = 1; x < w - 1; x++) {
    const i = y * w + x;
    const gx = (lum[i + 1 - w]! + 2 * lum[i + 1]! + lum[i + 1 + w]! - lum[i - 1 - w]! - 2 * lum[i - 1]! - lum[i - 1 + w]!) / 8;
    const gy = (lum[i + w - 1]! + 2 * lum[i + w]! + lum[i + w + 1]! - lum[i - w - 1]! - 2 * lum[i - w]! - lum[i - w + 1]!) / 8;
    jxx[i] = gx * gx; jyy[i] = gy * gy; jxy[i] = gx * gy;
  }
  const r = Math.ceil(sigma * 2);
  const blur = (a: Float32Array) => boxBlur2(boxBlur2(a, w, h, r), w, h, r);
  const sxx = blur(jxx), syy = blur(jyy), sxy = blur(jxy);
  let num = 0, den = 0;
  for (let i = 0; i < w * h; i++) {
    if (!mask[i]) continue;
    const tr = sxx[i]! + syy[i]!;
    if (tr <= 1e-6) continue;
    const c = Math.sqrt((sxx[i]! - syy[i]!) ** 2 + 4 * sxy[i]! ** 2) / tr;
    num += c * tr; den += tr;
  }
  let count = 0;
  for (let i = 0; i < w * h; i++) count += mask[i]!;
  return { coherence: den > 0 ? num / den : NaN, energy: count > 0 ? den / count : 0 };
}

function boxBlur2(src: Float32Array, w: number, h: number, r: number): Float32Array {
  const tmp = new Float32Array(src.length), out = new Float32Array(src.length);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    let s = 0, n = 0;
    for (let k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++) { s += src[y * w + k]!; n++; }
    tmp[y * w + x] = s / n;
  }
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    let s = 0, n = 0;
    for (let k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++) { s += tmp[k * w + x]!; n++; }
    out[y * w + x] = s / n;
  }
  return out;
}


/**
 * Streaks of a known direction: a head turned by yaw stretches the far side's texels along the
 * image x axis, and each texel row becomes a streak along x, whose gradients point across it. The
 * share of the luminance gradient energy across the stretch direction (dx, dy) over the mask:
 * ~0.5 for texture without a preferred direction, toward 1 for streaks along (dx, dy). Unlike the
 * coherence above it does not count a clean edge across the stretch (a jaw or hair outline) as a
 * streak: inside a face such edges are real and carry most of the gradient energy.
 */
export function acrossStretchShare(img: RgbaImage, mask: Uint8Array, dx = 1, dy = 0): number {
  const len = Math.hypot(dx, dy) || 1;
  const nx = -dy / len, ny = dx / len; // across the stretch
  return gradientShare(img, mask, (_x, _y, gx, gy) => (gx * nx + gy * ny) ** 2);
}

/** Over the masked pixels, the share of the luminance gradient energy that `part` (per pixel x, y and gradient gx, gy) keeps. */
function gradientShare(img: RgbaImage, mask: Uint8Array, part: (x: number, y: number, gx: number, gy: number) => number): number {
  const { width: w, height: h, data } = img;
  const lum = (i: number) => 0.299 * data[i * 4]! + 0.587 * data[i * 4 + 1]! + 0.114 * data[i * 4 + 2]!;
  let kept = 0, total = 0;
  for (let y = 1; y < h - 1; y++) for (let x = 1; x < w - 1; x++) {
    const i = y * w + x;
    if (!mask[i]) continue;
    const gx = (lum(i + 1) - lum(i - 1)) / 2, gy = (lum(i + w) - lum(i - w)) / 2;
    kept += part(x, y, gx, gy); total += gx * gx + gy * gy;
  }
  return total > 0 ? kept / total : NaN;
}

/**
 * Stretched last rows and columns: where the mesh shows its band past the crop (a torso moved up
 * or sideways by a pose), a texture clamped at its border draws its last row as stripes
 * perpendicular to the nearest frame edge (vertical at the bottom, horizontal at the sides). Over
 * the masked pixels (that band, opaque), the share of the luminance gradient energy across those
 * stripes (across x for pixels nearest the top or bottom edge, across y nearest a side): ~0.5 for
 * cloth or hair, toward 1 for stripes; NaN when the mask is empty.
 */
export function borderStretchShare(img: RgbaImage, mask: Uint8Array): number {
  const { width: w, height: h } = img;
  return gradientShare(img, mask, (x, y, gx, gy) => (Math.min(y, h - 1 - y) <= Math.min(x, w - 1 - x) ? gx * gx : gy * gy));
}
