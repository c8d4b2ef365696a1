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
  refineByColour(labels, image, { width, cx, cy, dx, dy, length, sideMin, sideMax });
  const features = new Uint8Array(width * height);
  fillPolygon(features, width, height, polygon(lm as [number, number][], RIGHT_EYE), REGION.eyes);
  fillPolygon(features, width, height, polygon(lm as [number, number][], LEFT_EYE), REGION.eyes);
  fillPolygon(features, width, height, polygon(lm as [number, number][], LIPS_OUTER), REGION.mouth);
  for (let i = 0; i < labels.length; i++) if (features[i]) labels[i] = features[i]!;
  return labels;
}

interface FaceFrame {
  width: number;
  cx: number;
  cy: number;
  /** unit vector from forehead to chin */
  dx: number;
  dy: number;
  /** forehead-to-chin length */
  length: number;
  /** the face oval's extent across the face axis */
  sideMin: number;
  sideMax: number;
}

interface ColourModel {
  mean: [number, number, number];
  sd: [number, number, number];
}

/** Mean and spread of the colours of the picked pixels (spread floored so flat areas still match). */
function colourModel(image: RgbaImage, count: number, pick: (i: number) => boolean): ColourModel | null {
  let n = 0;
  const sum = [0, 0, 0], sq = [0, 0, 0];
  for (let i = 0; i < count; i++) {
    if (!pick(i)) continue;
    for (let c = 0; c < 3; c++) {
      const v = image.data[i * 4 + c]!;
      sum[c]! += v;
      sq[c]! += v * v;
    }
    n++;
  }
  if (n < 50) return null;
  const mean = sum.map((v) => v / n) as [number, number, number];
  const sd = sq.map((v, c) => Math.max(12, Math.sqrt(Math.max(0, v / n - mean[c]! ** 2)))) as [number, number, number];
  return { mean, sd };
}

/** Squared colour distance in units of the model's spread, per channel (about 1 inside the model). */
function colourDistance(image: RgbaImage, i: number, m: ColourModel | null): number {
  if (!m) return Infinity;
  let d2 = 0;
  for (let c = 0; c < 3; c++) d2 += ((image.data[i * 4 + c]! - m.mean[c]) / m.sd[c]) ** 2;
  return d2 / 3;
}

/** Flood from every `from`-labelled pixel into 4-connected `into` pixels that `accept`, relabelling them `from`. */
function grow(labels: Uint8Array, width: number, from: number, into: number, accept: (i: number) => boolean): void {
  const stack = new Int32Array(labels.length);
  let top = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === from) stack[top++] = i;
  while (top > 0) {
    const i = stack[--top]!;
    const x = i % width;
    for (const j of [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, i - width, i + width]) {
      if (j < 0 || j >= labels.length || labels[j] !== into || !accept(j)) continue;
      labels[j] = from;
      stack[top++] = j;
    }
  }
}

/**
 * Geometry puts long hair that falls onto the shoulders in the torso. Hair spreads down from the
 * hair region through hair-coloured pixels (closer to the hair's colour, sampled well above the
 * forehead, than to the neck and chest's), never across the front of the neck.
 * Before that, the forehead above the oval's top landmark is given back to the skin (see extendForehead).
 */
function refineByColour(labels: Uint8Array, image: RgbaImage, f: FaceFrame): void {
  const n = labels.length;
  const down = (i: number) => ((i % f.width) + 0.5 - f.cx) * f.dx + (Math.floor(i / f.width) + 0.5 - f.cy) * f.dy;
  const side = (i: number) => ((i % f.width) + 0.5 - f.cx) * -f.dy + (Math.floor(i / f.width) + 0.5 - f.cy) * f.dx;
  const halfWidth = (f.sideMax - f.sideMin) / 2;
  const hair = colourModel(image, n, (i) => labels[i] === REGION.hair && down(i) < -0.62 * f.length);
  const foreheadSkin = colourModel(image, n, (i) => labels[i] === REGION.skin && down(i) > -0.46 * f.length && down(i) < -0.3 * f.length);
  extendForehead(labels, image, f, foreheadSkin, hair);
  // Ears, and a turned head's far cheek beyond the oval: skin-coloured pixels beside the face, from
  // brow to mouth level and within half a face width of the oval, grown from the skin.
  if (foreheadSkin) {
    grow(labels, f.width, REGION.skin, REGION.hair, (i) => {
      const d = down(i), sd = side(i);
      if (d < -0.3 * f.length || d > 0.3 * f.length) return false;
      if (sd < f.sideMin - halfWidth * 0.5 || sd > f.sideMax + halfWidth * 0.5) return false;
      const ds = colourDistance(image, i, foreheadSkin);
      return ds < 3 && 2 * ds < colourDistance(image, i, hair);
    });
    // the same beside the jaw down to the chin (a turned face's nose and jaw), never under the face
    grow(labels, f.width, REGION.skin, REGION.neckTorso, (i) => {
      const d = down(i), sd = side(i);
      if (d < 0 || d > 0.5 * f.length || (sd >= f.sideMin && sd <= f.sideMax)) return false;
      if (sd < f.sideMin - halfWidth * 0.5 || sd > f.sideMax + halfWidth * 0.5) return false;
      const ds = colourDistance(image, i, foreheadSkin);
      return ds < 3 && 2 * ds < colourDistance(image, i, hair);
    });
  }
  // the front of the neck and chest, never covered by hair
  const torso = colourModel(image, n, (i) => labels[i] === REGION.neckTorso && down(i) > 0.6 * f.length && Math.abs(side(i)) < 0.75 * halfWidth);
  // Only long hair falls below the chin: with little hair-coloured area beside the cheeks (ears,
  // short hair), growing would only leak into clothes of a similar colour.
  let hairLike = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] !== REGION.hair) continue;
    const d = down(i), sd = side(i);
    if (d < -0.1 * f.length || d > 0.3 * f.length || (sd >= f.sideMin && sd <= f.sideMax)) continue;
    if (colourDistance(image, i, hair) < 2.5) hairLike++;
  }
  // hair-coloured area beside the cheeks, in face units: 0.01-0.03 for short hair (test portraits),
  // 0.21-0.53 for long hair, 0.11-0.13 for curls and the cartoon
  if (hairLike < 0.08 * f.length * halfWidth) return;
  grow(labels, f.width, REGION.hair, REGION.neckTorso, (i) => {
    if (down(i) > 2 * f.length || Math.abs(side(i)) < 0.75 * halfWidth) return false;
    const dh = colourDistance(image, i, hair);
    return dh < 4 && dh < colourDistance(image, i, torso);
  });
}

/**
 * The face oval stops mid-forehead (landmark 10). Walk up from its top edge, line by line across
 * the face, while the pixels look like the forehead's skin (and not like the hair), up to 0.35
 * face lengths; median-smooth the heights across the face so the hairline is clean, not ragged;
 * then paint that band as skin.
 */
function extendForehead(labels: Uint8Array, image: RgbaImage, f: FaceFrame, skin: ColourModel | null, hair: ColourModel | null): void {
  if (!skin) return;
  const height = labels.length / f.width;
  const at = (side: number, down: number): number => {
    const x = Math.floor(f.cx + side * -f.dy + down * f.dx), y = Math.floor(f.cy + side * f.dx + down * f.dy);
    return x < 0 || y < 0 || x >= f.width || y >= height ? -1 : y * f.width + x;
  };
  const step = 0.5;
  const from = f.sideMin * 0.8, to = f.sideMax * 0.8;
  const count = Math.max(0, Math.floor((to - from) / step) + 1);
  const edge = new Float32Array(count), rise = new Float32Array(count);
  for (let k = 0; k < count; k++) {
    const side = from + k * step;
    let down = 0;
    for (; down > -0.8 * f.length; down -= step) {
      const i = at(side, down);
      if (i < 0 || labels[i] !== REGION.skin) break;
    }
    edge[k] = down;
    let top = down;
    for (; top > down - 0.35 * f.length; top -= step) {
      const i = at(side, top);
      if (i < 0 || labels[i] !== REGION.hair) break;
      const ds = colourDistance(image, i, skin);
      if (!(ds < 3 && 2 * ds < colourDistance(image, i, hair))) break;
    }
    rise[k] = down - top;
  }
  // median (drops single odd lines) then mean (turns steps into ramps), each over ~5% of the face width
  const half = Math.max(2, Math.round((f.sideMax - f.sideMin) * 0.05 / step));
  const window: number[] = [];
  const median = new Float32Array(count);
  for (let k = 0; k < count; k++) {
    window.length = 0;
    for (let j = Math.max(0, k - half); j <= Math.min(count - 1, k + half); j++) window.push(rise[j]!);
    window.sort((a, b) => a - b);
    median[k] = window[window.length >> 1]!;
  }
  for (let k = 0; k < count; k++) {
    let sum = 0, n = 0;
    for (let j = Math.max(0, k - half); j <= Math.min(count - 1, k + half); j++) { sum += median[j]!; n++; }
    const h = sum / n;
    const side = from + k * step;
    for (let down = edge[k]!; down >= edge[k]! - h; down -= step) {
      const i = at(side, down);
      if (i >= 0 && labels[i] === REGION.hair) labels[i] = REGION.skin;
    }
  }
}
