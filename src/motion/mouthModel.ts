// The audio -> mouth model: a ridge regression from a +-200 ms context of audio features to mouth
// rig weights (trained by src/motion/train/trainMouth.ts on the project's own talking videos), plus
// the post-processing shared by training evaluation and motionFromAudio.
import { readFileSync } from 'node:fs';
import { CONTEXT_DIM, audioFrameFeatures, measureLevels } from './audioFeatures.ts';
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

/**
 * The physical jaw mapping (no training): jaw opening follows the loudness of the first-formant
 * band (250-1000 Hz) relative to the file's loud-speech level, compressed, scaled by the vowel's
 * first-formant frequency, with lips leading the sound, a fast attack and a slower release. A few fixed parameters, so it behaves the same on
 * any voice, language or microphone; held out it beats the ridge model's jawOpen (README).
 */
export const JAW_PHYSICAL = {
  /** F1 energy this far (natural log of power, 4 = 17 dB) below the loud-speech level reads as closed */
  range: 4,
  /** compression: > 1 keeps quiet voiced sounds (nasals, closing consonants) nearly closed */
  gamma: 1.5,
  /** lips lead the sound by this much (s) */
  advance: 0.04,
  /**
   * vowel height: the opening is scaled by sqrt((F1 centroid - f1Closed) / f1Span), clamped to
   * 0.3..1.5 (a higher first formant means a lower jaw: "ah" opens more than "ee" or "oo")
   */
  f1Closed: 300,
  /**
   * local level: loudness is taken relative to the loud level of the surrounding +-window s
   * (90th percentile), which may sit up to `localBoost` (log power, 1.4 = 6 dB) below the file's: a speaker
   * who drops their voice or moves off the microphone still articulates visibly
   */
  window: 3,
  localBoost: 1.4,
  f1Span: 400,
  /**
   * one-pole time constants (s): opening is quick, closing slower (jaw inertia). A 0.2 s release
   * scores higher on Katie (r +0.05) but her mouth is shut in 10 % of frames and ours then in 3 %
   * (with the breath): lip closures for p/b/m vanish. At 0.1 s it is 10 %, like hers.
   */
  attack: 0.03,
  release: 0.1,
  /**
   * breath before a phrase: people inhale through the mouth in the pause before they speak, so
   * the lips part during the last `breathWindow` s of a pause of at least `breathMinPause` s that
   * is followed by speech, rising over its first third to `breath` (output units at mouthAmp 0.45,
   * about a relaxed "uh"). Trailing silence and silent files stay closed.
   */
  breath: 0.3,
  breathWindow: 0.6,
  breathMinPause: 0.4,
  /**
   * scale at mouthAmp 0.45: the output's 90th percentile within speech matches the video path's
   * jawOpen on the training clips (Katie and mt_sun pooled; the only figure fitted to data)
   */
  gain: 0.6,
};

export type JawPhysicalParams = { readonly [K in keyof typeof JAW_PHYSICAL]: number };

/** 90th percentile of `level` over i +- half (frames), clamped to -boost..0 (0 when boost is 0). */
function localLevel(level: ArrayLike<number>, half: number, boost: number): Float64Array {
  const n = level.length;
  const out = new Float64Array(n);
  if (boost <= 0) return out;
  const win: number[] = [];
  // sorting each window: ~150 values per frame, about 1 s for an hour of audio
  for (let i = 0; i < n; i++) {
    win.length = 0;
    for (let j = Math.max(0, i - half); j <= Math.min(n - 1, i + half); j++) win.push(level[j]!);
    win.sort((a, b) => a - b);
    out[i] = Math.max(-boost, Math.min(0, win[Math.floor(0.9 * (win.length - 1))]!));
  }
  return out;
}

/**
 * The jaw opening one instant of sound asks for (before timing, gating and gain): F1-band
 * loudness relative to the local loud level, compressed, times the vowel height from the F1
 * centroid. Shared by jawFromF1 and the live microphone path (src/live/mouth.ts).
 */
export function jawTarget(f1Relative: number, f1Hz: number, P: JawPhysicalParams = JAW_PHYSICAL): number {
  const loud = Math.max(0, Math.min(1, (f1Relative + P.range) / P.range)) ** P.gamma;
  const height = Math.sqrt(Math.max(0.3, Math.min(1.5, (f1Hz - P.f1Closed) / P.f1Span)));
  return loud * height;
}

/**
 * jawOpen per frame from the relative F1-band energy and centroid (AudioFrameFeatures.f1, f1Hz)
 * and speech activity: 0..1, closed in silence, scaled by mouthAmp / 0.45.
 */
export function jawFromF1(f1: ArrayLike<number>, f1Hz: ArrayLike<number>, speech: ArrayLike<number>, fps: number, mouthAmp: number, P: JawPhysicalParams = JAW_PHYSICAL): Float64Array {
  const n = f1.length;
  const local = localLevel(f1, Math.round(P.window * fps), P.localBoost);
  const open = new Float64Array(n);
  for (let i = 0; i < n; i++) open[i] = jawTarget(f1[i]! - local[i]!, f1Hz[i]!, P);
  // anticipation: frame i shows the opening of the sound `advance` seconds later
  const lead = Math.round(P.advance * fps);
  const led = new Float64Array(n);
  for (let i = 0; i < n; i++) led[i] = open[Math.min(n - 1, i + lead)]!;
  const ka = 1 - Math.exp(-1 / (fps * P.attack));
  const kr = 1 - Math.exp(-1 / (fps * P.release));
  const behind = Math.max(0, Math.round(0.04 * fps));
  const ahead = Math.max(1, Math.round(0.08 * fps));
  const gate = anticipatorySmooth(speech, behind, ahead);
  const g = P.gain * (mouthAmp / REFERENCE_MOUTH_AMP);
  const breath = breathOpening(speech, fps, P);
  const out = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    // the breath joins before the smoothing, so the phrase's first sound takes over without a jump
    const v = Math.max(led[i]! * gate[i]!, breath[i]! / P.gain);
    s += (v > s ? ka : kr) * (v - s);
    out[i] = Math.max(0, Math.min(1, s * g));
  }
  return out;
}

/**
 * The inhale before each phrase: 0..P.breath per frame, non-zero only in the last P.breathWindow s
 * of a pause (speech activity < 0.5) that lasts at least P.breathMinPause s and is followed by
 * speech. Rises smoothly over the first third of that window and holds until the phrase starts.
 */
export function breathOpening(speech: ArrayLike<number>, fps: number, P: Pick<JawPhysicalParams, 'breath' | 'breathWindow' | 'breathMinPause'> = JAW_PHYSICAL): Float64Array {
  const n = speech.length;
  const out = new Float64Array(n);
  if (P.breath <= 0) return out;
  const minPause = Math.max(1, Math.round(P.breathMinPause * fps));
  const window = Math.max(1, Math.round(P.breathWindow * fps));
  // written as !(x >= 0.5) so a NaN counts as pause: the scan always moves forward
  for (let i = 0; i < n; ) {
    if (speech[i]! >= 0.5) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < n && !(speech[end]! >= 0.5)) end++;
    const pause = end - i;
    if (end < n && pause >= minPause) {
      const w = Math.min(pause, window);
      const rise = Math.max(1, w / 3);
      for (let k = 0; k < w; k++) {
        const u = Math.min(1, (k + 1) / rise);
        out[end - w + k] = P.breath * u * u * (3 - 2 * u);
      }
    }
    i = end;
  }
  return out;
}

/**
 * The rule-based jaw of a whole file (F1-band loudness, `jawFromF1`): what `motionFromAudio` used
 * before the learned lip model, and what the live page still streams (its learned causal variant
 * looks 100 ms ahead, more than the live latency budget). For comparisons and the live test.
 */
export async function ruleBasedJaw(file: string, fps: number, mouthAmp: number, signal?: AbortSignal): Promise<Float64Array> {
  const levels = await measureLevels(file, signal);
  const f1: number[] = [];
  const f1Hz: number[] = [];
  const speech: number[] = [];
  for await (const f of audioFrameFeatures(file, fps, levels, signal)) {
    f1.push(levels.silent ? -8 : f.f1);
    f1Hz.push(f.f1Hz);
    speech.push(levels.silent ? 0 : f.speech);
  }
  return jawFromF1(f1, f1Hz, speech, fps, mouthAmp);
}
