// Finding faces in a photo of any size. The detector sees a 256 px view, so a small face in a large
// image is lost on the overview; then overlapping windows are searched at higher resolution
// (like the reference's auto-crop for small faces).
import type { RgbaImage } from '../types.ts';
import { detectFaces, type DetectedFace } from '../face/detect.ts';
import { resizeImage } from '../io/image.ts';
import { CancelledError } from '../errors.ts';

/** Long side of the overview the first detection runs on. */
const OVERVIEW_SIDE = 1024;
/** Long side each search window is resized to. */
const WINDOW_SIDE = 640;

export interface LocateResult {
  /** faces in image pixels, largest first (no embeddings) */
  faces: DetectedFace[];
  /** how they were found */
  search: 'overview' | 'windows';
}

export async function locateFaces(img: RgbaImage, signal?: AbortSignal): Promise<LocateResult> {
  const overview = await detectScaled(img, 0, 0, img.width, img.height, OVERVIEW_SIDE);
  if (overview.length > 0) return { faces: overview, search: 'overview' };
  // Nothing on the overview: search windows of half, then a quarter of the short side.
  const found: DetectedFace[] = [];
  const short = Math.min(img.width, img.height);
  for (const fraction of [0.5, 0.25]) {
    const side = Math.round(short * fraction);
    if (side < 96) break;
    const stride = Math.round(side / 2);
    for (const wy of windowStarts(img.height, side, stride)) {
      for (const wx of windowStarts(img.width, side, stride)) {
        if (signal?.aborted) throw new CancelledError();
        for (const face of await detectScaled(img, wx, wy, side, side, WINDOW_SIDE)) addUnique(found, face);
      }
    }
    if (found.length > 0) break;
  }
  found.sort((a, b) => b.box[2] * b.box[3] - a.box[2] * a.box[3]);
  return { faces: found, search: 'windows' };
}

/**
 * Drops weak detections: every portrait in the test set scores >= 0.85 (detector) and 1.0 (mesh);
 * texture that fools the detector (foliage in a painting's landscape) scores ~0.3 on both.
 */
export function plausibleFace(f: DetectedFace): boolean {
  return f.boxScore >= MIN_BOX_SCORE && f.meshScore >= MIN_MESH_SCORE;
}
export const MIN_BOX_SCORE = 0.5;
export const MIN_MESH_SCORE = 0.6;

/** Window starts covering [0, limit) with windows of `side` every `stride`, the last flush with the end. */
function windowStarts(limit: number, side: number, stride: number): number[] {
  const starts: number[] = [];
  for (let s = 0; s + side < limit; s += stride) starts.push(s);
  starts.push(Math.max(0, limit - side));
  return starts;
}

/** Detects in a window of the image (resized so its long side is at most maxSide) and maps back. */
async function detectScaled(img: RgbaImage, x: number, y: number, w: number, h: number, maxSide: number): Promise<DetectedFace[]> {
  const scale = Math.min(1, maxSide / Math.max(w, h));
  let view = img;
  if (x !== 0 || y !== 0 || w !== img.width || h !== img.height) view = cutOut(img, x, y, w, h);
  if (scale < 1) view = await resizeImage(view, Math.max(1, Math.round(w * scale)), Math.max(1, Math.round(h * scale)));
  const sx = w / view.width, sy = h / view.height;
  const faces = (await detectFaces(view, { embedding: false })).filter(plausibleFace);
  return faces.map((f) => mapFace(f, (px, py) => [x + px * sx, y + py * sy], (sx + sy) / 2));
}

/** A face with every coordinate passed through `map` (z scaled by `zScale`). */
export function mapFace(f: DetectedFace, map: (x: number, y: number) => [number, number], zScale: number): DetectedFace {
  const landmarks = f.landmarks.map(([px, py, pz]) => [...map(px, py), pz * zScale] as [number, number, number]);
  const [bx, by] = map(f.box[0], f.box[1]);
  const [bx2, by2] = map(f.box[0] + f.box[2], f.box[1] + f.box[3]);
  return {
    ...f,
    box: [bx, by, bx2 - bx, by2 - by],
    landmarks,
    iris: { left: map(...f.iris.left), right: map(...f.iris.right) },
  };
}

function cutOut(img: RgbaImage, x: number, y: number, w: number, h: number): RgbaImage {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let row = 0; row < h; row++) {
    const from = ((y + row) * img.width + x) * 4;
    data.set(img.data.subarray(from, from + w * 4), row * w * 4);
  }
  return { width: w, height: h, data };
}

function iou(a: DetectedFace['box'], b: DetectedFace['box']): number {
  const ix = Math.max(0, Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]));
  const iy = Math.max(0, Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]));
  const inter = ix * iy;
  return inter / (a[2] * a[3] + b[2] * b[3] - inter);
}

/** Adds a face found in overlapping windows unless it is already there (then keeps the surer one). */
function addUnique(list: DetectedFace[], face: DetectedFace): void {
  const same = list.findIndex((f) => iou(f.box, face.box) > 0.3);
  if (same < 0) list.push(face);
  else if (face.boxScore > list[same]!.boxScore) list[same] = face;
}
