// Face tracking on more than one core: frame i goes to tracker i % k, each tracker with its own
// face model (the main thread's, plus k - 1 worker threads). The face model is single-threaded
// wasm and takes ~55 ms a frame, so two trackers nearly double the frames tracked per second.
// Each tracker follows its own subsequence (every k-th frame), which moves little between its
// frames at 25 fps: the crop around its previous box still holds the face.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { FaceTracker, type RawFaceFrame } from './faceTracker.ts';
import type { RgbaImage } from '../types.ts';
import { VideoError } from '../errors.ts';

export interface TrackRequest {
  id: number;
  width: number;
  height: number;
  data: ArrayBuffer;
}

export type TrackReply = { id: number; face: RawFaceFrame | null } | { id: number; error: string };

/** Trackers to use: REAL3D_TRACK_THREADS, else 2 on a machine with 2+ cores (each costs ~200 MB). */
export function defaultTrackThreads(): number {
  const env = Number(process.env.REAL3D_TRACK_THREADS);
  if (Number.isInteger(env) && env >= 1) return Math.min(env, 8);
  return availableParallelism() >= 2 ? 2 : 1;
}

/** One helper thread: posts frames, resolves their faces in order. */
class HelperTracker {
  private readonly worker = new Worker(new URL('./track-thread.mjs', import.meta.url));
  /** frames posted and not yet answered, oldest first (a Map keeps insertion order) */
  private readonly pending = new Map<number, { settled: Promise<void>; resolve: (f: RawFaceFrame | null) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor() {
    this.worker.on('message', (msg: TrackReply) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if ('error' in msg) p.reject(new VideoError(`Face tracking failed in a helper thread: ${msg.error}`));
      else p.resolve(msg.face);
    });
    const fail = (err: Error) => {
      this.failure = err;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    this.worker.on('error', (err: Error) => fail(new VideoError(`The face-tracking helper thread stopped: ${err.message}`)));
    this.worker.on('exit', (code) => {
      if (this.pending.size) fail(new VideoError(`The face-tracking helper thread exited (code ${code}) with frames pending.`));
    });
  }

  /** Waits until at most `n` frames are waiting for this thread. */
  async drainTo(n: number): Promise<void> {
    while (this.pending.size > n) await this.pending.values().next().value!.settled;
  }

  /** Hands the frame's pixels over to the thread (the caller must not use `img` afterwards). */
  track(img: RgbaImage): Promise<RawFaceFrame | null> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const data = img.data.byteOffset === 0 && img.data.byteLength === img.data.buffer.byteLength ? (img.data.buffer as ArrayBuffer) : img.data.slice().buffer;
    let resolve!: (f: RawFaceFrame | null) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<RawFaceFrame | null>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // `settled` is what drainTo waits on: it never throws (the caller sees the error on `promise`)
    this.pending.set(id, { settled: promise.then(() => undefined, () => undefined), resolve, reject });
    this.worker.postMessage({ id, width: img.width, height: img.height, data } satisfies TrackRequest, [data]);
    return promise;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/** Tracks a stream of frames with `threads` trackers; results come back in frame order. */
export class TrackerPool {
  private readonly main = new FaceTracker();
  private readonly helpers: HelperTracker[];
  private count = 0;

  constructor(threads: number) {
    this.helpers = Array.from({ length: Math.max(0, threads - 1) }, () => new HelperTracker());
  }

  /**
   * Starts tracking the next frame and returns its result's promise. Frames for the main tracker
   * are tracked before this returns (the helpers work meanwhile); at most two frames wait per
   * helper, so decoded frames do not pile up in memory.
   */
  async push(img: RgbaImage): Promise<{ face: Promise<RawFaceFrame | null> }> {
    const k = this.helpers.length + 1;
    const slot = this.count++ % k;
    // wrapped: an async function returning a bare promise would wait for it
    if (slot === 0) return { face: Promise.resolve(await this.main.track(img)) };
    const helper = this.helpers[slot - 1]!;
    const face = helper.track(img);
    await helper.drainTo(2);
    return { face };
  }

  async close(): Promise<void> {
    await Promise.all(this.helpers.map((h) => h.close()));
  }
}
