// The audio -> mouth model: a ridge regression from a +-200 ms context of audio features to mouth
// rig weights (trained by src/motion/train/trainMouth.ts on the project's own talking videos), plus
// the post-processing shared by training evaluation and motionFromAudio.
import { readFileSync } from 'node:fs';
import { CONTEXT_DIM } from './audioFeatures.ts';
import { anticipatorySmooth } from './filters.ts';
import { FileFormatError } from '../errors.ts';

export interface MouthModel {
  version: 1;
  /** feature layout this model was trained on */
  features: string;
  targets: string[];
  /** input standardisation */
  mean: number[];
  std: number[];
  /** weights[target][input] on standardised inputs */
  weights: number[][];
  bias: number[];
  /** per-target gain that undoes ridge shrinkage: matches the 90th percentile of the targets in speech */
  gain?: number[];
  lambda: number;
  trainedOn: string[];
  /** figures measured when it was trained (for the record) */
  metrics?: Record<string, unknown>;
}

export const FEATURE_LAYOUT = 'logmel24-cmn-ceps8+energy-ctx5x40ms-v1';

export const MODEL_FILE = new URL('./model/mouth.json', import.meta.url);

let cached: MouthModel | null = null;

export function loadMouthModel(): MouthModel {
  if (cached) return cached;
  let m: MouthModel;
  try {
    m = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as MouthModel;
  } catch (err) {
    throw new FileFormatError(`The mouth model ${MODEL_FILE.pathname} is missing or unreadable (${(err as Error).message}). Re-run: node --import tsx src/motion/train/trainMouth.ts`);
  }
  if (m.features !== FEATURE_LAYOUT || m.mean.length !== CONTEXT_DIM || m.weights.some((w) => w.length !== CONTEXT_DIM))
    throw new FileFormatError(`The mouth model ${MODEL_FILE.pathname} was trained for other features (${m.features}). Re-run the training script.`);
  cached = m;
  return m;
}

/** Raw (unsmoothed, unscaled) prediction for one feature vector. */
export function predictMouth(model: MouthModel, x: Float32Array, out: Float64Array = new Float64Array(model.targets.length)): Float64Array {
  for (let t = 0; t < model.targets.length; t++) {
    const w = model.weights[t]!;
    let s = model.bias[t]!;
    for (let i = 0; i < x.length; i++) s += w[i]! * ((x[i]! - model.mean[i]!) / model.std[i]!);
    out[t] = s;
  }
  return out;
}

/** Reference mouth amplitude: at mouthAmp 0.45 the mouth opens as much as in the training videos. */
export const REFERENCE_MOUTH_AMP = 0.45;

/**
 * Co-articulation and silence: smooths each curve with a window that looks further ahead than
 * behind (lips move toward the next sound before it starts), closes the mouth where there is no
 * speech, and scales by mouthAmp (0.45 = natural).
 */
export function postprocessMouth(curves: Float64Array[], speech: ArrayLike<number>, fps: number, mouthAmp: number, targetGain?: number[]): Float64Array[] {
  const behind = Math.max(0, Math.round(0.04 * fps));
  const ahead = Math.max(1, Math.round(0.08 * fps));
  const gate = anticipatorySmooth(speech, behind, ahead);
  const gain = mouthAmp / REFERENCE_MOUTH_AMP;
  return curves.map((c, t) => {
    const s = anticipatorySmooth(c, behind, ahead);
    const g = gain * (targetGain?.[t] ?? 1);
    for (let i = 0; i < s.length; i++) s[i] = Math.max(0, Math.min(1, s[i]! * gate[i]! * g));
    return s;
  });
}
