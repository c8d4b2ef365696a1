// Job records of `real3d serve` and their persistence: one folder per job under <data>/jobs/<id>/
// holding job.json (the record), the validated uploads and the result. Records are written
// atomically so a crash never leaves a half-written job.json.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ProgressEvent } from '../config.ts';
import { diskStorage, type ServerStorage } from './storage.ts';

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export const FINISHED_STATES: ReadonlySet<JobState> = new Set(['done', 'failed', 'cancelled']);

export type UploadField = 'photo' | 'audio' | 'video' | 'background';

/** One validated upload, stored in the job folder under a name chosen by the server. */
export interface JobFile {
  /** file name inside the job folder (never the client's name) */
  name: string;
  bytes: number;
  sha256: string;
  /** what decoding found: width/height for images, duration for media, format */
  info: Record<string, string | number | boolean>;
}

/** Options of a job as the client may set them (no paths: those are the server's). */
export interface JobOptions {
  pose: 'static' | 'auto' | 'video';
  blink: 'none' | 'periodic' | 'natural';
  mouthAmp: number;
  temperature: number;
  seed: number;
  /** inpainted | transparent | #rrggbb | image (the uploaded background) */
  bg: string;
  size: number;
  fps: number;
  crop: 'head' | 'full';
  mode: 'final' | 'debug';
  mapToInitPose: boolean;
  /** seconds; 0 = follow the driver's camera (config.ts Option.steadyCamera) */
  steadyCamera: number;
  face: number;
}

export interface JobProgress {
  stage: ProgressEvent['stage'] | 'queued';
  done: number;
  total: number;
  /** whole-job completion 0..1, never decreasing */
  fraction: number;
  fps?: number;
  eta?: number;
  message?: string;
}

export interface JobResult {
  name: string;
  bytes: number;
  contentType: string;
  frames: number;
  duration: number;
}

export interface JobRecord {
  version: 1;
  id: string;
  state: JobState;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** starts of the job not ended by the job itself (crash, restart); bounded by the queue */
  attempts: number;
  options: JobOptions;
  files: Partial<Record<UploadField, JobFile>> & { photo: JobFile };
  progress: JobProgress;
  error?: string;
  result?: JobResult;
  /** how the 3D avatar was obtained: built from the photo and cached, or reused from the cache */
  avatar?: 'built' | 'cached';
  /** why the server touched the job outside its normal run (re-queued after a restart, ...) */
  note?: string;
  /** distributed mode: host:pid of the worker process that ran (or runs) the job */
  worker?: string;
}

/** 128 random bits, url-safe: ids cannot be guessed or enumerated. */
export function newJobId(): string {
  return randomBytes(16).toString('base64url');
}

const JOB_ID = /^[A-Za-z0-9_-]{22}$/;

/** True for strings newJobId can produce; anything else never reaches the file system. */
export function isJobId(id: string): boolean {
  return JOB_ID.test(id);
}

/** Stage weights of the overall fraction: rendering dominates a job's time. */
const STAGE_SPAN: Record<ProgressEvent['stage'], [number, number]> = {
  analyze: [0, 0.05],
  avatar: [0.05, 0.15],
  motion: [0.15, 0.2],
  render: [0.2, 0.95],
  encode: [0.95, 1],
  done: [1, 1],
};

/** Maps a pipeline progress event to the job's progress (fraction never goes back). */
export function progressFromEvent(prev: JobProgress, e: ProgressEvent): JobProgress {
  const [from, to] = STAGE_SPAN[e.stage] ?? [prev.fraction, prev.fraction];
  const within = e.total > 0 ? Math.min(1, Math.max(0, e.done / e.total)) : 0;
  const fraction = Math.max(prev.fraction, from + (to - from) * within);
  const next: JobProgress = { stage: e.stage, done: e.done, total: e.total, fraction: Math.round(fraction * 1000) / 1000 };
  if (e.fps !== undefined) next.fps = Math.round(e.fps * 10) / 10;
  if (e.eta !== undefined) next.eta = Math.round(e.eta * 10) / 10;
  if (e.message) next.message = e.message;
  return next;
}

/** Ends a job's record in a final state (its time, and the reason when there is one). */
export function markFinished(job: JobRecord, state: 'done' | 'failed' | 'cancelled', error?: string): void {
  job.state = state;
  job.finishedAt = new Date().toISOString();
  if (error !== undefined) job.error = error;
}

/** Starts a job's record on a run (its time, one more attempt, progress back at the start). */
export function markRunning(job: JobRecord): void {
  job.state = 'running';
  job.startedAt = new Date().toISOString();
  job.attempts++;
  job.progress = { stage: 'analyze', done: 0, total: 0, fraction: 0 };
}

/**
 * Calls onTimeout once the run has lasted maxJobSeconds; returns the timer to clear when the run
 * ends. No timer for 0 (no limit) or beyond setTimeout's range (24.8 days, which is no limit).
 */
export function startJobClock(maxJobSeconds: number, onTimeout: () => void): NodeJS.Timeout | undefined {
  const limitMs = maxJobSeconds * 1000;
  return limitMs > 0 && limitMs < 2 ** 31 ? setTimeout(onTimeout, limitMs) : undefined;
}

/** The reason shown for a job stopped at the time limit; `where` is "server" or "worker". */
export function timeLimitMessage(maxJobSeconds: number, where: 'server' | 'worker'): string {
  const limit = maxJobSeconds >= 120 ? `${Math.round(maxJobSeconds / 60)} min` : `${maxJobSeconds} s`;
  return `Stopped: the job ran longer than this ${where}'s limit of ${limit} (--max-job-minutes). Submit a shorter audio, a smaller size or a lower fps.`;
}

/** A gate that opens at most once every `ms` (progress saves and publishes between stage changes). */
export function everyMs(ms: number): () => boolean {
  let last = 0;
  return () => {
    const now = Date.now();
    if (now - last < ms) return false;
    last = now;
    return true;
  };
}

/** The reason shown for a job the user cancelled. */
export const CANCELLED_BY_USER = 'Cancelled by the user.';

export function queuedProgress(): JobProgress {
  return { stage: 'queued', done: 0, total: 0, fraction: 0 };
}

/** Persists job records under <data>/jobs. Writes of one job are serialised. */
export class JobStore {
  readonly jobsDir: string;
  private readonly writes = new Map<string, Promise<void>>();

  constructor(
    readonly dataDir: string,
    private readonly storage: Pick<ServerStorage, 'writeFileAtomic'> = diskStorage,
  ) {
    this.jobsDir = path.join(dataDir, 'jobs');
  }

  async init(): Promise<void> {
    await mkdir(this.jobsDir, { recursive: true });
  }

  dirOf(id: string): string {
    if (!isJobId(id)) throw new Error(`invalid job id ${JSON.stringify(id)}`);
    return path.join(this.jobsDir, id);
  }

  fileOf(id: string, name: string): string {
    // names come from the server (photo.jpg, result.mp4...), checked anyway
    if (!/^[a-z]+(\.[a-z0-9]+)?$/.test(name)) throw new Error(`invalid job file name ${JSON.stringify(name)}`);
    return path.join(this.dirOf(id), name);
  }

  /** Writes job.json atomically; concurrent saves of one job land in call order. */
  save(job: JobRecord): Promise<void> {
    const snapshot = JSON.stringify(job, null, 1);
    const file = path.join(this.dirOf(job.id), 'job.json');
    const prev = this.writes.get(job.id) ?? Promise.resolve();
    const next = prev.then(() => this.storage.writeFileAtomic(file, snapshot)).catch((err: NodeJS.ErrnoException) => {
      // the job folder was removed (cancel/cleanup) while a write was pending: nothing to keep
      if (err?.code !== 'ENOENT' && !String(err?.message).includes('does not exist')) throw err;
    });
    const tracked = next.finally(() => {
      if (this.writes.get(job.id) === tracked) this.writes.delete(job.id);
    });
    this.writes.set(job.id, tracked);
    return tracked;
  }

  /** Removes the half-written files (`.result.<hex>.tmp.mp4`...) a crashed or killed render left in a job folder. */
  removeTemporaries(id: string): Promise<number> {
    return removeTemporariesIn(this.dirOf(id));
  }

  /** Removes a job's folder (uploads, result, record). */
  async remove(id: string): Promise<void> {
    await (this.writes.get(id) ?? Promise.resolve()).catch(() => {});
    await rm(this.dirOf(id), { recursive: true, force: true });
  }

  /**
   * Loads every readable job record; unreadable records are reported, not silently dropped.
   * Folders without job.json are uploads a stopped server never accepted (no 202 was sent): removed.
   */
  async loadAll(): Promise<{ jobs: JobRecord[]; broken: { id: string; reason: string }[]; partial: number }> {
    const jobs: JobRecord[] = [];
    const broken: { id: string; reason: string }[] = [];
    let partial = 0;
    for (const entry of await readdir(this.jobsDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || !isJobId(entry.name)) continue;
      // nothing runs yet: any temporary file is what a crash left behind
      await removeTemporariesIn(path.join(this.jobsDir, entry.name));
      let text: string;
      try {
        text = await readFile(path.join(this.jobsDir, entry.name, 'job.json'), 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
          broken.push({ id: entry.name, reason: (err as Error).message });
          continue;
        }
        await rm(path.join(this.jobsDir, entry.name), { recursive: true, force: true });
        partial++;
        continue;
      }
      try {
        const job = JSON.parse(text) as JobRecord;
        if (job.version !== 1 || job.id !== entry.name || !job.files?.photo) throw new Error('not a real3d job record');
        jobs.push(job);
      } catch (err) {
        broken.push({ id: entry.name, reason: (err as Error).message });
      }
    }
    jobs.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return { jobs, broken, partial };
  }
}

/** Names of temporarySibling() (src/io/atomic.ts): `.<name>.<8 hex>.tmp<.ext>`. */
const TEMPORARY_NAME = /^\..+\.[0-9a-f]{8}\.tmp(\.[A-Za-z0-9]+)?$/;

/** Removes the temporary files of atomic writes left in `dir` (not recursive); returns how many. */
export async function removeTemporariesIn(dir: string): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const temporary = names.filter((n) => TEMPORARY_NAME.test(n));
  await Promise.all(temporary.map((n) => rm(path.join(dir, n), { recursive: true, force: true })));
  return temporary.length;
}
