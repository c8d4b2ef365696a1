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
import { CANCELLED_BY_USER, JobStore, everyMs, markFinished, markRunning, progressFromEvent, startJobClock, timeLimitMessage, type JobRecord } from '../jobs.ts';
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

/** What one worker process's job runs share. */
interface WorkerJobs {
  options: WorkerOptions;
  store: JobStore;
  run: JobRunContext;
  log: (line: string) => void;
  /** host:pid, written into each job's record */
  me: string;
  /** the running jobs' aborts, by job id (a cancel message aborts one) */
  running: Map<string, AbortController>;
}

export async function startWorker(o: WorkerOptions): Promise<RunningWorker> {
  await checkRedis(o.redis);
  const store = new JobStore(o.dataDir);
  await store.init();
  const threads = o.runner ? undefined : createThreadRunner(o.concurrency);
  const jobs: WorkerJobs = {
    options: o,
    store,
    run: { store, runner: o.runner ?? threads!.run, avatarCache: o.avatarCache },
    log: o.log ?? (() => {}),
    me: `${hostname()}:${process.pid}`,
    running: new Map(),
  };
  const { running } = jobs;

  const cancels = new Redis(bullConnection(o.redis, 'blocking'));
  cancels.on('error', () => {});
  await cancels.subscribe(CANCEL_CHANNEL);
  cancels.on('message', (_channel: string, id: string) => running.get(id)?.abort(new CancelledError('cancelled by the user')));

  const processJob = (queued: Job<{ id: string }>) => runQueuedJob(jobs, queued);

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

/** Runs one job taken from the queue; what it throws tells BullMQ whether to retry. */
async function runQueuedJob(w: WorkerJobs, queued: Job<{ id: string }>): Promise<{ frames: number; duration: number }> {
  const { store, log } = w;
  const id = String(queued.data?.id ?? '');
  const job = await readJobRecord(store, id);
  if (!job) throw new UnrecoverableError(`job ${id.slice(0, 40)} has no record in the store (deleted, or this worker's --store is not the server's --data)`);
  if (await access(store.fileOf(id, CANCEL_MARKER)).then(() => true, () => false)) throw new UnrecoverableError('cancelled by the user');
  // a worker killed during this job's last run may have left its temporary outputs
  await store.removeTemporaries(id);
  const controller = new AbortController();
  w.running.set(id, controller);
  let timedOut = false;
  const wallClock = startJobClock(w.options.maxJobSeconds, () => ((timedOut = true), controller.abort(new CancelledError('time limit reached'))));
  markRunning(job);
  job.worker = w.me;
  await store.save(job);
  await queued.updateProgress(job.progress);
  log(`start ${id}`);
  const control: JobControl = { signal: controller.signal, onProgress: progressReporter(store, job, queued) };
  try {
    job.result = await runStoredJob(w.run, job, control);
    job.progress = { ...job.progress, stage: 'done', done: job.progress.total, fraction: 1 };
    await finish(store, job, 'done');
    log(`done ${id}`);
    return { frames: job.result.frames, duration: job.result.duration };
  } catch (err) {
    await store.removeTemporaries(id);
    throw await settleFailure(w, job, queued, err, timedOut ? 'timeout' : controller.signal.aborted ? 'cancel' : undefined);
  } finally {
    if (wallClock) clearTimeout(wallClock);
    w.running.delete(id);
  }
}

/** Progress to BullMQ (the server's event streams) and to the store, each throttled. */
function progressReporter(store: JobStore, job: JobRecord, queued: Job<{ id: string }>): (e: ProgressEvent) => void {
  const publishDue = everyMs(PROGRESS_PUBLISH_MS);
  const saveDue = everyMs(PROGRESS_SAVE_MS);
  return (e) => {
    job.progress = progressFromEvent(job.progress, e);
    if (publishDue()) void queued.updateProgress(job.progress).catch(() => {});
    if (saveDue()) void store.save(job).catch(() => {});
  };
}

/**
 * Records a failed run and returns what to throw to BullMQ: an UnrecoverableError when running
 * it again cannot help (timed out, cancelled, the input's fault, the last attempt), else the
 * error itself so that BullMQ retries.
 */
async function settleFailure(w: WorkerJobs, job: JobRecord, queued: Job<{ id: string }>, err: unknown, aborted: 'timeout' | 'cancel' | undefined): Promise<unknown> {
  const { store, log } = w;
  if (aborted === 'timeout') {
    const message = timeLimitMessage(w.options.maxJobSeconds, 'worker');
    await finish(store, job, 'failed', message);
    log(`failed ${job.id}: ${message}`);
    return new UnrecoverableError(message);
  }
  if (aborted === 'cancel' || err instanceof CancelledError) {
    await finish(store, job, 'cancelled', CANCELLED_BY_USER);
    log(`cancelled ${job.id}`);
    return new UnrecoverableError('cancelled by the user');
  }
  const message = publicMessage(store, job, err);
  // the input's fault (no face, bad audio...): running it again gives the same answer
  const lastAttempt = err instanceof Real3dError || queued.attemptsMade + 1 >= (queued.opts.attempts ?? 1);
  if (lastAttempt) {
    await finish(store, job, 'failed', message);
    log(`failed ${job.id}: ${message}`);
    return err instanceof Real3dError ? new UnrecoverableError(message) : err;
  }
  job.state = 'queued';
  job.note = `Attempt ${job.attempts} failed (${message}); it will run again.`;
  await store.save(job);
  log(`retry ${job.id}: ${message}`);
  return err;
}

async function finish(store: JobStore, job: JobRecord, state: 'done' | 'failed' | 'cancelled', error?: string): Promise<void> {
  markFinished(job, state, error);
  await store.save(job);
}
