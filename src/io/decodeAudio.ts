// Mono float samples streamed out of an ffmpeg pipe in chunks, checked for invalid values, and the
// length of a recording found by decoding it.
import { inputArgs } from './ffmpeg.ts';
import { spawnDecoder, DECODE_IDLE_MS } from './decoder.ts';
import { probeAudio } from './probeMedia.ts';
import { AudioError, CancelledError } from '../errors.ts';

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
  const decoder = spawnDecoder(args, opts.signal);
  const chunkBytes = chunkSamples * 4;
  let pending: Buffer = Buffer.alloc(0);
  let total = 0;
  const tooLong = () => new AudioError(`${file} lasts longer than the limit of ${opts.limitSeconds} s (counted while decoding). Give a shorter recording.`);
  try {
    for await (const chunk of decoder.stdout) {
      decoder.touch();
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
    const code = await decoder.exited;
    if (opts.signal?.aborted) throw new CancelledError();
    if (decoder.stalled()) throw new AudioError(`Decoding ${file} stalled (no sound in ${DECODE_IDLE_MS / 1000} s). The file may be corrupt; re-export it as WAV.`);
    const tailSamples = Math.floor(pending.length / 4);
    if (tailSamples > 0) {
      const out = new Float32Array(tailSamples);
      Buffer.from(out.buffer).set(pending.subarray(0, tailSamples * 4));
      total += tailSamples;
      if (total > maxDecoded) throw tooLong();
      yield checkSamples(out, file);
    }
    if (code !== 0 && total === 0) throw new AudioError(`Cannot decode audio from ${file}: ${decoder.lastError(code)}.`);
  } finally {
    decoder.close();
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

