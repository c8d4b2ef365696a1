// Audio -> Motion: the trained mouth model on streamed audio features, co-articulation and silence
// handling, then seeded blinks, gaze and (optionally) head motion from the speech rhythm.
import { AudioMotionOptionsSchema, type AudioMotionOptions, type JobControl } from '../config.ts';
import { AudioError, CancelledError, InputError } from '../errors.ts';
import type { Motion, MotionFrame } from '../types.ts';
import { audioFrameFeatures, frameCountFor, measureLevels } from './audioFeatures.ts';
import { jawFromF1, loadMouthModel, postprocessMouth, predictMouth } from './mouthModel.ts';
import { cancellationCheckpoint } from '../cancel.ts';
import { blinkCurve, browMotion, gazeCurve, headMotion, phraseEnds } from './generators.ts';

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
  const levels = await measureLevels(audioFile, signal);
  const n = frameCountFor(levels.samples, o.fps);
  if (levels.samples === 0) throw new AudioError(`${audioFile} contains no audio samples. Give a speech recording.`);
  if (n < 1) throw new AudioError(`${audioFile} is too short (${(levels.samples / 16000).toFixed(3)} s): it must last at least one frame (${(1 / o.fps).toFixed(3)} s at ${o.fps} fps).`);
  const model = loadMouthModel();
  const T = model.targets.length;
  const raw = model.targets.map(() => new Float64Array(n));
  const speech = new Float64Array(n);
  const energy = new Float64Array(n);
  const f1 = new Float64Array(n);
  const f1Hz = new Float64Array(n);
  const pred = new Float64Array(T);
  const t0 = Date.now();
  const checkpoint = cancellationCheckpoint(signal);
  for await (const f of audioFrameFeatures(audioFile, o.fps, levels, signal)) {
    await checkpoint();
    predictMouth(model, f.x, pred);
    for (let t = 0; t < T; t++) raw[t]![f.index] = pred[t]!;
    speech[f.index] = levels.silent ? 0 : f.speech;
    energy[f.index] = levels.silent ? -8 : f.energy;
    f1[f.index] = levels.silent ? -8 : f.f1;
    f1Hz[f.index] = f.f1Hz;
    if (onProgress && (f.index % 250 === 0 || f.index === n - 1)) {
      const fps = ((f.index + 1) * 1000) / Math.max(1, Date.now() - t0);
      onProgress({ stage: 'motion', done: f.index + 1, total: n, fps, eta: (n - f.index - 1) / fps, message: 'audio to motion' });
    }
  }
  const mouth = postprocessMouth(raw, speech, o.fps, o.mouthAmp, model.gain);
  // jawOpen from the physical F1-loudness mapping: it generalises better than the ridge's (README)
  const jawIndex = model.targets.indexOf('jawOpen');
  if (jawIndex >= 0) mouth[jawIndex] = jawFromF1(f1, f1Hz, speech, o.fps, o.mouthAmp);
  // eyes and brows of a speaker: blinks at phrase ends, fixations, saccades and look-aways, brow raises on stresses
  const blink = blinkCurve(n, o.fps, o.blink, o.seed, o.temperature, phraseEnds(energy, o.fps));
  const [gx, gy] = gazeCurve(n, o.fps, o.seed, o.temperature, energy);
  const brows = browMotion(energy, o.fps, o.seed, o.temperature);
  const head = o.pose === 'auto' ? headMotion(energy, o.fps, o.seed, o.temperature) : null;
  const frames: MotionFrame[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const w: Record<string, number> = {};
    for (let t = 0; t < T; t++) w[model.targets[t]!] = mouth[t]![i]!;
    const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
    w.browInnerUp = r4(brows.innerUp[i]!);
    w.browOuterUpLeft = w.browOuterUpRight = r4(brows.outerUp[i]!);
    w.browDownLeft = w.browDownRight = r4(brows.down[i]!);
    frames[i] = {
      w,
      pose: { yaw: head ? head.yaw[i]! : 0, pitch: head ? head.pitch[i]! : 0, roll: head ? head.roll[i]! : 0, tx: 0, ty: 0, tz: 0 },
      gaze: [gx[i]!, gy[i]!],
      blink: blink[i]!,
    };
  }
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
