// The job queue of `real3d serve`: a fixed number of workers take jobs in submission order and run
// them through an injected runner (the real generate, or a fake in tests). Every state change is
// persisted, so jobs survive a restart: queued ones are re-queued, interrupted ones re-queued a
// bounded number of times and otherwise marked failed with the reason.
import { EventEmitter } from 'node:events';
import type { JobControl } from '../config.ts';
import { CancelledError, Real3dError } from '../errors.ts';
import { CANCELLED_BY_USER, FINISHED_STATES, JobStore, everyMs, markFinished, markRunning, removeTemporariesIn, progressFromEvent, queuedProgress, startJobClock, timeLimitMessage, type JobRecord } from './jobs.ts';
import { avatarsDirOf, publicMessage, runStoredJob, type JobRunContext, type JobRunner } from './jobRun.ts';
import { sweepExpired } from './retention.ts';

export type { RunResult, JobRunner } from './jobRun.ts';

export interface QueueOptions {
  workers: number;
  /** most jobs waiting (not running) before submit refuses with QueueFullError */
  maxQueued: number;
  /** finished jobs (and cached avatars) older than this are deleted; 0 = keep forever */
  ttlHours: number;
  /** how often a job interrupted by a crash is restarted before it is marked failed */
  maxAttempts: number;
  /** cache avatars by photo content hash (only when the pipeline supports saved avatars) */
  avatarCache: boolean;
  /** a running job is stopped and marked failed after this many seconds; 0 = no limit */
  maxJobSeconds?: number;
}

export class QueueFullError extends Real3dError {}

interface Running {
  controller: AbortController;
  done: Promise<void>;
  /** why the run was aborted: the user's cancel, a server shutdown (re-queued), the wall-clock limit */
  abortReason?: 'cancel' | 'shutdown' | 'timeout';
}

const PROGRESS_SAVE_INTERVAL_MS = 1000;

export class JobQueue extends EventEmitter {
  private readonly jobs = new Map<string, JobRecord>();
  private readonly waiting: string[] = [];
  private readonly running = new Map<string, Running>();
  private paused = false;
  private closing = false;
  private sweepTimer?: NodeJS.Timeout;
  readonly avatarsDir: string;
  private readonly runContext: JobRunContext;

  constructor(
    readonly store: JobStore,
    runner: JobRunner,
    readonly options: QueueOptions,
  ) {
    super();
    this.setMaxListeners(0);
    this.avatarsDir = avatarsDirOf(store);
    this.runContext = { store, runner, avatarCache: options.avatarCache };
  }

  /** Loads persisted jobs: re-queues unfinished ones, fails those interrupted too often. */
  async start(): Promise<{ requeued: number; failed: number; broken: number }> {
    await this.store.init();
    await removeTemporariesIn(this.avatarsDir); // an avatar half-saved by a crash
    const { jobs, broken } = await this.store.loadAll();
    let requeued = 0;
    let failed = 0;
    for (const job of jobs) {
      this.jobs.set(job.id, job);
      if (job.state === 'queued') {
        this.waiting.push(job.id);
        requeued++;
      } else if (job.state === 'running') {
        // the server stopped while this job ran (crash, kill): retry a bounded number of times
        if (job.attempts >= this.options.maxAttempts) {
          await this.finish(job, 'failed', `The server stopped while this job was running (${job.attempts} times); it was not retried again. Submit it again, maybe with a shorter audio or smaller size.`);
          failed++;
        } else {
          job.state = 'queued';
          job.progress = queuedProgress();
          job.note = 'The server restarted while this job was running; it was queued again.';
          void this.store.save(job);
          this.waiting.push(job.id);
          requeued++;
        }
      }
    }
    for (const b of broken) process.emitWarning(`real3d serve: job folder ${b.id} has no readable job.json (${b.reason}); left untouched`);
    if (this.options.ttlHours > 0) {
      const everyMs = Math.min(3_600_000, Math.max(1000, (this.options.ttlHours * 3_600_000) / 10));
      this.sweepTimer = setInterval(() => void this.sweep().catch(() => {}), everyMs);
      this.sweepTimer.unref();
      await this.sweep();
    }
    this.pump();
    return { requeued, failed, broken: broken.length };
  }

  get(id: string): JobRecord | undefined {
    return this.jobs.get(id);
  }

  /** 1-based place in the waiting line, 0 when not waiting. */
  positionOf(id: string): number {
    return this.waiting.indexOf(id) + 1;
  }

  counts(): { queued: number; running: number; total: number } {
    return { queued: this.waiting.length, running: this.running.size, total: this.jobs.size };
  }

  /** Refuses early (before the upload is stored) when the waiting line is full. */
  assertRoom(): void {
    if (this.closing) throw new QueueFullError('The server is shutting down; submit the job again in a moment.');
    if (this.waiting.length >= this.options.maxQueued) throw new QueueFullError(`The queue is full (${this.options.maxQueued} jobs waiting). Try again when some have finished.`);
  }

  /**
   * Adds a job whose files are already in its folder. All or nothing: the job enters the queue only
   * once its record is on disk, so a failed write (disk full) leaves no job behind in memory.
   */
  async submit(job: JobRecord): Promise<void> {
    this.assertRoom();
    await this.store.save(job);
    this.assertRoom(); // the line may have filled, or the server begun closing, during the write
    this.jobs.set(job.id, job);
    this.waiting.push(job.id);
    this.emit(job.id, job);
    this.pump();
  }

  /** Stops starting new jobs (running ones continue). */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.pump();
  }

  /** Cancels a job (aborting it if it runs) and removes its files. False when unknown. */
  async cancel(id: string): Promise<boolean> {
    const job = this.jobs.get(id);
    if (!job) return false;
    const waitingAt = this.waiting.indexOf(id);
    if (waitingAt >= 0) this.waiting.splice(waitingAt, 1);
    const run = this.running.get(id);
    if (run) {
      this.abortRun(run, 'cancel');
      await run.done;
    }
    if (!FINISHED_STATES.has(job.state)) {
      markFinished(job, 'cancelled', CANCELLED_BY_USER);
      this.emit(id, job);
    }
    this.jobs.delete(id);
    await this.store.remove(id);
    return true;
  }

  /** Deletes finished jobs, and cached avatars, older than the time to live. */
  async sweep(now = Date.now()): Promise<number> {
    return sweepExpired(this.store, this.jobs, this.options.ttlHours, now);
  }

  /** Stops the workers. Running jobs are aborted and left queued for the next start. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    const runs = [...this.running.values()];
    for (const run of runs) this.abortRun(run, 'shutdown');
    await Promise.all(runs.map((r) => r.done));
  }

  private pump(): void {
    while (!this.paused && !this.closing && this.running.size < this.options.workers && this.waiting.length > 0) {
      const id = this.waiting.shift()!;
      const job = this.jobs.get(id);
      if (!job) continue;
      this.startJob(job);
    }
  }

  private startJob(job: JobRecord): void {
    const controller = new AbortController();
    const run: Running = { controller, done: Promise.resolve() };
    this.running.set(job.id, run);
    markRunning(job);
    const wallClock = startJobClock(this.options.maxJobSeconds ?? 0, () => this.abortRun(run, 'timeout'));
    run.done = this.store
      .save(job)
      .then(() => {
        this.emit(job.id, job);
        return this.execute(job, run);
      })
      .catch((err) => this.settleError(job, run, err))
      .finally(() => {
        if (wallClock) clearTimeout(wallClock);
        this.running.delete(job.id);
        this.pump();
      });
  }

  private async execute(job: JobRecord, run: Running): Promise<void> {
    const saveDue = everyMs(PROGRESS_SAVE_INTERVAL_MS);
    const onProgress = (e: Parameters<NonNullable<JobControl['onProgress']>>[0]) => {
      if (job.state !== 'running') return;
      job.progress = progressFromEvent(job.progress, e);
      this.emit(job.id, job);
      if (saveDue()) void this.store.save(job).catch(() => {});
    };
    const control: JobControl = { signal: run.controller.signal, onProgress };
    job.result = await runStoredJob(this.runContext, job, control);
    job.progress = { ...job.progress, stage: 'done', done: job.progress.total, fraction: 1 };
    await this.finish(job, 'done');
  }

  private abortRun(run: Running, reason: NonNullable<Running['abortReason']>): void {
    if (run.controller.signal.aborted) return;
    run.abortReason = reason;
    const why = reason === 'cancel' ? 'cancelled by the user' : reason === 'shutdown' ? 'server shutting down' : 'time limit reached';
    run.controller.abort(new CancelledError(why));
  }

  private async settleError(job: JobRecord, run: Running, err: unknown): Promise<void> {
    const aborted = run.controller.signal.aborted;
    // a render stopped midway (or its thread killed) may leave its temporary output behind
    await this.store.removeTemporaries(job.id);
    if (aborted && run.abortReason === 'timeout') {
      await this.finish(job, 'failed', timeLimitMessage(this.options.maxJobSeconds ?? 0, 'server'));
      return;
    }
    if (aborted && run.abortReason === 'shutdown') {
      // not the job's fault: it will run again on the next start
      job.state = 'queued';
      job.attempts = Math.max(0, job.attempts - 1);
      job.progress = queuedProgress();
      job.note = 'The server shut down while this job was running; it will run again when the server restarts.';
      await this.store.save(job).catch(() => {});
      this.emit(job.id, job);
      return;
    }
    if (aborted || err instanceof CancelledError) {
      await this.finish(job, 'cancelled', CANCELLED_BY_USER);
      return;
    }
    await this.finish(job, 'failed', publicMessage(this.store, job, err));
  }

  /** Persists the final state before announcing it, so a client told "done" finds it on disk. */
  private async finish(job: JobRecord, state: 'done' | 'failed' | 'cancelled', error?: string): Promise<void> {
    markFinished(job, state, error);
    await this.store.save(job).catch((err) => process.emitWarning(`real3d serve: cannot save job ${job.id}: ${(err as Error).message}`));
    this.emit(job.id, job);
  }
}
