// Audio -> per-motion-frame feature vectors for the mouth model, streamed in two passes over the
// file: pass 1 measures the speech level and the mean spectrum (so loudness and microphone
// colour do not matter), pass 2 yields one context vector per output frame. Memory is bounded by
// the look-ahead window, whatever the audio length.
import { decodeAudioChunks } from '../io/media.ts';
import { AudioError, CancelledError } from '../errors.ts';
import { cancellationCheckpoint } from '../cancel.ts';
import { FEATURE_RATE, LogMelStream, MEL_BANDS, SAMPLE_RATE, melBandCentresHz } from './features.ts';

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

/**
 * Mel bands of the first-formant region (250-1000 Hz): their loudness follows how far the jaw is
 * open (open vowels have a high F1 and carry the most energy there; closed lips, nasals and
 * fricatives little).
 */
const F1_BANDS = (() => {
  const c = melBandCentresHz();
  return [...c.keys()].filter((b) => c[b]! >= 250 && c[b]! <= 1000);
})();

const BAND_HZ = melBandCentresHz();

/** log power of the F1 bands of one log-mel frame */
function f1Energy(f: Float32Array): number {
  let s = 0;
  for (const b of F1_BANDS) s += Math.exp(f[b + 1]!);
  return Math.log(s + 1e-10);
}

/** power-weighted mean frequency (Hz) of the F1 bands: a rough first formant (higher = more open vowel) */
function f1Centroid(f: Float32Array): number {
  let s = 0;
  let sf = 0;
  for (const b of F1_BANDS) {
    const p = Math.exp(f[b + 1]!);
    s += p;
    sf += p * BAND_HZ[b]!;
  }
  return s > 0 ? sf / s : 0;
}

export interface AudioLevels {
  /** log mean-square level of loud speech (95th percentile) */
  speechLevel: number;
  /** log F1-band power of loud speech (95th percentile) */
  f1Level: number;
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
/** The F1-band sum is not normalised like the frame energy: its own, wider histogram. */
const F1_HIST_LO = -30;
const F1_HIST_BINS = 320;

/** Pass 1: loudness histogram and per-band sums per loudness bin (bounded memory). */
export async function measureLevels(file: string, signal?: AbortSignal): Promise<AudioLevels> {
  const hist = new Float64Array(HIST_BINS);
  const f1Hist = new Float64Array(F1_HIST_BINS);
  const bandSums = new Float64Array(HIST_BINS * MEL_BANDS);
  let samples = 0;
  const stream = new LogMelStream((f) => {
    const bin = Math.max(0, Math.min(HIST_BINS - 1, Math.floor((f[0]! - HIST_LO) / HIST_STEP)));
    hist[bin]! += 1;
    f1Hist[Math.max(0, Math.min(F1_HIST_BINS - 1, Math.floor((f1Energy(f) - F1_HIST_LO) / HIST_STEP)))]! += 1;
    for (let b = 0; b < MEL_BANDS; b++) bandSums[bin * MEL_BANDS + b]! += f[b + 1]!;
  }, 3);
  const checkpoint = cancellationCheckpoint(signal);
  for await (const chunk of decodeAudioChunks(file, { sampleRate: SAMPLE_RATE, chunkSamples: SAMPLE_RATE * 4, signal })) {
    await checkpoint();
    samples += chunk.length;
    stream.push(chunk);
  }
  stream.flush();
  const total = stream.frames;
  const bandMean = new Float64Array(MEL_BANDS);
  if (total === 0) return { speechLevel: SILENT_LEVEL, f1Level: SILENT_LEVEL, bandMean, silent: true, samples };
  const p95 = (h: Float64Array, lo: number) => {
    let acc = 0;
    for (let i = 0; i < h.length; i++) {
      acc += h[i]!;
      if (acc >= 0.95 * total) return lo + (i + 0.5) * HIST_STEP;
    }
    return lo + h.length * HIST_STEP;
  };
  const speechLevel = p95(hist, HIST_LO);
  const f1Level = p95(f1Hist, F1_HIST_LO);
  const gateBin = Math.floor((speechLevel - SPEECH_GATE - HIST_LO) / HIST_STEP);
  let count = 0;
  for (let i = Math.max(0, gateBin); i < HIST_BINS; i++) {
    count += hist[i]!;
    for (let b = 0; b < MEL_BANDS; b++) bandMean[b]! += bandSums[i * MEL_BANDS + b]!;
  }
  for (let b = 0; b < MEL_BANDS; b++) bandMean[b] = count ? bandMean[b]! / count : 0;
  return { speechLevel, f1Level, bandMean, silent: speechLevel < SILENT_LEVEL, samples };
}

/** DCT-II basis rows 1..CEPS over the mel bands (orthonormal scale). */
const DCT = (() => {
  const m = new Float64Array(CEPS * MEL_BANDS);
  for (let c = 0; c < CEPS; c++)
    for (let b = 0; b < MEL_BANDS; b++) m[c * MEL_BANDS + b] = Math.sqrt(2 / MEL_BANDS) * Math.cos((Math.PI * (c + 1) * (b + 0.5)) / MEL_BANDS);
  return m;
})();

/**
 * One 100 Hz frame -> [relative energy, cepstra of the mean-removed log-mel, relative F1-band
 * energy, F1 centroid in Hz], clipped. The last two are not model inputs (FRAME_DIM excludes them).
 */
function frameVector(f: Float32Array, levels: AudioLevels, out: Float32Array): void {
  const e = Math.max(FLOOR, Math.min(2, f[0]! - levels.speechLevel));
  out[0] = e;
  out[FRAME_DIM] = Math.max(FLOOR, Math.min(2, f1Energy(f) - levels.f1Level));
  out[FRAME_DIM + 1] = f1Centroid(f);
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
  /** relative F1-band (250-1000 Hz) energy at this frame, 40 ms window (0 = loud speech level) */
  f1: number;
  /** power-weighted mean frequency of the F1 band (Hz), 40 ms window: a rough first formant */
  f1Hz: number;
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
  const VEC = FRAME_DIM + 2; // model inputs + F1 energy + F1 centroid
  const silence = new Float32Array(VEC);
  silence[0] = FLOOR;
  silence[FRAME_DIM] = FLOOR;
  const pooled = new Float32Array(VEC);
  let pooledF1 = FLOOR;
  let pooledF1Hz = 0;
  const pool = (centre: number, out: Float32Array, outOffset: number) => {
    // 100 Hz frame j is centred at j / 100 + 0.0125 s
    const j0 = Math.ceil((centre - POOL / 2 - 0.0125) * FEATURE_RATE - 1e-9);
    const j1 = Math.ceil((centre + POOL / 2 - 0.0125) * FEATURE_RATE - 1e-9);
    pooled.fill(0);
    let n = 0;
    for (let j = j0; j < j1; j++) {
      const v = j >= 0 && j < available ? ring[j - ringStart] : silence;
      if (!v) continue;
      for (let d = 0; d < VEC; d++) pooled[d]! += v[d]!;
      n++;
    }
    for (let d = 0; d < FRAME_DIM; d++) out[outOffset + d] = n ? pooled[d]! / n : silence[d]!;
    pooledF1 = n ? pooled[FRAME_DIM]! / n : FLOOR;
    pooledF1Hz = n ? pooled[FRAME_DIM + 1]! / n : 0;
  };
  const emit = function* (final: boolean): Generator<AudioFrameFeatures> {
    while (next < nOut) {
      const t = next / fps;
      if (!final && (t + span) * FEATURE_RATE >= available) return;
      const x = new Float32Array(CONTEXT_DIM);
      pool(t, x, CONTEXT * FRAME_DIM);
      const f1 = pooledF1;
      const f1Hz = pooledF1Hz;
      for (let k = -CONTEXT; k <= CONTEXT; k++) if (k !== 0) pool(t + k * POOL, x, (k + CONTEXT) * FRAME_DIM);
      const energy = x[CONTEXT * FRAME_DIM]!;
      const speech = Math.max(0, Math.min(1, (energy + SPEECH_GATE) / 1.5));
      yield { index: next, x, speech, energy, f1, f1Hz };
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
    const v = new Float32Array(VEC);
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
