// A floor under the jaw on loud voiced frames (issue #13, audio19: "the mouth shuts while she speaks").
// Over the five StyleTalk speakers' phoneme alignments (bench/lipPhonemeClasses.ts) the network's own
// curve leaves 18 % of open-vowel frames shut (under 0.03 IOD; real 8 %), and the closures from the sound
// add none: the shut vowels are the network's (Obama clip1 f33-34: raw jaw -0.57/-0.71, calibrated
// .04/.02, real gap .19/.20). A vowel is loud and does not hiss; a stop's closure is near silence, a
// nasal's murmur 10-20 dB down, a fricative hisses. So where the frame and the one before are both
// within a few dB of the file's loud level and the sound does not hiss, the jaw is kept at least
// VOICED_FLOOR (lips visibly apart), the lips' controls raised with it. It comes before the silence gate
// and the closures from the sound, which still shut.
// Loudness does not say open on its own (lipFileScale.ts, audio17): real lips are shut on some loud
// frames (GRID s1: 22 % of the loud third), so the floor is low and reads only the loudest frames. A wider
// ramp (-3.5..-2) also lifted Obama f34, but lost real closures on speakers never heard (GRID s1 hit
// 59 -> 45 of 82, Katie 7 -> 4 of 12; bench/lipTiming.ts); a valley of the sound (the frame well under its
// neighbours' peak: no floor) changed nothing; a dip of the network's jaw (VOICED_DIP) keeps most closures.
// Not in live (src/live/lipMouth.ts) yet: measured there (GRID s1 false shut 44 -> 22), but the live page's browser
// test (canvas mouth against the worklet's, r .45 where .5 is asked) failed on this loaded machine and could not be
// rerun on the old code in time (docs/lipsync/README.md audio19).
import { smoothstep } from '../math/smooth.ts';
import { liftShare, localMax, OPENING_LIFT_SPAN } from './lipLift.ts';
import { contextVector, frameTilt, LIP_FRAME_DIM, type LipAudio } from './lipFeatures.ts';

/** the jawOpen a loud voiced frame keeps at least (x 0.6 = 0.048 IOD rendered: lips apart, teeth barely) */
export const VOICED_FLOOR = 0.08;
/** relative energy (natural log of power under the file's loud level) over which the floor fades in */
export const VOICED_FROM = -2.5, VOICED_FULL = -1;
/** spectral tilt (high mel bands' mean less the low ones', normalised log-mel) over which a frame hisses: no floor */
export const VOICED_HISS_FROM = 0.5, VOICED_HISS_FULL = 2;
/**
 * a frame under the first share of the jaw's peak within OPENING_LIFT_SPAN frames (its syllable) is a dip the
 * network made and gets no floor, fully from the second (as the lift's dips, lipLift.ts): without it GRID s1 lost
 * 7 of 82 real closures (59 -> 52), with it 4 (.3-.6: none lost, but false shut 36 -> 30 rather than 23)
 */
export const VOICED_DIP: readonly [number, number] = [0.15, 0.3];
/** the lips' controls are raised with the jaw by at most this factor (as the lift's, lipLift.ts) */
const VOICED_RAISE_MAX = 2.5;

/** Per output frame, the relative energy and the tilt of the 40 ms around it. */
export function frameVoicing(audio: LipAudio, fps: number, n: number): { energy: Float64Array; tilt: Float64Array } {
  const energy = new Float64Array(n), tilt = new Float64Array(n);
  const v = new Float32Array(LIP_FRAME_DIM);
  for (let i = 0; i < n; i++) {
    contextVector(audio, i / fps, [0], v);
    energy[i] = v[0]!;
    tilt[i] = frameTilt(v);
  }
  return { energy, tilt };
}

/**
 * 0..1: how surely a frame is a loud voiced sound, from `loud` (the quieter of the frame's and the one
 * before's energy: a b/p burst is loud, the closure before it is not) and its tilt (a hiss: none).
 */
export function voicedWeight(loud: number, tilt: number): number {
  return smoothstep(VOICED_FROM, VOICED_FULL, loud) * (1 - smoothstep(VOICED_HISS_FROM, VOICED_HISS_FULL, tilt));
}

/** voicedWeight per frame of energy and tilt series. */
export function voicedWeights(energy: ArrayLike<number>, tilt: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: energy.length }, (_, i) => voicedWeight(Math.min(energy[i]!, energy[Math.max(0, i - 1)]!), tilt[i]!));
}

/** The factor a frame's opening controls are multiplied by so that its jaw reaches `target` (1 if it does already). */
export function floorFactor(jaw: number, target: number): number {
  return jaw >= target ? 1 : Math.min(VOICED_RAISE_MAX, target / Math.max(1e-3, jaw));
}

/**
 * In place: the jaw raised to at least `floor` x its frame's voiced weight, but not in its dips (VOICED_DIP
 * against the jaw's peak within `span` frames; span 0: every frame), the other opening controls (`others`)
 * scaled by the jaw's rise (at most VOICED_RAISE_MAX). Never lowers a value.
 */
export function floorVoicedFrames(jaw: Float64Array, others: Float64Array[], weights: ArrayLike<number>, floor = VOICED_FLOOR, span = OPENING_LIFT_SPAN): void {
  const peak = localMax(jaw, span);
  for (let i = 0; i < jaw.length; i++) {
    const share = span ? liftShare(jaw[i]!, peak[i]!, VOICED_DIP) : 1;
    const target = floor * weights[i]! * share, f = floorFactor(jaw[i]!, target);
    if (f === 1) continue;
    jaw[i] = target;
    for (const c of others) c[i] = c[i]! * f;
  }
}
