// Stage 0 of the job: every option and input checked before any heavy work, so a typo or a broken
// file fails in a second with one line, not after minutes of analysis.
import { access } from 'node:fs/promises';
import { z } from 'zod';
import { GenerateOptionsSchema, type GenerateInput, type GenerateOptions } from '../config.ts';
import { InputError } from '../errors.ts';
import type { Motion, RgbaImage } from '../types.ts';
import { loadImage } from '../io/image.ts';
import { probeAudio, probeVideo } from '../io/media.ts';
import { containerFor } from '../io/encode.ts';
import { assertWritableOutput } from '../io/atomic.ts';
import { loadMotion } from '../motion/record.ts';
import { motionSoundtrack } from '../motion/soundtrack.ts';
import { parseHexColour, solidImage, coverResize, assertBackgroundFits } from './layout.ts';

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
  /** what the user should know about how the inputs were combined */
  note?: string;
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
    // the motion is used as is; --audio only sets the soundtrack (else the motion's own, see checkJob)
    return { expressions: { kind: 'motion', file: o.motion }, pose: { kind: 'motion' }, ...(o.audio ? { soundtrack: o.audio } : {}) };
  }
  const poseIsFile = o.pose !== undefined && o.pose !== 'static' && o.pose !== 'auto';
  if (o.audio) {
    // audio drives expressions; pose from --pose VIDEO, else from --video, else auto unless --pose static
    const poseVideo = poseIsFile ? o.pose : o.video;
    const pose: DrivePlan['pose'] = poseVideo ? { kind: 'video', file: poseVideo } : { kind: o.pose === 'static' ? 'static' : 'auto' };
    // both given: the reference's drv_aud + drv_pose; a user may have expected the video's face with new sound
    const note = o.video ? `the face follows --audio; --video ${o.video} gives only the head pose. For that video's expressions with this sound: real3d motion --video ${o.video} -o m.json, then generate --motion m.json --audio ${o.audio}` : undefined;
    return { expressions: { kind: 'audio', file: o.audio }, pose, soundtrack: o.audio, ...(note ? { note } : {}) };
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

/** Everything the later stages need that the checks found out. */
export interface CheckedJob {
  plan: DrivePlan;
  container: ReturnType<typeof containerFor>;
  /** a --motion file, read already */
  savedMotion?: Motion;
  /** the file whose sound goes into the video, and the container ffmpeg must read it as */
  soundtrack?: string;
  soundtrackContainer?: string;
  /** undefined = the avatar's inpainted plate, null = transparent */
  background: RgbaImage | null | undefined;
  notes: string[];
}

/** Validates every option and input file; throws InputError with one actionable line. */
export async function checkJob(o: GenerateOptions): Promise<CheckedJob> {
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
  const notes: string[] = plan.note ? [plan.note] : [];
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
  return { plan, container, savedMotion, soundtrack, soundtrackContainer, background, notes };
}
