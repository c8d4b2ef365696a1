// The analysis folder's file format: what writeAnalysis writes (analysis.json, the crop, the matte as
// a picture and as exact floats, region labels, the background plate, a debug sheet) and readAnalysis
// loads back, so a cached analysis renders exactly as a fresh one.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { Portrait, PortraitAnalysis, GrayImage } from '../types.ts';
import { FileFormatError } from '../errors.ts';
import { loadImage, encodePng, encodeGrayPng } from '../io/image.ts';
import { withAtomicDir } from '../io/atomic.ts';
import { debugSheet } from './debug.ts';

/** Landmarks of an analysis mapped into its crop's pixels. */
export function cropLandmarksOf(a: PortraitAnalysis): [number, number, number][] {
  const k = a.crop.size / a.crop.side;
  return a.landmarks.map(([x, y, z]) => [(x - a.crop.x) * k, (y - a.crop.y) * k, z * k]);
}

/** Writes analysis.json, crop.png, matte.png (+ matte.f32, its exact values), regions.png (label values), background.png, debug.png. */
export async function writeAnalysis(portrait: Portrait, outDir: string): Promise<void> {
  const files = {
    // indented, with each array of numbers on one line (a landmark per line)
    'analysis.json': JSON.stringify(portrait.analysis, null, 1).replace(/\[\s+([-\d.e+,\s]+?)\s+\]/g, (_, inner: string) => `[${inner.replace(/\s+/g, '')}]`) + '\n',
    'crop.png': await encodePng(portrait.image),
    'matte.png': await encodeGrayPng(portrait.matte),
    // the matte as analysed (the PNG above is its 8-bit picture): a cached analysis renders as a fresh one
    'matte.f32': matteBytes(portrait.matte),
    'regions.png': await sharp(Buffer.from(portrait.regions.data), { raw: { width: portrait.regions.width, height: portrait.regions.height, channels: 1 } }).png().toBuffer(),
    'background.png': await encodePng(portrait.background),
    'debug.png': await debugSheet(portrait),
  };
  await withAtomicDir(outDir, async (tmp) => {
    for (const [file, data] of Object.entries(files)) await writeFile(path.join(tmp, file), data);
  });
}

/** Loads what writeAnalysis wrote. */
export async function readAnalysis(dir: string): Promise<Portrait> {
  let analysis: PortraitAnalysis;
  try {
    analysis = JSON.parse(await readFile(path.join(dir, 'analysis.json'), 'utf8')) as PortraitAnalysis;
  } catch (err) {
    throw new FileFormatError(`Cannot read ${path.join(dir, 'analysis.json')} (${(err as Error).message.split('\n')[0]}). Run real3d analyze again to recreate it.`);
  }
  if (analysis?.version !== 1 || !Array.isArray(analysis.landmarks) || analysis.landmarks.length !== 478 || !analysis.crop) {
    throw new FileFormatError(`${path.join(dir, 'analysis.json')} is not a real3d analysis (version 1 with 478 landmarks). Run real3d analyze again.`);
  }
  const size = analysis.crop.size;
  const image = await loadImage(path.join(dir, 'crop.png'));
  const background = await loadImage(path.join(dir, 'background.png'));
  // folders written before matte.f32 have only the 8-bit picture
  const matte: GrayImage = (await readExactMatte(path.join(dir, 'matte.f32'), size)) ?? matteOfPng(await readGray(path.join(dir, 'matte.png'), size), size);
  const regionBytes = await readGray(path.join(dir, 'regions.png'), size);
  if (image.width !== size || background.width !== size) throw new FileFormatError(`The images in ${dir} do not match analysis.json (crop size ${size}). Run real3d analyze again.`);
  return { analysis, cropLandmarks: cropLandmarksOf(analysis), image, matte, regions: { width: size, height: size, data: regionBytes }, background };
}

/** The matte's float values, little-endian (the same bytes on every machine). */
function matteBytes(matte: GrayImage): Buffer {
  const out = Buffer.alloc(matte.data.length * 4);
  for (let i = 0; i < matte.data.length; i++) out.writeFloatLE(matte.data[i]!, i * 4);
  return out;
}

/** The matte written as floats by writeAnalysis; undefined when absent (folders written before it) or not this size. */
async function readExactMatte(file: string, size: number): Promise<GrayImage | undefined> {
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes || bytes.length !== size * size * 4) return undefined;
  const data = new Float32Array(size * size);
  for (let i = 0; i < data.length; i++) data[i] = bytes.readFloatLE(i * 4);
  return { width: size, height: size, data };
}

function matteOfPng(bytes: Uint8Array, size: number): GrayImage {
  return { width: size, height: size, data: Float32Array.from(bytes, (v) => v / 255) };
}

async function readGray(file: string, size: number): Promise<Uint8Array> {
  try {
    const { data, info } = await sharp(file).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    if (info.width !== size || info.height !== size) throw new Error(`size ${info.width}x${info.height}, expected ${size}x${size}`);
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  } catch (err) {
    throw new FileFormatError(`Cannot read ${file} (${(err as Error).message.split('\n')[0]}). Run real3d analyze again.`);
  }
}
