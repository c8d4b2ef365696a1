// The main job: photo (or saved avatar) + driving signal -> a finished talking-portrait video.
// Stages, one file each: check everything (plan.ts) -> analyze + avatar (avatarStage.ts) ->
// motion (motionStage.ts) -> render, compose and encode frame by frame (renderStage.ts).
// Frames stream into one ffmpeg process; nothing holds the whole video in memory.
import type { GenerateInput, JobControl } from '../config.ts';
import { parseGenerateOptions, checkJob } from './plan.ts';
import { obtainAvatar } from './avatarStage.ts';
import { driveMotion } from './motionStage.ts';
import { renderVideo, type VideoFacts } from './renderStage.ts';
import { emit, throwIfAborted } from './progress.ts';
export { fullFrameSize } from './layout.ts';
export { parseGenerateOptions, planDrive, type DrivePlan } from './plan.ts';

export interface GenerateResult extends VideoFacts {
  /** things the user should know about the result (e.g. why a saved motion's video is silent) */
  notes: string[];
  /** wall time per stage, ms */
  timings: Record<string, number>;
}

/** Runs the whole job. Same behaviour as `real3d generate`. */
export async function generate(input: GenerateInput, control: JobControl = {}): Promise<GenerateResult> {
  const o = parseGenerateOptions(input);
  const timings: Record<string, number> = {};
  const tick = (stage: string, t0: number) => (timings[stage] = (timings[stage] ?? 0) + (performance.now() - t0));

  const job = await checkJob(o); // every check before any heavy work
  throwIfAborted(control.signal);
  const head = await obtainAvatar(o, control, tick);
  throwIfAborted(control.signal);
  const t0 = performance.now();
  const motion = await driveMotion(o, job.plan, job.savedMotion, control, head.avatar.rig.angles.yaw);
  tick('motion', t0);
  throwIfAborted(control.signal);
  const { renderMs, encodeMs, ...video } = await renderVideo(o, job, head, motion, control);
  timings.render = renderMs;
  timings.encode = encodeMs;
  emit(control, { stage: 'done', done: video.frames, total: video.frames });
  return { ...video, notes: job.notes, timings };
}
