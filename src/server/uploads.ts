// Receiving job uploads: multipart parts are streamed to disk under server-chosen names with a
// per-field byte limit (413 beyond it), then checked by decoding them (sharp for images, ffprobe for
// audio/video). The client's file name and MIME type are never trusted or used as paths.
import { createHash } from 'node:crypto';
import { rename, rm, stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import sharp, { type Metadata } from 'sharp';
import { measureAudioSeconds, measureVideoSeconds, probeAudio, probeVideo } from '../io/media.ts';
import type { JobFile, UploadField } from './jobs.ts';
import { DISK_FULL_MESSAGE, diskStorage, isDiskFull, type ServerStorage } from './storage.ts';

import { DEFAULT_LIMITS, type UploadLimits } from './limits.ts';
export { DEFAULT_LIMITS, type UploadLimits } from './limits.ts';
import { HttpError } from './http-error.ts';
export { HttpError } from './http-error.ts';

/** Form limits of a multipart request (busboy's), named in the messages that refuse them. */
const FORM_LIMITS = { files: 4, fields: 40, parts: 50, fieldSize: 4096 };


const FILE_FIELDS: ReadonlySet<string> = new Set<UploadField>(['photo', 'audio', 'video', 'background']);

function limitOf(field: UploadField, limits: UploadLimits): number {
  return field === 'photo' ? limits.photoBytes : field === 'audio' ? limits.audioBytes : field === 'video' ? limits.videoBytes : limits.backgroundBytes;
}

function mb(bytes: number): string {
  return `${Math.round((bytes / 1048576) * 10) / 10} MB`;
}

/** Counts and hashes bytes on the way to disk; fails as soon as the field's limit is passed. */
class LimitedHash extends Transform {
  bytes = 0;
  readonly hash = createHash('sha256');
  constructor(
    private readonly limit: number,
    private readonly field: string,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) return cb(new HttpError(413, `The ${this.field} is too large: the limit is ${mb(this.limit)}.`, 'too_large'));
    this.hash.update(chunk);
    cb(null, chunk);
  }
}

export interface ReceivedUpload {
  files: Partial<Record<UploadField, { path: string; bytes: number; sha256: string }>>;
  fields: Record<string, string>;
}

export interface ReceiveOptions {
  limits: UploadLimits;
  /** file fields accepted (default: photo, audio, video, background) */
  allowed?: ReadonlySet<string>;
  /** refuse the upload (408) when the body brings no data for this long; 0 = never */
  idleMs?: number;
  storage?: Pick<ServerStorage, 'createUploadStream'>;
}

/**
 * Streams a multipart request into `dir` as <field>.upload files. Throws HttpError (413 too large,
 * 400 malformed, 408 stalled, 507 disk full). Files already written are the caller's to remove (it owns `dir`).
 */
export async function receiveMultipart(req: FastifyRequest, dir: string, o: ReceiveOptions): Promise<ReceivedUpload> {
  if (!req.isMultipart()) throw new HttpError(400, 'Send the job as multipart/form-data (fields photo, audio or video, and options).', 'bad_request');
  const { limits } = o;
  const allowed = o.allowed ?? FILE_FIELDS;
  const storage = o.storage ?? diskStorage;
  const maxFile = Math.max(limits.photoBytes, limits.audioBytes, limits.videoBytes, limits.backgroundBytes);
  const out: ReceivedUpload = { files: {}, fields: {} };
  const parts = req.parts({ limits: { fileSize: maxFile + 1, ...FORM_LIMITS } }); // pipes the body into the parser
  const stopWatching = o.idleMs ? failWhenIdle(req.raw, o.idleMs) : () => {};
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        if (typeof part.value !== 'string') continue;
        if (part.valueTruncated) throw new HttpError(400, `The field ${part.fieldname} is too long.`, 'bad_request');
        out.fields[part.fieldname] = part.value;
        continue;
      }
      const field = part.fieldname;
      if (!allowed.has(field)) {
        part.file.resume();
        throw new HttpError(400, `Unexpected file field "${field}". Files go in: ${[...allowed].join(', ')}.`, 'bad_request');
      }
      if (out.files[field as UploadField]) {
        part.file.resume();
        throw new HttpError(400, `Send only one ${field} file.`, 'bad_request');
      }
      const file = path.join(dir, `${field}.upload`);
      const counter = new LimitedHash(limitOf(field as UploadField, limits), field);
      const sink = storage.createUploadStream(file);
      let writeError: unknown;
      sink.once('error', (err) => (writeError = err));
      try {
        await pipeline(part.file, counter, sink);
      } catch (err) {
        // the server could not store the bytes: its fault, not the client's
        if (writeError) throw isDiskFull(writeError) ? new HttpError(507, DISK_FULL_MESSAGE, 'disk_full') : writeError;
        throw err;
      }
      if (part.file.truncated) throw new HttpError(413, `The ${field} is too large: the limit is ${mb(limitOf(field as UploadField, limits))}.`, 'too_large');
      out.files[field as UploadField] = { path: file, bytes: counter.bytes, sha256: counter.hash.digest('hex') };
    }
  } catch (err) {
    if (err instanceof HttpError) throw err;
    const e = err as { statusCode?: number; code?: string; message?: string };
    if (e.code === 'FST_FIELDS_LIMIT') throw new HttpError(400, `Too many form fields: at most ${FORM_LIMITS.fields} option fields are read. Send only the job's options (see /openapi.json).`, 'too_many_fields');
    if (e.code === 'FST_FILES_LIMIT') throw new HttpError(400, `Too many files: send at most ${FORM_LIMITS.files} (${[...allowed].join(', ')}).`, 'too_many_files');
    if (e.code === 'FST_PARTS_LIMIT') throw new HttpError(400, `Too many form parts: at most ${FORM_LIMITS.parts} files and fields together.`, 'too_many_fields');
    if (e.statusCode === 413) throw new HttpError(413, `An uploaded file is too large: the limit is ${mb(maxFile)}.`, 'too_large');
    throw new HttpError(400, `Cannot read the upload: ${e.message ?? String(err)}.`, 'bad_request');
  } finally {
    stopWatching();
  }
  return out;
}

/**
 * Ends the parsing of a request body that brings no data for `idleMs` (a stalled or deliberately
 * slow client would otherwise hold its folder and descriptors forever): the multipart reader
 * fails with a 408 HttpError; the caller removes the folder and answers.
 */
function failWhenIdle(raw: IncomingMessage, idleMs: number): () => void {
  const timer = setTimeout(() => {
    if (raw.complete || raw.destroyed) return;
    const seconds = Math.round(idleMs / 100) / 10;
    // @fastify/multipart ends the parts iteration with an error emitted on the request
    raw.emit('error', new HttpError(408, `The upload stalled: no data for ${seconds} s. Nothing was kept; send it again.`, 'upload_timeout'));
  }, idleMs);
  const onData = () => timer.refresh();
  raw.on('data', onData);
  return () => {
    clearTimeout(timer);
    raw.off('data', onData);
  };
}

const IMAGE_EXT: Record<string, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', tiff: 'tif', avif: 'avif', heif: 'heic' };

/**
 * Checks an uploaded image; renames it to <field>.<ext of its real format>. Its size is read from
 * the header first and refused beyond `maxPixels` (a decompression bomb is never decoded); then it
 * is decoded once at thumbnail size, which libvips streams (JPEG shrinks on load), so memory stays
 * small whatever the photo's size.
 */
export async function validateImage(field: UploadField, received: { path: string; bytes: number; sha256: string }, maxPixels: number): Promise<JobFile & { path: string }> {
  const what = `the uploaded ${field}`;
  if (received.bytes === 0) throw new HttpError(400, `The ${field} is empty (0 bytes).`, 'bad_input');
  const notReadable = (err: unknown) => new HttpError(400, `The ${field} is not an image this server can read: ${publicText((err as Error).message, received.path, what)}. Use a JPEG, PNG or WebP image.`, 'bad_input');
  let meta: Metadata;
  try {
    meta = await sharp(received.path, { limitInputPixels: false }).metadata(); // reads the header only
  } catch (err) {
    throw notReadable(err);
  }
  const { width = 0, height = 0, format = 'img' } = meta;
  if (!(width > 0 && height > 0)) throw notReadable(new Error('it has no size'));
  if (width * height > maxPixels) {
    throw new HttpError(413, `The ${field} is ${width}x${height} pixels (${Math.round((width * height) / 1e6)} megapixels); the limit is ${Math.round(maxPixels / 1e6)} megapixels. Resize it (2000 pixels on the long side is plenty) and upload it again.`, 'too_many_pixels');
  }
  try {
    await sharp(received.path, { limitInputPixels: maxPixels, failOn: 'error', sequentialRead: true }).resize(256, 256, { fit: 'inside', withoutEnlargement: true }).raw().toBuffer();
  } catch (err) {
    if (format === 'heif') throw new HttpError(400, `The ${field} is a HEIC/HEIF image, which this server cannot decode. Convert it to JPEG or PNG and upload it again.`, 'bad_input');
    throw notReadable(err);
  }
  // orientations 5-8 turn the picture a quarter: shown width and height swap
  const swap = (meta.orientation ?? 1) >= 5;
  return finalise(field, received, IMAGE_EXT[format] ?? 'img', { format, width: swap ? height : width, height: swap ? width : height });
}

/** Checks an uploaded audio (or a video's soundtrack used as audio) with ffprobe. */
export async function validateAudio(received: { path: string; bytes: number; sha256: string }, limits: UploadLimits): Promise<JobFile & { path: string }> {
  if (received.bytes === 0) throw new HttpError(400, 'The audio is empty (0 bytes).', 'bad_input');
  let info: { duration: number; sampleRate: number; channels: number };
  try {
    info = await probeAudio(received.path);
  } catch (err) {
    throw new HttpError(400, `The audio is not audio this server can read: ${publicText((err as Error).message, received.path, 'the uploaded audio')}`, 'bad_input');
  }
  // what counts is what decodes, not the header (browser recordings carry none, others can lie)
  info.duration = await measured(() => measureAudioSeconds(received.path, limits.maxSeconds), received.path, 'audio');
  if (!(info.duration > 0)) throw new HttpError(400, 'The audio has no sound samples (empty or broken recording). Record or upload again.', 'bad_input');
  if (info.duration > limits.maxSeconds) throw new HttpError(413, `The audio is ${Math.round(info.duration)} s long; the limit is ${limits.maxSeconds} s.`, 'too_long');
  return finalise('audio', received, 'media', { duration: info.duration, sampleRate: info.sampleRate, channels: info.channels });
}

/** Checks an uploaded driving video with ffprobe. */
export async function validateVideo(received: { path: string; bytes: number; sha256: string }, limits: UploadLimits): Promise<JobFile & { path: string }> {
  if (received.bytes === 0) throw new HttpError(400, 'The video is empty (0 bytes).', 'bad_input');
  let info: Awaited<ReturnType<typeof probeVideo>>;
  try {
    info = await probeVideo(received.path);
  } catch (err) {
    throw new HttpError(400, `The video is not a video this server can read: ${publicText((err as Error).message, received.path, 'the uploaded video')}`, 'bad_input');
  }
  // raw H.264 has no duration in its header: count its frames
  info.duration = await measured(() => measureVideoSeconds(received.path, limits.maxSeconds), received.path, 'video');
  if (!(info.duration > 0)) throw new HttpError(400, 'The video has no frames (empty or broken file).', 'bad_input');
  if (info.duration > limits.maxSeconds) throw new HttpError(413, `The video is ${Math.round(info.duration)} s long; the limit is ${limits.maxSeconds} s.`, 'too_long');
  return finalise('video', received, 'media', { width: info.width, height: info.height, fps: Math.round(info.fps * 100) / 100, duration: info.duration, hasAudio: info.hasAudio });
}

/** Runs a duration count; a decode failure is the client's bad input (400). */
async function measured(count: () => Promise<number>, file: string, what: 'audio' | 'video'): Promise<number> {
  try {
    return await count();
  } catch (err) {
    throw new HttpError(400, `The ${what} cannot be decoded: ${publicText((err as Error).message, file, `the uploaded ${what}`)}`, 'bad_input');
  }
}

async function finalise(field: UploadField, received: { path: string; bytes: number; sha256: string }, ext: string, info: JobFile['info']): Promise<JobFile & { path: string }> {
  const name = `${field}.${ext}`;
  const finalPath = path.join(path.dirname(received.path), name);
  await rename(received.path, finalPath);
  return { name, bytes: received.bytes, sha256: received.sha256, info, path: finalPath };
}

/** A library message with the server's file path replaced by what the client knows it as. */
export function publicText(message: string, serverPath: string, asName: string): string {
  return message.split(serverPath).join(asName).split('\n')[0]!;
}

/** Removes a folder of partial uploads, ignoring errors. */
export async function discard(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true }).catch(() => {});
}

export async function fileSize(file: string): Promise<number> {
  return (await stat(file)).size;
}
