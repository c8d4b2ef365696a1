// `real3d worker`: takes jobs from BullMQ on Redis and renders them, on any machine that sees the
// store folder the server writes uploads into. Each job's record (state, progress, result, error)
// is written back to the store; progress also flows through BullMQ to the server's event streams.
// A worker killed mid-job loses its lock; another worker's stalled-job check puts the job back in
// line and it runs again from the start.
import { setTimeout as delay } from 'node:timers/promises';
import { access } from 'node:fs/promises';
import { hostname } from 'node:os';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { JobControl, ProgressEvent } from '../../config.ts';
import { CancelledError, Real3dError } from '../../errors.ts';
import { CANCELLED_BY_USER, JobStore, markFinished, progressFromEvent, type JobRecord } from '../jobs.ts';
import { publicMessage, runStoredJob, type JobRunContext, type JobRunner } from '../jobRun.ts';
import { createThreadRunner } from '../thread-runner.ts';
import { CANCEL_CHANNEL, QUEUE_NAME, bullConnection, checkRedis, type RedisTarget } from './redis.ts';
import { CANCEL_MARKER, readJobRecord } from './records.ts';

export interface WorkerOptions {
  redis: RedisTarget;
  /** the store folder (the server's --data) */
  dataDir: string;
  /** jobs rendered at the same time by this process */
  concurrency: number;
  /** seconds a job's lock lasts without renewal; a killed worker's job is picked up after about this long */
  lockSeconds: number;
  avatarCache: boolean;
  /** a running job is stopped and marked failed after this many seconds; 0 = no limit */
  maxJobSeconds: number;
  /** default: generate() on worker threads */
  runner?: JobRunner;
  /** one line per job event (started, done, failed, cancelled) */
  log?: (line: string) => void;
}

export interface RunningWorker {
  /** stops taking jobs and waits for the running ones to finish */
  close(): Promise<void>;
}

/** Progress is sent to Redis at most this often per job, and written to the store at most once a second. */
const PROGRESS_PUBLISH_MS = 250;
const PROGRESS_SAVE_MS = 1000;

export async function startWorker(o: WorkerOptions): Promise<RunningWorker> {
  await checkRedis(o.redis);
  const store = new JobStore(o.dataDir);
  await store.init();
  const threads = o.runner ? undefined : createThreadRunner(o.concurrency);
  const ctx: JobRunContext = { store, runner: o.runner ?? threads!.run, avatarCache: o.avatarCache };
  const log = o.log ?? (() => {});
  const me = `${hostname()}:${process.pid}`;
  const running = new Map<string, AbortController>();

  const cancels = new Redis(bullConnection(o.redis, 'blocking'));
  cancels.on('error', () => {});
  await cancels.subscribe(CANCEL_CHANNEL);
  cancels.on('message', (_channel: string, id: string) => running.get(id)?.abort(new CancelledError('cancelled by the user')));

  const processJob = async (queued: Job<{ id: string }>): Promise<{ frames: number; duration: number }> => {
    const id = String(queued.data?.id ?? '');
    const job = await readJobRecord(store, id);
    if (!job) throw new UnrecoverableError(`job ${id.slice(0, 40)} has no record in the store (deleted, or this worker's --store is not the server's --data)`);
    if (await access(store.fileOf(id, CANCEL_MARKER)).then(() => true, () => false)) throw new UnrecoverableError('cancelled by the user');
    // a worker killed during this job's last run may have left its temporary outputs
    await store.removeTemporaries(id);
    const controller = new AbortController();
    running.set(id, controller);
    const limitMs = o.maxJobSeconds * 1000;
    let timedOut = false;
    const wallClock = limitMs > 0 && limitMs < 2 ** 31 ? setTimeout(() => ((timedOut = true), controller.abort(new CancelledError('time limit reached'))), limitMs) : undefined;
    job.state = 'running';
    job.startedAt = new Date().toISOString();
    job.attempts++;
    job.worker = me;
    job.progress = { stage: 'analyze', done: 0, total: 0, fraction: 0 };
    await store.save(job);
    await queued.updateProgress(job.progress);
    log(`start ${id}`);
    let lastPublish = 0;
    let lastSave = 0;
    const onProgress = (e: ProgressEvent) => {
      job.progress = progressFromEvent(job.progress, e);
      const now = Date.now();
      if (now - lastPublish >= PROGRESS_PUBLISH_MS) {
        lastPublish = now;
        void queued.updateProgress(job.progress).catch(() => {});
      }
      if (now - lastSave >= PROGRESS_SAVE_MS) {
        lastSave = now;
        void store.save(job).catch(() => {});
      }
    };
    const control: JobControl = { signal: controller.signal, onProgress };
    try {
      job.result = await runStoredJob(ctx, job, control);
      job.progress = { ...job.progress, stage: 'done', done: job.progress.total, fraction: 1 };
      await finish(job, 'done');
      log(`done ${id}`);
      return { frames: job.result.frames, duration: job.result.duration };
    } catch (err) {
      await store.removeTemporaries(id);
      if (timedOut) {
        const message = `Stopped: the job ran longer than this worker's limit of ${Math.round(o.maxJobSeconds / 60)} min (--max-job-minutes). Submit a shorter audio, a smaller size or a lower fps.`;
        await finish(job, 'failed', message);
        log(`failed ${id}: ${message}`);
        throw new UnrecoverableError(message);
      }
      if (controller.signal.aborted || err instanceof CancelledError) {
        await finish(job, 'cancelled', CANCELLED_BY_USER);
        log(`cancelled ${id}`);
        throw new UnrecoverableError('cancelled by the user');
      }
      const message = publicMessage(store, job, err);
      // the input's fault (no face, bad audio...): running it again gives the same answer
      const lastAttempt = err instanceof Real3dError || queued.attemptsMade + 1 >= (queued.opts.attempts ?? 1);
      if (lastAttempt) {
        await finish(job, 'failed', message);
        log(`failed ${id}: ${message}`);
        throw err instanceof Real3dError ? new UnrecoverableError(message) : err;
      }
      job.state = 'queued';
      job.note = `Attempt ${job.attempts} failed (${message}); it will run again.`;
      await store.save(job);
      log(`retry ${id}: ${message}`);
      throw err;
    } finally {
      if (wallClock) clearTimeout(wallClock);
      running.delete(id);
    }
  };

  async function finish(job: JobRecord, state: 'done' | 'failed' | 'cancelled', error?: string): Promise<void> {
    markFinished(job, state, error);
    await store.save(job);
  }

  const lockDuration = Math.max(1, o.lockSeconds) * 1000;
  const worker = new Worker(QUEUE_NAME, processJob, {
    connection: bullConnection(o.redis, 'blocking'),
    concurrency: o.concurrency,
    lockDuration,
    stalledInterval: lockDuration,
    // a job whose worker died twice is failed instead of killing a third machine
    maxStalledCount: 2,
  });
  worker.on('error', () => {});
  await worker.waitUntilReady();

  return {
    async close() {
      // BullMQ's graceful close stops taking jobs, waits for the running ones and records them in
      // Redis; with Redis down it never returns (and keeps reconnecting), so then wait for this
      // worker's jobs (their records go to the store) and close without Redis
      const jobsFinished = async () => {
        while (running.size > 0) await delay(100, undefined, { ref: false });
      };
      if (cancels.status === 'ready') {
        // Redis may go while BullMQ closes (or be dying already): then stop waiting for BullMQ
        // once our jobs are done, and drop its main connection (its close stays pending)
        const lost = new Promise<void>((resolve) => cancels.once('close', () => resolve()));
        const closed = worker.close().then(() => true, () => true);
        if (!(await Promise.race([closed, lost.then(() => false)]))) {
          await jobsFinished();
          void worker.disconnect().catch(() => {});
        }
      } else {
        await jobsFinished();
        await worker.close(true).catch(() => {});
      }
      cancels.disconnect();
      await threads?.close();
    },
  };
}
