// The learned audio -> mouth model: a small multilayer perceptron from the pooled log-mel context
// of one output frame (lipFeatures.ts) to the rig's mouth weights, trained on real people talking
// (src/motion/train/trainLips.ts, model card in models/README.md). Plain TypeScript inference over
// Float32Arrays; the post-processing (silence gate, mouthAmp) is shared with training evaluation.
import { readFileSync } from 'node:fs';
import { FileFormatError } from '../errors.ts';
import { contextVector, LIP_FRAME_DIM, type LipAudio } from './lipFeatures.ts';
import { deepenDips, gaussianSmooth } from './filters.ts';
import { FRAMES_PER_STEP, tcnCurves, type LipTcn } from './lipTcn.ts';
import { parseLipModel } from './lipModelFile.ts';
import { frameEnergy, openRoundedVowels } from './lipRounding.ts';

/** the light smoothing (sigma, 25 fps frames) whose dips jawDips keeps */
const DIP_SIGMA = 0.5;

export interface DenseLayer {
  inputs: number;
  outputs: number;
  /** outputs x inputs, row-major */
  w: Float32Array;
  b: Float32Array;
}

export interface LipModel {
  /** lip-mlp: the frame-wise MLP below; lip-tcn: the sequence network `tcn` (offsets, mean, std and layers empty) */
  kind: 'lip-mlp' | 'lip-tcn';
  version: 2;
  tcn?: LipTcn;
  /** context window offsets, in 40 ms pooling windows around the output frame */
  offsets: number[];
  /** rig weights predicted, in output order */
  targets: string[];
  /** input standardisation */
  mean: Float32Array;
  std: Float32Array;
  /** hidden layers use ReLU; the last layer is linear */
  layers: DenseLayer[];
  /**
   * per-target affine calibration of the output (y * gain + offset): undoes the regression's
   * shrinkage toward the mean, so that the 10th and 90th percentiles of the prediction in speech
   * match the training videos' (lips close for p/b/m instead of hovering half open)
   */
  gain: number[];
  offset: number[];
  /**
   * Gaussian smoothing of the network's curves (sigma in 25 fps frames) before the calibration:
   * each frame is predicted alone, so the raw curve jitters where the real jaw cannot
   */
  smooth?: number;
  /**
   * jawOpen's dips kept through the smoothing (deepenDips, filters.ts): the smoothed curve less this
   * times how far a light smoothing falls below it, so that short closures (p/b/m) are not blurred away
   */
  jawDips?: number;
  /**
   * per target, replaces gain/offset when present: a monotone piecewise-linear map from the
   * (smoothed) prediction's quantiles in speech onto the training videos' quantiles, so that the
   * openings reach the real distribution, peaks included (an affine map on two percentiles
   * left the widest openings short). Needed because the network is trained on per-clip
   * standardised targets (every speaker's jaw in units of its own spread).
   */
  quantileMap?: { from: number[]; to: number[] }[];
  /** free-form training record (data, split, figures) */
  meta: Record<string, unknown>;
}

/**
 * The sequence network's curves at `fps`: it runs at 25 fps (one step per four 100 Hz frames);
 * other rates read its curves by linear interpolation at i / fps.
 */
function tcnCurvesAt(tcn: LipTcn, audio: LipAudio, fps: number, n: number): Float64Array[] {
  const rate = 100 / FRAMES_PER_STEP;
  if (fps === rate) return tcnCurves(tcn, audio, n);
  const steps = Math.ceil(((n - 1) * rate) / fps) + 2;
  const base = tcnCurves(tcn, audio, steps);
  return base.map((c) => Float64Array.from({ length: n }, (_, i) => {
    const x = (i * rate) / fps;
    const j = Math.min(steps - 2, Math.floor(x));
    const f = x - j;
    return c[j]! * (1 - f) + c[j + 1]! * f;
  }));
}

/** Number of weights and a short description of the network (reports, bench/motion). */
export function describeLipModel(m: LipModel): { weights: number; layers: string } {
  if (m.tcn) {
    const convs = [m.tcn.input, ...m.tcn.residual, m.tcn.output];
    const mlp = m.layers.length ? describeLipModel({ ...m, tcn: undefined }) : { weights: 0, layers: '' };
    return { weights: convs.reduce((s, l) => s + l.w.length + l.b.length, 0) + mlp.weights, layers: (mlp.layers ? `mean of ${mlp.layers} and ` : '') + `tcn ${m.tcn.input.inputs}-${m.tcn.input.outputs} x${m.tcn.residual.length} (dilations ${m.tcn.residual.map((l) => l.dilation).join(',')})-${m.tcn.output.outputs}${m.tcn.lookahead === null ? '' : `, look-ahead ${m.tcn.lookahead} frames`}` };
  }
  return { weights: m.layers.reduce((s, l) => s + l.w.length + l.b.length, 0), layers: `mlp ${m.layers.map((l) => l.outputs).join('-')}` };
}

export const LIP_MODEL_FILE = new URL('./models/lips.json', import.meta.url);
/** the causal variant (a sequence network with 65 ms look-ahead, lipTcnStream.ts): the live page's microphone mouth */
export const LIP_CAUSAL_MODEL_FILE = new URL('./models/lips-causal.json', import.meta.url);

const cached = new Map<string, LipModel>();

/** The model file's text (the live server sends it to the page as is). */
export function readLipModelText(file: URL = LIP_MODEL_FILE): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new FileFormatError(`The lip model ${file.pathname} is missing (${(err as Error).message}). Rebuild it: npm run train:mouth`);
  }
}

/**
 * REAL3D_LIP_MODEL: another model file for the offline path (a fold model from `train:mouth --save-folds`,
 * so that bench and eval render speakers the model never heard; bench/audioMouth.ts).
 */
function defaultLipModelFile(): URL {
  const alt = typeof process !== 'undefined' ? process.env.REAL3D_LIP_MODEL : undefined;
  return alt ? new URL(alt, `file://${process.cwd()}/`) : LIP_MODEL_FILE;
}

export function loadLipModel(file: URL = defaultLipModelFile()): LipModel {
  let m = cached.get(file.href);
  if (!m) cached.set(file.href, (m = parseLipModel(readLipModelText(file), file.pathname)));
  return m;
}

/** Forward pass of one standardised input; `scratch` holds the hidden activations. */
export function forwardMlp(layers: DenseLayer[], x: Float32Array, out: Float32Array, scratch: Float32Array[] = layers.map((l) => new Float32Array(l.outputs))): Float32Array {
  let input = x;
  for (let li = 0; li < layers.length; li++) {
    const l = layers[li]!;
    const last = li === layers.length - 1;
    const y = last ? out : scratch[li]!;
    for (let o = 0; o < l.outputs; o++) {
      let s = l.b[o]!;
      const row = o * l.inputs;
      for (let i = 0; i < l.inputs; i++) s += l.w[row + i]! * input[i]!;
      y[o] = last || s > 0 ? s : 0;
    }
    input = y;
  }
  return out;
}

/** The network's raw outputs for output frame i at `fps` into y (x: scratch of the context size). */
export function lipFrame(model: LipModel, audio: LipAudio, i: number, fps: number, x: Float32Array, y: Float32Array, scratch: Float32Array[]): void {
  contextVector(audio, i / fps, model.offsets, x);
  forwardLipModel(model, x, y, scratch);
}

/** The network on one raw context vector x (standardised in place with the training mean/std) into y. */
export function forwardLipModel(model: LipModel, x: Float32Array, y: Float32Array, scratch: Float32Array[]): void {
  for (let d = 0; d < x.length; d++) x[d] = (x[d]! - model.mean[d]!) / model.std[d]!;
  forwardMlp(model.layers, x, y, scratch);
}

/** Piecewise-linear through the knots, extended linearly past the ends with the end segments' slopes. */
export function mapThrough(v: number, from: readonly number[], to: readonly number[]): number {
  const k = from.length;
  let j = 1;
  while (j < k - 1 && v > from[j]!) j++;
  const x0 = from[j - 1]!;
  const x1 = from[j]!;
  return to[j - 1]! + ((v - x0) * (to[j]! - to[j - 1]!)) / (x1 - x0);
}

/** Raw network curves (targets x n frames, modified in place) -> smoothed curves, still in the network's units (jawOpen's dips kept). */
export function smoothLipCurves(model: LipModel, raw: Float64Array[], fps: number): Float64Array[] {
  return raw.map((c, t) => {
    const light = model.jawDips && model.targets[t] === 'jawOpen' ? gaussianSmooth(c, (DIP_SIGMA * fps) / 25) : null;
    const s = model.smooth ? gaussianSmooth(c, (model.smooth * fps) / 25) : c;
    if (light) deepenDips(s, light, model.jawDips!);
    return s;
  });
}

/** Smoothed network curves -> calibrated curves, in place (calibrateValue per frame). */
export function mapLipCurves(model: LipModel, smoothed: Float64Array[]): Float64Array[] {
  smoothed.forEach((s, t) => {
    for (let i = 0; i < s.length; i++) s[i] = calibrateValue(model, t, s[i]!);
  });
  return smoothed;
}

/** Raw network curves (targets x n frames, modified in place) -> smoothed, calibrated curves. */
export function calibrateLips(model: LipModel, raw: Float64Array[], fps: number): Float64Array[] {
  return mapLipCurves(model, smoothLipCurves(model, raw, fps));
}

/** One network output v of target t, calibrated: through the quantile map, else the affine gain/offset. */
export function calibrateValue(model: LipModel, t: number, v: number): number {
  const q = model.quantileMap?.[t];
  return q ? mapThrough(v, q.from, q.to) : v * model.gain[t]! + model.offset[t]!;
}

/** The network's curves (targets x n frames) for n output frames at `fps`, before calibration. */
export function rawLipCurves(model: LipModel, audio: LipAudio, fps: number, n: number): Float64Array[] {
  if (model.tcn) {
    const seq = tcnCurvesAt(model.tcn, audio, fps, n);
    if (!model.layers.length) return seq;
    // both networks predict the per-clip standardised weights: their mean is the ensemble's raw curve
    const mlp = rawLipCurves({ ...model, tcn: undefined }, audio, fps, n);
    return seq.map((c, t) => c.map((v, i) => 0.5 * (v + mlp[t]![i]!)));
  }
  const T = model.targets.length;
  const curves = model.targets.map(() => new Float64Array(n));
  const x = new Float32Array(model.offsets.length * LIP_FRAME_DIM);
  const y = new Float32Array(T);
  const scratch = model.layers.map((l) => new Float32Array(l.outputs));
  for (let i = 0; i < n; i++) {
    lipFrame(model, audio, i, fps, x, y, scratch);
    for (let t = 0; t < T; t++) curves[t]![i] = y[t]!;
  }
  return curves;
}

/** Calibrated model curves (targets x n frames) for n output frames at `fps`, the jaw opened at loud rounded vowels (lipRounding.ts). */
export function predictLips(model: LipModel, audio: LipAudio, fps: number, n: number): Float64Array[] {
  const curves = calibrateLips(model, rawLipCurves(model, audio, fps, n), fps);
  openRoundedVowels(curves, model.targets, frameEnergy(audio, fps, n));
  return curves;
}

// the silence gate and mouthAmp scaling live in lipGate.ts; re-exported for the callers of this module
export { LIP_LEAD, LIP_REFERENCE_AMP, LIP_SILENCE_CAP, LIP_TRAIL, postprocessLips } from './lipGate.ts';
export { parseLipModel, serialiseLipModel } from './lipModelFile.ts';
