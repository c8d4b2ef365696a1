// The loudest syllables of a file open clearly (issue #13, slit26: "the loudest frames are dark slits").
// On japanese.wav the network's jaw at the clip's two loudest syllables (2.36-2.56 s, 5.40-5.48 s) is
// raw -0.3..-0.8, calibrated .02-.06; the voiced floor (lipVoicing.ts) holds them at .08, which any face
// renders as a .03 IOD slit (st_happy .031, mt_man .029, lp_s1 .065 at jaw .08), dark inside, no teeth.
// Real speakers at their loudest frames (within ~2 dB of the file's loud level, not hissing) have their
// lips well apart: Katie 0 of 12 frames under .06 IOD (median .13), mt_sun 0 of 8 (.08, she talks
// through a smile), lp_d11 1 of 7 (.12) (critic25's read-backs of the real videos; bench/loudPeak.ts). On the
// whole mt_sun.wav the frames it raises (f255, f296-301) read .08-.09 on the real speaker.
// So at those frames the voiced floor rises from .08 to LOUD_PEAK_FLOOR. Only the loudest band: lower,
// real speakers do shut on loud frames (lipVoicing.ts: GRID s1 22 % of the loud third), and the frame
// before must be as loud (a b/p burst follows a quiet closure). The dip test and the closures from the
// sound still apply after it (lipVoicing.ts floorVoicedFrames, lipClosures.ts).
import { smoothstep } from '../math/smooth.ts';
import { VOICED_HISS_FROM, VOICED_HISS_FULL } from './lipVoicing.ts';

/** the jawOpen the loudest voiced frames keep at least (x 0.6 = .09 IOD aimed; st_happy reads .10 back: teeth show) */
export const LOUD_PEAK_FLOOR = 0.15;
/** relative energy (natural log of power over the file's loud level) over which the higher floor fades in: ~2 dB under it .. at it */
export const LOUD_PEAK_FROM = -0.5, LOUD_PEAK_FULL = 0;

/** 0..1: how surely a frame is one of the file's loudest voiced sounds (`loud`: the mean energy of the frame and its neighbours). */
export function loudPeakWeight(loud: number, tilt: number): number {
  return smoothstep(LOUD_PEAK_FROM, LOUD_PEAK_FULL, loud) * (1 - smoothstep(VOICED_HISS_FROM, VOICED_HISS_FULL, tilt));
}

/**
 * The voiced floor's per-frame weights (for `floor`) with the loudest frames' higher floor folded in: the weight
 * that makes floor x weight reach `peakFloor` x loudPeakWeight where that is higher. One pass of floorVoicedFrames
 * then raises each frame once (its bound on the lips' factor applies once).
 */
export function withLoudPeaks(voiced: ArrayLike<number>, energy: ArrayLike<number>, tilt: ArrayLike<number>, floor: number, peakFloor = LOUD_PEAK_FLOOR): Float64Array {
  return Float64Array.from({ length: voiced.length }, (_, i) => {
    const peak = loudPeakWeight(neighbourMean(energy, i), tilt[i]!);
    return Math.max(voiced[i]!, floor > 0 ? (peak * peakFloor) / floor : 0);
  });
}

/** The mean of a series at i and its two neighbours (the ends held). */
export function neighbourMean(v: ArrayLike<number>, i: number): number {
  const last = v.length - 1;
  return (v[Math.max(0, i - 1)]! + v[i]! + v[Math.min(last, i + 1)]!) / 3;
}
