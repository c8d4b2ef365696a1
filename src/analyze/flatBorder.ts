// A photo padded by whoever made it: a flat strip of one colour along an edge (lp_s1: columns
// 974-1144 of 1145 pure white). The analysis takes such a strip for backdrop, so the person is cut
// by a straight line where it starts and the plate is that flat colour (a white column beside the
// shoulder as the torso moves). This finds the strips; analyze/index.ts treats them as past the photo
// (the crop's valid rect leaves them out, so extend.ts synthesises them; s38 pad38, docs/edges/README.md).
import type { RgbaImage } from '../types.ts';

/**
 * Whether the analysis treats flat padding strips as past the photo. **Off** (s38): on lp_s1 it removes the
 * straight cut and the white plate column, but the fill copies the photo's watermark into the strips
 * ("lady.diana_life" continued, "a.dic" mid-left) and leaves a seam where the strip's curtain meets the photo's.
 */
export const paddingStripsSetting = { on: false };

/** A line of pixels is flat when this share of them lie within TOLERANCE levels (every channel) of its first pixel's colour... */
const FLAT_SHARE = 0.995;
const TOLERANCE = 6;
/** ...and a strip counts only from this many lines (thinner: a frame line or the JPEG's edge ringing). */
const MIN_LINES = 4;

/** The number of flat padding lines at each edge, [left, top, right, bottom]; all lines of a strip share one colour. */
export function flatBorder(img: RgbaImage): [number, number, number, number] {
  const { width: w, height: h, data } = img;
  const strip = (count: number, length: number, at: (line: number, k: number) => number) => {
    const ref = [data[at(0, 0)]!, data[at(0, 0) + 1]!, data[at(0, 0) + 2]!];
    let lines = 0;
    for (; lines < count - 1; lines++) {
      let near = 0;
      for (let k = 0; k < length; k++) {
        const i = at(lines, k);
        if (Math.abs(data[i]! - ref[0]!) <= TOLERANCE && Math.abs(data[i + 1]! - ref[1]!) <= TOLERANCE && Math.abs(data[i + 2]! - ref[2]!) <= TOLERANCE) near++;
      }
      if (near < FLAT_SHARE * length) break;
    }
    return lines >= MIN_LINES ? lines : 0;
  };
  return [
    strip(w, h, (x, y) => (y * w + x) * 4),
    strip(h, w, (y, x) => (y * w + x) * 4),
    strip(w, h, (x, y) => (y * w + (w - 1 - x)) * 4),
    strip(h, w, (y, x) => ((h - 1 - y) * w + x) * 4),
  ];
}

/**
 * The crop's valid rect (crop px) shrunk to leave out the image's flat border strips, so the strips are
 * treated as past the photo (fadePadding, extend.ts, the plate's `invented` mask). `border` in the
 * image's pixels, `box` the crop's square in the same pixels. Unchanged when there is no border.
 */
export function validInsideBorder(valid: readonly [number, number, number, number], box: { x: number; y: number; side: number }, size: number, image: { width: number; height: number }, border: readonly [number, number, number, number]): [number, number, number, number] {
  if (border.every((b) => b === 0)) return [...valid];
  const k = size / box.side;
  return [
    Math.max(valid[0], (border[0] - box.x) * k),
    Math.max(valid[1], (border[1] - box.y) * k),
    Math.min(valid[2], (image.width - border[2] - box.x) * k),
    Math.min(valid[3], (image.height - border[3] - box.y) * k),
  ];
}
