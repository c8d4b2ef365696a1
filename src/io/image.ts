// Image decode/encode through sharp. Every decoded image is 8-bit sRGB RGBA, EXIF-rotated,
// whatever the file was (grayscale, CMYK, 16-bit, palette, alpha).
import sharp from 'sharp';
import { InputError } from '../errors.ts';
import type { RgbaImage, GrayImage } from '../types.ts';

/** Images larger than this on their long side are downscaled on decode (keeps memory bounded). */
export const MAX_DECODE_SIDE = 4096;

export interface LoadImageOptions {
  /** downscale so the long side is at most this (default MAX_DECODE_SIDE) */
  maxSide?: number;
}

/** Decodes an image file or buffer to RGBA. Throws InputError with a clear message when it cannot. */
export async function loadImage(input: string | Buffer, opts: LoadImageOptions = {}): Promise<RgbaImage> {
  const maxSide = opts.maxSide ?? MAX_DECODE_SIDE;
  const name = typeof input === 'string' ? input : 'the uploaded image';
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    // limitInputPixels guards against decompression bombs; 16k x 16k is still accepted and downscaled.
    meta = await sharp(input, { limitInputPixels: 16384 * 16384, failOn: 'error' }).metadata();
  } catch (err) {
    const msg = (err as Error).message;
    if (/no such file|ENOENT|Input file is missing/i.test(msg)) throw new InputError(`Cannot read ${name}: the file does not exist.`);
    throw new InputError(`Cannot read ${name} as an image (${msg.split('\n')[0]}). Use a JPEG, PNG or WebP photo.`);
  }
  if (!meta.width || !meta.height) throw new InputError(`Cannot read ${name} as an image: it has no size. Use a JPEG, PNG or WebP photo.`);
  try {
    let pipeline = sharp(input, { limitInputPixels: 16384 * 16384, failOn: 'error' })
      .rotate() // apply EXIF orientation
      .toColourspace('srgb');
    const longSide = Math.max(meta.width, meta.height);
    if (longSide > maxSide) pipeline = pipeline.resize({ width: meta.width >= meta.height ? maxSide : undefined, height: meta.height > meta.width ? maxSide : undefined, kernel: 'lanczos3' });
    const { data, info } = await pipeline.ensureAlpha().raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) };
  } catch (err) {
    throw new InputError(`Cannot decode ${name}: ${(err as Error).message.split('\n')[0]}. The file may be truncated or corrupt; re-export it as JPEG or PNG.`);
  }
}

/** Size of an image file as displayed (EXIF orientation applied), without decoding its pixels. */
export async function imageSize(input: string | Buffer): Promise<{ width: number; height: number }> {
  const name = typeof input === 'string' ? input : 'the uploaded image';
  let meta;
  try {
    meta = await sharp(input, { limitInputPixels: 16384 * 16384 }).metadata();
  } catch (err) {
    const msg = (err as Error).message;
    if (/no such file|ENOENT|Input file is missing/i.test(msg)) throw new InputError(`Cannot read ${name}: the file does not exist.`);
    throw new InputError(`Cannot read ${name} as an image (${msg.split('\n')[0]}). Use a JPEG, PNG or WebP photo.`);
  }
  if (!meta.width || !meta.height) throw new InputError(`Cannot read ${name} as an image: it has no size. Use a JPEG, PNG or WebP photo.`);
  // orientations 5-8 turn the picture a quarter: width and height swap
  const swap = (meta.orientation ?? 1) >= 5;
  return swap ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
}

/** Encodes RGBA to a PNG buffer. */
export function encodePng(img: RgbaImage): Promise<Buffer> {
  return sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } })
    .png({ compressionLevel: 6 })
    .toBuffer();
}

/** Encodes a [0,1] gray image to an 8-bit grayscale PNG buffer. */
export function encodeGrayPng(img: GrayImage): Promise<Buffer> {
  const bytes = new Uint8Array(img.width * img.height);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.max(0, Math.min(255, Math.round(img.data[i]! * 255)));
  return sharp(Buffer.from(bytes.buffer), { raw: { width: img.width, height: img.height, channels: 1 } }).png().toBuffer();
}

/** Resizes RGBA with a good resampler (lanczos3). */
export async function resizeImage(img: RgbaImage, width: number, height: number): Promise<RgbaImage> {
  const { data, info } = await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } })
    .resize(width, height, { kernel: 'lanczos3', fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) };
}

/** Allocates a blank RGBA image. */
export function createImage(width: number, height: number): RgbaImage {
  return { width, height, data: new Uint8ClampedArray(width * height * 4) };
}
