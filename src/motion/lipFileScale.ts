// The lip model's opening matched per file (issue #13, audio17: "audio mouths are small": Obama clip1's
// jawOpen p90 in speech 0.219, japanese.wav 0.215, the bundled speech 0.170, eng.wav 0.278). The
// calibration map (models/lips.json quantileMap, train/calibrate.ts) brings the pool of training frames
// onto the teacher's distribution, but on one file the network's spread wanders with the voice and the
// recording, not with how wide the speaker opens: over 36 GRID s1 sentences (one speaker, never trained
// on) the per-sentence jaw p90 had r -0.06 with the real one (12 sentences), and the sd of log(ours p90 /
// real p90) was 0.32 where a constant would give 0.25; over 19 read-backs of heard speakers r 0.21 (sd
// 0.26, constant 0.23). How wide a speaker opens is not in the voice either (speaker13, lipShapes.ts).
// So each file's calibrated jaw is scaled until its p90 in speech is the pool's (the map's target at
// its 90 % knot, 0.242), jaw, lower lip and upper lip by the same gain, before the rounded vowels, the
// silence gate and the closures (which still shut it). A pure gain per file: r within the file unchanged
// but for clamping and the later jaw knee (bench/lipTiming.ts variants pooled / fg05 / fg07).
// Tried and dropped (bench/lipTiming.ts, audio17): matching the file's p10/p50/p90 in the network's units
// before the map (Katie's shut speech frames 23 -> 35 of 178, she over-closes already); its upper half
// only (GRID r0 .633 -> .618); the gain at the chain's end above jawOpen 0.05 (GRID r0 .624); a floor on
// loud frames (real speakers' lips are under 0.2 of their speech median on 10 % of frames within 5 dB
// of the loud level, ours on fewer: loudness does not say open).

import { percentile } from './restFace.ts';

/** Quantiles (percent) of the calibration map's knots (train/calibrate.ts CALIBRATION_QUANTILES): dense at the top, where the widest openings are */
export const CALIBRATION_KNOTS = [0.5, 2, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 98, 99.5];

/** how far a file's opening is brought to the pool's by default (audioMouth.ts DEFAULT_TIMING.fileMatch; bench/lipTiming.ts variants pooled / fg05 / fg07) */
export const FILE_MATCH_STRENGTH = 1;

/** frames of speech (activity >= 0.5) the file needs for its own percentiles to count fully; fewer shrink the match toward none */
export const FILE_MATCH_MIN_SPEECH = 50;

/**
 * The gain that brings this file's opening to the pool's: `pool90` (the training videos' jawOpen 90th
 * percentile in speech, the calibration map's target there) over the file's calibrated jaw's 90th
 * percentile in its speech frames (activity >= 0.5), blended toward 1 by `strength` and by how few
 * speech frames there are (FILE_MATCH_MIN_SPEECH), bounded by FILE_GAIN_RANGE.
 */
export function fileOpeningGain(jaw: ArrayLike<number>, speech: ArrayLike<number>, pool90: number, strength = 1): number {
  const sp: number[] = [];
  for (let i = 0; i < jaw.length; i++) if (speech[i]! >= 0.5) sp.push(jaw[i]!);
  const a = strength * Math.min(1, sp.length / FILE_MATCH_MIN_SPEECH);
  const f90 = percentile(sp, 90);
  if (a <= 0 || sp.length < 5 || f90 < 1e-3) return 1;
  const full = Math.max(FILE_GAIN_RANGE[0], Math.min(FILE_GAIN_RANGE[1], pool90 / f90));
  return 1 + a * (full - 1);
}

/** the file's gain is kept within these (a file of a few loud syllables, or of murmurs, is not stretched without bound) */
export const FILE_GAIN_RANGE: readonly [number, number] = [0.67, 1.5];

/** The pool's 90th percentile of one target from the model's quantile map (its target at the 90 % knot; null when the map's knots are not the standard ones). */
export function poolP90(map: { from: readonly number[]; to: readonly number[] } | undefined): number | null {
  if (!map || map.to.length !== CALIBRATION_KNOTS.length) return null;
  return map.to[CALIBRATION_KNOTS.indexOf(90)]!;
}
