// Audio -> Motion: the learned lip model (lipModel.ts) on the file's normalised log-mel, its
// silence gate and mouthAmp scaling, then seeded blinks, gaze and (optionally) head motion from
// the speech rhythm.
import { AudioMotionOptionsSchema, type AudioMotionOptions, type JobControl } from '../config.ts';
import { AudioError, CancelledError, InputError } from '../errors.ts';
import type { Motion, MotionFrame } from '../types.ts';
import { ACTIVITY_GATE, contextVector, lipAudio, LIP_FRAME_DIM } from './lipFeatures.ts';
import { loadLipModel } from './lipModel.ts';
import { audioMouthCurves, audioRestGaps } from './audioMouth.ts';
import { cancellationCheckpoint } from '../cancel.ts';
import { blinkCurve, browMotion, contentSeed, gazeCurve, lidFollowingGaze, phraseEnds } from './generators.ts';
import { headMotion } from './headMotion.ts';
import { MOUTH_ON_PHOTO } from '../rig/mouthBase.ts';
import { REST_LIP_GAP } from '../render/mouth/opening.ts';
import { markSpeech } from './speechMarks.ts';

function parseOptions(opts: Partial<AudioMotionOptions>): AudioMotionOptions {
  const r = AudioMotionOptionsSchema.safeParse(opts);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new InputError(`Invalid motion option ${i.path.join('.') || ''}: ${i.message}`);
  }
  return r.data;
}

/** Motion from speech (or singing) audio in any format ffmpeg reads. */
export async function motionFromAudio(audioFile: string, opts: Partial<AudioMotionOptions> = {}, control: JobControl = {}): Promise<Motion> {
  const o = parseOptions(opts);
  const { signal, onProgress } = control;
  const model = loadLipModel();
  const audio = await lipAudio(audioFile, signal);
  const n = Math.round((audio.samples / 16000) * o.fps);
  if (audio.samples === 0) throw new AudioError(`${audioFile} contains no audio samples. Give a speech recording.`);
  if (n < 1) throw new AudioError(`${audioFile} is too short (${(audio.samples / 16000).toFixed(3)} s): it must last at least one frame (${(1 / o.fps).toFixed(3)} s at ${o.fps} fps).`);
  const T = model.targets.length;
  const speech = new Float64Array(n);
  const energy = new Float64Array(n);
  const here = new Float32Array(LIP_FRAME_DIM);
  const t0 = Date.now();
  const checkpoint = cancellationCheckpoint(signal);
  for (let i = 0; i < n; i++) {
    await checkpoint();
    contextVector(audio, i / o.fps, [0], here);
    energy[i] = here[0]!;
    speech[i] = audio.silent ? 0 : Math.max(0, Math.min(1, (here[0]! + ACTIVITY_GATE) / 1.5));
    if (onProgress && (i % 250 === 0 || i === n - 1)) {
      const fps = ((i + 1) * 1000) / Math.max(1, Date.now() - t0);
      onProgress({ stage: 'motion', done: i + 1, total: n, fps, eta: (n - i - 1) / fps, message: 'audio to motion' });
    }
  }
  const mouth = audioMouthCurves(model, audio, o.fps, n, {}, o.mouthAmp, speech, energy);
  const rest = audioRestGaps(audio, o.fps, n, {}, speech);
  // eyes and brows of a speaker: blinks at phrase ends, fixations, saccades and look-aways, brow raises on stresses
  // blinks and look-aways are seeded by the clip too, so clips with one seed do not share their timing
  const clipSeed = contentSeed(o.seed, energy);
  const blink = blinkCurve(n, o.fps, o.blink, clipSeed, o.temperature, phraseEnds(energy, o.fps), energy);
  const [gx, gy] = gazeCurve(n, o.fps, clipSeed, o.temperature, energy);
  const brows = browMotion(energy, o.fps, o.seed, o.temperature);
  const head = o.pose === 'auto' ? headMotion(energy, o.fps, o.seed, o.temperature) : null;
  const frames: MotionFrame[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const w: Record<string, number> = {};
    for (let t = 0; t < T; t++) w[model.targets[t]!] = mouth[t]![i]!;
    // the lip shapes are changes from the speaker's rest: on the photo's own mouth (rig/mouthBase.ts)
    w[MOUTH_ON_PHOTO] = 1;
    const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
    // in pauses the lips rest at the photo's own gap, up to a slit (lipRest.ts; the renderer caps it at the photo's)
    if (rest[i]! > 0) w[REST_LIP_GAP] = r4(rest[i]!);
    w.browInnerUp = r4(brows.innerUp[i]!);
    w.browOuterUpLeft = w.browOuterUpRight = r4(brows.outerUp[i]!);
    w.browDownLeft = w.browDownRight = r4(brows.down[i]!);
    frames[i] = {
      w,
      pose: { yaw: head ? head.yaw[i]! : 0, pitch: head ? head.pitch[i]! : 0, roll: head ? head.roll[i]! : 0, tx: 0, ty: 0, tz: 0 },
      gaze: [gx[i]!, gy[i]!],
      // looking down, the upper lid comes down with the eye (audio mode only: a driver's lids already
      // do; not with blinks 'none', which keeps the lids still)
      blink: o.blink === 'none' ? blink[i]! : Math.max(blink[i]!, lidFollowingGaze(gy[i]!)),
    };
  }
  // the frames in speech, where a parted photo's own mouth is rebuilt (speechMarks.ts)
  markSpeech(frames);
  return {
    version: 1,
    fps: o.fps,
    frameCount: n,
    source: { kind: 'audio', file: audioFile },
    options: { ...o },
    seed: o.seed,
    relativePose: true,
    frames,
  };
}
