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
import type { Motion } from '../types.ts';
import { LM } from './measures.ts';
import { withDriverMouthReads } from './driverMouthReads.ts';
import type { RawFaceFrame } from './faceTracker.ts';
export type { RawFaceFrame } from './faceTracker.ts';
export { estimateRest, weightsFromMeasures, type RestFace } from './restFace.ts';
import { defaultTrackThreads, TrackerPool } from './trackPool.ts';
import { keepPoseInRange } from './poseRange.ts';
import { motionFramesFromRaw, type VideoMotionStats } from './framesFromRaw.ts';
import { readCameraPath, type CameraPath } from './sceneCamera.ts';
export { motionFramesFromRaw, lowerLipWithinGap, type VideoMotionStats } from './framesFromRaw.ts';

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
  /** half the window (s) the head translation is steadied against (steadyCamera.ts; 0 = the translation as read) */
  steadyCamera?: number;
  /** false: the head's translation as seen, with the camera's (sceneCamera.ts; default true: the shift of the scene around the head taken out where it can be read) */
  sceneCamera?: boolean;
  /** the camera's path (motionFromVideo reads it when sceneCamera is not false; a caller with a track reads it with readCameraPath) */
  camera?: CameraPath;
  /** false: the head's depth from the eye distance as seen, which a turn foreshortens (steadyCamera.ts headDepth) */
  depthThroughTurn?: boolean;
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
  const o: VideoMotionOptions = { fps: opts.fps ?? 25, mapToInitPose: opts.mapToInitPose ?? true, maxSide: opts.maxSide ?? 720, maxSeconds: opts.maxSeconds, ...(opts.steadyCamera === undefined ? {} : { steadyCamera: opts.steadyCamera }), ...(opts.depthThroughTurn === undefined ? {} : { depthThroughTurn: opts.depthThroughTurn }) };
  if (!(o.fps > 0 && o.fps <= 120)) throw new VideoError(`fps must be between 1 and 120 (got ${o.fps}).`);
  const raw = await trackVideo(videoFile, o, control);
  // the camera's shift off the scene around the head (sceneCamera.ts): a still camera's lean stays, a drift goes
  const camera = (opts.sceneCamera ?? true) ? await readCameraPath(videoFile, raw, o, control.signal) : undefined;
  return videoMotionFromRaw(raw, videoFile, { ...o, ...(camera ? { camera } : {}) }, opts.photoPose, control);
}

/**
 * motionFromVideo's motion from the video's track (trackVideo's frames at o.fps): the tests make it from a track
 * they share between test files (test/trackedVideo.ts) instead of tracking the same clip again.
 */
export function videoMotionFromRaw(raw: (RawFaceFrame | null)[], videoFile: string, o: VideoMotionOptions, photoPose?: VideoMotionOptions['photoPose'], control: JobControl = {}): VideoMotion {
  if (!raw.some((r) => r)) throw new NoFaceError(`No face was found in any of the ${raw.length} frames of ${videoFile}. Use a driving video where one face is clearly visible.`);
  const { frames, stats } = motionFramesFromRaw(raw, o.fps, o.mapToInitPose, { ...(o.steadyCamera === undefined ? {} : { steadyCamera: o.steadyCamera }), ...(o.camera ? { camera: o.camera } : {}), ...(o.depthThroughTurn === undefined ? {} : { depthThroughTurn: o.depthThroughTurn }) });
  // the driver's own mouth: dark or teeth, cavity, the light under its upper row and that row's depth
  withDriverMouthReads(frames, raw);
  const photo = !o.mapToInitPose ? photoPose : undefined;
  if (photo) for (const f of frames) f.pose = { ...f.pose, yaw: f.pose.yaw - photo.yaw, pitch: f.pose.pitch - photo.pitch, roll: f.pose.roll - photo.roll };
  // a head turned further than the photo can show is eased back into range (poseRange.ts)
  if (o.mapToInitPose || photo) stats.poseEased = keepPoseInRange(frames);
  const eased = stats.poseEased ? `; ${stats.poseEased} frames' head turn eased into range` : '';
  control.onProgress?.({ stage: 'motion', done: frames.length, total: frames.length, message: `${stats.interpolated} of ${stats.frames} frames interpolated${eased}` });
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
