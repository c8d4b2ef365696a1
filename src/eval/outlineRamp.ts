// How soft a rendered outline is: the mean width of its alpha ramp. A photo's own outline (lens
// blur, resampling, the matte's soft rim) ramps over ~2-5 px at 512 px; a turned head's outline
// made by geometry ends on opaque texels and, unfeathered, steps in one pixel: a paper cut-out.
import type { RgbaImage } from '../types.ts';
import { distanceToOutside } from '../analyze/raster.ts';

/**
 * Over the masked pixels of a transparent render (straight alpha in channel 3): the number of
 * partly covered pixels (0.1 < alpha < 0.9) per outline pixel (alpha >= 0.5 with a 4-neighbour
 * below 0.5), i.e. the ramp's mean width across the outline in px; `contour` is the outline's length.
 */
export function outlineRampWidth(img: RgbaImage, mask: Uint8Array): { width: number; contour: number } {
  const { width: w, height: h, data } = img;
  const a = (i: number) => data[i * 4 + 3]! / 255;
  let partial = 0, contour = 0;
  for (let y = 1; y < h - 1; y++) for (let x = 1; x < w - 1; x++) {
    const i = y * w + x;
    if (!mask[i]) continue;
    const v = a(i);
    if (v > 0.1 && v < 0.9) partial++;
    if (v >= 0.5 && (a(i - 1) < 0.5 || a(i + 1) < 0.5 || a(i - w) < 0.5 || a(i + w) < 0.5)) contour++;
  }
  return { width: contour ? partial / contour : 0, contour };
}

/**
 * A matte's faint far tail: over the pixels at least `from` px outside the person (alpha >= 0.5),
 * the summed alpha per px of the person's outline length (so ~0 for a clean edge; a faint ring of
 * alpha 0.05 ten pixels wide reads ~0.5). On a new backdrop such a tail draws a ghost arc around
 * the head (lp_s0's crown). Straight alpha in channel 3.
 */
export function faintTail(img: RgbaImage, from = 6): number {
  const { width: w, height: h, data } = img;
  const person = (i: number) => data[i * 4 + 3]! >= 128;
  const dist = distanceToOutside(person, w, h, from + 1);
  let sum = 0, contour = 0;
  for (let y = 1; y < h - 1; y++) for (let x = 1; x < w - 1; x++) {
    const i = y * w + x;
    if (person(i)) {
      if (!person(i - 1) || !person(i + 1) || !person(i - w) || !person(i + w)) contour++;
    } else if (dist[i]! >= from) sum += data[i * 4 + 3]! / 255;
  }
  return contour ? sum / contour : 0;
}
