// A driver's camera that drifts, pans or zooms (or a speaker whose whole body sways) moves the face in the
// frame as a head translation would: read as the head's own motion, the photo's face slid and scaled inside
// the painting like a mask while its hair, torso and background stayed put (critic53, lp_s9 <- videoretalking_4:
// the body and face 17-28 px left over 0-3.6 s, the face 4 % smaller). A head's own translation against its
// shoulders is small and short-lived (a lean or bob comes back within a second or two); a camera or body
// drifts slower and further. So the video's head translation (tx, ty, tz) is taken relative to its own running
// median over a window about two seconds long: a slow drift is the camera's and goes, a quick bob stays.
// That rule is asked for (generate --steady-camera); by default the camera's shift is read off the scene around the
// head instead (sceneCamera.ts) and taken out with withoutCamera, so a still camera's lean stays.
// The head's rotation is the head's own and is left as read. And the depth (tz), read from the eye-corner distance
// in the image, has a turn's foreshortening given back (headDepth): a head turning is not a head moving away.

import { sortedMedian } from '../math/stats.ts';

/**
 * Half the running median's window, in seconds, for a driver whose camera drifts (generate --steady-camera 1).
 * Off by default (config.ts Option.steadyCamera 0): on a still camera the speaker's own lean goes too — Katie's
 * 8 s self-reenactment NME .059 -> .120, PSNR 16.2 -> 14.4 (session 54) — while on critic53's drifting
 * videoretalking_4 driver it was "better in motion, subtle on stills".
 */
export const STEADY_CAMERA_SECONDS = 1;

/** The translation channels a drifting camera moves (framesFromRaw's pose channels). */
export const TRANSLATION_CHANNELS = ['tx', 'ty', 'tz'] as const;

/**
 * The running median of `values` over frames i - half .. i + half; past either end the series is continued by its
 * point reflection through the end frame (2 v[0] - v[k]), so a drift still under way at the clip's start or end reads
 * as drift there too (cut windows left half the drift of a 2 s pan in). O(n * window log window): a 10 s clip at
 * 25 fps with a 51-frame window is 250 small sorts.
 */
export function runningMedian(values: ArrayLike<number>, half: number): Float64Array {
  const n = values.length, out = new Float64Array(n);
  const buf: number[] = [];
  for (let i = 0; i < n; i++) {
    buf.length = 0;
    for (let k = i - half; k <= i + half; k++) buf.push(at(values, k));
    out[i] = sortedMedian(buf);
  }
  return out;
}

/** values[k], continued past either end by point reflection through the end value (k within one length of the ends). */
function at(values: ArrayLike<number>, k: number): number {
  const n = values.length;
  if (k < 0) return 2 * values[0]! - values[Math.min(n - 1, -k)]!;
  if (k >= n) return 2 * values[n - 1]! - values[Math.max(0, 2 * (n - 1) - k)]!;
  return values[k]!;
}

/**
 * In place: the series minus its running median over +-`seconds` (the camera's slow drift taken out). With the ends
 * continued by point reflection the first frame is its own median, so frame 0 stays exactly 0 (the photo's placement).
 */
export function withoutDrift(series: Float64Array, fps: number, seconds = STEADY_CAMERA_SECONDS): void {
  if (!(seconds > 0) || series.length < 3) return;
  const base = runningMedian(series, Math.max(1, Math.round(seconds * fps)));
  for (let i = 0; i < series.length; i++) series[i] = series[i]! - base[i]!;
}

/**
 * In place: the camera's shift (sceneCamera.ts, track pixels) taken out of the head's translation (face widths of
 * `faceWidth` px): what the background and shoulders moved is not the head moving over them.
 */
export function withoutCamera(tx: Float64Array, ty: Float64Array, camera: { dx: ArrayLike<number>; dy: ArrayLike<number> }, faceWidth: number): void {
  for (let i = 0; i < tx.length; i++) {
    tx[i] = tx[i]! - (camera.dx[i] ?? 0) / faceWidth;
    ty[i] = ty[i]! - (camera.dy[i] ?? 0) / faceWidth;
  }
}

/**
 * The face's scale as the 2D eye-corner distance reads it, with a yaw's foreshortening given back: that distance
 * shrinks by cos(yaw) on a turn, which read as the head moving away (tz), so the photo's head shrank as it turned
 * (Katie: tz against |yaw| r = -0.70 over 8 s; -0.15 with the face mesh's yaw divided out, the rig fit's yaw
 * over-corrects to +0.71, read at ~1.5x the mesh's). Turns past 60 degrees are read as 60.
 */
export function turnFreeScale(eyeDistance: number, yawDeg: number): number {
  return eyeDistance / Math.cos((Math.min(60, Math.abs(yawDeg)) * Math.PI) / 180);
}

/** A face's eye-corner distance (m.scale) and yaw (degrees), as the tracker reads them. */
export interface DepthFace { m: { scale: number }; angles: { yaw: number } }

/**
 * The depth channel (tz) of `face` against the clip's `first`: 4 face widths from the camera, moving closer enlarges the
 * face. `turnFree` (FramesFromRawOptions.depthThroughTurn, on): from turnFreeScale; false: the eye distance as seen.
 */
export function headDepth(first: DepthFace, face: DepthFace, turnFree: boolean): number {
  const scale = (f: DepthFace) => (turnFree ? turnFreeScale(f.m.scale, f.angles.yaw) : f.m.scale);
  return 4 * (1 - scale(first) / scale(face));
}
