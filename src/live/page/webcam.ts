// Webcam face tracking in the page: Human's browser build with the same face models as the
// offline path (blazeface detector, attention face mesh, iris), all served by this server (never a
// CDN). Human reuses the mesh's own box from the previous frame for up to REUSE_BOXES frames
// instead of running the detector, as `generate --video` now does (src/motion/faceTracker.ts).
import { patchIntegerMatMul } from '../../face/tfPatches.ts';

const REUSE_BOXES = 10;

export interface TrackedFace {
  /** 478 landmarks [x, y, z] in video pixels */
  landmarks: number[][];
  score: number;
}

export interface FaceTracker {
  readonly backend: string;
  detect(input: HTMLVideoElement | HTMLCanvasElement | ImageData): Promise<TrackedFace | null>;
}

/** Loads Human and its models (a few seconds the first time). backend: 'wasm' (default) or 'webgl'. */
export async function loadFaceTracker(backend = 'wasm'): Promise<FaceTracker> {
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
    filter: { enabled: false },
    face: {
      enabled: true,
      detector: { enabled: true, modelPath: 'blazeface.json', rotation: true, maxDetected: 1, minConfidence: 0.3, return: false, skipFrames: REUSE_BOXES, skipTime: 1e9 },
      mesh: { enabled: true, modelPath: 'facemesh-attention.json' },
      attention: { enabled: true },
      iris: { enabled: true, modelPath: 'iris.json' },
      description: { enabled: false },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  });
  await human.load();
  await human.tf.ready();
  if (human.tf.getBackend() === 'wasm') patchIntegerMatMul(human.tf);
  return {
    backend: human.tf.getBackend(),
    async detect(input) {
      const result = await human.detect(input);
      const faces = (result.face as { mesh: number[][]; faceScore?: number; score?: number }[]).filter((f) => Array.isArray(f.mesh) && f.mesh.length >= 478);
      const f = faces[0];
      if (!f) return null;
      return { landmarks: f.mesh.slice(0, 478), score: f.faceScore ?? f.score ?? 0 };
    },
  };
}
