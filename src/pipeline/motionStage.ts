// Stage 3 of the job: the motion (expressions + head pose per frame) from audio, a video or a saved file.
import type { GenerateOptions, JobControl } from '../config.ts';
import { InputError } from '../errors.ts';
import type { Motion } from '../types.ts';
import { motionFromAudio } from '../motion/fromAudio.ts';
import { motionFromVideo } from '../motion/fromVideo.ts';
import { saveMotion } from '../motion/record.ts';
import { combineMotion } from '../motion/combine.ts';
import { limitOutwardTurn } from '../motion/turnRoom.ts';
import { emit } from './progress.ts';
import type { DrivePlan } from './plan.ts';

const STILL_POSE = { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 };

/**
 * Reads the driving signal as the plan says; a second video may supply the head pose. `photoYaw`: the
 * photo's own yaw, so the generated (audio) turn does not take a turned photo further (turnRoom.ts).
 */
export async function driveMotion(o: GenerateOptions, plan: DrivePlan, savedMotion: Motion | undefined, control: JobControl, photoYaw = 0): Promise<Motion> {
  emit(control, { stage: 'motion', done: 0, total: 1, message: `reading the ${plan.expressions.kind}` });
  const motionControl = { signal: control.signal, ...(control.onProgress ? { onProgress: control.onProgress } : {}) };
  const videoOpts = { fps: o.fps, mapToInitPose: o.mapToInitPose, steadyCamera: o.steadyCamera };
  let motion: Motion;
  if (savedMotion) {
    motion = savedMotion;
  } else if (plan.expressions.kind === 'audio') {
    const audioOpts = { fps: o.fps, pose: plan.pose.kind === 'auto' ? ('auto' as const) : ('static' as const), blink: o.blink, mouthAmp: o.mouthAmp, temperature: o.temperature, seed: o.seed };
    motion = await motionFromAudio(plan.expressions.file, audioOpts, motionControl);
    if (audioOpts.pose === 'auto') motion = { ...motion, frames: limitOutwardTurn(motion.frames, photoYaw) };
  } else {
    motion = await motionFromVideo(plan.expressions.file, videoOpts, motionControl);
  }
  if (plan.pose.kind === 'video' && plan.pose.file !== plan.expressions.file) {
    motion = combineMotion(motion, await motionFromVideo(plan.pose.file!, videoOpts, motionControl));
  } else if (plan.pose.kind === 'static' && plan.expressions.kind === 'video') {
    motion = { ...motion, frames: motion.frames.map((f) => ({ ...f, pose: { ...STILL_POSE } })) };
  }
  if (o.saveMotion) await saveMotion(motion, o.saveMotion);
  if (motion.frames.length === 0) throw new InputError('The driving input is shorter than one video frame: give a longer audio or video.');
  return motion;
}
