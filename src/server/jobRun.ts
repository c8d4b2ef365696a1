// Running one stored job, shared by the local queue (queue.ts) and the Redis workers
// (distributed/worker.ts): the generate input built from the job folder (server-chosen paths only,
// the avatar cache when possible), the run itself with one rebuild of an unreadable cached avatar,
// the result record, and the error text a client may see.
import { mkdir, stat, utimes, rm } from 'node:fs/promises';
import path from 'node:path';
import { Option, type GenerateInput, type JobControl } from '../config.ts';
import { avatarCacheKey } from '../pipeline/photoCache.ts';
import { CancelledError, FileFormatError, Real3dError } from '../errors.ts';
import type { JobRecord, JobResult, JobStore } from './jobs.ts';

/** What the queue needs back from a run (a subset of GenerateResult). */
export interface RunResult {
  output: string;
  frames: number;
  duration: number;
}

/** Runs one generate job; the signature of generate() in src/pipeline/generate.ts. */
export type JobRunner = (input: GenerateInput, control?: JobControl) => Promise<RunResult>;

export interface JobRunContext {
  store: JobStore;
  runner: JobRunner;
  /** cache avatars by photo content hash under <data>/avatars (shared by every process using the store) */
  avatarCache: boolean;
}

export function avatarsDirOf(store: JobStore): string {
  return path.join(store.dataDir, 'avatars');
}

/** Runs the job's generate and returns its result record; throws what the run threw. */
export async function runStoredJob(ctx: JobRunContext, job: JobRecord, control: JobControl): Promise<JobResult> {
  const { input, avatarFile } = await jobInput(ctx, job);
  let result: RunResult;
  try {
    result = await ctx.runner(input, control);
  } catch (err) {
    // a cached avatar that no longer loads (format change, corrupt): rebuild it from the photo once
    const avatarUnreadable = err instanceof FileFormatError || (err instanceof Error && !!avatarFile && err.message.includes(avatarFile));
    if (avatarFile && input.avatar && avatarUnreadable && !control.signal?.aborted) {
      await rm(avatarFile, { recursive: true, force: true });
      const retry = await jobInput(ctx, job);
      result = await ctx.runner(retry.input, control);
    } else throw err;
  }
  if (control.signal?.aborted) throw new CancelledError();
  const resultName = path.basename(input.output);
  const s = await stat(ctx.store.fileOf(job.id, resultName));
  return {
    name: resultName,
    bytes: s.size,
    contentType: resultName.endsWith('.webm') ? 'video/webm' : 'video/mp4',
    frames: result.frames,
    duration: result.duration,
  };
}

/** The error as the client should see it: user-facing text, no server paths. */
export function publicMessage(store: JobStore, job: JobRecord, err: unknown): string {
  const raw = err instanceof Real3dError ? err.message : `Internal error while generating: ${(err as Error)?.message ?? String(err)}`;
  const dir = store.dirOf(job.id);
  let msg = raw;
  for (const [field, f] of Object.entries(job.files)) {
    if (f) msg = msg.split(path.join(dir, f.name)).join(`the uploaded ${field}`);
  }
  // stages that name files by their base name
  for (const [field, f] of Object.entries(job.files)) {
    if (f) msg = msg.split(f.name).join(`the uploaded ${field}`);
  }
  return msg.split(store.dataDir).join('<data>');
}

/** The generate input of a job: server-chosen paths only; the avatar cache when possible. */
async function jobInput(ctx: JobRunContext, job: JobRecord): Promise<{ input: GenerateInput & { output: string }; avatarFile?: string }> {
  const file = (name: string) => ctx.store.fileOf(job.id, name);
  const o = job.options;
  const transparent = o.bg === 'transparent';
  const input: GenerateInput & { output: string } = {
    output: file(transparent ? 'result.webm' : 'result.mp4'),
    blink: o.blink,
    mouthAmp: o.mouthAmp,
    temperature: o.temperature,
    seed: o.seed,
    size: o.size,
    fps: o.fps,
    crop: o.crop,
    mode: o.mode,
    mapToInitPose: o.mapToInitPose,
    steadyCamera: o.steadyCamera,
    face: o.face,
    // the server keeps its own avatar cache in its store (below), not in the user's cache folder
    cache: false,
    bg: o.bg === 'image' && job.files.background ? file(job.files.background.name) : o.bg,
    pose: o.pose === 'video' && job.files.video ? file(job.files.video.name) : o.pose === 'video' ? 'static' : o.pose,
  };
  if (job.files.audio) input.audio = file(job.files.audio.name);
  if (job.files.video) input.video = file(job.files.video.name);
  let avatarFile: string | undefined;
  // a saved avatar has no source photo: full-frame crop and the debug view need the photo itself
  if (ctx.avatarCache && o.crop === 'head' && o.mode === 'final') {
    // the same key as generate's own cache: photo, analysis options and the avatar code's version
    const key = await avatarCacheKey(job.files.photo.sha256, { face: o.face, minFaceArea: Option.minFaceArea.parse(undefined) });
    const avatarsDir = avatarsDirOf(ctx.store);
    avatarFile = path.join(avatarsDir, `${key}.avatar`);
    const cached = await stat(avatarFile).then(
      () => true,
      () => false,
    );
    if (cached) {
      input.avatar = avatarFile;
      job.avatar = 'cached';
      // the time to live of a cached avatar counts from its last use
      await utimes(avatarFile, new Date(), new Date()).catch(() => {});
    } else {
      job.avatar = 'built';
      input.image = file(job.files.photo.name);
      await mkdir(avatarsDir, { recursive: true });
      input.saveAvatar = avatarFile;
    }
  } else {
    input.image = file(job.files.photo.name);
  }
  return { input, avatarFile };
}
