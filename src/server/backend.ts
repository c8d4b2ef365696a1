// What the HTTP server needs of a job queue. Two implementations: JobQueue (queue.ts, the
// single-machine default: its own workers and a persisted line) and RemoteQueue
// (distributed/remoteQueue.ts: BullMQ on Redis, jobs rendered by `real3d worker` processes).
import type { JobRecord, JobStore } from './jobs.ts';

export interface JobBackend {
  readonly store: JobStore;
  /** loads persisted jobs; what had to be re-queued or failed */
  start(): Promise<{ requeued: number; failed: number; broken: number }>;
  get(id: string): JobRecord | undefined;
  /** 1-based place in the waiting line, 0 when not waiting */
  positionOf(id: string): number;
  counts(): { queued: number; running: number; total: number };
  /** throws QueueFullError (429) when no job can be accepted now */
  assertRoom(): void;
  /** queues a job whose files are already in its folder; all or nothing */
  submit(job: JobRecord): Promise<void>;
  /** cancels (aborting a running job) and removes the job's files; false when unknown */
  cancel(id: string): Promise<boolean>;
  /** deletes finished jobs and cached avatars older than the time to live; how many jobs */
  sweep(now?: number): Promise<number>;
  close(): Promise<void>;
  /** job updates, keyed by job id */
  on(id: string, listener: (job: JobRecord) => void): unknown;
  off(id: string, listener: (job: JobRecord) => void): unknown;
}
