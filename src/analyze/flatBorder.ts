// A photo padded by whoever made it: a flat strip of one colour along an edge (lp_s1: columns
// 974-1144 of 1145 pure white). The analysis takes such a strip for backdrop, so the person is cut
// by a straight line where it starts and the plate is that flat colour (a white column beside the
// shoulder as the torso moves). This finds the strips; analyze/index.ts keeps them as a frame the renderer paints
// over each frame (s39 plate39), or with `pastPhoto` treats them as past the photo (s38 pad38; docs/edges/README.md).
import type { RgbaImage } from '../types.ts';

/**
 * What the analysis makes of flat padding strips. `frame` (default, s39): the strips stay as the photo has them, the
 * plate in them is set back to their colour, and `source.padding` records them, so the renderer paints them over
 * each frame (render/photoFrame.ts) and the person slides under their edge. `pastPhoto` (s38 pad38): the strips
 * count as past the photo (the crop's valid rect leaves them out: extend.ts synthesises them, the matte goes on);
 * seen over the strips, the synthesis is not a believable room (lp_s1: a pale, blotchy curtain with a seam at the
 * photo's edge; before thinStrokes.ts, the watermark copied into them), and on lp_s1 the segmenters, shown the faded
 * strip, drop the white dress's outer 25 px from the matte. `off`: the strips are backdrop, as before s38.
 */
export const paddingStripsSetting: { mode: 'frame' | 'pastPhoto' | 'off' } = { mode: 'frame' };

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

/**
 * The plate in the strips set back to the strips' own flat colour (in place; `plate` is the crop, `box` its square
 * in the image's pixels). The strips are a frame in front of the photo: the renderer paints the plate back over
 * them (render/photoFrame.ts), so what the fill invented there (a continued curtain, copied letters) is never seen
 * over the default background, and a moving shoulder slides under the frame's edge instead of ending in a cut.
 */
export function restoreStripsInPlate(plate: RgbaImage, image: RgbaImage, box: { x: number; y: number; side: number }, border: readonly [number, number, number, number]): void {
  if (border.every((b) => b === 0)) return;
  const n = plate.width, k = box.side / n;
  for (let y = 0; y < plate.height; y++) for (let x = 0; x < n; x++) {
    const sx = box.x + (x + 0.5) * k, sy = box.y + (y + 0.5) * k;
    if (!inStrip(sx, sy, image, border)) continue;
    const ix = Math.min(image.width - 1, Math.max(0, Math.floor(sx))), iy = Math.min(image.height - 1, Math.max(0, Math.floor(sy)));
    const i = (y * n + x) * 4, j = (iy * image.width + ix) * 4;
    plate.data[i] = image.data[j]!;
    plate.data[i + 1] = image.data[j + 1]!;
    plate.data[i + 2] = image.data[j + 2]!;
  }
}

/** Whether the point (image px) lies in one of the border strips (and inside the image). */
export function inStrip(sx: number, sy: number, size: { width: number; height: number }, border: readonly [number, number, number, number]): boolean {
  if (sx < 0 || sy < 0 || sx >= size.width || sy >= size.height) return false;
  return sx < border[0] || sy < border[1] || sx >= size.width - border[2] || sy >= size.height - border[3];
}
