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

