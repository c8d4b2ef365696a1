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

/** Crop side in units of the forehead-to-chin length (landmarks 10-152): the head with hair measures ~1.6 of it (median over the test portraits), so it fills about half the crop. */
export const CROP_SIDE_PER_FACE = 3.2;
/** How much tighter than the ideal framing the crop may get to avoid padding past the photo's edges (real pixels beat invented ones, even with less headroom). */
const MIN_TIGHTENING = 0.6;
/** The crop centre sits this far below the face centre (in face lengths), leaving room for the shoulders. */
const CENTRE_DROP = 0.05;

/** Where to crop for a face with these landmarks in an image of the given size. */
export function cropBoxForFace(landmarks: readonly (readonly number[])[], width: number, height: number): CropBox {
  const top = landmarks[FOREHEAD_TOP]! as [number, number];
  const chin = landmarks[CHIN]! as [number, number];
  const faceLength = Math.max(4, dist(top, chin));
  const centre = mid(top, chin);
  const ideal = Math.round(faceLength * CROP_SIDE_PER_FACE);
  const idealTop = centre[1] + CENTRE_DROP * faceLength - ideal / 2;
  // Prefer real pixels to padding: tighten the crop to fit the image, down to 75% of the ideal,
  // taking most of the cut from the bottom (torso) so the hair keeps its headroom.
  const fit = Math.min(width, height);
  const side = ideal > fit ? Math.max(fit, Math.round(ideal * MIN_TIGHTENING)) : ideal;
  let x = Math.round(centre[0] - side / 2);
  let y = Math.round(idealTop + (ideal - side) * 0.3);
  // Shift back inside when it costs little off-centring (at most 25% of the side).
  const maxShift = side * 0.25;
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
 * Past the photo's edges the crop repeats the edge pixels, which draws hard streaks. Replace each
 * padded row (above and below) and column (left and right) by the edge row or column blurred more
 * and more with the distance from the edge: the padding continues the picture at the seam and
 * fades into a soft extension of the background and torso. In place.
 */
export function fadePadding(img: RgbaImage, valid: Crop['valid']): void {
  const { width, height } = img;
  const first = (v: number) => Math.min(width - 1, Math.max(0, Math.ceil(v - 0.5)));
  const last = (v: number, limit: number) => Math.min(limit - 1, Math.max(0, Math.floor(v - 0.5)));
  const top = first(valid[1]), bottom = last(valid[3], height);
  const left = first(valid[0]), right = last(valid[2], width);
  const maxRadius = Math.round(width / 12);
  // rows: along x (stride 4 between pixels, width * 4 between rows)
  for (let y = top - 1; y >= 0; y--) fadeLine(img.data, top * width * 4, y * width * 4, 4, width, radiusAt(top - y, maxRadius));
  for (let y = bottom + 1; y < height; y++) fadeLine(img.data, bottom * width * 4, y * width * 4, 4, width, radiusAt(y - bottom, maxRadius));
  // columns: along y
  for (let x = left - 1; x >= 0; x--) fadeLine(img.data, left * 4, x * 4, width * 4, height, radiusAt(left - x, maxRadius));
  for (let x = right + 1; x < width; x++) fadeLine(img.data, right * 4, x * 4, width * 4, height, radiusAt(x - right, maxRadius));
}

function radiusAt(distance: number, maxRadius: number): number {
  return Math.min(maxRadius, Math.round(distance * 0.6));
}

/** Writes into line `to` the line `from` box-blurred by radius r (both lines of n RGBA pixels, `stride` apart). */
function fadeLine(data: Uint8ClampedArray, from: number, to: number, stride: number, n: number, r: number): void {
  const prefix = new Float64Array((n + 1) * 3);
  for (let k = 0; k < n; k++) for (let c = 0; c < 3; c++) prefix[(k + 1) * 3 + c] = prefix[k * 3 + c]! + data[from + k * stride + c]!;
  for (let k = 0; k < n; k++) {
    const a = Math.max(0, k - r), b = Math.min(n, k + r + 1);
    const i = to + k * stride;
    for (let c = 0; c < 3; c++) data[i + c] = (prefix[b * 3 + c]! - prefix[a * 3 + c]!) / (b - a);
    data[i + 3] = 255;
  }
}
