// The page's side of face tracking: hands pictures to the face worker (faceWorker.ts) one at a time
// and gets 478 landmarks back.

export interface TrackedFace {
  /** 478 landmarks [x, y, z] in picture pixels */
  landmarks: number[][];
  score: number;
}

export type FaceRequest = { type: 'load'; id: number; backend: string } | { type: 'detect'; id: number; backend: string; image: ImageBitmap | ImageData };
export type FaceReply = { id: number; backend: string } | { id: number; face: TrackedFace | null } | { id: number; error: string };

export interface FaceTracker {
  readonly backend: string;
  /** the face in a picture (an ImageBitmap is handed over and closed) */
  detect(image: ImageBitmap | ImageData): Promise<TrackedFace | null>;
}

/** Starts the face worker and loads Human and its models (seconds). backend: 'wasm' (default) or 'webgl'. */
export async function loadFaceTracker(backend = 'wasm'): Promise<FaceTracker> {
  const worker = new Worker('/live/face-worker.js', { type: 'module' });
  let nextId = 0;
  const pending = new Map<number, { resolve: (r: FaceReply) => void; reject: (e: Error) => void }>();
  worker.onmessage = (e: MessageEvent<FaceReply>) => {
    const p = pending.get(e.data.id);
    pending.delete(e.data.id);
    if (!p) return;
    if ('error' in e.data) p.reject(new Error(e.data.error));
    else p.resolve(e.data);
  };
  worker.onerror = (e) => {
    for (const p of pending.values()) p.reject(new Error(`the face worker failed: ${e.message}`));
    pending.clear();
  };
  const call = (msg: FaceRequest, transfer: Transferable[] = []) =>
    new Promise<FaceReply>((resolve, reject) => {
      pending.set(msg.id, { resolve, reject });
      worker.postMessage(msg, transfer);
    });
  const loaded = (await call({ type: 'load', id: nextId++, backend })) as { backend: string };
  return {
    backend: loaded.backend,
    async detect(image) {
      const reply = await call({ type: 'detect', id: nextId++, backend, image }, 'close' in image ? [image] : []);
      return 'face' in reply ? reply.face : null;
    },
  };
}
