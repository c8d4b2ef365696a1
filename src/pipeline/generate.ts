// The main job: photo (or saved avatar) + driving signal -> a finished talking-portrait video.
// Stages: validate everything -> analyze -> avatar -> motion -> render frame by frame -> compose -> encode.
// Frames stream into one ffmpeg process; nothing holds the whole video in memory.
import path from 'node:path';
import { access } from 'node:fs/promises';
import { z } from 'zod';
import { GenerateOptionsSchema, type GenerateInput, type GenerateOptions, type JobControl, type ProgressEvent } from '../config.ts';
import { InputError, CancelledError } from '../errors.ts';
import type { Motion, MotionFrame, RgbaImage } from '../types.ts';
import { loadImage, createImage } from '../io/image.ts';
import { probeAudio, probeVideo, decodeVideoFrames } from '../io/media.ts';
import { cancellationCheckpoint } from '../cancel.ts';
import { VideoEncoder, containerFor } from '../io/encode.ts';
import { withAtomicFile, assertWritableOutput } from '../io/atomic.ts';
import { analyzePortrait } from '../analyze/index.ts';
import { buildAvatar, saveAvatar, loadAvatar, type Avatar } from '../avatar/build.ts';
import { createRenderer } from '../render/renderer.ts';
import { motionFromAudio } from '../motion/fromAudio.ts';
import { motionFromVideo } from '../motion/fromVideo.ts';
import { loadMotion, saveMotion } from '../motion/record.ts';
import { motionSoundtrack } from '../motion/soundtrack.ts';
import { combineMotion } from '../motion/combine.ts';
import { avatarCacheEntry } from './photoCache.ts';
import { parseHexColour, solidImage, coverResize, pasteFeathered, sideBySide, drawDots, drawSeries, assertBackgroundFits, fullFrameSize } from './layout.ts';
export { fullFrameSize } from './layout.ts';

export interface GenerateResult {
  /** path of the video written */
  output: string;
  /** frames in the video */
  frames: number;
  /** frames per second */
  fps: number;
  /** seconds of video */
  duration: number;
  /** pixels */
  width: number;
  /** pixels */
  height: number;
  /** the file whose audio is the soundtrack, or null for a silent video */
  soundtrack: string | null;
  /** things the user should know about the result (e.g. why a saved motion's video is silent) */
  notes: string[];
  /** wall time per stage, ms */
  timings: Record<string, number>;
}

/** Turns zod's complaint into one line a person can act on. */
export function parseGenerateOptions(input: GenerateInput): GenerateOptions {
  try {
    return GenerateOptionsSchema.parse(input);
  } catch (err) {
    if (err instanceof z.ZodError) {
      const issue = err.issues[0]!;
      const where = issue.path.join('.') || 'options';
      throw new InputError(`Invalid option ${where}: ${issue.message}`);
    }
    throw err;
  }
}

/** Where each part of the motion comes from, decided before any work starts. */
export interface DrivePlan {
  expressions: { kind: 'audio' | 'video' | 'motion'; file: string };
  pose: { kind: 'static' | 'auto' | 'video' | 'motion'; file?: string };
  /** audio muxed into the output, if any */
  soundtrack?: string;
}

/** --pose is a mode or a video file: a typo must not read as "cannot read the video auot". */
async function assertPoseChoice(pose: string | undefined): Promise<void> {
  if (pose === undefined || pose === 'static' || pose === 'auto') return;
  try {
    await access(pose);
  } catch {
    throw new InputError(`--pose must be static, auto or a video file that exists; got "${pose}".`);
  }
}

async function assertFileExists(file: string, what: string): Promise<void> {
  try {
    await access(file);
  } catch {
    throw new InputError(`The ${what} ${file} does not exist.`);
  }
}

/** Checks the combination of driving options; pure except for nothing: a plan or an InputError. */
export function planDrive(o: GenerateOptions): DrivePlan {
  const drivers = [o.audio && 'audio', o.video && 'video', o.motion && 'motion'].filter(Boolean);
  if (drivers.length === 0) throw new InputError('Nothing drives the portrait: give --audio (speech), --video (a talking face) or --motion (a saved motion JSON).');
  if (o.motion && o.video) throw new InputError('--motion already holds the whole animation: do not combine it with --video (give --audio to set its soundtrack).');
  if (o.motion) {
    // the motion is used as is; --audio only sets the soundtrack (else the motion's own, see generate)
    return { expressions: { kind: 'motion', file: o.motion }, pose: { kind: 'motion' }, ...(o.audio ? { soundtrack: o.audio } : {}) };
  }
  const poseIsFile = o.pose !== undefined && o.pose !== 'static' && o.pose !== 'auto';
  if (o.audio) {
    // audio drives expressions; pose from --pose VIDEO, else from --video, else static/auto
    const poseVideo = poseIsFile ? o.pose : o.video;
    const pose: DrivePlan['pose'] = poseVideo ? { kind: 'video', file: poseVideo } : { kind: o.pose === 'auto' ? 'auto' : 'static' };
    return { expressions: { kind: 'audio', file: o.audio }, pose, soundtrack: o.audio };
  }
  // video only: expressions from the video; pose from it too unless --pose says otherwise
  if (o.pose === 'auto') throw new InputError('--pose auto generates head motion from speech audio: add --audio, or leave --pose unset to follow the driving video.');
  const pose: DrivePlan['pose'] = o.pose === 'static' ? { kind: 'static' } : { kind: 'video', file: poseIsFile ? o.pose : o.video };
  return { expressions: { kind: 'video', file: o.video! }, pose, soundtrack: o.video };
}

/** Background of every frame: undefined = the avatar's inpainted plate, null = transparent. */
async function resolveBackground(bg: string, size: number): Promise<RgbaImage | null | undefined> {
  if (bg === 'inpainted') return undefined;
  if (bg === 'transparent') return null;
  const colour = parseHexColour(bg);
  if (colour) return solidImage(size, size, colour);
  if (bg.startsWith('#')) throw new InputError(`--bg ${bg} is not a colour: use #rrggbb, e.g. #203040.`);
  let img: RgbaImage;
  try {
    img = await loadImage(bg);
  } catch (err) {
    throw new InputError(`Cannot use the background image ${bg}: ${(err as Error).message}`);
  }
  return coverResize(img, size, size);
}

function emit(control: JobControl | undefined, e: ProgressEvent): void {
  control?.onProgress?.(e);
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

/** Runs the whole job. Same behaviour as `real3d generate`. */
export async function generate(input: GenerateInput, control: JobControl = {}): Promise<GenerateResult> {
  const o = parseGenerateOptions(input);
  const signal = control.signal;
  const timings: Record<string, number> = {};
  const tick = (stage: string, t0: number) => (timings[stage] = (timings[stage] ?? 0) + (performance.now() - t0));

  // ---- validate everything before any heavy work
  if (!o.image && !o.avatar) throw new InputError('Give a photo with --image (or a saved avatar with --avatar).');
  if (o.image && o.avatar) throw new InputError('Give either --image or --avatar, not both.');
  const container = containerFor(o.output);
  assertBackgroundFits(o.bg, container !== 'mp4');
  await assertWritableOutput(o.output);
  if (o.saveAvatar) await assertWritableOutput(o.saveAvatar);
  if (o.saveMotion) await assertWritableOutput(o.saveMotion);
  const plan = planDrive(o);
  await assertPoseChoice(o.pose);
  if (o.image) await assertFileExists(o.image, 'photo');
  if (o.avatar) await assertFileExists(o.avatar, 'avatar file');
  // (an audio drive is probed below as the soundtrack: it is the same file)
  if (plan.expressions.kind === 'video') await probeVideo(plan.expressions.file);
  // a saved motion is read now: a broken file fails before the slow part, and it names its soundtrack
  const savedMotion = plan.expressions.kind === 'motion' ? await loadMotion(plan.expressions.file) : undefined;
  const notes: string[] = [];
  if (plan.pose.kind === 'video' && plan.pose.file !== plan.expressions.file) await probeVideo(plan.pose.file!);
  let soundtrack = plan.soundtrack;
  let soundtrackKind = plan.expressions.kind === 'video' ? 'video' : 'audio';
  if (savedMotion && !soundtrack) {
    // the recording the motion was made from, if it is still there unchanged
    const own = await motionSoundtrack(savedMotion, plan.expressions.file);
    if (own.note) notes.push(own.note);
    soundtrack = own.file;
    soundtrackKind = savedMotion.source.kind;
  }
  // every soundtrack (the audio, the driving video, a saved motion's) is probed like any input, and
  // the encoder reads it as the container found here and nothing else (no playlists)
  let soundtrackContainer: string | undefined;
  if (soundtrack && soundtrackKind === 'audio') soundtrackContainer = (await probeAudio(soundtrack)).container;
  if (soundtrack && soundtrackKind === 'video') {
    const info = await probeVideo(soundtrack);
    soundtrackContainer = info.container;
    if (!info.hasAudio) soundtrack = undefined; // a silent driving video gives a silent result
  }
  const background = await resolveBackground(o.bg, o.size);
  if (o.crop === 'full' && o.avatar) throw new InputError('--crop full needs the original photo: use --image instead of --avatar.');
  throwIfAborted(signal);

  // ---- analyze + avatar
  let t0 = performance.now();
  let avatar: Avatar;
  let sourcePhoto: RgbaImage | undefined;
  let cropBox: { x: number; y: number; side: number } | undefined;
  let sourceCrop: RgbaImage | undefined;
  // the avatar of a photo seen before comes from the cache (head crop, final video: the others need the photo itself)
  const cached = o.image && o.cache && o.crop === 'head' && o.mode === 'final' ? await avatarCacheEntry(o.image, { face: o.face, minFaceArea: o.minFaceArea }) : undefined;
  // an entry that no longer loads (damaged) is rebuilt and overwritten
  const cachedAvatar = !o.avatar && cached?.hit ? await loadAvatar(cached.file).catch(() => undefined) : undefined;
  if (o.avatar) {
    emit(control, { stage: 'avatar', done: 0, total: 1, message: 'loading avatar' });
    avatar = await loadAvatar(o.avatar);
  } else if (cachedAvatar) {
    emit(control, { stage: 'analyze', done: 1, total: 1, message: 'photo seen before: analysis reused from the cache' });
    emit(control, { stage: 'avatar', done: 1, total: 1, message: 'avatar from the cache' });
    avatar = cachedAvatar;
    if (o.saveAvatar) await saveAvatar(avatar, o.saveAvatar);
  } else {
    sourcePhoto = await loadImage(o.image!); // analyzePortrait reports its own steps
    const portrait = await analyzePortrait(sourcePhoto, { face: o.face, minFaceArea: o.minFaceArea }, { signal, ...(control.onProgress ? { onProgress: control.onProgress } : {}) });
    tick('analyze', t0);
    throwIfAborted(signal);
    t0 = performance.now();
    emit(control, { stage: 'avatar', done: 0, total: 1, message: 'building the 3D avatar' });
    avatar = buildAvatar(portrait);
    cropBox = portrait.analysis.crop;
    sourceCrop = portrait.image;
    if (o.saveAvatar) await saveAvatar(avatar, o.saveAvatar);
    if (cached) await saveAvatar(avatar, cached.file).catch(() => {}); // best effort: a full disk must not fail the video
  }
  tick('avatar', t0);
  throwIfAborted(signal);

  // ---- motion
  t0 = performance.now();
  emit(control, { stage: 'motion', done: 0, total: 1, message: `reading the ${plan.expressions.kind}` });
  const audioOpts = { fps: o.fps, pose: plan.pose.kind === 'auto' ? ('auto' as const) : ('static' as const), blink: o.blink, mouthAmp: o.mouthAmp, temperature: o.temperature, seed: o.seed };
  let motion: Motion;
  const motionControl = { signal, ...(control.onProgress ? { onProgress: control.onProgress } : {}) };
  if (savedMotion) {
    motion = savedMotion;
  } else if (plan.expressions.kind === 'audio') {
    motion = await motionFromAudio(plan.expressions.file, audioOpts, motionControl);
  } else {
    motion = await motionFromVideo(plan.expressions.file, { fps: o.fps, mapToInitPose: o.mapToInitPose }, motionControl);
  }
  if (plan.pose.kind === 'video' && plan.pose.file !== plan.expressions.file) {
    const poseMotion = await motionFromVideo(plan.pose.file!, { fps: o.fps, mapToInitPose: o.mapToInitPose }, motionControl);
    motion = combineMotion(motion, poseMotion);
  } else if (plan.pose.kind === 'static' && plan.expressions.kind === 'video') {
    motion = { ...motion, frames: motion.frames.map((f) => ({ ...f, pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } })) };
  }
  if (o.saveMotion) await saveMotion(motion, o.saveMotion);
  tick('motion', t0);
  throwIfAborted(signal);
  if (motion.frames.length === 0) throw new InputError('The driving input is shorter than one video frame: give a longer audio or video.');

  // ---- render + encode, streaming
  const fps = motion.fps;
  const total = motion.frames.length;
  const duration = total / fps;
  const renderSize = o.size;
  const renderer = createRenderer(avatar, { width: renderSize, height: renderSize });
  const full = o.crop === 'full' && sourcePhoto && cropBox ? fullFrameCanvas(sourcePhoto, o.size) : undefined;
  const debug = o.mode === 'debug';
  const outW = full ? full.width : debug ? renderSize * 4 : renderSize;
  const outH = full ? full.height : renderSize;
  const outFrame = full || debug ? createImage(outW, outH) : undefined;
  const drivingFrames = debug && plan.expressions.kind === 'video' ? decodeVideoFrames(plan.expressions.file, { fps, maxSide: renderSize, signal }) : undefined;
  const jawSeries = debug ? Float32Array.from(motion.frames, (f) => f.w.jawOpen ?? 0) : undefined;

  const result = await withAtomicFile(o.output, async (tmp) => {
    const encoder = new VideoEncoder({ output: tmp, container, width: outW, height: outH, fps, audio: soundtrack, audioContainer: soundtrackContainer, duration, alpha: background === null, signal });
    let renderMs = 0;
    let encodeMs = 0;
    const started = performance.now();
    try {
      // the checkpoint yields to the event loop every 100 ms so Ctrl-C and a server DELETE are seen
      const checkpoint = cancellationCheckpoint(signal);
      for (let i = 0; i < total; i++) {
        await checkpoint();
        let t = performance.now();
        const frame: MotionFrame = motion.frames[i]!;
        let image = renderer.render(frame, { background });
        if (full && outFrame) {
          outFrame.data.set(full.data);
          pasteFeathered(outFrame, image, cropBox!.x * full.scale, cropBox!.y * full.scale, cropBox!.side * full.scale, Math.max(4, cropBox!.side * full.scale * 0.06));
          image = outFrame;
        } else if (debug && outFrame) {
          const driver = drivingFrames ? (await drivingFrames.next()).value : undefined;
          image = debugFrame(outFrame, { source: sourceCrop, result: image, landmarks: renderer.landmarks(frame), driver: driver || undefined, jaw: jawSeries!, index: i });
        }
        renderMs += performance.now() - t;
        t = performance.now();
        await encoder.write(image);
        encodeMs += performance.now() - t;
        if (i % 5 === 4 || i === total - 1) {
          const elapsed = (performance.now() - started) / 1000;
          const rate = (i + 1) / elapsed;
          emit(control, { stage: 'render', done: i + 1, total, fps: rate, eta: (total - i - 1) / rate });
        }
      }
      const t = performance.now();
      emit(control, { stage: 'encode', done: total, total, message: 'finishing the file' });
      await encoder.finish();
      encodeMs += performance.now() - t;
    } catch (err) {
      encoder.kill();
      throw err;
    } finally {
      await drivingFrames?.return(undefined);
    }
    timings.render = renderMs;
    timings.encode = encodeMs;
    return { output: path.resolve(o.output), frames: total, fps, duration, width: outW, height: outH, soundtrack: soundtrack ? path.resolve(soundtrack) : null, notes, timings };
  });
  emit(control, { stage: 'done', done: total, total });
  return result;
}

function fullFrameCanvas(photo: RgbaImage, longSide: number): RgbaImage & { scale: number } {
  const { width, height } = fullFrameSize(photo.width, photo.height, longSide);
  // the aspect is kept up to rounding, so cover-resize only trims a pixel at most
  const canvas = coverResize(photo, width, height);
  return Object.assign(canvas, { scale: width / photo.width });
}

/** Debug layout: source | result with landmarks | driving signal | result. */
function debugFrame(out: RgbaImage, p: { source?: RgbaImage; result: RgbaImage; landmarks: [number, number, number][]; driver?: RgbaImage; jaw: Float32Array; index: number }): RgbaImage {
  const size = p.result.width;
  const withMarks = { width: size, height: size, data: new Uint8ClampedArray(p.result.data) };
  drawDots(withMarks, p.landmarks, [40, 255, 120], 1);
  let driverPanel: RgbaImage;
  if (p.driver) driverPanel = coverResize(p.driver, size, size); // keep the driver's aspect
  else {
    driverPanel = solidImage(size, size, [24, 24, 32]);
    drawSeries(driverPanel, p.jaw, p.index, [255, 170, 60]);
  }
  const source = p.source ?? solidImage(size, size, [0, 0, 0]);
  // the renderer's buffer is read here before the next frame overwrites it, so no copy is needed
  sideBySide([source, withMarks, driverPanel, p.result], out);
  return out;
}
