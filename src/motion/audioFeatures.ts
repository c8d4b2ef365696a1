// Audio -> per-motion-frame feature vectors for the mouth model, streamed in two passes over the
// file: pass 1 measures the speech level and the mean spectrum (so loudness and microphone
// colour do not matter), pass 2 yields one context vector per output frame. Memory is bounded by
// the look-ahead window, whatever the audio length.
import { decodeAudioChunks } from '../io/media.ts';
import { AudioError, CancelledError } from '../errors.ts';
import { FEATURE_RATE, LogMelStream, MEL_BANDS, SAMPLE_RATE } from './features.ts';

/** Cepstral coefficients kept per pooled window (c0 is replaced by the relative energy). */
export const CEPS = 8;
/** Pooled windows are 40 ms wide, centred at t + k * 40 ms for k = -CONTEXT..CONTEXT. */
export const CONTEXT = 5;
const POOL = 0.04;
/** Feature values are clipped to this floor (natural-log units, about -35 dB). */
const FLOOR = -8;
/** Frames more than 20 dB (4.6 natural-log units of power) below the speech level are not speech. */
const SPEECH_GATE = 4.6;
/** Loud level below which the whole file counts as silence (mean square 1e-7, -70 dBFS). */
const SILENT_LEVEL = Math.log(1e-7);

export const FRAME_DIM = 1 + CEPS; // relative energy + cepstra
export const CONTEXT_DIM = (2 * CONTEXT + 1) * FRAME_DIM;

export interface AudioLevels {
  /** log mean-square level of loud speech (95th percentile) */
  speechLevel: number;
  /** per-band mean log-mel over speech frames */
  bandMean: Float64Array;
  /** true when nothing in the file is louder than -70 dBFS */
  silent: boolean;
  /** total samples at 16 kHz */
  samples: number;
}

const HIST_LO = -30;
const HIST_STEP = 0.25;
const HIST_BINS = 128;

/** Pass 1: loudness histogram and per-band sums per loudness bin (bounded memory). */
export async function measureLevels(file: string, signal?: AbortSignal): Promise<AudioLevels> {
  const hist = new Float64Array(HIST_BINS);
  const bandSums = new Float64Array(HIST_BINS * MEL_BANDS);
  let samples = 0;
  const stream = new LogMelStream((f) => {
    const bin = Math.max(0, Math.min(HIST_BINS - 1, Math.floor((f[0]! - HIST_LO) / HIST_STEP)));
    hist[bin]! += 1;
    for (let b = 0; b < MEL_BANDS; b++) bandSums[bin * MEL_BANDS + b]! += f[b + 1]!;
  }, 3);
  for await (const chunk of decodeAudioChunks(file, { sampleRate: SAMPLE_RATE, chunkSamples: SAMPLE_RATE * 4, signal })) {
    if (signal?.aborted) throw new CancelledError();
    samples += chunk.length;
    stream.push(chunk);
  }
  stream.flush();
  const total = stream.frames;
  const bandMean = new Float64Array(MEL_BANDS);
  if (total === 0) return { speechLevel: SILENT_LEVEL, bandMean, silent: true, samples };
  let acc = 0;
  let p95 = 0;
  for (let i = 0; i < HIST_BINS; i++) {
    acc += hist[i]!;
    if (acc >= 0.95 * total) {
      p95 = i;
      break;
    }
  }
  const speechLevel = HIST_LO + (p95 + 0.5) * HIST_STEP;
  const gateBin = Math.floor((speechLevel - SPEECH_GATE - HIST_LO) / HIST_STEP);
  let count = 0;
  for (let i = Math.max(0, gateBin); i < HIST_BINS; i++) {
    count += hist[i]!;
    for (let b = 0; b < MEL_BANDS; b++) bandMean[b]! += bandSums[i * MEL_BANDS + b]!;
  }
  for (let b = 0; b < MEL_BANDS; b++) bandMean[b] = count ? bandMean[b]! / count : 0;
  return { speechLevel, bandMean, silent: speechLevel < SILENT_LEVEL, samples };
}

/** DCT-II basis rows 1..CEPS over the mel bands (orthonormal scale). */
const DCT = (() => {
  const m = new Float64Array(CEPS * MEL_BANDS);
  for (let c = 0; c < CEPS; c++)
    for (let b = 0; b < MEL_BANDS; b++) m[c * MEL_BANDS + b] = Math.sqrt(2 / MEL_BANDS) * Math.cos((Math.PI * (c + 1) * (b + 0.5)) / MEL_BANDS);
  return m;
})();

/** One 100 Hz frame -> [relative energy, cepstra of the mean-removed log-mel], clipped. */
function frameVector(f: Float32Array, levels: AudioLevels, out: Float32Array): void {
  const e = Math.max(FLOOR, Math.min(2, f[0]! - levels.speechLevel));
  out[0] = e;
  // below the gate the spectrum is noise: fade the cepstra out with the energy
  const weight = Math.max(0, Math.min(1, (e + SPEECH_GATE + 2) / 2));
  for (let c = 0; c < CEPS; c++) {
    let s = 0;
    for (let b = 0; b < MEL_BANDS; b++) s += DCT[c * MEL_BANDS + b]! * Math.max(FLOOR, f[b + 1]! - levels.bandMean[b]!);
    out[1 + c] = (s / 4) * weight;
  }
}

export interface AudioFrameFeatures {
  /** output frame index */
  index: number;
  /** CONTEXT_DIM values: pooled frames from -CONTEXT to +CONTEXT, each [energy, cepstra] */
  x: Float32Array;
  /** speech activity 0..1 at this frame (energy above the gate) */
  speech: number;
  /** relative energy at this frame (0 = loud speech level) */
  energy: number;
}

/** Number of motion frames for an audio of `samples` samples at 16 kHz. */
export function frameCountFor(samples: number, fps: number): number {
  return Math.round((samples / SAMPLE_RATE) * fps);
}

/**
 * Pass 2: yields one feature vector per output frame (time i / fps), with the pooled context.
 * Only the 100 Hz frames inside the context window are kept.
 */
export async function* audioFrameFeatures(file: string, fps: number, levels: AudioLevels, signal?: AbortSignal): AsyncGenerator<AudioFrameFeatures> {
  const nOut = frameCountFor(levels.samples, fps);
  const span = CONTEXT * POOL + POOL; // seconds of look-ahead/behind needed
  const ring: Float32Array[] = [];
  let ringStart = 0; // 100 Hz index of ring[0]
  let available = 0; // 100 Hz frames produced so far
  let next = 0;
  const silence = new Float32Array(FRAME_DIM);
  silence[0] = FLOOR;
  const pooled = new Float32Array(FRAME_DIM);
  const pool = (centre: number, out: Float32Array, outOffset: number) => {
    // 100 Hz frame j is centred at j / 100 + 0.0125 s
    const j0 = Math.ceil((centre - POOL / 2 - 0.0125) * FEATURE_RATE - 1e-9);
    const j1 = Math.ceil((centre + POOL / 2 - 0.0125) * FEATURE_RATE - 1e-9);
    pooled.fill(0);
    let n = 0;
    for (let j = j0; j < j1; j++) {
      const v = j >= 0 && j < available ? ring[j - ringStart] : silence;
      if (!v) continue;
      for (let d = 0; d < FRAME_DIM; d++) pooled[d]! += v[d]!;
      n++;
    }
    for (let d = 0; d < FRAME_DIM; d++) out[outOffset + d] = n ? pooled[d]! / n : silence[d]!;
  };
  const emit = function* (final: boolean): Generator<AudioFrameFeatures> {
    while (next < nOut) {
      const t = next / fps;
      if (!final && (t + span) * FEATURE_RATE >= available) return;
      const x = new Float32Array(CONTEXT_DIM);
      for (let k = -CONTEXT; k <= CONTEXT; k++) pool(t + k * POOL, x, (k + CONTEXT) * FRAME_DIM);
      const energy = x[CONTEXT * FRAME_DIM]!;
      const speech = Math.max(0, Math.min(1, (energy + SPEECH_GATE) / 1.5));
      yield { index: next, x, speech, energy };
      next++;
      // drop 100 Hz frames no later window needs
      const keepFrom = Math.floor((next / fps - span) * FEATURE_RATE) - 1;
      if (keepFrom > ringStart) {
        ring.splice(0, Math.min(ring.length, keepFrom - ringStart));
        ringStart = keepFrom;
      }
    }
  };
  const produced: Float32Array[] = [];
  const stream = new LogMelStream((f) => {
    const v = new Float32Array(FRAME_DIM);
    frameVector(f, levels, v);
    produced.push(v);
  });
  for await (const chunk of decodeAudioChunks(file, { sampleRate: SAMPLE_RATE, chunkSamples: SAMPLE_RATE, signal })) {
    if (signal?.aborted) throw new CancelledError();
    stream.push(chunk);
    for (const v of produced) {
      if (available >= ringStart) ring.push(v);
      available++;
    }
    produced.length = 0;
    yield* emit(false);
  }
  stream.flush();
  for (const v of produced) {
    ring.push(v);
    available++;
  }
  produced.length = 0;
  yield* emit(true);
  if (next < nOut) throw new AudioError(`Audio features ended early in ${file} (${next} of ${nOut} frames).`);
}
