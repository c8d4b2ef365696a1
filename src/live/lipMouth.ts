// Live microphone -> mouth with the learned causal lip model (src/motion/models/lips-causal.json,
// model card in src/motion/models/README.md). The offline path's pieces, made streaming:
// - log-mel frames from LogMelStream (features.ts), normalised from the audio heard so far by
//   StreamingLipNormaliser (lipFeatures.ts) instead of per file;
// - after every 10 ms hop, the model's context (13 pooled 40 ms windows, the newest ending with the
//   newest frame) -> forwardLipModel -> the model's calibration (quantile map), as predictLips does,
//   without smoothing (the causal model has none);
// - the offline silence gate looks 80 ms ahead; here it is causal: the speech activity of the
//   newest 40 ms (as speechActivity) through a one-pole filter that opens in ~20 ms and shuts in
//   ~40 ms, times a room-noise check: only sound at least 10 dB over the noise floor is speech. In silence every mouth weight is 0 (closed, no teeth).
// The output for audio time t = (newest frame's centre - 10 ms) uses audio up to t + 22.5 ms.
import { FEATURE_RATE, LogMelStream } from '../motion/features.ts';
import { ACTIVITY_GATE, LIP_FRAME_DIM, StreamingLipNormaliser } from '../motion/lipFeatures.ts';
import { calibrateValue, forwardLipModel, LIP_REFERENCE_AMP, type LipModel } from '../motion/lipModel.ts';
import type { LiveMouth, LiveMouthOptions, LiveMouthState } from './mouth.ts';

/** 100 Hz frames per 40 ms pooling window (lipFeatures.ts POOL_SECONDS) */
const POOL = 4;
/** normalised values outside the heard audio read as silence (lipFeatures.ts FLOOR) */
const FLOOR = -8;
/** the causal gate's time constants (s): opens fast, shuts about as fast as the offline gate's 40 ms trail */
const GATE_ATTACK = 0.02;
const GATE_RELEASE = 0.04;
/**
 * a frame counts as sound only this far (natural log of power; 10 dB) above the noise floor, fully
 * at 16.5 dB: before anyone speaks the normaliser's speech level is noise + 30 dB, so room noise
 * would otherwise read as faint speech and part the lips
 */
const OVER_NOISE = 2.3;
const OVER_NOISE_RAMP = 1.5;
/** the noise floor: 5th percentile of the frame energy over the last this many seconds, digital silence left out */
const FLOOR_SECONDS = 10;
/** below -70 dBFS (natural log of mean square) a frame is digital silence, not room noise */
const DIGITAL_SILENCE = Math.log(1e-7);

/**
 * Noise floor of a microphone: the 5th percentile of the recent frames' energy, leaving out digital
 * silence (a device that starts with zeros would otherwise set the floor there and let room noise
 * read as speech). Recomputed every 25 hops (a sort of at most 1000 values).
 */
export class NoiseFloor {
  private readonly ring: Float32Array;
  private count = 0;
  private readonly scratch: Float32Array;
  floor = DIGITAL_SILENCE;

  constructor(frames = FLOOR_SECONDS * FEATURE_RATE) {
    this.ring = new Float32Array(frames).fill(NaN);
    this.scratch = new Float32Array(frames);
  }

  push(energy: number): number {
    this.ring[this.count++ % this.ring.length] = energy > DIGITAL_SILENCE ? energy : NaN;
    if (this.count <= 25 || this.count % 25 === 0) {
      let n = 0;
      for (const v of this.ring) if (v === v) this.scratch[n++] = v;
      this.floor = n ? this.scratch.subarray(0, n).sort()[Math.floor(0.05 * (n - 1))]! : DIGITAL_SILENCE;
    }
    return this.floor;
  }
}

/** One-pole step toward `target` with separate rise and fall rates. */
export function attackRelease(current: number, target: number, kUp: number, kDown: number): number {
  return current + (target > current ? kUp : kDown) * (target - current);
}

/** Speech activity 0..1 of a normalised energy (0 = the speech level), as lipFeatures.speechActivity. */
export function activityOf(relativeEnergy: number): number {
  return Math.max(0, Math.min(1, (relativeEnergy + ACTIVITY_GATE) / 1.5));
}

/** The causal mouth on the learned model; `model` must look at most one pooling window ahead. */
export function createLearnedLiveMouth(model: LipModel, opts: LiveMouthOptions = {}): LiveMouth {
  const D = LIP_FRAME_DIM;
  // the sequence network (lips.json since lips6) looks 0.6 s ahead and runs on whole clips
  if (model.tcn || !model.offsets.length) throw new Error('this lip model is the offline sequence network: the live mouth needs the causal one (lips-causal.json)');
  const newest = Math.max(...model.offsets);
  const oldest = Math.min(...model.offsets);
  if (newest > 0) throw new Error(`this lip model looks ${newest * 40} ms ahead of its frame: the live mouth needs the causal one (lips-causal.json)`);
  const ringLen = (newest - oldest + 1) * POOL;
  const ring = new Float32Array(ringLen * D).fill(FLOOR);
  /** each ring frame's energy over the noise floor then (natural log of power) */
  const overNoise = new Float32Array(ringLen);
  const norm = new StreamingLipNormaliser();
  const noise = new NoiseFloor();
  const frame = new Float32Array(D);
  const x = new Float32Array(model.offsets.length * D);
  const y = new Float32Array(model.targets.length);
  const scratch = model.layers.map((l) => new Float32Array(l.outputs));
  const gain = (opts.mouthAmp ?? LIP_REFERENCE_AMP) / LIP_REFERENCE_AMP;
  const kUp = 1 - Math.exp(-1 / (FEATURE_RATE * GATE_ATTACK));
  const kDown = 1 - Math.exp(-1 / (FEATURE_RATE * GATE_RELEASE));
  const state: LiveMouthState = { weights: Object.fromEntries(model.targets.map((t) => [t, 0])), speech: 0, energy: FLOOR, loudnessDb: -100, time: 0 };
  let hops = 0, newHops = 0, gate = 0;

  /** Mean of the POOL frames ending `back` frames before the newest, into x at window w. */
  const pool = (w: number, back: number) => {
    const o = w * D;
    for (let d = 0; d < D; d++) x[o + d] = 0;
    for (let j = back; j < back + POOL; j++) {
      const r = ((hops - 1 - j) % ringLen + ringLen) % ringLen;
      for (let d = 0; d < D; d++) x[o + d]! += ring[r * D + d]!;
    }
    for (let d = 0; d < D; d++) x[o + d] = x[o + d]! / POOL;
  };

  const onHop = (f: Float32Array) => {
    state.loudnessDb = (10 * f[0]!) / Math.LN10;
    frame.set(f.subarray(0, D));
    norm.push(frame);
    ring.set(frame, (hops % ringLen) * D);
    const noiseFloor = noise.push(f[0]!);
    overNoise[hops % ringLen] = f[0]! > DIGITAL_SILENCE ? f[0]! - noiseFloor : 0;
    hops++;
    newHops++;
    state.time = hops / FEATURE_RATE;
    // the context: window k (in pooling windows) ends (newest - k) * POOL frames before the newest
    for (let w = 0; w < model.offsets.length; w++) pool(w, (newest - model.offsets[w]!) * POOL);
    const nowEnergy = x[model.offsets.indexOf(newest) * D]!;
    forwardLipModel(model, x, y, scratch);
    let over = 0;
    for (let j = 0; j < POOL; j++) over += overNoise[(hops - 1 - j + ringLen) % ringLen]! / POOL;
    const sound = Math.max(0, Math.min(1, (over - OVER_NOISE) / OVER_NOISE_RAMP));
    gate = attackRelease(gate, Math.min(activityOf(nowEnergy), sound), kUp, kDown);
    for (let t = 0; t < model.targets.length; t++) {
      const c = calibrateValue(model, t, y[t]!);
      // as postprocessLips: shut in silence, scaled by mouthAmp, 0..1
      state.weights[model.targets[t]!] = Math.max(0, Math.min(1, Math.min(c, gate) * gain));
    }
    state.speech = gate;
    state.energy = nowEnergy;
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
