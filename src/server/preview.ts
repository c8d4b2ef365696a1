// Face preview for the web page: where the face is and which square the pipeline will crop.
// Uses analyzePortrait (src/analyze) when present, else the raw detector.
import path from 'node:path';
import { loadImage } from '../io/image.ts';
import { detectFaces } from '../face/detect.ts';
import { Real3dError } from '../errors.ts';

export interface PreviewAnalysis {
  width: number;
  height: number;
  faces: { box: [number, number, number, number]; score: number }[];
  /** the square crop the pipeline uses, in photo pixels, when known */
  crop: { x: number; y: number; side: number } | null;
  pose: { yaw: number; pitch: number; roll: number } | null;
  /** set when no usable face was found: what the user should do */
  message?: string;
}

type AnalyzePortrait = (input: string, options?: Record<string, unknown>) => Promise<{ analysis: { source: { width: number; height: number }; faces: { boxes: [number, number, number, number][] }; face: { score: number; box: [number, number, number, number]; index: number }; pose: PreviewAnalysis['pose']; crop: { x: number; y: number; side: number } } }>;

let analyzePortrait: AnalyzePortrait | null | undefined;

async function loadAnalyzer(): Promise<AnalyzePortrait | null> {
  if (analyzePortrait !== undefined) return analyzePortrait;
  try {
    const mod = (await import('../analyze/index.ts' as string)) as { analyzePortrait?: AnalyzePortrait };
    analyzePortrait = typeof mod.analyzePortrait === 'function' ? mod.analyzePortrait : null;
  } catch {
    analyzePortrait = null;
  }
  return analyzePortrait;
}

export async function analyzePhotoForPreview(file: string): Promise<PreviewAnalysis> {
  const analyzer = await loadAnalyzer();
  if (analyzer) {
    try {
      const { analysis: a } = await analyzer(file, {});
      // the face the pipeline uses first, the others after it
      const others = a.faces.boxes.filter((_, i) => i !== a.face.index).map((box) => ({ box, score: 0 }));
      return {
        width: a.source.width,
        height: a.source.height,
        faces: [{ box: a.face.box, score: a.face.score }, ...others],
        crop: { x: a.crop.x, y: a.crop.y, side: a.crop.side },
        pose: a.pose,
      };
    } catch (err) {
      if (!(err instanceof Real3dError)) throw err;
      const img = await loadImage(file);
      return { width: img.width, height: img.height, faces: [], crop: null, pose: null, message: err.message.split(file).join('the photo').split(path.basename(file)).join('the photo') };
    }
  }
  const img = await loadImage(file);
  const faces = await detectFaces(img, { embedding: false });
  if (!faces.length) return { width: img.width, height: img.height, faces: [], crop: null, pose: null, message: 'No face found in this photo. Use a photo where one face is clearly visible.' };
  return {
    width: img.width,
    height: img.height,
    faces: faces.map((f) => ({ box: f.box.map((v) => Math.round(v * 10) / 10) as [number, number, number, number], score: Math.round(f.boxScore * 1000) / 1000 })),
    crop: null,
    pose: faces[0]!.pose,
  };
}
