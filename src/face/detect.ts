// Face detection + 478 3D landmarks + iris + head rotation + identity embedding on one RGBA
// image. The low-level primitive used by analyze (photos), motion (video frames) and eval.
import type { RgbaImage, HeadPose } from '../types.ts';
import { faceRuntime, runExclusive, rgbTensor } from './runtime.ts';

export interface DetectedFace {
  /** [x, y, w, h] in image pixels */
  box: [number, number, number, number];
  /** detector confidence 0..1 */
  boxScore: number;
  /** face-mesh confidence 0..1 (low for non-faces that fooled the detector) */
  meshScore: number;
  /** 478 landmarks [x, y, z] in image pixels (z: same scale, negative toward the camera) */
  landmarks: [number, number, number][];
  /** iris centres in image pixels (from landmarks 468 and 473) */
  iris: { left: [number, number]; right: [number, number] };
  /** head rotation in degrees as reported by the mesh model */
  pose: HeadPose;
  /** 1024-d identity embedding (empty when the description model is off) */
  embedding: number[];
}

export interface DetectOptions {
  /** compute the identity embedding (slower; default true) */
  embedding?: boolean;
  /**
   * Video tracking: up to this many calls in a row reuse the face boxes the mesh found in the
   * previous call instead of running the face detector. Only for consecutive frames of one video
   * at one size; 0 starts a track (the detector runs). Unset: not tracking, detect every call.
   */
  reuseBoxes?: number;
}

const RAD = 180 / Math.PI;

/** Runs the face models on an RGBA image. Faces are returned largest first. */
export async function detectFaces(img: RgbaImage, opts: DetectOptions = {}): Promise<DetectedFace[]> {
  return runExclusive(async (human) => {
    const tensor = rgbTensor(human.tf, img);
    try {
      // Full face config each call: Human merges per-call config into its own, so another caller
      // (objects, segmentation) may have changed it.
      const tracking = opts.reuseBoxes !== undefined;
      const reuse = opts.reuseBoxes ?? 0;
      const result = await human.detect(tensor, {
        // Human reuses boxes only when it judges the input unchanged (mean squared difference <=
        // cacheSensitivity): when tracking, any frame counts as unchanged. Set on every call (also
        // for the first frame of a track, so Human's memory of the last input is always this
        // track's: the same frames give the same result whatever ran before) because Human keeps
        // the merged config between calls.
        cacheSensitivity: tracking ? 1e9 : 0,
        face: { enabled: true, detector: { skipFrames: reuse, skipTime: reuse > 0 ? 1e9 : 0 }, description: { enabled: opts.embedding ?? true } },
        object: { enabled: false },
        segmentation: { enabled: false },
      });
      return toFaces(result.face as any[]);
    } finally {
      tensor.dispose();
    }
  });
}

function toFaces(raw: any[]): DetectedFace[] {
  const faces: DetectedFace[] = raw
    .filter((f) => Array.isArray(f.mesh) && f.mesh.length >= 478)
    .map((f) => {
      const landmarks = (f.mesh as number[][]).slice(0, 478).map((p) => [p[0]!, p[1]!, p[2] ?? 0] as [number, number, number]);
      const angle = f.rotation?.angle ?? { yaw: 0, pitch: 0, roll: 0 };
      return {
        box: f.box as [number, number, number, number],
        boxScore: f.boxScore ?? f.score ?? 0,
        meshScore: f.faceScore ?? f.score ?? 0,
        landmarks,
        iris: { left: [landmarks[468]![0], landmarks[468]![1]], right: [landmarks[473]![0], landmarks[473]![1]] },
        // Human's yaw grows as the head turns to the viewer's left; HeadPose's grows to the right (as fitRig's).
        pose: { yaw: -angle.yaw * RAD, pitch: angle.pitch * RAD, roll: angle.roll * RAD },
        embedding: Array.isArray(f.embedding) ? f.embedding : [],
      } satisfies DetectedFace;
    });
  faces.sort((a, b) => b.box[2] * b.box[3] - a.box[2] * a.box[3]);
  return faces;
}

/** Cosine-style similarity of two embeddings as Human computes it (0..1). */
export async function embeddingSimilarity(a: number[], b: number[]): Promise<number> {
  const human = await faceRuntime();
  return human.similarity(a, b);
}
