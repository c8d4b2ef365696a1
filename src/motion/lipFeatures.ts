// Audio features of the learned lip model: per-file normalised log-mel at 100 Hz, pooled into
// 40 ms windows around each output frame (the model's context). Normalisation makes the input
// loudness- and microphone-invariant: energy is taken relative to the file's loud-speech level
// (95th percentile) and each mel band relative to its mean over speech frames.
//
// The whole 100 Hz matrix is kept (25 floats a frame: 36 MB for an hour of audio), which keeps the
// code simple; the pooled context vectors are built one output frame at a time.
import { decodeAudioChunks } from '../io/media.ts';
import { CancelledError } from '../errors.ts';
import { FEATURE_RATE, LogMelStream, MEL_BANDS, SAMPLE_RATE } from './features.ts';

/** values per 100 Hz frame: relative energy + MEL_BANDS mean-removed log-mel bands */
export const LIP_FRAME_DIM = MEL_BANDS + 1;
/** natural-log floor (about -35 dB) and ceiling of the relative values */
const FLOOR = -8;
/** the value of silence (and of audio outside the file) in every normalised column */
export const FLOOR_VALUE = FLOOR;
const CEIL = 3;
/** frames more than 20 dB (4.6 natural-log units of power) below the speech level are not speech */
export const SPEECH_GATE = 4.6;
/**
 * Speech activity for the mouth: frames up to 30 dB below the speech level still count (soft
 * word ends and consonants); with the 20 dB gate the mouth shut too often inside speech
 * (speaker-held-out jawOpen r 0.31 -> 0.40 on the first 22 speakers).
 */
export const ACTIVITY_GATE = 6.9;
/** a file whose loud level is below mean square 1e-7 (-70 dBFS) is silent */
const SILENT_LEVEL = Math.log(1e-7);
/** pooling window of the context (s) */
export const POOL_SECONDS = 0.04;

export interface LipAudio {
  /** n100 x LIP_FRAME_DIM normalised frames (row-major) */
  frames: Float32Array;
  n100: number;
  /** audio samples at 16 kHz */
  samples: number;
  /** true when nothing in the file is louder than -70 dBFS */
  silent: boolean;
}

/** 95th percentile of a column (sorting a copy: fine for the per-file pass). */
function p95(values: Float32Array): number {
  const s = Float32Array.from(values).sort();
  return s.length ? s[Math.floor(0.95 * (s.length - 1))]! : SILENT_LEVEL;
}

/** Per-file normalisation of raw [logEnergy, logMel...] frames, in place. Pure: used by tests. */
export function normaliseLogMel(raw: Float32Array, n100: number): boolean {
  const D = LIP_FRAME_DIM;
  const energy = new Float32Array(n100);
  for (let j = 0; j < n100; j++) energy[j] = raw[j * D]!;
  const level = p95(energy);
  const silent = !(level >= SILENT_LEVEL);
  const bandMean = new Float64Array(MEL_BANDS);
  let count = 0;
  for (let j = 0; j < n100; j++) {
    if (energy[j]! < level - SPEECH_GATE) continue;
    count++;
    for (let b = 0; b < MEL_BANDS; b++) bandMean[b]! += raw[j * D + 1 + b]!;
  }
  for (let b = 0; b < MEL_BANDS; b++) bandMean[b] = count ? bandMean[b]! / count : 0;
  const clip = (v: number) => (v < FLOOR ? FLOOR : v > CEIL ? CEIL : v);
  for (let j = 0; j < n100; j++) {
    const o = j * D;
    // a silent file reads as silence everywhere (its "speech level" would be noise)
    raw[o] = silent ? FLOOR : clip(raw[o]! - level);
    // band shape relative to the speech average, lowered with the frame's loudness so that
    // silence reads as low in every band whatever the microphone's noise floor
    for (let b = 0; b < MEL_BANDS; b++) raw[o + 1 + b] = silent ? FLOOR : clip(raw[o + 1 + b]! - bandMean[b]! + Math.min(0, raw[o]!));
  }
  return silent;
}

/** seconds of past audio the streaming loud-speech level is measured over */
export const STREAM_LEVEL_SECONDS = 10;
/** time constant (s) of the streaming band means over speech frames (a plain mean until then) */
const STREAM_BAND_SECONDS = 10;
/**
 * the streaming level is at least this far (natural log of power, 30 dB) above the quietest 5 %
 * of the window: while only noise has been heard (a file or a microphone starting in silence), its
 * 95th percentile is noise, which would otherwise read as speech
 */
const STREAM_MIN_DYNAMIC = 6.9;
/** histogram of the streaming level: bins of 0.1 natural-log units from -40 to +5 */
const LEVEL_BIN = 0.1;
const LEVEL_MIN = -40;
const LEVEL_BINS = 450;

/**
 * The same normalisation as normaliseLogMel from the audio heard so far (for a live microphone):
 * the loud-speech level is the 95th percentile of the last STREAM_LEVEL_SECONDS of frame energy
 * (a sliding histogram), the band means an exponential average over the speech frames heard.
 * A frame's output never depends on later frames.
 */
export class StreamingLipNormaliser {
  private readonly hist = new Uint32Array(LEVEL_BINS);
  private readonly window: Int16Array;
  private count = 0;
  private readonly bandMean = new Float64Array(MEL_BANDS);
  private speechFrames = 0;

  constructor(rate = FEATURE_RATE) {
    this.window = new Int16Array(Math.round(STREAM_LEVEL_SECONDS * rate));
  }

  private level(): number {
    const want = Math.max(1, Math.ceil(0.05 * Math.min(this.count, this.window.length)));
    let seen = 0;
    let p95 = NaN;
    for (let b = LEVEL_BINS - 1; b >= 0 && !(p95 === p95); b--) if ((seen += this.hist[b]!) >= want) p95 = LEVEL_MIN + (b + 0.5) * LEVEL_BIN;
    seen = 0;
    let p5 = NaN;
    for (let b = 0; b < LEVEL_BINS && !(p5 === p5); b++) if ((seen += this.hist[b]!) >= want) p5 = LEVEL_MIN + (b + 0.5) * LEVEL_BIN;
    return Math.max(p95, p5 + STREAM_MIN_DYNAMIC);
  }

  /** Normalises one raw [logEnergy, logMel...] frame in place. */
  push(frame: Float32Array): Float32Array {
    const bin = Math.max(0, Math.min(LEVEL_BINS - 1, Math.floor((frame[0]! - LEVEL_MIN) / LEVEL_BIN)));
    const slot = this.count % this.window.length;
    if (this.count >= this.window.length) this.hist[this.window[slot]!]!--;
    this.window[slot] = bin;
    this.hist[bin]!++;
    this.count++;
    const level = this.level();
    const silent = !(level >= SILENT_LEVEL);
    const speech = !silent && frame[0]! >= level - SPEECH_GATE;
    if (speech) {
      this.speechFrames++;
      const a = Math.max(1 / this.speechFrames, 1 / (STREAM_BAND_SECONDS * FEATURE_RATE));
      for (let b = 0; b < MEL_BANDS; b++) this.bandMean[b] = this.bandMean[b]! + a * (frame[1 + b]! - this.bandMean[b]!);
    }
    const clip = (v: number) => (v < FLOOR ? FLOOR : v > CEIL ? CEIL : v);
    frame[0] = silent ? FLOOR : clip(frame[0]! - level);
    for (let b = 0; b < MEL_BANDS; b++) frame[1 + b] = silent || this.speechFrames === 0 ? FLOOR : clip(frame[1 + b]! - this.bandMean[b]! + Math.min(0, frame[0]!));
    return frame;
  }
}

/** Streaming normalisation of a whole matrix of raw frames, in place (the offline check of the live path). */
export function normaliseLogMelStreaming(raw: Float32Array, n100: number): boolean {
  const D = LIP_FRAME_DIM;
  const norm = new StreamingLipNormaliser();
  let anySound = false;
  for (let j = 0; j < n100; j++) {
    norm.push(raw.subarray(j * D, (j + 1) * D));
    if (raw[j * D]! > FLOOR) anySound = true;
  }
  return !anySound;
}

/** Decodes a file and returns its normalised 100 Hz frames (per file, or as a live stream would with `streaming`). */
export async function lipAudio(file: string, signal?: AbortSignal, streaming = false): Promise<LipAudio> {
  const chunks: Float32Array[] = [];
  let stored = 0;
  let samples = 0;
  let block = new Float32Array(LIP_FRAME_DIM * 4096);
  const stream = new LogMelStream((f) => {
    if (stored + LIP_FRAME_DIM > block.length) {
      chunks.push(block.subarray(0, stored));
      block = new Float32Array(block.length);
      stored = 0;
    }
    block.set(f.subarray(0, LIP_FRAME_DIM), stored);
    stored += LIP_FRAME_DIM;
  });
  for await (const chunk of decodeAudioChunks(file, { sampleRate: SAMPLE_RATE, chunkSamples: SAMPLE_RATE * 4, signal })) {
    if (signal?.aborted) throw new CancelledError();
    samples += chunk.length;
    stream.push(chunk);
  }
  stream.flush();
  chunks.push(block.subarray(0, stored));
  const total = chunks.reduce((s, c) => s + c.length, 0);
  const frames = new Float32Array(total);
  let o = 0;
  for (const c of chunks) {
    frames.set(c, o);
    o += c.length;
  }
  const n100 = total / LIP_FRAME_DIM;
  const silent = streaming ? normaliseLogMelStreaming(frames, n100) : normaliseLogMel(frames, n100);
  return { frames, n100, samples, silent };
}

/** mel bands (of MEL_BANDS) averaged as low and high for a frame's tilt */
const TILT_LOW_BANDS = [0, 6] as const, TILT_HIGH_BANDS = [14, 24] as const;

/**
 * The spectral tilt of one normalised frame laid out as `frames` holds it from `offset` (energy, then
 * the mel bands): the high bands' mean less the low ones'. A hiss (s, f, a stop's release) is high; a
 * vowel, a voice bar or a nasal murmur low (lipClosures.ts, lipVoicing.ts).
 */
export function frameTilt(frame: ArrayLike<number>, offset = 0): number {
  const band = ([a, b]: readonly [number, number]) => {
    let s = 0;
    for (let k = a; k < b; k++) s += frame[offset + 1 + k]!;
    return s / (b - a);
  };
  return band(TILT_HIGH_BANDS) - band(TILT_LOW_BANDS);
}

/**
 * The pooled context of output time t (s): for each offset k (in pooling windows), the mean of the
 * 100 Hz frames centred within +-20 ms of t + k * 40 ms (silence outside the file).
 * 100 Hz frame j is centred at j / 100 + 0.0125 s.
 */
export function contextVector(a: LipAudio, t: number, offsets: readonly number[], out: Float32Array): Float32Array {
  const D = LIP_FRAME_DIM;
  for (let w = 0; w < offsets.length; w++) {
    const c = t + offsets[w]! * POOL_SECONDS;
    const j0 = Math.ceil((c - POOL_SECONDS / 2 - 0.0125) * FEATURE_RATE - 1e-9);
    const j1 = Math.ceil((c + POOL_SECONDS / 2 - 0.0125) * FEATURE_RATE - 1e-9);
    const o = w * D;
    for (let d = 0; d < D; d++) out[o + d] = 0;
    for (let j = j0; j < j1; j++) {
      const inside = j >= 0 && j < a.n100;
      for (let d = 0; d < D; d++) out[o + d]! += inside ? a.frames[j * D + d]! : FLOOR;
    }
    const n = Math.max(1, j1 - j0);
    for (let d = 0; d < D; d++) out[o + d] = out[o + d]! / n;
  }
  return out;
}

/** Speech activity 0..1 per output frame: the relative energy of the 40 ms around it above the gate. */
export function speechActivity(a: LipAudio, fps: number, n: number, gate = ACTIVITY_GATE): Float64Array {
  const out = new Float64Array(n);
  const v = new Float32Array(LIP_FRAME_DIM);
  for (let i = 0; i < n; i++) {
    contextVector(a, i / fps, [0], v);
    out[i] = a.silent ? 0 : Math.max(0, Math.min(1, (v[0]! + gate) / 1.5));
  }
  return out;
}
