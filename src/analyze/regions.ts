// Person matte clean-up and the region label map (REGION in types.ts) from landmark polygons + matte.
import type { GrayImage, RgbaImage } from '../types.ts';
import { REGION } from '../types.ts';
import { FACE_OVAL, LEFT_EYE, RIGHT_EYE, LIPS_OUTER, FOREHEAD_TOP, CHIN, polygon } from './landmarks.ts';
import { fillPolygon, keepComponentsTouching, dilate, boxBlur } from './raster.ts';

type Landmarks = readonly (readonly number[])[];

/** Inside-the-face-oval mask (1 byte per pixel). */
export function faceOvalMask(lm: Landmarks, width: number, height: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  fillPolygon(mask, width, height, polygon(lm as [number, number][], FACE_OVAL));
  return mask;
}

/**
 * RVM gives fine edges but can miss whole parts of stylised people (a cartoon's neck). Where the
 * coarse selfie model is sure (> 0.9, eroded away from its blurry edge) and RVM is not, take the
 * selfie value, feathered so no hard seam appears.
 */
export function fuseMattes(fine: GrayImage, coarse: GrayImage): GrayImage {
  const { width, height } = fine;
  const sure = new Uint8Array(width * height);
  for (let i = 0; i < sure.length; i++) sure[i] = coarse.data[i]! > 0.9 ? 0 : 1; // complement, to erode by dilating
  const notInterior = dilate(sure, width, height, Math.round(width / 100));
  const interior = new Float32Array(width * height);
  for (let i = 0; i < interior.length; i++) interior[i] = notInterior[i] ? 0 : 1;
  const feather = boxBlur(interior, width, height, Math.round(width / 128));
  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = Math.max(fine.data[i]!, coarse.data[i]! * feather[i]!);
  return { width, height, data };
}

/**
 * Keeps the matte's parts that are connected to the face (drops other people and false blobs in
 * the background) and makes sure the face itself is fully opaque.
 */
export function cleanMatte(matte: GrayImage, oval: Uint8Array): GrayImage {
  const { width, height } = matte;
  const present = new Uint8Array(width * height);
  for (let i = 0; i < present.length; i++) present[i] = matte.data[i]! > 0.3 || oval[i] ? 1 : 0;
  const kept = keepComponentsTouching(present, oval, width, height);
  // the soft fringe (alpha < 0.3: fine hair, edges) is kept where it borders the kept parts
  const near = dilate(kept, width, height, Math.round(width / 64));
  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = oval[i] ? 1 : near[i] ? matte.data[i]! : 0;
  return { width, height, data };
}

/**
 * Labels: skin inside the face oval, eyes and mouth from their contours, and the rest of the person
 * (matte >= 0.5) split by the face's own axes: beside or above the face is hair (ears included),
 * under the jaw is neck and torso. Works for tilted heads (axes follow forehead-to-chin).
 */
export function labelRegions(lm: Landmarks, matte: GrayImage, oval: Uint8Array, image: RgbaImage): Uint8Array {
  const { width, height } = matte;
  const labels = new Uint8Array(width * height);
  const top = lm[FOREHEAD_TOP]!, chin = lm[CHIN]!;
  const length = Math.max(1e-6, Math.hypot(chin[0]! - top[0]!, chin[1]! - top[1]!));
  // face frame: `down` from forehead to chin, `side` perpendicular
  const dx = (chin[0]! - top[0]!) / length, dy = (chin[1]! - top[1]!) / length;
  const cx = (top[0]! + chin[0]!) / 2, cy = (top[1]! + chin[1]!) / 2;
  let sideMin = Infinity, sideMax = -Infinity;
  for (const k of FACE_OVAL) {
    const s = (lm[k]![0]! - cx) * -dy + (lm[k]![1]! - cy) * dx;
    sideMin = Math.min(sideMin, s);
    sideMax = Math.max(sideMax, s);
  }
  const chinDown = length / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (oval[i]) { labels[i] = REGION.skin; continue; }
      if (matte.data[i]! < 0.5) continue;
      const px = x + 0.5 - cx, py = y + 0.5 - cy;
      const down = px * dx + py * dy;
      const side = px * -dy + py * dx;
      const besideFace = side < sideMin || side > sideMax;
      // beside the face down to just above the chin: hair and ears (not the shoulders' tops)
      const hair = besideFace ? down < chinDown - 0.2 * length : down < 0;
      labels[i] = hair ? REGION.hair : REGION.neckTorso;
    }
  }
  growHairByColour(labels, image, width, height, cx, cy, dx, dy, length, (sideMax - sideMin) / 2);
  const features = new Uint8Array(width * height);
  fillPolygon(features, width, height, polygon(lm as [number, number][], RIGHT_EYE), REGION.eyes);
  fillPolygon(features, width, height, polygon(lm as [number, number][], LEFT_EYE), REGION.eyes);
  fillPolygon(features, width, height, polygon(lm as [number, number][], LIPS_OUTER), REGION.mouth);
  for (let i = 0; i < labels.length; i++) if (features[i]) labels[i] = features[i]!;
  return labels;
}

/**
 * Long hair falls below the chin onto the shoulders, where geometry alone calls it torso. Take the
 * colour of the sure hair (above the face) and let the hair label spread through connected
 * person pixels of that colour, down to 1.5 face lengths under the chin.
 */
function growHairByColour(labels: Uint8Array, image: RgbaImage, width: number, height: number, cx: number, cy: number, dx: number, dy: number, length: number, halfWidth: number): void {
  let n = 0;
  const mean = [0, 0, 0], sq = [0, 0, 0];
  // sample well above the forehead, where no skin is
  const sureHair = (i: number) => {
    const x = i % width, y = (i - x) / width;
    return labels[i] === REGION.hair && (x + 0.5 - cx) * dx + (y + 0.5 - cy) * dy < -0.62 * length;
  };
  for (let i = 0; i < labels.length; i++) {
    if (!sureHair(i)) continue;
    for (let c = 0; c < 3; c++) {
      const v = image.data[i * 4 + c]!;
      mean[c]! += v;
      sq[c]! += v * v;
    }
    n++;
  }
  if (n < 50) return;
  const sd = [0, 1, 2].map((c) => Math.max(12, Math.sqrt(Math.max(0, sq[c]! / n - (mean[c]! / n) ** 2))));
  for (let c = 0; c < 3; c++) mean[c]! /= n;
  const limit = length * 2;
  const stack = new Int32Array(labels.length);
  let top = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === REGION.hair) stack[top++] = i;
  const hairLike = (i: number) => {
    if (labels[i] !== REGION.neckTorso) return false;
    const x = i % width, y = (i - x) / width;
    const px = x + 0.5 - cx, py = y + 0.5 - cy;
    if (px * dx + py * dy > limit) return false;
    // the neck's front, straight under the face, is never hair
    if (Math.abs(px * -dy + py * dx) < halfWidth * 0.75) return false;
    let d2 = 0;
    for (let c = 0; c < 3; c++) d2 += ((image.data[i * 4 + c]! - mean[c]!) / sd[c]!) ** 2;
    return d2 < 2 * 2 * 3;
  };
  while (top > 0) {
    const i = stack[--top]!;
    const x = i % width;
    for (const j of [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, i - width, i + width]) {
      if (j < 0 || j >= labels.length || !hairLike(j)) continue;
      labels[j] = REGION.hair;
      stack[top++] = j;
    }
  }
}
