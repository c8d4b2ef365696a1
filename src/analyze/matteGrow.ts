// The person matte's misses beside the person: parts the segmenters left out although they look
// nothing like the backdrop around them (the end of Vermeer's turban hanging over the shoulder, a
// notch of dark hair against a green wall). Left out, such a part falls into the background plate's
// hole and is painted over by the inpainting, so even the photo's own pose showed a grey blur where
// the cloth was (lp_s10) and a pale wedge in the hair (lp_s11). Here they join the person when they
// touch it and differ clearly from the backdrop nearby. Shadow-like pixels (darker, same hue as the
// backdrop) stay out: a shadow on the wall must not move with the head.
import type { GrayImage, RgbaImage } from '../types.ts';
import { boxBlur, dilate, distanceToOutside } from './raster.ts';

/** Matte above this is the person the growth starts from. */
const PERSON = 0.5;
/** Matte under this, at least BACKDROP_CLEAR of the side away from the person, is sure backdrop. */
const BACKDROP = 0.02;
const BACKDROP_CLEAR = 1 / 32;
/** Radius (share of the side) of the neighbourhood whose backdrop a pixel is compared with, and of the wider one that first
 *  finds the backdrop's outliers (missed parts far from the person, other objects). */
const NEIGHBOURHOOD = 1 / 12;
const WIDE_NEIGHBOURHOOD = 1 / 4;
/** How far from the person (share of the side) a missed part may reach. */
const REACH = 1 / 6;
/** A pixel differs clearly from its backdrop at this RGB distance, or UNLIKE_SPREAD times the backdrop's spread if larger. */
const UNLIKE_DISTANCE = 60;
const UNLIKE_SPREAD = 3;
/** A darker pixel whose colour (luma removed) is within this of the backdrop's reads as a shadow. */
const SHADOW_CHROMA = 20;
/** Gaps up to twice this many pixels wide between a grown part and the person close (the soft rim of a hole the
 *  segmenter cut in the cloth: in between in colour, so not unlike the backdrop, it drew a dark line). */
const CLOSE_RADIUS = 2;
/** No growth within this share of the side of the face oval: the face's own soft outline (lp_s10's far cheek)
 *  grown solid became a skin fleck floating beside the face at +25, where the turn opens the head sheet there. */
const FACE_CLEAR = 1 / 16;
/** Matte at or above this is solid person for the closing. */
const SOLID = 0.98;
/** Less backdrop than this share of the neighbourhood: nothing to compare with, no growth. */
const MIN_BACKDROP_SHARE = 0.05;

/** Per pixel, the backdrop's mean colour and spread (RGB distance sd) around it, and how much backdrop it saw. */
interface BackdropStats { mean: Float32Array[]; spread: Float32Array; share: Float32Array }

function backdropStats(image: RgbaImage, sure: Float32Array, radius: number): BackdropStats {
  const { width: w, height: h, data } = image;
  const share = boxBlur(sure, w, h, radius);
  const mean: Float32Array[] = [];
  const spreadSq = new Float32Array(w * h);
  for (let c = 0; c < 3; c++) {
    const v = new Float32Array(w * h), v2 = new Float32Array(w * h);
    for (let i = 0; i < w * h; i++) { const x = data[i * 4 + c]! * sure[i]!; v[i] = x; v2[i] = x * data[i * 4 + c]!; }
    const m = boxBlur(v, w, h, radius), m2 = boxBlur(v2, w, h, radius);
    for (let i = 0; i < w * h; i++) {
      const s = share[i]!;
      m[i] = s > 0 ? m[i]! / s : 0;
      spreadSq[i] += s > 0 ? Math.max(0, m2[i]! / s - m[i]! * m[i]!) : 0;
    }
    mean.push(m);
  }
  return { mean, spread: spreadSq.map(Math.sqrt), share };
}

/** Whether colour `c` (RGB) differs clearly from a backdrop of mean `m` and spread `spread`, and is not its shadow. */
export function unlikeBackdrop(c: readonly number[], m: readonly number[], spread: number): boolean {
  return unlikeRgb(c[0]!, c[1]!, c[2]!, m[0]!, m[1]!, m[2]!, spread);
}

function unlikeRgb(r: number, g: number, b: number, mr: number, mg: number, mb: number, spread: number): boolean {
  const d = Math.hypot(r - mr, g - mg, b - mb);
  if (d <= Math.max(UNLIKE_DISTANCE, UNLIKE_SPREAD * spread)) return false;
  const luma = (r + g + b) / 3, backLuma = (mr + mg + mb) / 3;
  const chroma = Math.hypot(r - luma - (mr - backLuma), g - luma - (mg - backLuma), b - luma - (mb - backLuma));
  return !(luma < backLuma && chroma < SHADOW_CHROMA);
}

/**
 * The matte with the missed parts added (1 inside, a 1-px soft edge): pixels inside the photo's own
 * `valid` rectangle [x0, y0, x1, y1], within REACH of the person and at least FACE_CLEAR from the face
 * oval (`faceOval`, 1 inside), connected to the person through pixels that all differ clearly from their backdrop.
 */
export function growMatteIntoUnlikeBackdrop(matte: GrayImage, image: RgbaImage, valid: readonly number[], faceOval: Uint8Array): GrayImage {
  const { width: w, height: h } = matte;
  const side = Math.max(w, h);
  const inPhoto = (i: number) => { const x = (i % w) + 0.5, y = Math.floor(i / w) + 0.5; return x >= valid[0]! && y >= valid[1]! && x <= valid[2]! && y <= valid[3]!; };
  const fromPerson = distanceToOutside((i) => matte.data[i]! > PERSON, w, h, side * REACH);
  const fromFace = distanceToOutside((i) => faceOval[i] === 1, w, h, side * FACE_CLEAR);
  const sure = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) sure[i] = matte.data[i]! < BACKDROP && fromPerson[i]! >= side * BACKDROP_CLEAR && inPhoto(i) ? 1 : 0;
  const px = image.data;
  const unlikeIn = (st: BackdropStats, i: number) => unlikeRgb(px[i * 4]!, px[i * 4 + 1]!, px[i * 4 + 2]!, st.mean[0]![i]!, st.mean[1]![i]!, st.mean[2]![i]!, st.spread[i]!);
  // twice: the sure backdrop still holds the missed parts far from the person (the turban's lower
  // end), which near them brighten the mean and widen the spread until nothing there differs; a
  // wider neighbourhood, mostly true backdrop, finds them first
  const wide = backdropStats(image, sure, Math.round(side * WIDE_NEIGHBOURHOOD));
  const backdrop = sure.map((s, i) => (s && !unlikeIn(wide, i) ? 1 : 0));
  const stats = backdropStats(image, backdrop, Math.round(side * NEIGHBOURHOOD));
  const candidate = (i: number) =>
    matte.data[i]! <= PERSON && fromPerson[i]! < side * REACH && fromFace[i]! >= side * FACE_CLEAR && stats.share[i]! >= MIN_BACKDROP_SHARE && inPhoto(i) && unlikeIn(stats, i);
  // flood from the person through candidates (4-connected)
  const grown = new Float32Array(w * h);
  const queue: number[] = [];
  for (let i = 0; i < w * h; i++) if (matte.data[i]! > PERSON) queue.push(i);
  const seen = new Uint8Array(w * h);
  for (const i of queue) seen[i] = 1;
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q]!, x = i % w;
    for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w]) {
      if (j < 0 || j >= w * h || seen[j]) continue;
      seen[j] = 1;
      if (candidate(j)) { grown[j] = 1; queue.push(j); }
    }
  }
  closeGapsBesideGrown(grown, matte, w, h);
  const soft = boxBlur(grown, w, h, 1);
  const data = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) data[i] = Math.max(matte.data[i]!, grown[i] ? 1 : soft[i]!);
  return { width: w, height: h, data };
}

/**
 * Marks (in `grown`) the pixels a closing of the solid person + grown fills, near grown pixels only (the person's
 * own outline keeps its notches). Solid: the segmenter's unsure pixels between a grown part and the person (matte
 * .5-.9, st_happy's collar) are a valley of partial alpha there, where the plate showed through as a dark line.
 */
function closeGapsBesideGrown(grown: Float32Array, matte: GrayImage, w: number, h: number): void {
  const mask = new Uint8Array(w * h), grownMask = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) { grownMask[i] = grown[i] ? 1 : 0; mask[i] = grown[i] || matte.data[i]! >= SOLID ? 1 : 0; }
  const dilated = dilate(mask, w, h, CLOSE_RADIUS);
  // erode the dilated mask: a pixel stays if no pixel outside the dilation lies within the radius
  const outsideOfDilated = dilate(dilated.map((m) => 1 - m), w, h, CLOSE_RADIUS);
  const nearGrown = dilate(grownMask, w, h, CLOSE_RADIUS + 1);
  for (let i = 0; i < w * h; i++) if (!mask[i] && !outsideOfDilated[i] && nearGrown[i]) grown[i] = 1;
}
