// Live microphone -> mouth, causal: every 10 ms hop of 16 kHz audio updates the mouth from what has
// been heard so far (no look-ahead, so the delay is the 25 ms analysis window, the 40 ms pooling and
// the jaw's attack). The same pieces as the offline path, made streaming:
// - log-mel frames from LogMelStream (features.ts);
// - levels (loud-speech level, F1-band level, mean spectrum) from the last LEVEL_SECONDS instead of
//   the whole file (audioFeatures.ts measures them in a first pass);
// - jawOpen from jawTarget (mouthModel.ts, the physical F1 mapping) relative to the local loud level
//   of the last 3 s (the offline path looks +-3 s);
// - the other mouth shapes from the trained ridge model on the +-200 ms context, where the future
//   half of the context, not yet heard, repeats the newest window;
// - the offline anticipatory smoothing becomes one-pole attack/release filters.
// Runs inside the page's AudioWorklet. To drive the mouth with another causal model, implement
// LiveMouth and change the one import in src/live/page/audioWorklet.ts.
import { LogMelStream, MEL_BANDS, FEATURE_RATE, melBandCentresHz } from '../motion/features.ts';
import { CEPS, CONTEXT, CONTEXT_DIM, FRAME_DIM } from '../motion/audioFeatures.ts';
import { attackRelease } from './lipMouth.ts';
import { JAW_PHYSICAL, REFERENCE_MOUTH_AMP, jawTarget, predictMouth, type MouthModel } from '../motion/mouthModel.ts';

/** The mouth after the latest hop. */
export interface LiveMouthState {
  /** mouth rig weights, 0..1 */
  weights: Record<string, number>;
  /** speech activity 0..1 */
  speech: number;
  /** energy relative to the loud-speech level (0 = loud speech, -8 = silence): drives head motion */
  energy: number;
  /** raw frame loudness in dBFS (what the microphone heard, for meters and tests) */
  loudnessDb: number;
  /** seconds of audio consumed so far */
  time: number;
}

export interface LiveMouth {
  /** 16 kHz mono samples in any chunk size; returns the number of new 10 ms hops analysed */
  push(samples: Float32Array): number;
  readonly state: LiveMouthState;
}

export interface LiveMouthOptions {
  /** mouth opening scale, as generate's --mouth-amp (default 0.45) */
  mouthAmp?: number;
}

/** Levels are measured over the last this many seconds of audio. */
const LEVEL_SECONDS = 8;
/** Frames more than 20 dB below the loud level are not speech (as audioFeatures.ts). */
const SPEECH_GATE = 4.6;
const FLOOR = -8;
/** A level this low (-70 dBFS) is silence whatever the history says. */
const SILENT_LEVEL = Math.log(1e-7);
/**
 * Before anyone speaks the loudest recent sound is room noise: a loud level under 10 dB (2.3 natural
 * log units of power) above the noise floor (10th percentile) counts as silence.
 */
const MIN_SPEECH_OVER_NOISE = 2.3;
/** 40 ms pooling windows, in 10 ms hops */
const POOL_HOPS = 4;
/** one-pole smoothing of the non-jaw mouth shapes (s) */
const SHAPE_SMOOTH = 0.04;

const CENTRES = melBandCentresHz();
const F1_BANDS = [...CENTRES.keys()].filter((b) => CENTRES[b]! >= 250 && CENTRES[b]! <= 1000);
const DCT = (() => {
  const m = new Float64Array(CEPS * MEL_BANDS);
  for (let c = 0; c < CEPS; c++) for (let b = 0; b < MEL_BANDS; b++) m[c * MEL_BANDS + b] = Math.sqrt(2 / MEL_BANDS) * Math.cos((Math.PI * (c + 1) * (b + 0.5)) / MEL_BANDS);
  return m;
})();

/** Percentile of a ring buffer's filled part (sorts a copy: a few hundred values, a few times a second). */
function ringPercentile(ring: Float64Array, filled: number, p: number, scratch: Float64Array): number {
  const s = scratch.subarray(0, filled);
  s.set(ring.subarray(0, filled));
  s.sort();
  return s[Math.min(filled - 1, Math.floor(p * (filled - 1)))]!;
}

/** Loud-speech, noise-floor and F1-band levels over the last LEVEL_SECONDS, refreshed every 250 ms. */
class RecentLevels {
  private readonly size = LEVEL_SECONDS * FEATURE_RATE;
  private readonly energy = new Float64Array(this.size);
  private readonly f1 = new Float64Array(this.size);
  private readonly scratch = new Float64Array(this.size);
  private filled = 0;
  speech = SILENT_LEVEL;
  noise = SILENT_LEVEL;
  f1Loud = SILENT_LEVEL;

  add(hop: number, energy: number, f1Log: number): void {
    const slot = hop % this.size;
    this.energy[slot] = energy;
    this.f1[slot] = f1Log;
    this.filled = Math.min(this.size, this.filled + 1);
    if (hop % 25 !== 1) return;
    this.speech = Math.max(SILENT_LEVEL, ringPercentile(this.energy, this.filled, 0.95, this.scratch));
    this.noise = ringPercentile(this.energy, this.filled, 0.1, this.scratch);
    this.f1Loud = Math.max(SILENT_LEVEL, ringPercentile(this.f1, this.filled, 0.95, this.scratch));
  }

  /** nobody has spoken yet: silence, or room noise alone */
  get silent(): boolean {
    return this.speech <= SILENT_LEVEL || this.speech - this.noise < MIN_SPEECH_OVER_NOISE;
  }
}

/** Power and power-weighted centre frequency of a log-mel frame's F1 bands (250-1000 Hz). */
function f1Band(frame: Float32Array): { log: number; centroidHz: number } {
  let power = 0, weighted = 0;
  for (const b of F1_BANDS) {
    const p = Math.exp(frame[b + 1]!);
    power += p;
    weighted += p * CENTRES[b]!;
  }
  return { log: Math.log(power + 1e-10), centroidHz: power > 0 ? weighted / power : 0 };
}

/**
 * One hop's feature vector, as audioFeatures.frameVector: relative energy, cepstra of the spectrum
 * over the microphone's mean colour (weighted down out of speech), then F1 level and centre.
 */
function fillHopVector(v: Float32Array, frame: Float32Array, energy: number, micColour: Float64Array, f1Rel: number, f1CentroidHz: number): void {
  v[0] = energy;
  const weight = Math.max(0, Math.min(1, (energy + SPEECH_GATE + 2) / 2));
  for (let c = 0; c < CEPS; c++) {
    let s = 0;
    for (let b = 0; b < MEL_BANDS; b++) s += DCT[c * MEL_BANDS + b]! * Math.max(FLOOR, frame[b + 1]! - micColour[b]!);
    v[1 + c] = (s / 4) * weight;
  }
  v[FRAME_DIM] = f1Rel;
  v[FRAME_DIM + 1] = f1CentroidHz;
}

/** Mean energy, F1 level and F1 centre of the last POOL_HOPS hop vectors (the 40 ms window). */
function poolHops(hops: Float32Array[]): { energy: number; f1: number; f1Hz: number } {
  let energy = 0, f1 = 0, f1Hz = 0;
  for (const h of hops) {
    energy += h[0]!;
    f1 += h[FRAME_DIM]!;
    f1Hz += h[FRAME_DIM + 1]!;
  }
  return { energy: energy / hops.length, f1: f1 / hops.length, f1Hz: f1Hz / hops.length };
}

/** A one-pole filter's step for a time constant in seconds, at the hop rate. */
function hopStep(seconds: number): number {
  return 1 - Math.exp(-1 / (FEATURE_RATE * seconds));
}

export function createLiveMouth(model: MouthModel | null, opts: LiveMouthOptions = {}): LiveMouth {
  const P = JAW_PHYSICAL;
  const gain = (opts.mouthAmp ?? REFERENCE_MOUTH_AMP) / REFERENCE_MOUTH_AMP;
  const levels = new RecentLevels();
  // the microphone's colour: mean spectrum of speech frames, a slow exponential average
  const micColour = new Float64Array(MEL_BANDS);
  let micColourReady = false;
  // pooled F1 levels of the last 3 s: the local loud level the jaw is measured against
  const f1RelRing = new Float64Array(3 * FEATURE_RATE), scratch = new Float64Array(f1RelRing.length);
  let f1RelFilled = 0, localF1 = 0, hops = 0, newHops = 0;
  // the last POOL_HOPS hops of [frame vector (FRAME_DIM), f1 relative, f1 centroid]
  const hopRing: Float32Array[] = Array.from({ length: POOL_HOPS }, () => new Float32Array(FRAME_DIM + 2).fill(FLOOR));
  // pooled 40 ms windows, newest last: the ridge's past context
  const pooledRing: Float32Array[] = Array.from({ length: CONTEXT + 1 }, () => new Float32Array(FRAME_DIM).fill(0));
  for (const v of pooledRing) v[0] = FLOOR;
  const x = new Float32Array(CONTEXT_DIM);
  const targets = model?.targets ?? ['jawOpen'];
  const pred = new Float64Array(targets.length);
  const smoothed = new Float64Array(targets.length);
  let jaw = 0, gate = 0;
  const state: LiveMouthState = { weights: Object.fromEntries(targets.map((t) => [t, 0])), speech: 0, energy: FLOOR, loudnessDb: -100, time: 0 };
  const kJawA = hopStep(P.attack), kJawR = hopStep(P.release), kShape = hopStep(SHAPE_SMOOTH);
  // the gate opens fast and closes over ~80 ms (the offline one looks 80 ms ahead, 40 ms behind)
  const kGateA = hopStep(0.02), kGateR = hopStep(0.08);

  /** Every 40 ms a new pooled window enters the ridge's context and the shapes are predicted again. */
  const predictShapes = (m: MouthModel) => {
    const w = pooledRing.shift()!;
    w.fill(0);
    for (const h of hopRing) for (let d = 0; d < FRAME_DIM; d++) w[d]! += h[d]! / POOL_HOPS;
    pooledRing.push(w);
    for (let k = -CONTEXT; k <= CONTEXT; k++) x.set(pooledRing[Math.min(CONTEXT, k + CONTEXT)]!, (k + CONTEXT) * FRAME_DIM);
    predictMouth(m, x, pred);
  };

  const onHop = (f: Float32Array) => {
    newHops++;
    hops++;
    state.time = hops / FEATURE_RATE;
    const f1 = f1Band(f);
    levels.add(hops, f[0]!, f1.log);
    const e = Math.max(FLOOR, Math.min(2, f[0]! - levels.speech));
    if (e > -SPEECH_GATE) {
      const k = micColourReady ? 1 / (2 * FEATURE_RATE) : 1;
      for (let b = 0; b < MEL_BANDS; b++) micColour[b]! += k * (f[b + 1]! - micColour[b]!);
      micColourReady = true;
    }
    fillHopVector(hopRing[hops % POOL_HOPS]!, f, e, micColour, Math.max(FLOOR, Math.min(2, f1.log - levels.f1Loud)), f1.centroidHz);
    const pooled = poolHops(hopRing);
    // local loud level of the F1 band over the last 3 s (clamped as in jawFromF1)
    f1RelRing[hops % f1RelRing.length] = pooled.f1;
    f1RelFilled = Math.min(f1RelRing.length, f1RelFilled + 1);
    if (hops % 10 === 1) localF1 = Math.max(-P.localBoost, Math.min(0, ringPercentile(f1RelRing, f1RelFilled, 0.9, scratch)));
    const silent = levels.silent;
    const speech = silent ? 0 : Math.max(0, Math.min(1, (pooled.energy + SPEECH_GATE) / 1.5));
    gate = attackRelease(gate, speech, kGateA, kGateR);
    const target = silent ? 0 : jawTarget(pooled.f1 - localF1, pooled.f1Hz, P) * gate;
    jaw = attackRelease(jaw, target, kJawA, kJawR);
    if (model && hops % POOL_HOPS === 0) predictShapes(model);
    for (let t = 0; t < targets.length; t++) {
      const name = targets[t]!;
      if (name === 'jawOpen') {
        state.weights[name] = Math.max(0, Math.min(1, jaw * P.gain * gain));
        continue;
      }
      const g = gain * (model?.gain?.[t] ?? 1);
      smoothed[t]! += kShape * (pred[t]! * gate * g - smoothed[t]!);
      state.weights[name] = Math.max(0, Math.min(1, smoothed[t]!));
    }
    state.speech = gate;
    state.energy = e;
    state.loudnessDb = (10 * f[0]!) / Math.LN10;
  };
  const stream = new LogMelStream(onHop);

  return {
    state,
    push(samples: Float32Array): number {
      newHops = 0;
      stream.push(samples);
      return newHops;
    },
  };
}
