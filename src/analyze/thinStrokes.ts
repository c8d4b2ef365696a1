// Thin high-contrast strokes in a photo: text and watermarks ("lady.diana_life" on lp_s1), a caption's
// letters. Exemplar synthesis copies whole patches, so a source patch holding a letter writes that letter
// into the fill (pad38, s38: the watermark continued into lp_s1's padding strips, "a.dic" mid-strip).
// These pixels are kept out of the synthesis's sources. A stroke is what a grey-level closing (or opening)
// of a few pixels removes: dark lines on light (black top-hat) or light on dark (white top-hat), thinner
// than 2 * radius + 1 px and more than `contrast` levels off their surround.
import type { RgbaImage } from '../types.ts';
import { dilate } from './raster.ts';

/** Grey-level max (or min) over a (2r+1)^2 square, separable. */
export function squareExtremum(src: Float32Array, w: number, h: number, r: number, max: boolean): Float32Array {
  const pick = max ? Math.max : Math.min;
  const tmp = new Float32Array(w * h), out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    let v = src[y * w + x]!;
    for (let k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++) v = pick(v, src[y * w + k]!);
    tmp[y * w + x] = v;
  }
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    let v = tmp[y * w + x]!;
    for (let k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++) v = pick(v, tmp[k * w + x]!);
    out[y * w + x] = v;
  }
  return out;
}

/** Luma per pixel, 0..255. */
function luma(img: RgbaImage): Float32Array {
  return Float32Array.from({ length: img.width * img.height }, (_, i) => 0.3 * img.data[i * 4]! + 0.59 * img.data[i * 4 + 1]! + 0.11 * img.data[i * 4 + 2]!);
}

/**
 * 1 where a thin stroke lies (grown by `grow` px to take its soft edge): pixels whose luma a closing
 * raises, or an opening lowers, by more than `contrast` levels.
 */
export function thinStrokeMask(img: RgbaImage, opts: { radius?: number; contrast?: number; grow?: number } = {}): Uint8Array {
  const { width: w, height: h } = img;
  const r = opts.radius ?? 2, contrast = opts.contrast ?? 40;
  const l = luma(img);
  const closed = squareExtremum(squareExtremum(l, w, h, r, true), w, h, r, false);
  const opened = squareExtremum(squareExtremum(l, w, h, r, false), w, h, r, true);
  const mask = new Uint8Array(w * h);
  for (let i = 0; i < mask.length; i++) mask[i] = closed[i]! - l[i]! > contrast || l[i]! - opened[i]! > contrast ? 1 : 0;
  return dilate(mask, w, h, opts.grow ?? 2);
}
