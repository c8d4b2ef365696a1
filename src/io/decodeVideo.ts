// Video frames streamed out of an ffmpeg pipe, one RGBA image at a time, and the length of a video
// counted from its packets; limits are checked on what is decoded, not on the header.
import { inputArgs } from './ffmpeg.ts';
import { spawnDecoder, DECODE_IDLE_MS } from './decoder.ts';
import { probeVideo } from './probeMedia.ts';
import { VideoError, CancelledError } from '../errors.ts';
import type { RgbaImage } from '../types.ts';

export interface DecodeVideoOptions {
  /** resample to this frame rate (default: the video's own) */
  fps?: number;
  /** scale so the long side is at most this (keeps memory and detection time bounded) */
  maxSide?: number;
  /** stop after this many frames (reading only the start is fine) */
  maxFrames?: number;
  /** fail with a VideoError once more than this many seconds have been decoded (a limit, not a cut) */
  limitSeconds?: number;
  signal?: AbortSignal;
}

/** Yields the frames of a video as RGBA images, resampled to a constant frame rate. */
export async function* decodeVideoFrames(file: string, opts: DecodeVideoOptions = {}): AsyncGenerator<RgbaImage> {
  const info = await probeVideo(file);
  const maxSide = opts.maxSide ?? 1024;
  const scale = Math.min(1, maxSide / Math.max(info.width, info.height));
  // even sizes keep every codec and filter happy
  const width = Math.max(2, Math.round((info.width * scale) / 2) * 2);
  const height = Math.max(2, Math.round((info.height * scale) / 2) * 2);
  const filters = [`scale=${width}:${height}:flags=lanczos`];
  if (opts.fps) filters.unshift(`fps=${opts.fps}`);
  const outFps = opts.fps ?? info.fps;
  const maxDecoded = opts.limitSeconds !== undefined ? Math.floor(opts.limitSeconds * outFps) : Infinity;
  const args = ['-v', 'error', '-nostdin', ...inputArgs(file, info.container), '-map', '0:v:0', '-vf', filters.join(','), '-f', 'rawvideo', '-pix_fmt', 'rgba'];
  if (opts.maxFrames) args.push('-frames:v', String(opts.maxFrames));
  args.push('pipe:1');
  const decoder = spawnDecoder(args, opts.signal);
  const frameBytes = width * height * 4;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let frames = 0;
  try {
    for await (const chunk of decoder.stdout) {
      decoder.touch();
      pending.push(chunk);
      pendingBytes += chunk.length;
      while (pendingBytes >= frameBytes) {
        const all = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
        const frame = new Uint8ClampedArray(frameBytes);
        frame.set(all.subarray(0, frameBytes));
        const rest = all.subarray(frameBytes);
        pending = rest.length ? [Buffer.from(rest)] : [];
        pendingBytes = rest.length;
        frames++;
        if (frames > maxDecoded) throw new VideoError(`${file} lasts longer than the limit of ${opts.limitSeconds} s (counted while decoding). Give a shorter video.`);
        yield { width, height, data: frame };
      }
    }
    const code = await decoder.exited;
    if (opts.signal?.aborted) throw new CancelledError();
    if (decoder.stalled()) throw new VideoError(`Decoding ${file} stalled (no frame in ${DECODE_IDLE_MS / 1000} s). The file may be corrupt; re-encode it as mp4.`);
    if (code !== 0 && frames === 0) throw new VideoError(`Cannot decode ${file}: ${decoder.lastError(code)}. The file may be corrupt.`);
    if (frames === 0) throw new VideoError(`${file} has no decodable frames. The file may be corrupt or empty.`);
  } finally {
    decoder.close();
  }
}

/**
 * Seconds of video actually in a file, from the packets of its first video stream (demuxed
 * without decoding: fast, and it works for raw H.264 whose header has no duration): the larger of
 * the packets' time span and their count at the stream's frame rate, so neither odd timestamps
 * nor an odd frame rate make a long video look short. Stops as soon as `limitSeconds` is passed
 * and then returns a value above it.
 */
export async function measureVideoSeconds(file: string, limitSeconds: number, signal?: AbortSignal): Promise<number> {
  const info = await probeVideo(file);
  const decoder = spawnDecoder(['-v', 'error', '-nostdin', ...inputArgs(file, info.container), '-map', '0:v:0', '-c', 'copy', '-f', 'framecrc', 'pipe:1'], signal);
  let packets = 0;
  let partial = '';
  let timeBase = 0;
  let first = Infinity;
  let end = -Infinity;
  const seconds = () => Math.max(packets / info.fps, end > first ? (end - first) * timeBase : 0);
  try {
    for await (const chunk of decoder.stdout) {
      decoder.touch();
      const lines = (partial + chunk.toString('latin1')).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('#tb 0:')) {
          const [n, d] = line.slice(6).trim().split('/').map(Number);
          timeBase = d ? n! / d : 0;
        }
        if (!line || line[0] === '#') continue;
        packets++;
        // framecrc: stream, dts, pts, duration, size, crc (a missing pts is printed as INT64_MIN)
        const [, dts, pts, duration] = line.split(',').map(Number);
        const at = pts! > -9e18 ? pts! : dts! > -9e18 ? dts! : NaN;
        if (Number.isFinite(at)) {
          first = Math.min(first, at);
          end = Math.max(end, at + Math.max(0, duration || 0));
        }
      }
      if (seconds() > limitSeconds) return Math.max(seconds(), limitSeconds + 1 / info.fps);
    }
    await decoder.exited;
    if (signal?.aborted) throw new CancelledError();
    if (decoder.stalled()) throw new VideoError(`Reading ${file} stalled. The file may be corrupt; re-encode it as mp4.`);
  } finally {
    decoder.close();
  }
  return seconds();
}

/** One frame (0-based, at the video's own rate) of a video: decodes from the start up to it. */
export async function videoFrameAt(file: string, index: number): Promise<RgbaImage> {
  let i = 0;
  for await (const f of decodeVideoFrames(file, { maxFrames: index + 1 })) if (i++ === index) return f;
  throw new Error(`${file} has fewer than ${index + 1} frames`);
}
