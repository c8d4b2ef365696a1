// Framing: a square head-and-shoulders crop around the face, like the reference system's
// (face centred, head with hair filling about half the crop height), and its extraction.
import sharp from 'sharp';
import type { RgbaImage } from '../types.ts';
import { FOREHEAD_TOP, CHIN, dist, mid } from './landmarks.ts';

/** Square crop in image pixels (integers; may extend past the image, the outside is edge-padded). */
export interface CropBox {
  x: number;
  y: number;
  side: number;
}

/** Crop side in units of the forehead-to-chin length: head with hair is ~1.35 of it, so ~half the crop. */
export const CROP_SIDE_PER_FACE = 2.7;
/** How much tighter than the ideal framing the crop may get to avoid padding past the photo's edges. */
const MIN_TIGHTENING = 0.75;
/** The crop centre sits this far below the face centre (in face lengths), leaving room for the shoulders. */
const CENTRE_DROP = 0.05;

/** Where to crop for a face with these landmarks in an image of the given size. */
export function cropBoxForFace(landmarks: readonly (readonly number[])[], width: number, height: number): CropBox {
  const top = landmarks[FOREHEAD_TOP]! as [number, number];
  const chin = landmarks[CHIN]! as [number, number];
  const faceLength = Math.max(4, dist(top, chin));
  const centre = mid(top, chin);
  let side = Math.round(faceLength * CROP_SIDE_PER_FACE);
  // Prefer real pixels to padding: tighten the crop to fit the image, down to 75% of the ideal.
  const fit = Math.min(width, height);
  if (side > fit) side = Math.max(fit, Math.round(side * MIN_TIGHTENING));
  let x = Math.round(centre[0] - side / 2);
  let y = Math.round(centre[1] + CENTRE_DROP * faceLength - side / 2);
  // Shift back inside when it costs little off-centring (at most 15% of the side).
  const maxShift = side * 0.15;
  x = shiftInside(x, side, width, maxShift);
  y = shiftInside(y, side, height, maxShift);
  return { x, y, side };
}

function shiftInside(start: number, side: number, limit: number, maxShift: number): number {
  if (side > limit) return start;
  let shift = 0;
  if (start < 0) shift = -start;
  else if (start + side > limit) shift = limit - (start + side);
  shift = Math.max(-maxShift, Math.min(maxShift, shift));
  return Math.round(start + shift);
}

export interface Crop {
  image: RgbaImage;
  /** the part of the crop that shows real image pixels: [x0, y0, x1, y1] in crop pixels */
  valid: [number, number, number, number];
}

/** Cuts the box out of the image and resizes it to size x size (lanczos3); outside pixels repeat the edge. */
export async function extractCrop(img: RgbaImage, box: CropBox, size: number): Promise<Crop> {
  const x0 = Math.max(0, box.x), y0 = Math.max(0, box.y);
  const x1 = Math.min(img.width, box.x + box.side), y1 = Math.min(img.height, box.y + box.side);
  if (x1 - x0 < 1 || y1 - y0 < 1) throw new Error('crop box lies outside the image');
  const raw = Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength);
  // sharp resizes before it extends, so pad in a first pass and resize in a second.
  const padded = await sharp(raw, { raw: { width: img.width, height: img.height, channels: 4 } })
    .extract({ left: x0, top: y0, width: x1 - x0, height: y1 - y0 })
    .extend({ left: x0 - box.x, top: y0 - box.y, right: box.x + box.side - x1, bottom: box.y + box.side - y1, extendWith: 'copy' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { data, info } = await sharp(padded.data, { raw: { width: padded.info.width, height: padded.info.height, channels: 4 } })
    .resize(size, size, { kernel: 'lanczos3', fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.width !== size || info.height !== size) throw new Error(`crop came out ${info.width}x${info.height}`);
  const k = size / box.side;
  return {
    image: { width: size, height: size, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) },
    valid: [(x0 - box.x) * k, (y0 - box.y) * k, (x1 - box.x) * k, (y1 - box.y) * k],
  };
}

/**
 * Mask of the padding to repaint: outside the real image on the left, right and top (edge
 * repetition there makes streaks). Below the image the edge copy is kept: the torso continues down.
 */
export function paddingMask(valid: Crop['valid'], size: number): Uint8Array | null {
  const [x0, y0, x1] = valid;
  if (x0 <= 0.5 && y0 <= 0.5 && x1 >= size - 0.5) return null;
  const mask = new Uint8Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (x + 0.5 < x0 || x + 0.5 > x1 || y + 0.5 < y0) mask[y * size + x] = 1;
  }
  return mask;
}

/**
 * Below the photo's bottom edge the crop repeats the last row, which draws hard vertical streaks.
 * Blur that row more and more with the distance from the edge, so the padding fades into a soft
 * continuation of the torso and background. In place.
 */
export function fadeBottomPadding(img: RgbaImage, validBottom: number): void {
  const { width, height, data } = img;
  const edge = Math.min(height - 1, Math.max(0, Math.floor(validBottom) - 1));
  if (edge >= height - 2) return;
  const prefix = new Float64Array((width + 1) * 3);
  for (let x = 0; x < width; x++) for (let c = 0; c < 3; c++) prefix[(x + 1) * 3 + c] = prefix[x * 3 + c]! + data[(edge * width + x) * 4 + c]!;
  for (let y = edge + 1; y < height; y++) {
    const r = Math.min(Math.round(width / 12), Math.round((y - edge) * 0.6));
    for (let x = 0; x < width; x++) {
      const a = Math.max(0, x - r), b = Math.min(width, x + r + 1);
      const i = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) data[i + c] = (prefix[b * 3 + c]! - prefix[a * 3 + c]!) / (b - a);
      data[i + 3] = 255;
    }
  }
}
