// Past the photo's edges: where the head-and-shoulders crop reaches beyond the photo, the missing
// pixels are synthesised from the photo's own texture (synthesis.ts), guided by a person matte
// continued into the missing area: the torso goes on downward as cloth, background beside it as
// background, and a head cut by the photo's top is completed as a rounded cap of hair with a soft
// outline (not a straight cut, not a column). Nothing is stretched from the last row or column.
import type { GrayImage, RgbaImage } from '../types.ts';
import { synthesize } from './synthesis.ts';
import { toColour, fromColour, seamCorrect, broadShadingFromMembrane } from './inpaint.ts';
import { boxBlur, dilate } from './raster.ts';
import { FOREHEAD_TOP, CHIN } from './landmarks.ts';
import { smoothstep } from '../math/smooth.ts';
import { addHairCap } from './hairCap.ts';

type Landmarks = readonly (readonly number[])[];

/** Pixels whose centre lies outside the valid rectangle [x0, y0, x1, y1] (crop pixels). */
export function inventedMask(width: number, height: number, valid: readonly number[]): Uint8Array {
  const m = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    const cx = x + 0.5, cy = y + 0.5;
    m[y * width + x] = cx < valid[0]! || cy < valid[1]! || cx > valid[2]! || cy > valid[3]! ? 1 : 0;
  }
  return m;
}

/**
 * The matte continued past the photo: below and beside it, the matte along the nearest edge,
 * smoothed along that edge (a torso goes on as it left the frame, without the stripes a single
 * row would draw); above it, the person along the top rows (gaps of stray hairs closed) grows an
 * elliptic cap up to the expected top of the head (1.55 face lengths above the chin), with a 4 px
 * soft outline.
 */
export function continueMatte(matte: GrayImage, invented: Uint8Array, valid: readonly number[], lm: Landmarks): Float32Array {
  const { width: w, height: h } = matte;
  const x0 = Math.max(0, Math.ceil(valid[0]! - 0.5)), y0 = Math.max(0, Math.ceil(valid[1]! - 0.5));
  const x1 = Math.min(w - 1, Math.floor(valid[2]! - 0.5)), y1 = Math.min(h - 1, Math.floor(valid[3]! - 0.5));
  const out = Float32Array.from(matte.data);
  const radius = Math.max(2, Math.round(w / 50));
  const profile = (count: number, at: (k: number) => number) => smooth1d(Float32Array.from({ length: count }, (_, k) => at(k)), radius);
  const clampX = (x: number) => Math.min(x1, Math.max(x0, x)), clampY = (y: number) => Math.min(y1, Math.max(y0, y));
  // profiles pushed toward 0/1: a half-transparent edge continued for tens of pixels is a ghost
  const firm = (v: number) => smoothstep(0.25, 0.75, v);
  const bottom = profile(w, (x) => firm(matte.data[y1 * w + clampX(x)]!));
  const left = profile(h, (y) => firm(matte.data[clampY(y) * w + x0]!));
  const right = profile(h, (y) => firm(matte.data[clampY(y) * w + x1]!));
  // Beside the head (above the chin) the person does not go on sideways (hair falls, it does not
  // stretch): it ends in a soft edge a few pixels past the photo. Below the chin shoulders do.
  const chinY = lm[CHIN]![1]!;
  const fadeOut = Math.max(3, Math.round(w / 80));
  // A shoulder that leaves the photo at a side goes on sloping down outward (the slope of its top
  // outline just inside the photo, at least 0.25): continuing each row sideways drew a flat step.
  const slopeLeft = shoulderSlope(matte, left, x0, 1, chinY, y1), slopeRight = shoulderSlope(matte, right, x1, -1, chinY, y1);
  // Where the sideways continuation starts (chin height) drops outward too, at least 0.6 px per
  // px: hair or a collar at the photo's side edge at chin height went on as a block with a flat
  // top (st_happy's dark-brown rectangle beside the hair on a turn)
  const sideways = (y: number, d: number, slope: number) => {
    const drop = Math.max(0.6, slope) * d;
    const below = smoothstep(chinY - 0.05 * w + drop, chinY + 0.05 * w + drop, y);
    return below + (1 - below) * (1 - smoothstep(0, fadeOut, d));
  };
  const sideAt = (profile: Float32Array, slope: number, y: number, d: number) => profile[clampY(Math.round(y - slope * d * smoothstep(chinY, chinY + 0.1 * w, y)))]!;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    if (!invented[i]) continue;
    out[i] = y < y0 ? 0
      : x < x0 ? sideAt(left, slopeLeft, y, x0 - x) * sideways(y, x0 - x, slopeLeft)
      : x > x1 ? sideAt(right, slopeRight, y, x - x1) * sideways(y, x - x1, slopeRight)
      : y > y1 ? bottom[x]!
      : matte.data[i]!; // the thin seam inside the photo keeps its own matte
  }
  if (y0 > 0) addHairCap(out, matte.data, w, y0, profile(w, (x) => matte.data[y0 * w + clampX(x)]!), lm);
  // hair cut by a side edge above the chin: a rounded end instead of a straight cut
  if (x0 > 0) addSideCaps(out, w, x0, -1, left, y0, Math.min(y1, Math.round(chinY)), lm);
  if (x1 < w - 1) addSideCaps(out, w, x1, 1, right, y0, Math.min(y1, Math.round(chinY)), lm);
  const soft = boxBlur(out, w, h, 1);
  for (let i = 0; i < out.length; i++) if (invented[i]) out[i] = soft[i]!;
  return out;
}

/**
 * Each long run of person along a side edge (column `edge`, rows from..to) ends in a half-ellipse
 * outward (`dir` -1 = left, 1 = right), as deep as half its length allows, at most 0.3 face
 * lengths and never past the crop.
 */
function addSideCaps(out: Float32Array, w: number, edge: number, dir: number, profile: Float32Array, from: number, to: number, lm: Landmarks): void {
  const faceLength = Math.hypot(lm[CHIN]![0]! - lm[FOREHEAD_TOP]![0]!, lm[CHIN]![1]! - lm[FOREHEAD_TOP]![1]!);
  for (let y = from; y <= to; ) {
    if (profile[y]! < 0.5) { y++; continue; }
    // gaps between strands closed; short runs (a lock of hair) get no cap
    let end = y;
    for (let k = y; k <= to && k <= end + Math.round(0.05 * w); k++) if (profile[k]! >= 0.5) end = k;
    if (end - y < 0.2 * faceLength) { y = end + 1; continue; }
    const half = (end - y + 1) / 2, centre = (y + end + 1) / 2;
    const room = dir < 0 ? edge : w - 1 - edge;
    const depth = Math.min(0.6 * half, 0.3 * faceLength, room);
    for (let k = 1; k <= room && depth > 1; k++) {
      const d = (k - 0.5) / depth;
      if (d >= 1) break;
      const hh = half * Math.sqrt(1 - d * d);
      const x = edge + dir * k;
      const h = out.length / w;
      for (let py = Math.max(0, Math.floor(centre - hh - 3)); py <= Math.min(h - 1, Math.ceil(centre + hh + 3)); py++) {
        const a = Math.min(1, Math.max(0, 0.5 + (hh - Math.abs(py + 0.5 - centre)) / 4));
        out[py * w + x] = Math.max(out[py * w + x]!, a);
      }
    }
    y = end + 1;
  }
}

/**
 * How fast the shoulder's top outline drops per pixel outward at a side edge (column `edge`,
 * inward direction `inward`): the first person row below the chin on the edge profile against
 * the same 8% of the width inside. 0.25..1.5; 0.25 when there is no shoulder to measure.
 */
function shoulderSlope(matte: GrayImage, edgeProfile: Float32Array, edge: number, inward: number, chinY: number, y1: number): number {
  const w = matte.width;
  const k = Math.max(4, Math.round(0.08 * w));
  const inner = Math.min(w - 1, Math.max(0, edge + inward * k));
  const firstPerson = (at: (y: number) => number) => { for (let y = Math.max(0, Math.round(chinY)); y <= y1; y++) if (at(y) >= 0.5) return y; return -1; };
  const yEdge = firstPerson((y) => edgeProfile[y]!), yInner = firstPerson((y) => matte.data[y * w + inner]!);
  if (yEdge < 0 || yInner < 0) return 0.25;
  return Math.min(1.5, Math.max(0.25, (yEdge - yInner) / k));
}

/** Box smoothing of a 1-D profile, edges clamped. */
function smooth1d(v: Float32Array, r: number): Float32Array {
  const out = new Float32Array(v.length);
  for (let k = 0; k < v.length; k++) {
    let s = 0, n = 0;
    for (let j = Math.max(0, k - r); j <= Math.min(v.length - 1, k + r); j++) { s += v[j]!; n++; }
    out[k] = s / n;
  }
  return out;
}

/**
 * Cloth continued below or beside the photo (below the chin) loses its fine detail with the
 * distance from the photo, down to half at ~0.1 of the side: the copied knit or print would
 * otherwise repeat at full contrast, while a real chest recedes out of the light and focus. The
 * detail is taken against a local mean over the person only (no background bleeds in). In place.
 */
function fadeClothDetail(colour: Float32Array, w: number, h: number, invented: Uint8Array, matte: Float32Array, valid: readonly number[], chinY: number): void {
  const r = Math.max(2, Math.round(w / 64));
  const person = Float32Array.from(matte, (v) => (v >= 0.5 ? 1 : 0));
  const weight = boxBlur(boxBlur(person, w, h, r), w, h, r);
  const lows = [0, 1, 2].map((c) => {
    const plane = Float32Array.from(person, (p, i) => p * colour[i * 3 + c]!);
    return boxBlur(boxBlur(plane, w, h, r), w, h, r);
  });
  const reach = 0.1 * w;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    if (!invented[i] || matte[i]! < 0.1 || weight[i]! < 0.05 || y < chinY) continue;
    const d = Math.max(0, valid[0]! - (x + 0.5), x + 0.5 - valid[2]!, y + 0.5 - valid[3]!);
    const keep = 0.5 + 0.5 * Math.exp(-d / reach);
    for (let c = 0; c < 3; c++) {
      const low = lows[c]![i]! / weight[i]!;
      colour[i * 3 + c] = low + keep * (colour[i * 3 + c]! - low);
    }
  }
}

/**
 * The broad colour layout below the chin, 3 floats per pixel: the image (in the hole: the faded
 * padding, the photo's edge rows and columns blurred more with the distance) blurred over ~1/20
 * of the side, faded in over 0.05 of the side below the chin and 0 above it, so a guide channel
 * built from it leaves the head and the hair cap to the matte guide alone (there the padding's
 * spread hair colour drew stray hair tips into the background beside the cap).
 */
export function bodyLayout(image: RgbaImage, chinY: number): Float32Array {
  const { width: w, height: h } = image;
  const r = Math.max(2, Math.round(w / 40));
  const out = new Float32Array(w * h * 3);
  for (let c = 0; c < 3; c++) {
    const plane = Float32Array.from({ length: w * h }, (_, i) => image.data[i * 4 + c]!);
    const low = boxBlur(boxBlur(plane, w, h, r), w, h, r);
    for (let i = 0; i < w * h; i++) out[i * 3 + c] = smoothstep(chinY, chinY + 0.05 * w, Math.floor(i / w)) * low[i]!;
  }
  return out;
}

export interface Extended {
  image: RgbaImage;
  matte: GrayImage;
  invented: Uint8Array;
}

/**
 * Synthesises the crop's invented pixels, and `inset` pixels inside the photo's edge too (the
 * resize kernel mixed the edge-repeated padding into them). `faceOval` pixels (dilated) are never copied: the cap of
 * hair must be made of hair, not forehead. The continued matte is a guide channel of the
 * synthesis, so person patches land on the person and background patches on the background.
 */
export function extendPastPhoto(image: RgbaImage, matte: GrayImage, valid: readonly number[], lm: Landmarks, faceOval: Uint8Array, inset = 2, keepOut?: Uint8Array): Extended {
  const { width: w, height: h } = image;
  const invented = inventedMask(w, h, valid);
  let any = false;
  for (let i = 0; i < invented.length && !any; i++) any = invented[i] === 1;
  if (!any) return { image, matte, invented };
  const clean = [valid[0]! > 0 ? valid[0]! + inset : 0, valid[1]! > 0 ? valid[1]! + inset : 0, valid[2]! < w ? valid[2]! - inset : w, valid[3]! < h ? valid[3]! - inset : h];
  const hole = inventedMask(w, h, clean);
  const guideMatte = continueMatte(matte, hole, clean, lm);
  // guide: the continued matte (person patches land on the person), and below the chin the
  // broad colour layout (bodyLayout): a neck cut by the photo's bottom goes on as skin, a shirt as
  // shirt and hair as hair, instead of whichever person patch fits best (st_happy: a dark band of
  // hair-like texture under the whole photo, with a straight top edge)
  // (only when something below the chin is missing: else the matte alone, at a quarter of the cost)
  const chinRow = Math.max(0, Math.ceil(lm[CHIN]![1]!));
  const below = hole.subarray(Math.min(h, chinRow) * w).includes(1);
  const G = below ? 4 : 1;
  const guide = new Float32Array(w * h * G);
  const layout = below ? bodyLayout(image, lm[CHIN]![1]!) : null;
  for (let i = 0; i < w * h; i++) {
    guide[i * G] = guideMatte[i]! * 180;
    if (layout) for (let c = 0; c < 3; c++) guide[i * G + 1 + c] = layout[i * 3 + c]!;
  }
  // the face (grown above the chin, so no forehead lands in a hair cap) is never a source; the
  // neck below the chin is: a neck cut by the photo's bottom goes on as skin, not as hair
  const face = dilate(faceOval, w, h, Math.round(w / 40));
  const chinY = lm[CHIN]![1]!;
  const source = new Uint8Array(w * h);
  for (let i = 0; i < source.length; i++) source[i] = hole[i] || faceOval[i] || (face[i] && Math.floor(i / w) < chinY) ? 0 : 1;
  if (keepOut) for (let i = 0; i < source.length; i++) if (keepOut[i]) source[i] = 0; // text and watermark strokes (thinStrokes.ts)
  const colour = synthesize({ width: w, height: h, colour: toColour(image), hole, source, guide, guideChannels: G }, { positionWeight: 0.3, seed: 7 });
  // shading matched at the border, person and background each on their own
  const person = Uint8Array.from(guideMatte, (v) => (v >= 0.1 ? 1 : 0));
  seamCorrect(colour, image, hole, person);
  // the background's broad shading from a membrane over the background alone (no seams where
  // fills from different borders meet; the person's colours never enter it)
  const notBackground = Uint8Array.from(hole, (v, i) => (v || person[i] ? 1 : 0));
  const backgroundHole = Uint8Array.from(hole, (v, i) => (v && !person[i] ? 1 : 0));
  broadShadingFromMembrane(colour, image, notBackground, backgroundHole, Uint8Array.from(notBackground, (v) => 1 - v), 7);
  fadeClothDetail(colour, w, h, invented, guideMatte, valid, chinY);
  // Across the seam inside the photo, cross-fade from the synthesis to the photo's own (partly
  // padded) pixels over the inset, so the join is a blend, not a line.
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    if (!hole[i] || invented[i]) continue;
    const cx = x + 0.5, cy = y + 0.5;
    const depth = Math.min(cx - valid[0]!, cy - valid[1]!, valid[2]! - cx, valid[3]! - cy); // 0..inset into the photo
    const t = Math.min(1, Math.max(0, depth / (inset + 1)));
    for (let c = 0; c < 3; c++) colour[i * 3 + c] = colour[i * 3 + c]! * (1 - t) + image.data[i * 4 + c]! * t;
  }
  return { image: fromColour(colour, w, h), matte: { width: w, height: h, data: guideMatte }, invented };
}
