// A driver whose eyes read more open as the head comes down (hooded55, issue #14). With the chin down (+pitch, measures.ts)
// and the eyes held on the camera, the eyes look up within the head and the upper lids rise with the gaze; on a
// hooded lid the fold then hides less. christie_6's near eye reads 1.0-1.16 of its rest on f57-86 (pitch -2) and
// .5-.7 on f15-40 (-8..-9, about his usual -7.3); vrt4_6 (lp_s9) 1.1-1.28 on f43-48 (pitch -3, 8 deg chin-down from
// her usual -11.4) where her eyes are plain on the video. The eye rest (restFace.ts, the 80th percentile) came from
// the chin-down frames, so his usual frames read as a narrowing, and her chin-down frames as a stare (eyeWide .26).
// How much the opening grows is the driver's (christie, vrt4, Katie .009-.016 log per degree, r .44-.56; lp_d6,
// lp_d11, amy, lily none), so, as pitchTrust.ts does for frowns: per driver, the slope of the log opening on the
// pitch is fitted over the open frames, and each frame's openings are taken to the driver's usual (median) pitch
// before any rest or share reads them. OFF by default (DriverFitOptions.eyesAtUsualPitch): it lowers vrt4 f43's
// eyeWide .26 -> .18/.20 and christie f132's .29 -> .21, but leaves christie's f15-40 slits (his near eye reads
// .5-.6 of rest at his usual pitch, a real narrowing on the mesh) and takes .1-.17 off Katie's real half lids on her
// chin-up frames f28-30 (her expression follows her pitch; the fit cannot tell it from the pose's): see
// docs/eyes/sessions/s55-hooded55.md; vrt4 f79-80 (15 deg chin-up) a lowered lid becomes eyeWide .25. Taking back
// only the chin-down side lowers the rest and widens every eye.
import type { RawFaceFrame } from './faceTracker.ts';
import { clamp01 } from '../math/smooth.ts';

/** Frames whose mean opening is under this share of the median are closing (a blink, a squint): not fitted. */
const OPEN_SHARE = 0.6;
/** Pitch variance (deg^2) added to the fit's, as if each frame's pitch spread this much more with no growth: a driver with a steady head fits no slope from its noise. */
const PITCH_RIDGE = 4;
/** The fit's correlation from which a slope starts to count (noise-level correlations count nothing)... */
const R_NONE = 0.25;
/** ...and from which it counts whole. */
const R_FULL = 0.5;
/** At most this growth (log opening per degree): 2.5 % a degree. */
const SLOPE_MAX = 0.025;
/** Fewer open frames than this fit no slope. */
const MIN_FRAMES = 25;

/** How a driver's eye opening grows with the head's pitch: `slope` (log opening per degree of pitch, chin down, >= 0) about `usual` (the median pitch). */
export type EyePitchGrowth = { slope: number; usual: number };

/**
 * The growth of the eyes' mean opening (`open[f]`) with the pitch (`pitch[f]`, degrees, chin down positive): a ridge least
 * squares slope of the log opening over the open frames, counted by its correlation (R_NONE..R_FULL); a shrinking
 * (negative) slope is not the hood's and counts nothing.
 */
export function fitEyePitchGrowth(pitch: ArrayLike<number>, open: ArrayLike<number>): EyePitchGrowth {
  const n = pitch.length;
  const sortedP = Float64Array.from(pitch).sort();
  const usual = n ? sortedP[n >> 1]! : 0;
  const sortedO = Float64Array.from(open).sort();
  const median = n ? sortedO[n >> 1]! : 0;
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (open[i]! > OPEN_SHARE * median && open[i]! > 0) idx.push(i);
  if (idx.length < MIN_FRAMES) return { slope: 0, usual };
  let mp = 0, ml = 0;
  for (const i of idx) { mp += pitch[i]!; ml += Math.log(open[i]!); }
  mp /= idx.length; ml /= idx.length;
  let sxy = 0, sxx = 0, syy = 0;
  for (const i of idx) {
    const dp = pitch[i]! - mp, dl = Math.log(open[i]!) - ml;
    sxy += dp * dl; sxx += dp * dp; syy += dl * dl;
  }
  if (sxy <= 0 || syy <= 0) return { slope: 0, usual };
  const r = sxy / Math.sqrt(sxx * syy);
  const count = clamp01((r - R_NONE) / (R_FULL - R_NONE));
  const slope = Math.min(SLOPE_MAX, sxy / (sxx + idx.length * PITCH_RIDGE)) * count;
  return { slope, usual };
}

/** The factor that takes an opening read at `pitch` to the driver's usual pitch. */
export function toUsualPitch(g: EyePitchGrowth, pitch: number): number {
  return Math.exp(-g.slope * (pitch - g.usual));
}

/**
 * The raw frames with each eye's opening (m.eyeLeft / m.eyeRight) taken to the driver's usual pitch (fitted over the
 * frames `valid`); the frames themselves when the driver's eyes do not grow with the pitch. `growth` returns the fit.
 */
export function rawAtUsualPitch(raw: (RawFaceFrame | null)[], valid: boolean[], growth?: (g: EyePitchGrowth) => void): (RawFaceFrame | null)[] {
  const have = raw.map((_r, i) => i).filter((i) => valid[i] && raw[i]);
  const g = fitEyePitchGrowth(have.map((i) => raw[i]!.angles.pitch), have.map((i) => (raw[i]!.m.eyeLeft + raw[i]!.m.eyeRight) / 2));
  growth?.(g);
  if (g.slope <= 0) return raw;
  return raw.map((r, i) => {
    if (!r || !valid[i]) return r;
    const k = toUsualPitch(g, r.angles.pitch);
    return { ...r, m: { ...r.m, eyeLeft: r.m.eyeLeft * k, eyeRight: r.m.eyeRight * k } };
  });
}
