// The face part of Human's configuration, shared by the node runtime (runtime.ts) and the live
// page's face worker (src/live/page/faceWorker.ts), so both track with the same models and
// settings: blazeface detector, attention face mesh, iris; nothing else enabled. Pure data: the
// browser bundle imports it.

export interface FaceModelOptions {
  /** faces the detector returns */
  maxDetected: number;
  /** frames (and ms) Human may reuse the mesh's box instead of running the detector */
  skipFrames: number;
  skipTime: number;
  /** the identity embedding model (node only: the browser does not need it) */
  description: boolean;
}

export function faceModelConfig(o: FaceModelOptions): Record<string, unknown> {
  return {
    filter: { enabled: false },
    face: {
      enabled: true,
      detector: { enabled: true, modelPath: 'blazeface.json', rotation: true, maxDetected: o.maxDetected, minConfidence: 0.3, return: false, skipFrames: o.skipFrames, skipTime: o.skipTime },
      mesh: { enabled: true, modelPath: 'facemesh-attention.json' },
      attention: { enabled: true },
      iris: { enabled: true, modelPath: 'iris.json' },
      description: o.description ? { enabled: true, modelPath: 'faceres.json', skipFrames: 0, skipTime: 0 } : { enabled: false },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  };
}
