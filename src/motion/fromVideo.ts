// Video -> Motion (reenactment): track one face through a driving video, read expression weights
// and head pose per frame, fill bad frames from their neighbours and smooth with One Euro filters.
//
// Relative motion. Pose is relative to the driver's FIRST usable frame (so a driver who starts
// frontal maps onto the photo's own pose). Expressions are relative to the driver's REST face,
// estimated over the whole clip rather than from frame 0 alone: mouth opening from its 5th
// percentile when that is lower than at the start (a driver whose mouth is slightly open at rest, or
// who starts mid-word, does not open the photo's mouth), eye openness from its 80th percentile when
// higher (frame 0 may be a blink), and two-sided measures (mouth width, lip corners, brows) from
// the first 0.2 s, the reference's choice (a clip-wide median fails when one expression fills most
// of the clip). Weights are then one-sided
// (clamped to 0..1), so a driver's quirk at rest never pushes the photo's face the other way.
import { decodeVideoFrames, probeVideo } from '../io/media.ts';
import { cancellationCheckpoint } from '../cancel.ts';
import { CancelledError, NoFaceError, VideoError } from '../errors.ts';
import type { JobControl } from '../config.ts';
import type { Motion, MotionFrame } from '../types.ts';
import type { RigControl } from '../rig/controls.ts';
import { LM } from './measures.ts';
import type { RawFaceFrame } from './faceTracker.ts';
export type { RawFaceFrame } from './faceTracker.ts';
import { fillGaps, oneEuroZeroLag } from './filters.ts';
import { clamp01, estimateRest, percentile, weightsFromMeasures, type RestFace } from './restFace.ts';
export { estimateRest, weightsFromMeasures, type RestFace } from './restFace.ts';
import { defaultTrackThreads, TrackerPool } from './trackPool.ts';
import { retargetFromLandmarks, driverFitDefaults, type DriverFitOptions } from './retarget.ts';
import { MOUTH_ON_PHOTO } from '../rig/mouthBase.ts';
import { isRelativeMouth } from './mouthChange.ts';
import { REST_LIP_GAP, JAW_GAP_SPAN } from '../render/mouth/opening.ts';

export interface VideoMotionOptions {
  /** output frame rate (default: 25) */
  fps: number;
  /** pose relative to the driver's first frame (default true); false: absolute driver pose, relativePose false */
  mapToInitPose: boolean;
  /** longest side the frames are decoded at */
  maxSide: number;
  /** stop after this many seconds of video (default: all) */
  maxSeconds?: number;
  /**
   * With mapToInitPose false: the photo's own head pose. The output is then the driver's absolute
   * pose minus the photo's (relativePose true), so the photo takes the driver's absolute head pose.
   */
  photoPose?: { yaw: number; pitch: number; roll: number };
}

export interface VideoMotionStats {
  frames: number;
  /** frames with no usable face */
  missing: number;
  /** frames filled from neighbours (missing + rejected fits) */
  interpolated: number;
}

/** Measure gaze (iris offset / half eye width) -> MotionFrame gaze (1 = a quarter eye width, see rig gazeOf). */
const GAZE_UNIT = 2;

/** Face-size change that counts as a tracking glitch (fraction of the neighbours' median). */
const SCALE_JUMP = 0.25;
const MIN_MESH_SCORE = 0.5;

/** Lower-lip drop at the lip centre per unit of mouthLowerDown (iod; rig/basis.ts). */
const LOWER_LIP_DROP = 0.09;

/**
 * The rig fit's mouthLowerDown kept within the measured opening (a motion's jawOpen is the lip gap
 * over JAW_GAP_SPAN): faded in as the lips part, as the measure's own (restFace.ts), and no larger
 * than the drop that alone would open the lips that far.
 */
export function lowerLipWithinGap(fitted: number, jawOpen: number): number {
  return Math.min(fitted * clamp01(jawOpen * 4), (JAW_GAP_SPAN * jawOpen) / LOWER_LIP_DROP);
}

/** In place: the series minus its first value. */
function rezero(c: Float64Array): void {
  const c0 = c[0]!;
  for (let i = 0; i < c.length; i++) c[i] = c[i]! - c0;
}

/** Turns per-frame raw faces into smoothed Motion frames (pure: used by fromVideo and training). */
export function motionFramesFromRaw(raw: (RawFaceFrame | null)[], fps: number, mapToInitPose: boolean, opts: { expressions?: 'rig' | 'measures'; rest?: RestFace; fit?: DriverFitOptions } = {}): { frames: MotionFrame[]; stats: VideoMotionStats } {
  const n = raw.length;
  const valid = raw.map((r) => !!r && r.score >= MIN_MESH_SCORE);
  const missing = raw.filter((r) => !r).length;
  // reject sudden face-size jumps (a wrong face or a broken mesh)
  for (let i = 0; i < n; i++) {
    if (!valid[i]) continue;
    const near: number[] = [];
    for (let j = Math.max(0, i - 3); j <= Math.min(n - 1, i + 3); j++) if (j !== i && valid[j]) near.push(raw[j]!.m.scale);
    if (near.length >= 2) {
      const med = percentile(near, 50);
      if (Math.abs(raw[i]!.m.scale - med) > SCALE_JUMP * med) valid[i] = false;
    }
  }
  const good = raw.filter((r, i) => valid[i]) as RawFaceFrame[];
  if (!good.length) throw new NoFaceError('No usable face was found in any frame of the driving video. Use a video where one face is clearly visible.');
  // `opts.rest`: a rest face measured elsewhere (the lip teacher uses the clip's own closed-mouth frames)
  const rest = opts.rest ?? estimateRest(good.map((r) => r.m));
  const restGaze = [0, 1].map((a) => percentile(good.map((r) => r.m.gaze[a]!), 50)) as [number, number];
  const first = good[0]!;
  const firstAngles = first.angles;
  const faceWidth0 = first.m.scale * 1.6;
  // per-frame channels, then gap filling and smoothing channel by channel
  const names: string[] = [];
  const channels = new Map<string, Float64Array>();
  const ch = (name: string) => {
    let c = channels.get(name);
    if (!c) {
      c = new Float64Array(n);
      channels.set(name, c);
      names.push(name);
    }
    return c;
  };
  for (let i = 0; i < n; i++) {
    if (!valid[i]) continue;
    const r = raw[i]!;
    const { w, blinkLeft, blinkRight } = weightsFromMeasures(r.m, rest);
    for (const [k, v] of Object.entries(w)) ch(`w.${k}`)[i] = v;
    ch('blinkL')[i] = blinkLeft;
    ch('blinkR')[i] = blinkRight;
    const a = r.angles;
    ch('yaw')[i] = mapToInitPose ? a.yaw - firstAngles.yaw : a.yaw;
    ch('pitch')[i] = mapToInitPose ? a.pitch - firstAngles.pitch : a.pitch;
    ch('roll')[i] = mapToInitPose ? a.roll - firstAngles.roll : a.roll;
    ch('tx')[i] = (r.m.centre[0] - (mapToInitPose ? first.m.centre[0] : 0)) / faceWidth0;
    ch('ty')[i] = (r.m.centre[1] - (mapToInitPose ? first.m.centre[1] : 0)) / faceWidth0;
    // 4 face widths from the camera: moving closer enlarges the face
    ch('tz')[i] = 4 * (1 - first.m.scale / r.m.scale);
    // gaze relative to the driver's usual gaze, in the renderer's unit (1 = a quarter eye width;
    // the measure's 1 is half an eye width)
    ch('gx')[i] = GAZE_UNIT * (r.m.gaze[0] - restGaze[0]);
    ch('gy')[i] = GAZE_UNIT * (r.m.gaze[1] - restGaze[1]);
  }
  // the richer expressions through the rig fit, relative to the driver's rest with a calibrated
  // gain (retarget.ts); the smile and the lower lip keep the larger of both readings (the corner-lift
  // measure is sharp; the fit sees a lip that drops with the jaw still)
  // (expressions 'measures': the measures alone, as before the rig retarget; kept for comparisons)
  const rigChannels = opts.expressions === 'measures' ? new Map() : retargetFromLandmarks(raw.map((r, i) => (valid[i] ? r!.lm : null)), opts.fit);
  // the mouth's shape as signed changes on the photo's own mouth (retarget.ts, rig/mouthBase.ts)
  const fit = driverFitDefaults(opts.fit);
  const onPhoto = rigChannels.size > 0 && fit.mouthOnPhoto;
  const signed = (name: string) => onPhoto && isRelativeMouth(name.slice(2) as RigControl);
  for (const [control, series] of rigChannels) {
    const c = ch(`w.${control}`);
    const keepMax = control === 'mouthSmileLeft' || control === 'mouthSmileRight' || control === 'mouthLowerDown';
    // the fit's lower lip only where the measured lips are apart, and never dropping further than
    // they are: with the lips shut it would part the photo's lips (lp_d14 lip gap r 0.95 -> 0.78)
    const fitted = (i: number) => (control === 'mouthLowerDown' ? lowerLipWithinGap(series[i]!, ch('w.jawOpen')[i]!) : series[i]!);
    // a signed smile below the reference stays (the corner-lift measure, one-sided, reads 0 there)
    const merge = (measured: number, f: number) => (signed(`w.${control}`) && measured <= 0 ? f : Math.max(measured, f));
    for (let i = 0; i < n; i++) if (valid[i]) c[i] = keepMax ? merge(c[i]!, fitted(i)) : fitted(i);
  }
  let interpolated = 0;
  for (const name of names) interpolated = Math.max(interpolated, fillGaps(channels.get(name)!, valid));
  // smoothing: the mouth moves fast (high cutoff); the head and gaze are smoothed harder when still
  const smooth = (name: string, minCutoff: number, beta: number) => {
    const c = channels.get(name)!;
    channels.set(name, oneEuroZeroLag(c, fps, minCutoff, beta));
  };
  for (const name of names) {
    if (name.startsWith('w.')) smooth(name, 4, 0.5);
    else if (name === 'blinkL' || name === 'blinkR') smooth(name, 6, 1);
    else if (name === 'gx' || name === 'gy') smooth(name, 2, 0.5);
    else if (name === 'tx' || name === 'ty' || name === 'tz') smooth(name, 1, 2);
    else smooth(name, 1, 0.3);
  }
  // counted from the driver's first frame (mouthFromStart): as the pose, exactly zero there after
  // smoothing, so the video starts with the photo's own mouth
  if (fit.mouthFromStart) for (const name of names) if (signed(name)) rezero(channels.get(name)!);
  if (mapToInitPose) {
    // exactly zero at the first frame after smoothing: the video starts at the photo's own pose
    for (const name of ['yaw', 'pitch', 'roll', 'tx', 'ty', 'tz']) {
      rezero(channels.get(name)!);
    }
  }
  const frames: MotionFrame[] = [];
  const at = (name: string, i: number) => channels.get(name)![i]!;
  for (let i = 0; i < n; i++) {
    const w: Record<string, number> = {};
    for (const name of names) if (name.startsWith('w.')) w[name.slice(2)] = signed(name) ? Math.max(-1, Math.min(1, at(name, i))) : clamp01(at(name, i));
    if (onPhoto) w[MOUTH_ON_PHOTO] = 1;
    const bl = clamp01(at('blinkL', i));
    const br = clamp01(at('blinkR', i));
    // shared closing goes to `blink`, the one-eyed rest (a wink) to the per-eye weights
    // the driver's lips at rest (jawOpen counts from them): a photo whose own lips are apart keeps
    // up to that much of its opening at the driver's rest (render/mouth/opening.ts)
    w[REST_LIP_GAP] = rest.lipGap;
    const blink = Math.min(bl, br);
    w.eyeBlinkLeft = bl - blink;
    w.eyeBlinkRight = br - blink;
    frames.push({
      w,
      pose: { yaw: at('yaw', i), pitch: at('pitch', i), roll: at('roll', i), tx: at('tx', i), ty: at('ty', i), tz: at('tz', i) },
      gaze: [Math.max(-1, Math.min(1, at('gx', i))), Math.max(-1, Math.min(1, at('gy', i)))],
      blink,
    });
  }
  return { frames, stats: { frames: n, missing, interpolated } };
}

/** Reads raw per-frame faces from a video (streamed; only the small per-frame records are kept). */
export async function trackVideo(videoFile: string, opts: { fps: number; maxSide: number; maxSeconds?: number; threads?: number }, control: JobControl = {}): Promise<(RawFaceFrame | null)[]> {
  const info = await probeVideo(videoFile);
  const total = Math.max(1, Math.round(Math.min(info.duration || Infinity, opts.maxSeconds ?? Infinity) * opts.fps)) || undefined;
  // a helper thread loads its own face model (~1 s): worth it from a couple of seconds of video
  const threads = (total ?? 0) >= 50 ? (opts.threads ?? defaultTrackThreads()) : 1;
  const pool = new TrackerPool(threads);
  const results: Promise<RawFaceFrame | null>[] = [];
  let done = 0;
  const t0 = Date.now();
  const maxFrames = opts.maxSeconds ? Math.max(1, Math.round(opts.maxSeconds * opts.fps)) : undefined;
  try {
    const checkpoint = cancellationCheckpoint(control.signal);
    for await (const img of decodeVideoFrames(videoFile, { fps: opts.fps, maxSide: opts.maxSide, maxFrames, signal: control.signal })) {
      await checkpoint();
      const { face } = await pool.push(img);
      results.push(face);
      void face.then(() => {
        done++;
        if (control.onProgress && (done % 10 === 0 || done === total)) {
          const fps = (done * 1000) / Math.max(1, Date.now() - t0);
          control.onProgress({ stage: 'motion', done, total: total ?? done, fps, eta: total ? Math.max(0, (total - done) / fps) : undefined, message: 'tracking the face' });
        }
      }, () => undefined);
    }
    const raw = await Promise.all(results);
    if (control.signal?.aborted) throw new CancelledError();
    return raw;
  } finally {
    await pool.close();
  }
}

export type VideoMotion = Motion & { stats: VideoMotionStats };

/** Motion from a driving video: expressions, head pose and gaze of the (tracked) face. */
export async function motionFromVideo(videoFile: string, opts: Partial<VideoMotionOptions> = {}, control: JobControl = {}): Promise<VideoMotion> {
  const o: VideoMotionOptions = { fps: opts.fps ?? 25, mapToInitPose: opts.mapToInitPose ?? true, maxSide: opts.maxSide ?? 720, maxSeconds: opts.maxSeconds };
  if (!(o.fps > 0 && o.fps <= 120)) throw new VideoError(`fps must be between 1 and 120 (got ${o.fps}).`);
  const raw = await trackVideo(videoFile, o, control);
  if (!raw.some((r) => r)) throw new NoFaceError(`No face was found in any of the ${raw.length} frames of ${videoFile}. Use a driving video where one face is clearly visible.`);
  const { frames, stats } = motionFramesFromRaw(raw, o.fps, o.mapToInitPose);
  const photo = !o.mapToInitPose ? opts.photoPose : undefined;
  if (photo) for (const f of frames) f.pose = { ...f.pose, yaw: f.pose.yaw - photo.yaw, pitch: f.pose.pitch - photo.pitch, roll: f.pose.roll - photo.roll };
  control.onProgress?.({ stage: 'motion', done: frames.length, total: frames.length, message: `${stats.interpolated} of ${stats.frames} frames interpolated` });
  return {
    version: 1,
    fps: o.fps,
    frameCount: frames.length,
    source: { kind: 'video', file: videoFile },
    options: { fps: o.fps, mapToInitPose: o.mapToInitPose, ...(o.maxSeconds ? { maxSeconds: o.maxSeconds } : {}), ...(photo ? { photoPose: photo } : {}) },
    seed: 0,
    relativePose: o.mapToInitPose || !!photo,
    frames,
    stats,
  };
}

export { LM };
