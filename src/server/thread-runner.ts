// The product's job runner: a pool of worker threads, each running generate() one job at a time.
// Rendering on the main thread would stall HTTP (progress, seeking in results) for whole seconds.
// A thread that does not stop within a grace period after a cancel is terminated and replaced.
import { Worker } from 'node:worker_threads';
import type { GenerateInput, JobControl, ProgressEvent } from '../config.ts';
import * as errors from '../errors.ts';
import type { JobRunner, RunResult } from './queue.ts';
import type { PreviewAnalysis } from './preview.ts';

export type ThreadRequest = { type: 'run'; id: number; input: GenerateInput } | { type: 'cancel'; id: number };
export type ThreadReply =
  | { type: 'ready' }
  | { type: 'progress'; id: number; event: ProgressEvent }
  | { type: 'result'; id: number; result: RunResult }
  | { type: 'error'; id: number; name: string; message: string; userFacing: boolean; stack?: string };

const ERROR_CLASSES: Record<string, new (message: string) => errors.Real3dError> = {
  InputError: errors.InputError,
  NoFaceError: errors.NoFaceError,
  FaceTooSmallError: errors.FaceTooSmallError,
  AudioError: errors.AudioError,
  VideoError: errors.VideoError,
  FileFormatError: errors.FileFormatError,
  SetupError: errors.SetupError,
  CancelledError: errors.CancelledError,
};

/** Rebuilds the error a thread reported, keeping its class so the queue can tell user errors. */
function rebuildError(msg: Extract<ThreadReply, { type: 'error' }>): Error {
  const Cls = ERROR_CLASSES[msg.name] ?? (msg.userFacing ? errors.Real3dError : undefined);
  const err = Cls ? new Cls(msg.message) : new Error(msg.message);
  if (msg.stack) err.stack = msg.stack;
  return err;
}

interface Slot {
  worker?: Worker;
  busy: boolean;
}

export interface ThreadRunner {
  run: JobRunner;
  close(): Promise<void>;
}

const CANCEL_GRACE_MS = 5000;

export function createThreadRunner(threads: number): ThreadRunner {
  const slots: Slot[] = Array.from({ length: Math.max(1, threads) }, () => ({ busy: false }));
  let nextId = 1;
  let closed = false;

  function spawnWorker(slot: Slot): Worker {
    const worker = new Worker(new URL('./generate-thread.mjs', import.meta.url));
    worker.unref();
    worker.on('exit', () => {
      if (slot.worker === worker) slot.worker = undefined;
    });
    slot.worker = worker;
    return worker;
  }

  const run: JobRunner = (input: GenerateInput, control: JobControl = {}) => {
    if (closed) return Promise.reject(new errors.CancelledError('server shutting down'));
    const slot = slots.find((s) => !s.busy);
    if (!slot) return Promise.reject(new Error('no free render thread (more concurrent jobs than threads)'));
    slot.busy = true;
    const worker = slot.worker ?? spawnWorker(slot);
    const id = nextId++;
    return new Promise<RunResult>((resolve, reject) => {
      let killTimer: NodeJS.Timeout | undefined;
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        control.signal?.removeEventListener('abort', onAbort);
        if (killTimer) clearTimeout(killTimer);
        slot.busy = false;
      };
      const onMessage = (msg: ThreadReply) => {
        if (msg.type === 'ready' || msg.id !== id) return;
        if (msg.type === 'progress') return control.onProgress?.(msg.event);
        cleanup();
        if (msg.type === 'result') resolve(msg.result);
        else reject(rebuildError(msg));
      };
      const onError = (err: Error) => {
        cleanup();
        reject(new Error(`the render thread failed: ${err.message}`));
      };
      const onExit = (code: number) => {
        cleanup();
        reject(control.signal?.aborted ? new errors.CancelledError() : new Error(`the render thread stopped unexpectedly (exit code ${code})`));
      };
      const onAbort = () => {
        worker.postMessage({ type: 'cancel', id } satisfies ThreadRequest);
        // a stage that does not check the signal would hold the thread: replace the thread
        killTimer = setTimeout(() => void worker.terminate(), CANCEL_GRACE_MS);
        killTimer.unref();
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      if (control.signal?.aborted) onAbort();
      else control.signal?.addEventListener('abort', onAbort, { once: true });
      worker.postMessage({ type: 'run', id, input } satisfies ThreadRequest);
    });
  };

  return {
    run,
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker?.terminate()));
    },
  };
}

/** A thread answering one request per file: started on first use, started again after it stops. */
export interface FileThread<T> {
  request(file: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * A worker thread (`entry`) that takes { id, file } messages and answers { id, ... }; `settle` turns
 * an answer into the value or the error to reject with. Requests in flight when the thread fails
 * or stops are rejected, naming `what` ("the preview thread").
 */
export function createFileThread<Reply extends { id: number }, T>(entry: URL, what: string, settle: (msg: Reply) => T | Error): FileThread<T> {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: T) => void; reject: (e: Error) => void }>();
  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  const start = (): Worker => {
    const w = new Worker(entry);
    w.unref();
    w.on('message', (msg: Reply) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      const outcome = settle(msg);
      if (outcome instanceof Error) p.reject(outcome);
      else p.resolve(outcome);
    });
    w.on('error', (err: Error) => failAll(new Error(`${what} failed: ${err.message}`)));
    w.on('exit', () => {
      if (worker === w) worker = undefined;
      failAll(new Error(`${what} stopped`));
    });
    return w;
  };
  return {
    request(file) {
      worker ??= start();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker!.postMessage({ id, file });
      });
    },
    async close() {
      await worker?.terminate();
    },
  };
}

/** Photo previews on their own thread, one at a time; the thread starts on first use. */
export function createPreviewThread(): { analyze: (file: string) => Promise<PreviewAnalysis>; close(): Promise<void> } {
  const thread = createFileThread<{ id: number; result?: PreviewAnalysis; error?: string }, PreviewAnalysis>(
    new URL('./preview-thread.mjs', import.meta.url),
    'the preview thread',
    (msg) => (msg.error !== undefined ? new Error(msg.error) : msg.result!),
  );
  return { analyze: (file) => thread.request(file), close: () => thread.close() };
}
