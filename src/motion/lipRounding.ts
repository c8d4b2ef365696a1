// Loud rounded vowels with the lips apart. The teacher reads lip rounding (a narrower mouth than at
// rest) as two controls split by the lip gap (restFace.ts): mouthFunnel = narrow x clamp01(4 x jawOpen),
// mouthPucker = narrow x (1 - clamp01(4 x jawOpen)). So a frame's funnel and pucker imply an opening,
// jawOpen = 0.25 x funnel / (funnel + pucker), wherever the mouth is rounded and barely open. The
// network predicts the three curves apart, and at rounded vowels its jawOpen fell below what its own
// shape curves imply: on speakers it never heard, where it predicted rounding (funnel + pucker >= 0.3)
// in the loudest fifth of speech, the lips were nearly shut (gap < 0.03 eye-corner distances) in
// 33-52 % of frames against 26-31 % for the real speakers (bench/lipShape.ts, training seeds 1-3;
// 21.6-28.8 % with this). Japanese "o" and "u" came out as a narrowed closed mouth. The jaw is moved
// part of the way toward the implied opening, never down, and only where the sound is loud and was
// loud a frame before: p/b/m closures stay shut. Speaker-held-out jawOpen r unchanged (-0.0002).
import { contextVector, LIP_FRAME_DIM, type LipAudio } from './lipFeatures.ts';

/** share of the way from the predicted jawOpen up to the opening the shape curves imply (0: off) */
export const ROUNDED_OPEN_SHARE = 0.4;
/** funnel + pucker over which the implied opening is trusted, from none to fully (smoothstep) */
const ROUNDED_FROM = 0.1, ROUNDED_FULL = 0.4;
/** the split of restFace.ts: the funnel takes all of the rounding from this jawOpen up */
const FUNNEL_FULL_OPEN = 0.25;
/**
 * relative energy (natural log of power over the file's loud-speech level) over which the opening
 * fades in: a vowel is within ~4 dB of the loud level, a stop's closure 10-30 dB below it
 */
export const LOUD_FROM = -2.5, LOUD_FULL = -1;

/** One frame's calibrated jawOpen opened toward what its funnel and pucker imply, by `weight` (share x loudness). */
export function roundedJaw(jaw: number, funnel: number, pucker: number, weight: number): number {
  const f = Math.max(0, funnel), p = Math.max(0, pucker);
  const round = f + p;
  if (round <= ROUNDED_FROM || weight <= 0) return jaw;
  const implied = (FUNNEL_FULL_OPEN * f) / round;
  const t = Math.min(1, (round - ROUNDED_FROM) / (ROUNDED_FULL - ROUNDED_FROM));
  return jaw + weight * t * t * (3 - 2 * t) * Math.max(0, implied - jaw);
}

/**
 * 0..1: how loud a frame of this relative energy is, for the rounded-vowel opening. Callers pass the
 * lower of the frame's and the one before's: the model's p/b/m closure often lands on the loud burst
 * frame itself ("bin": jawOpen 0.01, pucker 0.34 at +0.8), which opened when read alone (GRID b/p words
 * closed 29 -> 25 %); a held vowel is loud in both.
 */
export function loudness(energy: number): number {
  return Math.max(0, Math.min(1, (energy - LOUD_FROM) / (LOUD_FULL - LOUD_FROM)));
}

/** The relative energy of the 40 ms around each of n output frames at `fps`. */
export function frameEnergy(audio: LipAudio, fps: number, n: number): Float64Array {
  const out = new Float64Array(n);
  const v = new Float32Array(LIP_FRAME_DIM);
  for (let i = 0; i < n; i++) out[i] = contextVector(audio, i / fps, [0], v)[0]!;
  return out;
}

/**
 * The loud rounded-vowel opening on calibrated curves (targets in `targets` order; `energy`: each
 * frame's relative energy), jawOpen in place; no-op without the three targets.
 */
export function openRoundedVowels(curves: Float64Array[], targets: readonly string[], energy: ArrayLike<number>, share = ROUNDED_OPEN_SHARE): void {
  const jaw = curves[targets.indexOf('jawOpen')], funnel = curves[targets.indexOf('mouthFunnel')], pucker = curves[targets.indexOf('mouthPucker')];
  if (!jaw || !funnel || !pucker || share <= 0) return;
  for (let i = 0; i < jaw.length; i++) jaw[i] = roundedJaw(jaw[i]!, funnel[i]!, pucker[i]!, share * loudness(Math.min(energy[i]!, energy[Math.max(0, i - 1)]!)));
}
