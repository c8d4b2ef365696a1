// The server's side of the distributed mode: jobs are queued in BullMQ on Redis and rendered by
// `real3d worker` processes on any machine that sees the same store folder. The server keeps the
// records it knows in memory (so finished results are served while Redis is down), follows
// progress through BullMQ's QueueEvents, and reads each job's final record from the store, where
// the worker that ran it wrote it.
import { setTimeout as delay } from 'node:timers/promises';
import { EventEmitter } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { CANCELLED_BY_USER, FINISHED_STATES, markFinished, type JobProgress, type JobRecord, type JobStore } from '../jobs.ts';
import type { JobBackend } from '../backend.ts';
import { QueueFullError } from '../queue.ts';
import { HttpError } from '../uploads.ts';
import { sweepExpired } from '../retention.ts';
import { CANCEL_CHANNEL, QUEUE_NAME, bullConnection, checkRedis, unreachable, type RedisTarget } from './redis.ts';
import { CANCEL_MARKER, readJobRecord } from './records.ts';

export interface RemoteQueueOptions {
  redis: RedisTarget;
  /** most jobs waiting before submit refuses with QueueFullError */
  maxQueued: number;
  /** finished jobs (and cached avatars) older than this are deleted; 0 = keep forever */
  ttlHours: number;
  /** runs of a job that failed for an internal reason (not the input), with exponential back-off */
  attempts: number;
}

/** How often unfinished records are re-read from the store, in case an event was missed (Redis down). */
const REFRESH_MS = 2000;
/** How long a cancel waits for the worker running the job to stop before removing its files. */
const CANCEL_WAIT_MS = 15000;
/** How long close() waits for BullMQ to close gracefully before dropping the connections. */
const CLOSE_WAIT_MS = 2000;

export class RemoteQueue extends EventEmitter implements JobBackend {
  private readonly jobs = new Map<string, JobRecord>();
  private queue?: Queue;
  private events?: QueueEvents;
  /** the producer's own connection (queueing, the cancel channel), so close() can always drop it */
  private publisher?: Redis;
  private timers: NodeJS.Timeout[] = [];
  private closing = false;
  private warnedDown = false;

  constructor(
    readonly store: JobStore,
    readonly options: RemoteQueueOptions,
  ) {
    super();
    this.setMaxListeners(0);
  }

  async start(): Promise<{ requeued: number; failed: number; broken: number }> {
    await checkRedis(this.options.redis);
    await this.store.init();
    const { jobs, broken } = await this.store.loadAll();
    for (const job of jobs) this.jobs.set(job.id, job);
    this.publisher = new Redis(bullConnection(this.options.redis, 'producer'));
    this.publisher.on('error', (err) => this.redisDown(err));
    this.queue = new Queue(QUEUE_NAME, { connection: this.publisher });
    this.queue.on('error', (err) => this.redisDown(err));
    this.events = new QueueEvents(QUEUE_NAME, { connection: bullConnection(this.options.redis, 'blocking') });
    this.events.on('error', (err) => this.redisDown(err));
    this.events.on('progress', ({ jobId, data }) => this.onProgress(jobId, data as JobProgress));
    for (const name of ['active', 'completed', 'failed'] as const) this.events.on(name, (e: { jobId: string; failedReason?: string }) => void this.refresh(e.jobId, e.failedReason));
    await this.events.waitUntilReady();
    // jobs stored as queued that Redis does not hold (Redis was emptied, or the server stopped
    // between saving and queueing): queue them again
    let requeued = 0;
    for (const job of jobs) {
      if (FINISHED_STATES.has(job.state)) continue;
      if (!(await this.queue.getJob(job.id))) {
        await this.enqueue(job);
        requeued++;
      }
    }
    for (const b of broken) process.emitWarning(`real3d serve: job folder ${b.id} has no readable job.json (${b.reason}); left untouched`);
    this.every(REFRESH_MS, () => this.refreshUnfinished());
    if (this.options.ttlHours > 0) {
      this.every(Math.min(3_600_000, Math.max(1000, (this.options.ttlHours * 3_600_000) / 10)), () => this.sweep());
      await this.sweep();
    }
    return { requeued, failed: 0, broken: broken.length };
  }

  get(id: string): JobRecord | undefined {
    return this.jobs.get(id);
  }

  positionOf(id: string): number {
    const waiting = [...this.jobs.values()].filter((j) => j.state === 'queued').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return waiting.findIndex((j) => j.id === id) + 1;
  }

  counts(): { queued: number; running: number; total: number } {
    let queued = 0;
    let running = 0;
    for (const j of this.jobs.values()) {
      if (j.state === 'queued') queued++;
      else if (j.state === 'running') running++;
    }
    return { queued, running, total: this.jobs.size };
  }

  assertRoom(): void {
    if (this.closing) throw new QueueFullError('The server is shutting down; submit the job again in a moment.');
    if (this.counts().queued >= this.options.maxQueued) throw new QueueFullError(`The queue is full (${this.options.maxQueued} jobs waiting). Try again when some have finished.`);
  }

  /** Saves the record, then queues it in Redis; when Redis refuses, the caller removes the folder (503). */
  async submit(job: JobRecord): Promise<void> {
    this.assertRoom();
    await this.store.save(job);
    await this.enqueue(job);
    this.jobs.set(job.id, job);
    this.emit(job.id, job);
  }

  async cancel(id: string): Promise<boolean> {
    const job = this.jobs.get(id);
    if (!job) return false;
    if (!FINISHED_STATES.has(job.state)) {
      // the marker stops a worker that takes the job later (or while Redis is unreachable)
      await writeFile(this.store.fileOf(id, CANCEL_MARKER), '').catch(() => {});
      try {
        const queued = await this.queue!.getJob(id);
        const state = await queued?.getState();
        if (state === 'active') {
          await this.publisher!.publish(CANCEL_CHANNEL, id);
          await this.waitFinished(id, CANCEL_WAIT_MS);
        } else await queued?.remove();
      } catch {
        // Redis down: the marker does the work when a worker gets to the job
      }
      markFinished(job, 'cancelled', CANCELLED_BY_USER);
      this.emit(id, job);
    }
    this.jobs.delete(id);
    await this.store.remove(id);
    return true;
  }

  sweep(now = Date.now()): Promise<number> {
    return sweepExpired(this.store, this.jobs, this.options.ttlHours, now);
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const t of this.timers) clearInterval(t);
    // a graceful close needs Redis (BullMQ's close waits for it): when not connected, drop the
    // connections and do not wait
    const connected = this.publisher?.status === 'ready';
    const closeWithin = (p: Promise<void>) => Promise.race([p.then(() => true, () => false), delay(CLOSE_WAIT_MS, false, { ref: false })]);
    // always QueueEvents.close(), never a bare disconnect(): only close() stops its read loop, which
    // otherwise retries the dropped connection every 5 s forever (a timer that kept the process alive)
    const eventsClosed = this.events?.close();
    eventsClosed?.catch(() => {});
    if (eventsClosed && connected) await closeWithin(eventsClosed);
    if (this.queue && connected) await closeWithin(this.queue.close());
    this.publisher?.disconnect();
  }

  private async enqueue(job: JobRecord): Promise<void> {
    try {
      await this.queue!.add(
        'generate',
        { id: job.id },
        { jobId: job.id, attempts: this.options.attempts, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: true, removeOnFail: true },
      );
      this.warnedDown = false;
    } catch (err) {
      throw new HttpError(503, unreachable(this.options.redis, err), 'queue_unavailable');
    }
  }

  private onProgress(id: string, progress: JobProgress): void {
    const job = this.jobs.get(id);
    if (!job || FINISHED_STATES.has(job.state) || typeof progress !== 'object' || progress === null) return;
    job.state = 'running';
    job.progress = progress;
    this.emit(id, job);
  }

  /** Re-reads a record the worker wrote; a job BullMQ gave up on while its record says unfinished is marked failed. */
  private async refresh(id: string, failedReason?: string): Promise<void> {
    const known = this.jobs.get(id);
    if (!known) return;
    const stored = await readJobRecord(this.store, id);
    if (!stored || !this.jobs.has(id)) return;
    if (failedReason !== undefined && !FINISHED_STATES.has(stored.state)) {
      const why = /stalled/i.test(failedReason)
        ? 'The worker running this job stopped too often; it was not retried again. Submit it again, maybe with a shorter audio or smaller size.'
        : `Internal error while generating: ${failedReason}`;
      markFinished(stored, 'failed', why);
      await this.store.save(stored).catch(() => {});
    }
    if (JSON.stringify(stored) === JSON.stringify(known)) return;
    this.jobs.set(id, stored);
    this.emit(id, stored);
  }

  private async refreshUnfinished(): Promise<void> {
    for (const job of [...this.jobs.values()]) if (!FINISHED_STATES.has(job.state)) await this.refresh(job.id);
  }

  private waitFinished(id: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const deadline = Date.now() + ms;
      const poll = async () => {
        const stored = await readJobRecord(this.store, id);
        if (!stored || FINISHED_STATES.has(stored.state) || Date.now() > deadline) return resolve();
        setTimeout(poll, 200);
      };
      void poll();
    });
  }

  private every(ms: number, task: () => Promise<unknown>): void {
    const t = setInterval(() => void task().catch(() => {}), ms);
    t.unref();
    this.timers.push(t);
  }

  private redisDown(err: Error): void {
    if (this.warnedDown || this.closing) return;
    this.warnedDown = true;
    process.emitWarning(`real3d serve: ${unreachable(this.options.redis, err).replace('; the job was not queued. Try again when Redis is back.', '')}; finished results are still served, new jobs get 503 until it is back`);
  }
}
