// Live microphone -> mouth with the learned causal lip model (src/motion/models/lips-causal.json,
// model card in src/motion/models/README.md). The offline path's pieces, made streaming:
// - log-mel frames from LogMelStream (features.ts), normalised from the audio heard so far by
//   StreamingLipNormaliser (lipFeatures.ts) instead of per file;
// - the network: the causal sequence network (lips-causal.json since lips7) step by step
//   (lipTcnStream.ts): every fourth 10 ms hop completes a 25 fps input row and gives the outputs of
//   the step one row (40 ms) earlier, which has heard audio up to 65 ms after its time; or the
//   frame-wise MLP after every hop (13 pooled 40 ms windows, the newest ending with the newest frame;
//   its output for time t uses audio up to t + 22.5 ms). Then the model's calibration (quantile map),
//   as predictLips does, without smoothing (the causal models have none);
// - the offline silence gate looks 80 ms ahead; here it is causal: the speech activity of the
//   newest 40 ms (as speechActivity) through a one-pole filter that opens in ~20 ms and shuts in
//   ~40 ms, times a room-noise check: only sound at least 10 dB over the noise floor is speech; for
//   the sequence network it is held open over the 40 ms between the shown step and the newest audio.
//   In silence every mouth weight is 0 (closed, no teeth).
import { FEATURE_RATE, LogMelStream } from '../motion/features.ts';
import { ACTIVITY_GATE, LIP_FRAME_DIM, StreamingLipNormaliser } from '../motion/lipFeatures.ts';
import { calibrateValue, forwardLipModel, LIP_REFERENCE_AMP, type LipModel } from '../motion/lipModel.ts';
import { LIP_SILENT_STRETCH } from '../motion/lipGate.ts';
import { OPENING_CONTROLS } from '../motion/lipClosures.ts';
import { poolP90 } from '../motion/lipFileScale.ts';
import { liftFactor } from '../motion/lipLift.ts';
import { loudness, roundedJaw, ROUNDED_OPEN_SHARE } from '../motion/lipRounding.ts';
import { audioJaw, audioStretch } from '../motion/lipShapes.ts';
import { FRAMES_PER_STEP, tcnFrameDim, tcnInputRow, type LipTcn } from '../motion/lipTcn.ts';
import { LipTcnStream } from '../motion/lipTcnStream.ts';
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

/**
 * The network part of the live mouth: after every 10 ms hop (the ring's newest frame at index
 * hops - 1), it may produce new raw outputs into y; returns whether it did.
 */
type NetworkStep = (ring: Float32Array, ringLen: number, hops: number, y: Float32Array) => boolean;

/** The frame-wise MLP: every hop, its 13 pooled windows (the newest ending with the newest frame). */
function mlpStep(model: LipModel): { step: NetworkStep; ringLen: number; lookaheadHops: number } {
  const D = LIP_FRAME_DIM;
  const newest = Math.max(...model.offsets);
  const oldest = Math.min(...model.offsets);
  if (newest > 0) throw new Error(`this lip model looks ${newest * 40} ms ahead of its frame: the live mouth needs the causal one (lips-causal.json)`);
  const x = new Float32Array(model.offsets.length * D);
  const scratch = model.layers.map((l) => new Float32Array(l.outputs));
  const ringLen = (newest - oldest + 1) * POOL;
  const step: NetworkStep = (ring, len, hops, y) => {
    // window w ends (newest - offset) * POOL frames before the newest
    for (let w = 0; w < model.offsets.length; w++) poolFrames(ring, len, hops - 1 - (newest - model.offsets[w]!) * POOL, x.subarray(w * D, (w + 1) * D));
    forwardLipModel(model, x, y, scratch);
    return true;
  };
  return { step, ringLen, lookaheadHops: 0 };
}

/**
 * The causal sequence network (lipTcnStream.ts): every fourth hop completes a 25 fps input row
 * (100 Hz frames 4i-3..4i, lipTcn.ts tcnInputRow) and gives the outputs of the step `lookahead`
 * rows earlier, i.e. of the audio 4 x lookahead hops before the newest.
 */
function tcnStep(tcn: LipTcn): { step: NetworkStep; ringLen: number; lookaheadHops: number } {
  const D = LIP_FRAME_DIM;
  const stream = new LipTcnStream(tcn);
  const row = new Float32Array(FRAMES_PER_STEP * tcnFrameDim(tcn));
  const step: NetworkStep = (ring, len, hops, y) => {
    const j = hops - 1;
    if (j % FRAMES_PER_STEP) return false;
    const frame = (f: number, d: number) => (f < 0 ? FLOOR : ring[(f % len) * D + d]!);
    const out = stream.push(tcnInputRow(tcn, frame, j / FRAMES_PER_STEP, row));
    if (out) y.set(out);
    return out !== null;
  };
  // one frame more than a row: the onset values of a row's first frame need the frame before it
  return { step, ringLen: FRAMES_PER_STEP + 1, lookaheadHops: FRAMES_PER_STEP * stream.delay };
}

/** Mean of the POOL ring frames ending with frame `last` (frames before the first read as FLOOR) into out. */
function poolFrames(ring: Float32Array, ringLen: number, last: number, out: Float32Array): void {
  const D = out.length;
  out.fill(0);
  for (let j = last - POOL + 1; j <= last; j++) {
    const r = ((j % ringLen) + ringLen) % ringLen;
    for (let d = 0; d < D; d++) out[d]! += j < 0 ? FLOOR : ring[r * D + d]!;
  }
  for (let d = 0; d < D; d++) out[d] = out[d]! / POOL;
}

/**
 * The causal mouth on the learned model: the frame-wise MLP (offsets <= 0) or the causal sequence
 * network (a `tcn` with a look-ahead; the mouth then shows the audio 40 ms x lookahead behind the
 * newest, and the gate is held open over that span so that a word's end is not cut).
 */
export function createLearnedLiveMouth(model: LipModel, opts: LiveMouthOptions = {}): LiveMouth {
  const D = LIP_FRAME_DIM;
  if (model.tcn ? model.tcn.lookahead === null || model.layers.length > 0 : !model.offsets.length) throw new Error('this lip model is the offline sequence network: the live mouth needs the causal one (lips-causal.json)');
  const net = model.tcn ? tcnStep(model.tcn) : mlpStep(model);
  const ringLen = net.ringLen;
  const ring = new Float32Array(ringLen * D).fill(FLOOR);
  /** the last POOL frames' energy over the noise floor then (natural log of power) */
  const overNoise = new Float32Array(POOL);
  /** the causal gate's recent values: the shown frame (lookaheadHops behind) is open if any since was */
  const gates = new Float32Array(net.lookaheadHops + 1);
  const norm = new StreamingLipNormaliser();
  const noise = new NoiseFloor();
  const frame = new Float32Array(D);
  const now = new Float32Array(D);
  const y = new Float32Array(model.targets.length);
  const calibrated = new Float32Array(model.targets.length);
  const [jawAt, funnelAt, puckerAt] = ['jawOpen', 'mouthFunnel', 'mouthPucker'].map((t) => model.targets.indexOf(t)) as [number, number, number];
  const [stretchLeftAt, stretchRightAt] = ['mouthStretchLeft', 'mouthStretchRight'].map((t) => model.targets.indexOf(t)) as [number, number];
  const gain = (opts.mouthAmp ?? LIP_REFERENCE_AMP) / LIP_REFERENCE_AMP;
  // as audioMouthCurves: the small openings lifted about the training pool's p90 (lipLift.ts; frame by
  // frame, so live can have it; the per-file gain needs the whole file and is not applied live)
  const pool90 = jawAt >= 0 ? poolP90(model.quantileMap?.[jawAt]) : null;
  const liftedAt = OPENING_CONTROLS.map((k) => model.targets.indexOf(k)).filter((at) => at >= 0);
  const kUp = 1 - Math.exp(-1 / (FEATURE_RATE * GATE_ATTACK));
  const kDown = 1 - Math.exp(-1 / (FEATURE_RATE * GATE_RELEASE));
  const state: LiveMouthState = { weights: Object.fromEntries(model.targets.map((t) => [t, 0])), speech: 0, energy: FLOOR, loudnessDb: -100, time: 0 };
  let hops = 0, newHops = 0, gate = 0;
  /** the newest 40 ms's energy at the network's previous step (a frame earlier): the rounded-vowel opening wants it loud in both */
  let stepEnergy: number = FLOOR;
  /** the last hop whose activity reached 0.5 (speech, as the offline silent stretches count it) */
  let lastSpeech = -Infinity;
  /** as postprocessLips: the shown frame is shut when no speech came within LIP_SILENT_STRETCH before it nor since */
  const silentHops = net.lookaheadHops + Math.round(LIP_SILENT_STRETCH * FEATURE_RATE);

  const onHop = (f: Float32Array) => {
    state.loudnessDb = (10 * f[0]!) / Math.LN10;
    frame.set(f.subarray(0, D));
    norm.push(frame);
    ring.set(frame, (hops % ringLen) * D);
    const noiseFloor = noise.push(f[0]!);
    overNoise[hops % POOL] = f[0]! > DIGITAL_SILENCE ? f[0]! - noiseFloor : 0;
    hops++;
    newHops++;
    state.time = hops / FEATURE_RATE;
    // the causal gate on the newest 40 ms
    poolFrames(ring, ringLen, hops - 1, now);
    const nowEnergy = now[0]!;
    if (net.step(ring, ringLen, hops, y)) {
      for (let t = 0; t < model.targets.length; t++) calibrated[t] = calibrateValue(model, t, y[t]!);
      if (jawAt >= 0 && pool90 !== null) {
        const lift = liftFactor(calibrated[jawAt]!, pool90);
        for (const at of liftedAt) calibrated[at] = calibrated[at]! * lift;
      }
      // as predictLips: the jaw opened at loud rounded vowels (loudness of the newest 40 ms now and a step before, up to the look-ahead after the frame)
      if (jawAt >= 0 && funnelAt >= 0 && puckerAt >= 0) calibrated[jawAt] = roundedJaw(calibrated[jawAt]!, calibrated[funnelAt]!, calibrated[puckerAt]!, ROUNDED_OPEN_SHARE * loudness(Math.min(nowEnergy, stepEnergy)));
      stepEnergy = nowEnergy;
    }
    let over = 0;
    for (let j = 0; j < POOL; j++) over += overNoise[j]! / POOL;
    const sound = Math.max(0, Math.min(1, (over - OVER_NOISE) / OVER_NOISE_RAMP));
    const activity = Math.min(activityOf(nowEnergy), sound);
    if (activity >= 0.5) lastSpeech = hops;
    gate = attackRelease(gate, activity, kUp, kDown);
    gates[hops % gates.length] = gate;
    const open = hops - lastSpeech > silentHops ? 0 : Math.max(...gates);
    for (let t = 0; t < model.targets.length; t++) {
      // as postprocessLips: shut in silence, scaled by mouthAmp, 0..1
      state.weights[model.targets[t]!] = Math.max(0, Math.min(1, Math.min(calibrated[t]!, open) * gain));
    }
    // as shapeAudioMouth (motion/lipShapes.ts): the jaw's peaks raised; speech says nothing of a side; the rig's unit
    if (jawAt >= 0) state.weights[model.targets[jawAt]!] = audioJaw(state.weights[model.targets[jawAt]!]!);
    if (stretchLeftAt >= 0 && stretchRightAt >= 0) {
      const w = state.weights, l = model.targets[stretchLeftAt]!, r = model.targets[stretchRightAt]!;
      w[l] = w[r] = audioStretch(w[l]!, w[r]!);
    }
    state.speech = open;
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
