// Streaming decode of video frames and audio samples through an ffmpeg pipe. Nothing holds the
// whole clip in memory: frames and audio chunks are yielded as ffmpeg produces them.
//
// A user's file is never trusted to say what it is: probe() decides the container with the
// decoding ffmpeg itself, every decode is forced to that container with only the file protocol
// (so a playlist or concat list cannot pull in other files), and limits are checked on what is
// actually decoded, not on the header's duration.
import { spawn, type ChildProcess } from 'node:child_process';
import { open, stat } from 'node:fs/promises';
import { ffmpegPath, inputArgs, probe, parseRate, MediaOpenError, type ProbeResult } from './ffmpeg.ts';
import { AudioError, VideoError, InputError, CancelledError, SetupError } from '../errors.ts';
import type { RgbaImage } from '../types.ts';

/** A decode that produces nothing for this long is killed (a hung or pathological file). */
const DECODE_IDLE_MS = 60_000;

async function assertReadableFile(file: string, what: string, ErrorClass: typeof InputError): Promise<void> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new ErrorClass(`Cannot read the ${what} ${file}: the file does not exist.`);
  }
  if (size === 0) throw new ErrorClass(`The ${what} ${file} is empty (0 bytes). Give a real ${what} file.`);
}

/** The kind of image a file starts like (its magic bytes), or undefined. */
async function imageKind(file: string): Promise<string | undefined> {
  const fh = await open(file, 'r');
  try {
    const b = Buffer.alloc(16);
    await fh.read(b, 0, 16, 0);
    if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'JPEG';
    if (b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))) return 'PNG';
    if (b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'WebP';
    if (b.toString('latin1', 0, 3) === 'GIF') return 'GIF';
    if (b.toString('latin1', 0, 2) === 'BM') return 'BMP';
    if (b.toString('latin1', 4, 8) === 'ftyp' && /^(hei|hev|mif|avi)/.test(b.toString('latin1', 8, 12))) return 'HEIF/AVIF';
    return undefined;
  } finally {
    await fh.close();
  }
}

/** ffprobe of a media file that must exist and be non-empty; the error names what to give instead. */
async function probeMedia(file: string, what: 'video' | 'audio', ErrorClass: typeof InputError, hint: string): Promise<ProbeResult> {
  await assertReadableFile(file, what, ErrorClass);
  try {
    return await probe(file);
  } catch (err) {
    if (err instanceof SetupError) throw err; // a missing ffmpeg is not the file's fault
    const reason = err instanceof MediaOpenError ? err.message : (err as Error).message.split('\n')[0];
    // a photo given where sound or video is expected: say so rather than "format refused"
    const image = err instanceof MediaOpenError && err.reason === 'refused' ? await imageKind(file) : undefined;
    if (image) throw new ErrorClass(`${file} is an image (${image}): it has no ${what === 'video' ? 'video' : 'audio'} stream. ${hint}`);
    throw new ErrorClass(`Cannot read ${file} as ${what === 'video' ? 'a video' : 'audio'}: ${reason}. ${hint}`);
  }
}

export interface VideoInfo {
  width: number;
  height: number;
  fps: number;
  /** seconds from the header; 0 when the container has none (raw H.264): count frames instead */
  duration: number;
  frameCount: number;
  hasAudio: boolean;
  /** the ffmpeg demuxer every decode of this file is forced to */
  container: string;
}

const VIDEO_HINT = 'Use an mp4, mov, webm, mkv or avi video.';
const AUDIO_HINT = 'Use wav, mp3, m4a, ogg, flac or a video with sound.';

/** Reads a video's stream properties; VideoError with a clear message if it is not a video. */
export async function probeVideo(file: string): Promise<VideoInfo> {
  const info = await probeMedia(file, 'video', VideoError, VIDEO_HINT);
  const v = info.streams.find((s) => s.codec_type === 'video' && s.width && s.height);
  if (!v) throw new VideoError(`${file} has no video stream. Give a video of a face (mp4, mov, webm...).`);
  const fps = parseRate(v.avg_frame_rate) || parseRate(v.r_frame_rate) || 25;
  const duration = Number(v.duration ?? info.format.duration ?? 0) || 0;
  return {
    width: v.width!,
    height: v.height!,
    fps,
    duration,
    frameCount: Math.round(duration * fps),
    hasAudio: info.streams.some((s) => s.codec_type === 'audio'),
    container: info.container,
  };
}

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

function killOnAbort(proc: ChildProcess, signal?: AbortSignal): () => void {
  if (!signal) return () => {};
  const onAbort = () => proc.kill('SIGKILL');
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}

/** Kills the decoder when it has produced nothing for DECODE_IDLE_MS; `touch` on every output. */
function idleWatchdog(proc: ChildProcess): { touch: () => void; stop: () => void; fired: () => boolean } {
  let fired = false;
  let timer: NodeJS.Timeout;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      fired = true;
      proc.kill('SIGKILL');
    }, DECODE_IDLE_MS);
    timer.unref();
  };
  arm();
  return { touch: arm, stop: () => clearTimeout(timer), fired: () => fired };
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
  const proc = spawn(ffmpegPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const unhook = killOnAbort(proc, opts.signal);
  const watchdog = idleWatchdog(proc);
  let stderr = '';
  proc.stderr!.on('data', (d) => {
    if (stderr.length < 65536) stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => proc.on('close', resolve));
  const frameBytes = width * height * 4;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let frames = 0;
  try {
    for await (const chunk of proc.stdout! as AsyncIterable<Buffer>) {
      watchdog.touch();
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
    const code = await exited;
    if (opts.signal?.aborted) throw new CancelledError();
    if (watchdog.fired()) throw new VideoError(`Decoding ${file} stalled (no frame in ${DECODE_IDLE_MS / 1000} s). The file may be corrupt; re-encode it as mp4.`);
    if (code !== 0 && frames === 0) throw new VideoError(`Cannot decode ${file}: ${stderr.trim().split('\n').pop() || `ffmpeg exited with ${code}`}. The file may be corrupt.`);
    if (frames === 0) throw new VideoError(`${file} has no decodable frames. The file may be corrupt or empty.`);
  } finally {
    unhook();
    watchdog.stop();
    if (proc.exitCode === null) proc.kill('SIGKILL');
  }
}

export interface AudioInfo {
  /** seconds from the header; 0 when the container has none (count samples instead) */
  duration: number;
  sampleRate: number;
  channels: number;
  /** the ffmpeg demuxer every decode of this file is forced to */
  container: string;
}

/** Reads an audio (or video-with-audio) file's first audio stream; AudioError if there is none. */
export async function probeAudio(file: string): Promise<AudioInfo> {
  const info = await probeMedia(file, 'audio', AudioError, AUDIO_HINT);
  const a = info.streams.find((s) => s.codec_type === 'audio');
  if (!a) throw new AudioError(`${file} has no audio stream. Give a speech recording (wav, mp3, m4a...).`);
  return {
    duration: Number(a.duration ?? info.format.duration ?? 0) || 0,
    sampleRate: Number(a.sample_rate ?? 0),
    channels: a.channels ?? 1,
    container: info.container,
  };
}

export interface DecodeAudioOptions {
  /** output sample rate (default 16000) */
  sampleRate?: number;
  /** samples per yielded chunk (default 1 s) */
  chunkSamples?: number;
  /** fail with an AudioError once more than this many seconds have been decoded */
  limitSeconds?: number;
  signal?: AbortSignal;
}

/**
 * Checks decoded samples in place: NaN or infinite values (a float WAV can hold them) make the
 * file unusable, so they are an AudioError rather than silently zeroed; finite values beyond
 * full scale are clipped to [-1, 1] as any player would. Returns the chunk.
 */
export function checkSamples(samples: Float32Array, file: string): Float32Array {
  for (let i = 0; i < samples.length; i++) {
    const v = samples[i]!;
    if (v >= -1 && v <= 1) continue;
    if (!Number.isFinite(v)) throw new AudioError(`${file} holds invalid samples (NaN or infinite values): the recording is corrupt. Re-export it as 16-bit PCM WAV.`);
    samples[i] = v > 0 ? 1 : -1;
  }
  return samples;
}

/** Yields mono float32 samples in [-1, 1] at the requested rate, in chunks, as ffmpeg decodes. */
export async function* decodeAudioChunks(file: string, opts: DecodeAudioOptions = {}): AsyncGenerator<Float32Array> {
  const info = await probeAudio(file);
  const rate = opts.sampleRate ?? 16000;
  const chunkSamples = opts.chunkSamples ?? rate;
  const maxDecoded = opts.limitSeconds !== undefined ? Math.floor(opts.limitSeconds * rate) : Infinity;
  const args = ['-v', 'error', '-nostdin', ...inputArgs(file, info.container), '-map', '0:a:0', '-vn', '-ac', '1', '-ar', String(rate), '-f', 'f32le', 'pipe:1'];
  const proc = spawn(ffmpegPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const unhook = killOnAbort(proc, opts.signal);
  const watchdog = idleWatchdog(proc);
  let stderr = '';
  proc.stderr!.on('data', (d) => {
    if (stderr.length < 65536) stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => proc.on('close', resolve));
  const chunkBytes = chunkSamples * 4;
  let pending: Buffer = Buffer.alloc(0);
  let total = 0;
  const tooLong = () => new AudioError(`${file} lasts longer than the limit of ${opts.limitSeconds} s (counted while decoding). Give a shorter recording.`);
  try {
    for await (const chunk of proc.stdout! as AsyncIterable<Buffer>) {
      watchdog.touch();
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length >= chunkBytes) {
        const out = new Float32Array(chunkSamples);
        Buffer.from(out.buffer).set(pending.subarray(0, chunkBytes));
        pending = pending.subarray(chunkBytes);
        total += chunkSamples;
        if (total > maxDecoded) throw tooLong();
        yield checkSamples(out, file);
      }
    }
    const code = await exited;
    if (opts.signal?.aborted) throw new CancelledError();
    if (watchdog.fired()) throw new AudioError(`Decoding ${file} stalled (no sound in ${DECODE_IDLE_MS / 1000} s). The file may be corrupt; re-export it as WAV.`);
    const tailSamples = Math.floor(pending.length / 4);
    if (tailSamples > 0) {
      const out = new Float32Array(tailSamples);
      Buffer.from(out.buffer).set(pending.subarray(0, tailSamples * 4));
      total += tailSamples;
      if (total > maxDecoded) throw tooLong();
      yield checkSamples(out, file);
    }
    if (code !== 0 && total === 0) throw new AudioError(`Cannot decode audio from ${file}: ${stderr.trim().split('\n').pop() || `ffmpeg exited with ${code}`}.`);
  } finally {
    unhook();
    watchdog.stop();
    if (proc.exitCode === null) proc.kill('SIGKILL');
  }
}

/** Decodes a whole (short) audio file into one array. Use decodeAudioChunks for long audio. */
export async function decodeAudio(file: string, opts: DecodeAudioOptions = {}): Promise<Float32Array> {
  const parts: Float32Array[] = [];
  let n = 0;
  for await (const c of decodeAudioChunks(file, opts)) {
    parts.push(c);
    n += c.length;
  }
  const out = new Float32Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * Seconds of audio actually in a file, found by decoding it (at a low rate: about 1 s of work per
 * 10 min of sound). Stops as soon as `limitSeconds` is passed and then returns a value above it.
 */
export async function measureAudioSeconds(file: string, limitSeconds: number, signal?: AbortSignal): Promise<number> {
  const rate = 8000;
  let samples = 0;
  try {
    for await (const chunk of decodeAudioChunks(file, { sampleRate: rate, chunkSamples: rate, limitSeconds, signal })) samples += chunk.length;
  } catch (err) {
    if (err instanceof AudioError && /longer than the limit/.test(err.message)) return limitSeconds + 1 / rate;
    throw err;
  }
  return samples / rate;
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
  const proc = spawn(ffmpegPath(), ['-v', 'error', '-nostdin', ...inputArgs(file, info.container), '-map', '0:v:0', '-c', 'copy', '-f', 'framecrc', 'pipe:1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const unhook = killOnAbort(proc, signal);
  const watchdog = idleWatchdog(proc);
  const exited = new Promise<number | null>((resolve) => proc.on('close', resolve));
  let packets = 0;
  let partial = '';
  let timeBase = 0;
  let first = Infinity;
  let end = -Infinity;
  const seconds = () => Math.max(packets / info.fps, end > first ? (end - first) * timeBase : 0);
  try {
    for await (const chunk of proc.stdout! as AsyncIterable<Buffer>) {
      watchdog.touch();
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
    await exited;
    if (signal?.aborted) throw new CancelledError();
    if (watchdog.fired()) throw new VideoError(`Reading ${file} stalled. The file may be corrupt; re-encode it as mp4.`);
  } finally {
    unhook();
    watchdog.stop();
    if (proc.exitCode === null) proc.kill('SIGKILL');
  }
  return seconds();
}

/** One frame (0-based, at the video's own rate) of a video: decodes from the start up to it. */
export async function videoFrameAt(file: string, index: number): Promise<RgbaImage> {
  let i = 0;
  for await (const f of decodeVideoFrames(file, { maxFrames: index + 1 })) if (i++ === index) return f;
  throw new Error(`${file} has fewer than ${index + 1} frames`);
}
