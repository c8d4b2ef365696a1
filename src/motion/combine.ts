// Combining motions: expressions from one (e.g. audio) with the head pose of another (a video).
import type { Motion, MotionFrame } from '../types.ts';

/**
 * Frame index of `pose` for output frame i: matched by time (the two may differ in fps); when the
 * pose track is shorter it plays back and forth (ping-pong), so the head never freezes or jumps.
 */
function poseIndex(i: number, outFps: number, pose: Motion): number {
  const n = pose.frames.length;
  if (n <= 1) return 0;
  const j = Math.round((i / outFps) * pose.fps);
  const period = 2 * (n - 1);
  const k = j % period;
  return k < n ? k : period - k;
}

/** Expressions, gaze and blinks of `expressions`, head pose of `pose`. */
export function combineMotion(expressions: Motion, pose: Motion): Motion {
  if (!pose.frames.length) return expressions;
  const frames: MotionFrame[] = expressions.frames.map((f, i) => ({ ...f, pose: { ...pose.frames[poseIndex(i, expressions.fps, pose)]!.pose } }));
  return {
    ...expressions,
    frames,
    frameCount: frames.length,
    relativePose: pose.relativePose,
    options: { ...expressions.options, poseFrom: pose.source },
  };
}

/** Resamples a motion to another frame rate (nearest frame for pose, linear for weights). */
export function resampleMotion(motion: Motion, fps: number): Motion {
  if (fps === motion.fps || !motion.frames.length) return { ...motion };
  const n = Math.max(1, Math.round((motion.frames.length / motion.fps) * fps));
  const src = motion.frames;
  const frames: MotionFrame[] = [];
  for (let i = 0; i < n; i++) {
    const t = Math.min(src.length - 1, (i / fps) * motion.fps);
    const a = src[Math.floor(t)]!;
    const b = src[Math.min(src.length - 1, Math.floor(t) + 1)]!;
    const u = t - Math.floor(t);
    const mix = (x: number, y: number) => x + (y - x) * u;
    const w: Record<string, number> = {};
    for (const k of new Set([...Object.keys(a.w), ...Object.keys(b.w)])) w[k] = mix(a.w[k] ?? 0, b.w[k] ?? 0);
    frames.push({
      w,
      pose: { yaw: mix(a.pose.yaw, b.pose.yaw), pitch: mix(a.pose.pitch, b.pose.pitch), roll: mix(a.pose.roll, b.pose.roll), tx: mix(a.pose.tx, b.pose.tx), ty: mix(a.pose.ty, b.pose.ty), tz: mix(a.pose.tz, b.pose.tz) },
      gaze: [mix(a.gaze[0], b.gaze[0]), mix(a.gaze[1], b.gaze[1])],
      blink: mix(a.blink, b.blink),
      // (a video motion's mouth darkness: the renderer's O follows it; dropped, every rounded frame was a dark O)
      ...(a.mouthDark !== undefined && b.mouthDark !== undefined ? { mouthDark: mix(a.mouthDark, b.mouthDark) } : {}),
      ...(a.vergence !== undefined && b.vergence !== undefined ? { vergence: mix(a.vergence, b.vergence) } : {}),
    });
  }
  return { ...motion, fps, frameCount: n, frames };
}
