// Image decode/encode through sharp. Every decoded image is 8-bit sRGB RGBA, EXIF-rotated,
// whatever the file was (grayscale, CMYK, 16-bit, palette, alpha).
import { open, stat } from 'node:fs/promises';
import sharp from 'sharp';
import { InputError } from '../errors.ts';
import type { RgbaImage, GrayImage } from '../types.ts';

/** Images larger than this on their long side are downscaled on decode (keeps memory bounded). */
export const MAX_DECODE_SIDE = 4096;

/**
 * Largest photo accepted, in pixels (151 MP, 12288 x 12288: above any camera's default mode).
 * Checked from the file's header before any pixel is decoded, so a small file that claims
 * 16000 x 16000 (a decompression "bomb": 1 GB of RGBA) is refused without costing memory.
 */
export const MAX_IMAGE_PIXELS = 12288 * 12288;

const USE_INSTEAD = 'Use a JPEG, PNG or WebP photo.';

/** ISO-BMFF brands of HEIC/HEIF stills (iPhone photos); AVIF shares the container but is supported. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);

/** True when the bytes start like a HEIC file (an `ftyp` box naming a HEVC brand and no AVIF one). */
export function looksLikeHeic(head: Uint8Array): boolean {
  if (head.length < 16 || String.fromCharCode(...head.subarray(4, 8)) !== 'ftyp') return false;
  const boxSize = Math.min(head.length, (head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!);
  const brands: string[] = [];
  for (let o = 8; o + 4 <= boxSize; o += 4) if (o !== 12) brands.push(String.fromCharCode(...head.subarray(o, o + 4)));
  if (brands.some((b) => b === 'avif' || b === 'avis')) return false;
  return brands.some((b) => HEIC_BRANDS.has(b));
}

function heicError(name: string): InputError {
  return new InputError(`${name} is a HEIC/HEIF photo (the iPhone format), which is not supported. Convert it to JPEG or PNG first (iPhone: Settings > Camera > Formats > Most Compatible; Mac: open in Preview, File > Export > JPEG).`);
}

async function headBytes(input: string | Buffer): Promise<Uint8Array> {
  if (typeof input !== 'string') return input.subarray(0, 64);
  const fh = await open(input, 'r').catch(() => null);
  if (!fh) return new Uint8Array(0);
  try {
    const buf = Buffer.alloc(64);
    const { bytesRead } = await fh.read(buf, 0, 64, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export interface ImageHeader {
  format: string;
  width: number;
  height: number;
  /** EXIF orientation 1..8 */
  orientation: number;
}

/**
 * Reads an image's format and size from its header only (no pixel is decoded) and refuses what
 * the pipeline cannot or should not decode: unknown data, HEIC, more than MAX_IMAGE_PIXELS.
 */
export async function inspectImage(input: string | Buffer): Promise<ImageHeader> {
  const name = typeof input === 'string' ? input : 'the uploaded image';
  if (typeof input === 'string') {
    const size = await stat(input).then((st) => st.size, () => -1);
    if (size < 0) throw new InputError(`Cannot read ${name}: the file does not exist.`);
    if (size === 0) throw new InputError(`${name} is empty (0 bytes). ${USE_INSTEAD}`);
  }
  if (looksLikeHeic(await headBytes(input))) throw heicError(name);
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    // limitInputPixels: false here because the size is checked below with a clearer message
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw new InputError(`Cannot read ${name} as an image (${(err as Error).message.split('\n')[0]}). ${USE_INSTEAD}`);
  }
  if (meta.format === 'heif' && meta.compression === 'hevc') throw heicError(name);
  if (!meta.width || !meta.height) throw new InputError(`Cannot read ${name} as an image: it has no size. ${USE_INSTEAD}`);
  if (meta.width * meta.height > MAX_IMAGE_PIXELS) {
    const mp = Math.round((meta.width * meta.height) / 1e6);
    throw new InputError(`${name} is ${meta.width}x${meta.height} pixels (${mp} megapixels); the limit is ${Math.round(MAX_IMAGE_PIXELS / 1e6)} megapixels. Downscale it (a portrait needs no more than 2000 px on its long side).`);
  }
  return { format: meta.format ?? 'unknown', width: meta.width, height: meta.height, orientation: meta.orientation ?? 1 };
}

export interface LoadImageOptions {
  /** downscale so the long side is at most this (default MAX_DECODE_SIDE) */
  maxSide?: number;
}

/** Decodes an image file or buffer to RGBA. Throws InputError with a clear message when it cannot. */
export async function loadImage(input: string | Buffer, opts: LoadImageOptions = {}): Promise<RgbaImage> {
  const maxSide = opts.maxSide ?? MAX_DECODE_SIDE;
  const name = typeof input === 'string' ? input : 'the uploaded image';
  const meta = await inspectImage(input);
  try {
    let pipeline = sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' })
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

/**
 * Checks that a whole image decodes, without holding it at full size: the header is checked
 * first (inspectImage), then the pixels are streamed through a shrink to at most `side` px
 * (JPEG shrinks while decoding). For servers, where a photo is validated before it is queued.
 */
export async function verifyImage(input: string | Buffer, side = 256): Promise<ImageHeader> {
  const name = typeof input === 'string' ? input : 'the uploaded image';
  const meta = await inspectImage(input);
  try {
    await sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error', sequentialRead: true }).resize(side, side, { fit: 'inside', withoutEnlargement: true }).raw().toBuffer();
  } catch (err) {
    throw new InputError(`Cannot decode ${name}: ${(err as Error).message.split('\n')[0]}. The file may be truncated or corrupt; re-export it as JPEG or PNG.`);
  }
  return meta;
}

/** Size of an image file as displayed (EXIF orientation applied), without decoding its pixels. */
export async function imageSize(input: string | Buffer): Promise<{ width: number; height: number }> {
  const meta = await inspectImage(input);
  // orientations 5-8 turn the picture a quarter: width and height swap
  const swap = meta.orientation >= 5;
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
