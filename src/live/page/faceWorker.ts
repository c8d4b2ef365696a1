// The live page's face-tracking worker: Human's browser build with the same face models as the
// offline path (blazeface detector, attention face mesh, iris), all served by this server (never a
// CDN), off the page's thread (a detection is tens of milliseconds of wasm that would stall the
// page). Human reuses the mesh's own box from the previous frame for up to REUSE_BOXES frames
// instead of running the detector, as `generate --video` does (src/motion/faceTracker.ts; there
// 3 frames, because 10 let the box drift on mt_sun; here the webcam's 10 is not re-measured).
/// <reference lib="webworker" />
import { patchIntegerMatMul } from '../../face/tfPatches.ts';
import { faceModelConfig } from '../../face/humanConfig.ts';
import type { FaceReply, FaceRequest } from './webcam.ts';

const REUSE_BOXES = 10;
const scope = self as unknown as DedicatedWorkerGlobalScope;

async function loadHuman(backend: string): Promise<any> {
  // a URL in a variable: the bundler leaves this import to the browser
  const url = '/live/human/human.esm.js';
  const mod = await import(url);
  const human = new mod.Human({
    backend,
    wasmPath: '/live/wasm/',
    modelBasePath: '/live/models/',
    debug: false,
    async: true,
    warmup: 'none',
    // with box reuse on, any frame counts as "unchanged enough" to skip the detector
    cacheSensitivity: 1e9,
    ...faceModelConfig({ maxDetected: 1, skipFrames: REUSE_BOXES, skipTime: 1e9, description: false }),
  });
  await human.load();
  await human.tf.ready();
  if (human.tf.getBackend() === 'wasm') patchIntegerMatMul(human.tf);
  return human;
}

let human: Promise<any> | null = null;

scope.onmessage = async (e: MessageEvent<FaceRequest>) => {
  const msg = e.data;
  try {
    human ??= loadHuman(msg.backend);
    const h = await human;
    if (msg.type === 'load') {
      scope.postMessage({ id: msg.id, backend: h.tf.getBackend() } satisfies FaceReply);
      return;
    }
    const result = await h.detect(msg.image);
    if ('close' in msg.image) msg.image.close();
    const faces = (result.face as { mesh: number[][]; faceScore?: number; score?: number }[]).filter((f) => Array.isArray(f.mesh) && f.mesh.length >= 478);
    const f = faces[0];
    scope.postMessage({ id: msg.id, face: f ? { landmarks: f.mesh.slice(0, 478), score: f.faceScore ?? f.score ?? 0 } : null } satisfies FaceReply);
  } catch (err) {
    scope.postMessage({ id: msg.id, error: (err as Error)?.message ?? String(err) } satisfies FaceReply);
  }
};
