// The lip model's opening matched per file (issue #13, audio17: "audio mouths are small"). The model's
// jaw, before the calibration map, is in the network's own units; the map (models/lips.json
// quantileMap, train/calibrate.ts) was fitted on the pool of training frames. On a single file the
// network's spread wanders with the voice and the recording, not with how wide the speaker opens:
// over 12 GRID s1 sentences (one speaker, never trained on) the per-sentence jaw p90 had r -0.06 with
// the real one, and the sd of log(real p90 / ours p90) was 0.44 against 0.25 for one constant
// scale; over 19 read-backs of heard speakers r 0.21, sd 0.26 against 0.23 (bench/lipScale.ts). How
// wide a speaker opens is not in the voice (speaker13, lipShapes.ts), so every file's jaw is mapped,
// in speech frames, onto the training pool's distribution: its own 10th / 50th / 90th percentiles
// onto the pool's, one affine map in the network's units (the shape of the curve, its peaks and dips
// kept), then the pool's calibration map as before. japanese.wav (p90 0.43 in network units, the
// pool's 0.60) and Obama's clip (0.41) opened less than the pooled speaker; Fei-Fei's (0.86) more.

/** Quantiles (percent) of the calibration map's knots (train/calibrate.ts CALIBRATION_QUANTILES): dense at the top, where the widest openings are */
export const CALIBRATION_KNOTS = [0.5, 2, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 98, 99.5];

/** how far a file's opening is brought to the pool's by default (audioMouth.ts DEFAULT_TIMING.fileMatch; bench/lipTiming.ts fg05 / fg1) */
export const FILE_MATCH_STRENGTH = 1;

/** frames of speech (activity >= 0.5) the file needs for its own percentiles to count fully; fewer shrink the match toward none */
export const FILE_MATCH_MIN_SPEECH = 50;

/** Percentile p (0..100) of the values, nearest rank. */
export function percentileOf(values: ArrayLike<number>, p: number): number {
  const s = Float64Array.from(values).sort();
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.round((p / 100) * (s.length - 1))))]! : 0;
}

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
  const f90 = percentileOf(sp, 90);
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
