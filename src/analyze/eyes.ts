// A check for an eye the face mesh missed, and its correction. On a turned, painted face (lp_s10)
// the mesh put the far eye's lid rings and iris 0.74 eye widths below the painted eye; every later
// stage (avatar, blink, gaze, mirror) follows the landmarks, so the painted eye stayed open beside
// the drawn shut one. The check fires only on strong evidence (all of):
//   - at the landmarks' iris the image is nearly as light as the cheek below the eye (no iris there),
//   - a dark disc with a lighter side (an iris with its sclera) lies within about an eye width,
//     much more iris-like than what sits at the landmarks' iris,
//   - it is at least MIN_OFFSET eye widths away.
// Then that eye's landmark group moves onto the disc, scaled to the disc's size, with the points
// around it following with a smooth falloff so the mesh does not fold.
import type { RgbaImage } from '../types.ts';
import { dist, mid, LEFT_EYE, RIGHT_EYE } from './landmarks.ts';

type Landmark = [number, number, number];

/** One eye of the 478-point mesh: its corners and its five iris points (centre first). */
export interface EyeIndices {
  corners: readonly [number, number];
  iris: readonly [number, number, number, number, number];
  /** the lid contour (16 points) */
  contour: readonly number[];
}
/** 468..472 is the IMAGE-right eye's iris (rig/topology.ts), 473..477 the image-left eye's. */
export const IMAGE_RIGHT_EYE: EyeIndices = { corners: [263, 362], iris: [468, 469, 470, 471, 472], contour: LEFT_EYE };
export const IMAGE_LEFT_EYE: EyeIndices = { corners: [33, 133], iris: [473, 474, 475, 476, 477], contour: RIGHT_EYE };

/** Smallest offset, in eye widths, worth moving an eye for (the lp_s10 miss is 0.74). */
const MIN_OFFSET = 0.35;
/** The search reaches this many eye widths around the landmarks' iris. */
const SEARCH_REACH = 1.1;
/**
 * The landmarks' iris counts as "no iris there" above this share of the cheek's lightness. On 67 eyes the
 * mesh found (34 faces) the disc at its iris reads at most 0.62 of the cheek; lp_s10's missed eye 0.86
 * (0.74 at half size, 0.84 mirrored).
 */
const LIGHT_AS_SKIN = 0.7;
/** A found iris: darker than the cheek by this share, its sclera side lighter than it by this share. */
const IRIS_DARKER_THAN_SKIN = 0.3;
const SCLERA_CONTRAST = 0.2;
/** The found disc must be this many times more iris-like than what sits at the landmarks' iris. */
const MARGIN = 2.5;
/**
 * The largest size correction applied (the painted eye / the landmarks' eye). lp_s10 measures 1.6, but
 * its far eye touches the face's silhouette: scaled past ~1.2 the lid ring's outer corner reaches the
 * dark background and the eyeball shows there as a white sliver even at rest (looked at 1.0-1.6).
 */
const MAX_SCALE = 1.2;

export interface EyeMiss {
  /** where the eye's iris is in the image, and the landmarks' iris */
  found: [number, number];
  landmarkIris: [number, number];
  /** offset in eye widths */
  offset: number;
  /** half-width of the found iris / of the landmarks' iris ring (the eye's size, from the image), 1..MAX_SCALE */
  scale: number;
  /** the same measure before the cap (at least 1): how large the painted eye is; the shut eye covers all of it (render/closedEye) */
  size: number;
  /** the evidence: lightness (0..255) of the cheek, at the landmarks' iris, of the found disc and its sclera side */
  skin: number;
  atLandmarks: number;
  disc: number;
  sclera: number;
}

/** Luma 0..255 of an RGBA image (Rec. 601). */
export function lumaOf(img: RgbaImage): Float32Array {
  const out = new Float32Array(img.width * img.height);
  for (let i = 0, j = 0; i < out.length; i++, j += 4) out[i] = 0.299 * img.data[j]! + 0.587 * img.data[j + 1]! + 0.114 * img.data[j + 2]!;
  return out;
}

interface Luma { width: number; height: number; data: Float32Array }

/** Mean lightness in a disc (or an annulus sector: |angle from horizontal| <= maxAngle on either side). */
function meanIn(l: Luma, cx: number, cy: number, r0: number, r1: number, side: 'all' | 'left' | 'right' = 'all'): number {
  let sum = 0, n = 0;
  const R = Math.ceil(r1);
  for (let dy = -R; dy <= R; dy++) {
    const y = Math.round(cy + dy);
    if (y < 0 || y >= l.height) continue;
    for (let dx = -R; dx <= R; dx++) {
      const x = Math.round(cx + dx);
      if (x < 0 || x >= l.width) continue;
      const d = Math.hypot(dx, dy);
      if (d < r0 || d > r1) continue;
      // a sclera side: within 45 degrees of horizontal
      if (side !== 'all' && (Math.abs(dy) > Math.abs(dx) || (side === 'left' ? dx > 0 : dx < 0))) continue;
      sum += l.data[y * l.width + x]!;
      n++;
    }
  }
  return n > 0 ? sum / n : NaN;
}

/** How iris-like a disc of radius r at (x, y) is: its lighter side ring minus the disc (grey levels). */
function irisScore(l: Luma, x: number, y: number, r: number): { score: number; disc: number; sclera: number } {
  const disc = meanIn(l, x, y, 0, r);
  const sclera = Math.max(meanIn(l, x, y, r * 1.2, r * 2, 'left'), meanIn(l, x, y, r * 1.2, r * 2, 'right'));
  return { score: sclera - disc, disc, sclera };
}

/** Median lightness in a square of half-side h at (x, y). */
function medianIn(l: Luma, x: number, y: number, h: number): number {
  const values: number[] = [];
  for (let yy = Math.round(y - h); yy <= Math.round(y + h); yy++) {
    for (let xx = Math.round(x - h); xx <= Math.round(x + h); xx++) {
      if (xx >= 0 && yy >= 0 && xx < l.width && yy < l.height) values.push(l.data[yy * l.width + xx]!);
    }
  }
  values.sort((a, b) => a - b);
  return values.length ? values[values.length >> 1]! : NaN;
}

/** The evidence that the landmarks missed this eye, or null when they did not (or it is not clear). */
export function findMissedEye(l: Luma, lm: readonly Landmark[], eye: EyeIndices): EyeMiss | null {
  const width = dist(lm[eye.corners[0]]!, lm[eye.corners[1]]!);
  if (!(width >= 6)) return null; // too small to judge
  const c = lm[eye.iris[0]]!;
  const ring = eye.iris.slice(1).map((k) => dist(lm[k]!, c));
  const irisR = Math.max(1.5, ring.reduce((a, b) => a + b, 0) / ring.length);
  const centre = mid(lm[eye.corners[0]]!, lm[eye.corners[1]]!);
  const skin = medianIn(l, centre[0], centre[1] + 1.2 * width, 0.25 * width);
  const here = irisScore(l, c[0], c[1], irisR);
  if (!(here.disc >= LIGHT_AS_SKIN * skin)) return null; // an iris (or something dark) is where the landmarks say
  // the most iris-like disc around, over radii from 0.7 to 1.6 of the landmarks' iris radius
  let best = { score: -Infinity, x: 0, y: 0, r: irisR, disc: 0, sclera: 0 };
  const reach = SEARCH_REACH * width;
  const step = Math.max(1, irisR / 4);
  for (let dy = -reach; dy <= reach; dy += step) {
    for (let dx = -reach; dx <= reach; dx += step) {
      if (dx * dx + dy * dy > reach * reach) continue;
      for (const k of [0.7, 0.85, 1, 1.2, 1.4, 1.6]) {
        const s = irisScore(l, c[0] + dx, c[1] + dy, irisR * k);
        if (s.score > best.score) best = { score: s.score, x: c[0] + dx, y: c[1] + dy, r: irisR * k, disc: s.disc, sclera: s.sclera };
      }
    }
  }
  const offset = Math.hypot(best.x - c[0], best.y - c[1]) / width;
  const atLandmarks = irisScore(l, c[0], c[1], best.r).score;
  const strong =
    best.disc <= (1 - IRIS_DARKER_THAN_SKIN) * skin &&
    best.score >= SCLERA_CONTRAST * skin &&
    best.score >= MARGIN * Math.max(atLandmarks, 0.04 * skin) &&
    offset >= MIN_OFFSET;
  if (!strong) return null;
  // the iris centre: the darkness-weighted centroid of the disc; its size: the half-width of the
  // dark run along its row, against the landmarks' iris ring across (the eye scales with its iris)
  const midLevel = (best.disc + best.sclera) / 2;
  let [fx, fy] = [best.x, best.y];
  for (let k = 0; k < 5; k++) [fx, fy] = darkCentroid(l, fx, fy, 2 * best.r, midLevel);
  const ringHalfWidth = Math.max(1, ...eye.iris.slice(1).map((k) => Math.abs(lm[k]![0] - c[0])));
  const size = Math.max(1, darkHalfWidth(l, fx, fy, 3 * best.r, midLevel) / ringHalfWidth);
  const scale = Math.min(MAX_SCALE, size);
  return {
    found: [fx, fy], landmarkIris: [c[0], c[1]], offset: Math.hypot(fx - c[0], fy - c[1]) / width,
    scale, size,
    skin, atLandmarks: here.disc, disc: best.disc, sclera: best.sclera,
  };
}

/** Centroid of the pixels darker than `level` within radius r of (x, y), weighted by how much darker. */
function darkCentroid(l: Luma, x: number, y: number, r: number, level: number): [number, number] {
  let sx = 0, sy = 0, sw = 0;
  for (let yy = Math.round(y - r); yy <= Math.round(y + r); yy++) {
    for (let xx = Math.round(x - r); xx <= Math.round(x + r); xx++) {
      if (xx < 0 || yy < 0 || xx >= l.width || yy >= l.height || Math.hypot(xx - x, yy - y) > r) continue;
      const w = Math.max(0, level - l.data[yy * l.width + xx]!);
      sx += w * xx; sy += w * yy; sw += w;
    }
  }
  return sw > 0 ? [sx / sw, sy / sw] : [x, y];
}

/** Mean of the left and right distances from (x, y) to where a 3-row band gets lighter than `level`. */
function darkHalfWidth(l: Luma, x: number, y: number, reach: number, level: number): number {
  const at = (xx: number) => {
    let s = 0, n = 0;
    for (let dy = -1; dy <= 1; dy++) {
      const yy = Math.round(y) + dy, xi = Math.round(xx);
      if (yy >= 0 && yy < l.height && xi >= 0 && xi < l.width) { s += l.data[yy * l.width + xi]!; n++; }
    }
    return n ? s / n : Infinity;
  };
  const run = (dir: number) => {
    for (let d = 1; d <= reach; d++) if (at(x + dir * d) > level) return d - 0.5;
    return reach;
  };
  return (run(-1) + run(1)) / 2;
}

function smoothstep(a: number, b: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
}

/**
 * Moves one eye's landmark group onto the found eye: the points within 0.75 eye widths of the eye
 * (lid rings, iris) move and scale rigidly about the iris; farther points follow with a falloff
 * wide enough (2.5 offsets) that the mesh keeps its order (no folds). z is kept.
 */
export function moveEye(lm: readonly Landmark[], eye: EyeIndices, miss: EyeMiss): Landmark[] {
  const width = dist(lm[eye.corners[0]]!, lm[eye.corners[1]]!);
  const centre = mid(lm[eye.corners[0]]!, lm[eye.corners[1]]!);
  const [ox, oy] = miss.landmarkIris;
  const shift = [miss.found[0] - ox, miss.found[1] - oy] as const;
  const inner = 0.75 * width;
  const outer = inner + Math.max(width, 2.5 * Math.hypot(shift[0], shift[1]) + (miss.scale - 1) * 2 * inner);
  const irisPoints = new Set<number>(eye.iris);
  // The lid opening is centred vertically on the found iris (an eye at rest): the mesh that missed
  // the eye also put its iris low in its own lid ring (lp_s10: 2 px below the ring centre).
  const ringMeanY = eye.contour.reduce((sum, k) => sum + lm[k]![1], 0) / eye.contour.length;
  const lidShiftY = (oy - ringMeanY) * miss.scale;
  return lm.map((p, i) => {
    // the other eye's iris never follows (it may lie within the falloff on a small face)
    if (i >= 468 && !irisPoints.has(i)) return p;
    const w = irisPoints.has(i) ? 1 : 1 - smoothstep(inner, outer, dist(p, centre));
    if (w === 0) return p;
    const x = p[0] + w * (shift[0] + (miss.scale - 1) * (p[0] - ox));
    const y = p[1] + w * (shift[1] + (miss.scale - 1) * (p[1] - oy) + (irisPoints.has(i) ? 0 : lidShiftY));
    return [x, y, p[2]] as Landmark;
  });
}

export interface EyeCorrection {
  landmarks: Landmark[];
  /** one entry per eye moved */
  moved: { eye: 'image-left' | 'image-right'; miss: EyeMiss }[];
}

/** Checks both eyes and moves the missed ones; returns the input array itself when none is moved. */
export function correctMissedEyes(img: RgbaImage, lm: Landmark[]): EyeCorrection {
  const l: Luma = { width: img.width, height: img.height, data: lumaOf(img) };
  let out = lm;
  const moved: EyeCorrection['moved'] = [];
  for (const [name, eye] of [['image-left', IMAGE_LEFT_EYE], ['image-right', IMAGE_RIGHT_EYE]] as const) {
    const miss = findMissedEye(l, lm, eye);
    if (!miss) continue;
    out = moveEye(out, eye, miss);
    moved.push({ eye: name, miss });
  }
  return { landmarks: out, moved };
}
