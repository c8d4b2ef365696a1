// Streaming decode of video frames and audio samples through an ffmpeg pipe. Nothing holds the
// whole clip in memory: frames and audio chunks are yielded as ffmpeg produces them.
import { spawn, type ChildProcess } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { ffmpegPath, probe, parseRate, type ProbeResult } from './ffmpeg.ts';
import { AudioError, VideoError, InputError, CancelledError } from '../errors.ts';
import type { RgbaImage } from '../types.ts';

async function assertReadableFile(file: string, what: string, ErrorClass: typeof InputError): Promise<void> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new ErrorClass(`Cannot read the ${what} ${file}: the file does not exist.`);
  }
  if (size === 0) throw new ErrorClass(`The ${what} ${file} is empty (0 bytes). Give a real ${what} file.`);
}

/** ffprobe of a media file that must exist and be non-empty; the error names what to give instead. */
async function probeMedia(file: string, what: 'video' | 'audio', ErrorClass: typeof InputError, hint: string): Promise<ProbeResult> {
  await assertReadableFile(file, what, ErrorClass);
  try {
    return await probe(file);
  } catch (err) {
    throw new ErrorClass(`Cannot read ${file} as ${what === 'video' ? 'a video' : 'audio'} (${(err as Error).message.split('\n')[0]}). ${hint}`);
  }
}

export interface VideoInfo {
  width: number;
  height: number;
  fps: number;
  duration: number;
  frameCount: number;
  hasAudio: boolean;
}

/** Reads a video's stream properties; VideoError with a clear message if it is not a video. */
export async function probeVideo(file: string): Promise<VideoInfo> {
  const info = await probeMedia(file, 'video', VideoError, 'Use an mp4, mov, webm or another format ffmpeg reads.');
  const v = info.streams.find((s) => s.codec_type === 'video' && s.width && s.height);
  if (!v) throw new VideoError(`${file} has no video stream. Give a video of a face (mp4, mov, webm...).`);
  const fps = parseRate(v.avg_frame_rate) || parseRate(v.r_frame_rate) || 25;
  const duration = Number(v.duration ?? info.format.duration ?? 0);
  return {
    width: v.width!,
    height: v.height!,
    fps,
    duration,
    frameCount: Math.round(duration * fps),
    hasAudio: info.streams.some((s) => s.codec_type === 'audio'),
  };
}

export interface DecodeVideoOptions {
  /** resample to this frame rate (default: the video's own) */
  fps?: number;
  /** scale so the long side is at most this (keeps memory and detection time bounded) */
  maxSide?: number;
  /** stop after this many frames */
  maxFrames?: number;
  signal?: AbortSignal;
}

function killOnAbort(proc: ChildProcess, signal?: AbortSignal): () => void {
  if (!signal) return () => {};
  const onAbort = () => proc.kill('SIGKILL');
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
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
  const args = ['-v', 'error', '-nostdin', '-i', file, '-vf', filters.join(','), '-f', 'rawvideo', '-pix_fmt', 'rgba'];
  if (opts.maxFrames) args.push('-frames:v', String(opts.maxFrames));
  args.push('pipe:1');
  const proc = spawn(ffmpegPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const unhook = killOnAbort(proc, opts.signal);
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => proc.on('close', resolve));
  const frameBytes = width * height * 4;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let frames = 0;
  try {
    for await (const chunk of proc.stdout! as AsyncIterable<Buffer>) {
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
        yield { width, height, data: frame };
      }
    }
    const code = await exited;
    if (opts.signal?.aborted) throw new CancelledError();
    if (code !== 0 && frames === 0) throw new VideoError(`Cannot decode ${file}: ${stderr.trim().split('\n').pop() || `ffmpeg exited with ${code}`}. The file may be corrupt.`);
    if (frames === 0) throw new VideoError(`${file} has no decodable frames. The file may be corrupt or empty.`);
  } finally {
    unhook();
    if (proc.exitCode === null) proc.kill('SIGKILL');
  }
}

export interface AudioInfo {
  duration: number;
  sampleRate: number;
  channels: number;
}

/** Reads an audio (or video-with-audio) file's first audio stream; AudioError if there is none. */
export async function probeAudio(file: string): Promise<AudioInfo> {
  const info = await probeMedia(file, 'audio', AudioError, 'Use wav, mp3, m4a, ogg or any format ffmpeg reads.');
  const a = info.streams.find((s) => s.codec_type === 'audio');
  if (!a) throw new AudioError(`${file} has no audio stream. Give a speech recording (wav, mp3, m4a...).`);
  return {
    duration: Number(a.duration ?? info.format.duration ?? 0),
    sampleRate: Number(a.sample_rate ?? 0),
    channels: a.channels ?? 1,
  };
}

export interface DecodeAudioOptions {
  /** output sample rate (default 16000) */
  sampleRate?: number;
  /** samples per yielded chunk (default 1 s) */
  chunkSamples?: number;
  signal?: AbortSignal;
}

/** Yields mono float32 samples in [-1, 1] at the requested rate, in chunks, as ffmpeg decodes. */
export async function* decodeAudioChunks(file: string, opts: DecodeAudioOptions = {}): AsyncGenerator<Float32Array> {
  await probeAudio(file);
  const rate = opts.sampleRate ?? 16000;
  const chunkSamples = opts.chunkSamples ?? rate;
  const proc = spawn(ffmpegPath(), ['-v', 'error', '-nostdin', '-i', file, '-vn', '-ac', '1', '-ar', String(rate), '-f', 'f32le', 'pipe:1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const unhook = killOnAbort(proc, opts.signal);
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => proc.on('close', resolve));
  const chunkBytes = chunkSamples * 4;
  let pending: Buffer = Buffer.alloc(0);
  let total = 0;
  try {
    for await (const chunk of proc.stdout! as AsyncIterable<Buffer>) {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length >= chunkBytes) {
        const out = new Float32Array(chunkSamples);
        Buffer.from(out.buffer).set(pending.subarray(0, chunkBytes));
        pending = pending.subarray(chunkBytes);
        total += chunkSamples;
        yield out;
      }
    }
    const code = await exited;
    if (opts.signal?.aborted) throw new CancelledError();
    const tailSamples = Math.floor(pending.length / 4);
    if (tailSamples > 0) {
      const out = new Float32Array(tailSamples);
      Buffer.from(out.buffer).set(pending.subarray(0, tailSamples * 4));
      total += tailSamples;
      yield out;
    }
    if (code !== 0 && total === 0) throw new AudioError(`Cannot decode audio from ${file}: ${stderr.trim().split('\n').pop() || `ffmpeg exited with ${code}`}.`);
  } finally {
    unhook();
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
