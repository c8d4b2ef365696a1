// Frame input for the modes: how many frames to evaluate, the photo taken from a video frame and
// analysed, the real frames cropped exactly as the photo was, and one face detected per image.
import path from 'node:path';
import type { Portrait, RgbaImage } from '../types.ts';
import { InputError, NoFaceError, CancelledError } from '../errors.ts';
import { decodeVideoFrames, probeVideo, type VideoInfo } from '../io/media.ts';
import { detectFaces, type DetectedFace } from '../face/detect.ts';
import { analyzePortrait } from '../analyze/index.ts';
import { extractCrop, type CropBox } from '../analyze/crop.ts';
import type { EvalOptions } from './types.ts';

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

/** Frames of a `duration`-second video at `fps`, at most `maxSeconds` of them (at least one). */
export function framesToEvaluate(duration: number, fps: number, maxSeconds: number | undefined): number {
  const available = Math.max(1, Math.floor(duration * fps));
  return maxSeconds ? Math.min(available, Math.max(1, Math.round(maxSeconds * fps))) : available;
}

/** Frame N of a video at the evaluation frame rate (decoded the same way as the later pass). */
async function videoFrame(file: string, index: number, fps: number, maxSide: number): Promise<RgbaImage> {
  let last: RgbaImage | undefined;
  let count = 0;
  for await (const f of decodeVideoFrames(file, { fps, maxSide, maxFrames: index + 1 })) {
    last = f;
    count++;
  }
  if (!last || count <= index) throw new InputError(`--frame ${index} is past the end of ${file} (${count} frames at ${fps} fps).`);
  return last;
}

/** The video's frames numbered from 0; stops with CancelledError once `signal` aborts. */
export async function* numberedFrames(video: string, opts: { fps: number; maxSide: number; maxFrames: number; signal?: AbortSignal }): AsyncGenerator<[number, RgbaImage]> {
  let i = 0;
  for await (const frame of decodeVideoFrames(video, opts)) {
    throwIfAborted(opts.signal);
    yield [i++, frame];
  }
}

/** The mask of the pixels inside `valid` ([x0, y0, x1, y1] in crop pixels), or undefined when that is all of them. */
function validMask(v: [number, number, number, number] | undefined, size: number): Uint8Array | undefined {
  if (!v || (v[0] <= 0.5 && v[1] <= 0.5 && v[2] >= size - 0.5 && v[3] >= size - 0.5)) return undefined;
  const mask = new Uint8Array(size * size);
  const x0 = Math.max(0, Math.ceil(v[0])), y0 = Math.max(0, Math.ceil(v[1]));
  const x1 = Math.min(size, Math.floor(v[2])), y1 = Math.min(size, Math.floor(v[3]));
  for (let y = y0; y < y1; y++) mask.fill(1, y * size + x0, y * size + x1);
  return mask;
}

/**
 * Crops a real frame exactly as the photo was cropped. `valid` marks the pixels that come from
 * the frame (a crop box reaching past the image edge is padded; those pixels are not scored).
 */
export async function cropReal(frame: RgbaImage, box: CropBox, size: number): Promise<{ image: RgbaImage; valid: Uint8Array | undefined }> {
  const c = (await extractCrop(frame, box, size)) as unknown as { image: RgbaImage; valid?: [number, number, number, number] } | RgbaImage;
  if (!('image' in c)) return { image: c, valid: undefined };
  return { image: c.image, valid: validMask(c.valid, size) };
}

/** The largest face, or null. */
export async function detectOne(img: RgbaImage, embedding: boolean): Promise<DetectedFace | null> {
  const faces = await detectFaces(img, { embedding });
  return faces[0] ?? null;
}

/** The photo of the reenact and audio modes (frame N of the video) and how its frames are read. */
export interface SourceSetup {
  info: VideoInfo;
  portrait: Portrait;
  /** the photo's crop box in the video frame: every real frame is cropped the same way */
  box: CropBox;
  size: number;
  maxSide: number;
  maxFrames: number;
  photoFace: DetectedFace;
}

export async function setupSource(o: EvalOptions, log: (s: string) => void): Promise<SourceSetup> {
  const info = await probeVideo(o.video);
  const maxSide = 1024;
  const maxFrames = framesToEvaluate(info.duration, o.fps, o.maxSeconds);
  if (o.frame >= maxFrames) throw new InputError(`--frame ${o.frame} is outside the evaluated part of the video (${maxFrames} frames).`);
  const photo = await videoFrame(o.video, o.frame, o.fps, maxSide);
  log(`analyzing frame ${o.frame} of ${path.basename(o.video)} as the photo`);
  const portrait = await analyzePortrait(photo);
  const c = portrait.analysis.crop;
  const photoFace = await detectOne(portrait.image, true);
  if (!photoFace) throw new NoFaceError(`No face found in the crop of frame ${o.frame} of ${o.video}.`);
  return { info, portrait, box: { x: Math.round(c.x), y: Math.round(c.y), side: Math.round(c.side) }, size: c.size, maxSide, maxFrames, photoFace };
}
