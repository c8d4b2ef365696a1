// The video path's per-frame channels read from the tracked faces (framesFromRaw.ts): the landmark
// measures' weights and blinks against the rest face, the head pose, the gaze and the eyes' vergence;
// the blinks read again without a smile's squint and the rig fit's yaw, when the fit gives them.
import type { RawFaceFrame } from './faceTracker.ts';
import type { Channels } from './channels.ts';
import { blinkFromOpening, percentile, weightsFromMeasures, type RestFace } from './restFace.ts';
import { eyeGazes } from './measures.ts';
import { seenLipGap } from './underLip.ts';
import { clipLipInsideShare, gapLessLipInside } from './lipInside.ts';
import { headDepth } from './steadyCamera.ts';

/** Measure gaze (iris offset / half eye width) -> MotionFrame gaze (1 = a quarter eye width, see rig gazeOf). */
export const GAZE_UNIT = 2;

/**
 * Per usable frame: the measures' weights and blinks against the rest face, the head pose (relative to
 * the first usable frame when mapToInitPose) and the gaze relative to the driver's usual gaze. `turnFreeDepth`: the depth with
 * a turn's foreshortening given back (steadyCamera.ts headDepth; false: the eye distance as seen).
 */
export function writeMeasuredChannels(ch: Channels, raw: (RawFaceFrame | null)[], valid: boolean[], good: RawFaceFrame[], rest: RestFace, mapToInitPose: boolean, turnFreeDepth = true): void {
  const restGaze = [0, 1].map((a) => percentile(good.map((r) => r.m.gaze[a]!), 50)) as [number, number];
  const restVergence = percentile(good.filter((r) => r.lm).map((r) => vergenceOf(r.lm!)), 50);
  const first = good[0]!;
  const firstAngles = first.angles;
  const faceWidth0 = first.m.scale * 1.6;
  // (a clip whose mesh reads its lower lip as opening on most open frames, lipInside.ts: a blurry lip; 0 elsewhere)
  const inside = clipLipInsideShare(good);
  for (let i = 0; i < raw.length; i++) {
    if (!valid[i]) continue;
    const r = raw[i]!;
    // (the lips as far apart as the pixels show them: a lower row under the mesh's inner contour is opening, underLip.ts)
    // (less the lower lip read inside the contour on a clip that reads it as a rule, lipInside.ts)
    const meshGap = gapLessLipInside(r.m.lipGap, r.lipInside, inside, rest.lipGap);
    const { w, blinkLeft, blinkRight } = weightsFromMeasures(r.underLip || meshGap !== r.m.lipGap ? { ...r.m, lipGap: seenLipGap(meshGap, r.underLip) } : r.m, rest);
    for (const [k, v] of Object.entries(w)) ch.get(`w.${k}`)[i] = v;
    ch.get('blinkL')[i] = blinkLeft;
    ch.get('blinkR')[i] = blinkRight;
    const a = r.angles;
    ch.get('yaw')[i] = mapToInitPose ? a.yaw - firstAngles.yaw : a.yaw;
    ch.get('pitch')[i] = mapToInitPose ? a.pitch - firstAngles.pitch : a.pitch;
    ch.get('roll')[i] = mapToInitPose ? a.roll - firstAngles.roll : a.roll;
    ch.get('tx')[i] = (r.m.centre[0] - (mapToInitPose ? first.m.centre[0] : 0)) / faceWidth0;
    ch.get('ty')[i] = (r.m.centre[1] - (mapToInitPose ? first.m.centre[1] : 0)) / faceWidth0;
    ch.get('tz')[i] = headDepth(first, r, turnFreeDepth);
    // gaze relative to the driver's usual gaze, in the renderer's unit (1 = a quarter eye width;
    // the measure's 1 is half an eye width)
    ch.get('gx')[i] = GAZE_UNIT * (r.m.gaze[0] - restGaze[0]);
    ch.get('gy')[i] = GAZE_UNIT * (r.m.gaze[1] - restGaze[1]);
    // crossed or parted eyes, which the shared gaze (the eyes' mean) cancels (lp_d6 f67)
    if (r.lm) ch.get('gv')[i] = GAZE_UNIT * (vergenceOf(r.lm) - restVergence);
  }
}

/**
 * Half the difference of the eyes' x iris offsets (measures.ts eyeGazes, 1 = half an eye width):
 * + both toward the nose. Landmarks flat (x, y, z per point), as the tracker keeps them.
 */
export function vergenceOf(lm: ArrayLike<number>): number {
  const points = Array.from({ length: lm.length / 3 }, (_, k) => [lm[k * 3]!, lm[k * 3 + 1]!]);
  const [right, left] = eyeGazes(points);
  return (left[0] - right[0]) / 2;
}

/** Each frame's measured eye openings (subject's left, right; 0 where there is no face), as the tracker read them. */
export function measuredEyes(raw: (RawFaceFrame | null)[]): [Float64Array, Float64Array] {
  return [Float64Array.from(raw, (r) => r?.m.eyeLeft ?? 0), Float64Array.from(raw, (r) => r?.m.eyeRight ?? 0)];
}

/**
 * The blinks read again with the part of each lower lid's rise taken as a smile's squint (lowerLid.ts)
 * given back to the opening: a smile's raised lower lid is not a closing upper lid.
 */
export function blinksWithoutSquint(ch: Channels, raw: (RawFaceFrame | null)[], valid: boolean[], rest: RestFace, rises: [Float64Array, Float64Array]): void {
  const [bl, br] = [ch.get('blinkL'), ch.get('blinkR')];
  for (let i = 0; i < raw.length; i++) {
    if (!valid[i]) continue;
    const m = raw[i]!.m;
    bl[i] = blinkFromOpening(m.eyeLeft / Math.max(rest.eyeLeft, 1e-6) + rises[0][i]!);
    br[i] = blinkFromOpening(m.eyeRight / Math.max(rest.eyeRight, 1e-6) + rises[1][i]!);
  }
}

/** The head's yaw from the rig fit (DriverFitOptions.yawFromFit) in place of the face mesh's, relative to the first usable frame when mapToInitPose. */
export function writeFittedYaw(ch: Channels, fittedYaw: Float64Array, valid: boolean[], mapToInitPose: boolean): void {
  const c = ch.get('yaw'), first = valid.indexOf(true);
  const zero = mapToInitPose ? fittedYaw[first]! : 0;
  for (let i = 0; i < valid.length; i++) if (valid[i]) c[i] = fittedYaw[i]! - zero;
}

/** Each frame's share of the opening in teeth (faceTracker.ts teethShare; closed lips 0), or undefined when the track has none (tracked before it was read). */
export function teethShares(raw: (RawFaceFrame | null)[]): Float64Array | undefined {
  return raw.some((r) => r?.teethShare !== undefined) ? Float64Array.from(raw, (r) => r?.teethShare ?? 0) : undefined;
}
