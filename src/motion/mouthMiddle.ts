// The middle of a driver's mouth opening as the per-frame readings scan it (driverCavity.ts openingMiddle,
// underTeeth.ts underTeethLight, teethDepth.ts upperRowDepth, lowerTeeth.ts lowerRowShow): the inner-lip contour, the lips' reference light, and the pixel box of the
// columns near the opening's centre (the corners are shaded in every mouth).
import type { RgbaImage } from '../types.ts';
import { MOUTH_LOOP } from '../rig/topology.ts';
import { lipReference, tongueRowOf } from './mouthDark.ts';
import { rowCrossings } from '../math/polygon.ts';
import { sortedMedian } from '../math/stats.ts';

/** the middle: columns within this share of the opening's half-width of its centre */
const MIDDLE = 0.35;

export interface MiddleBox {
  /** the inner-lip contour (MOUTH_LOOP) in pixels */
  poly: [number, number][];
  /** the lips' light and saturation (mouthDark.ts lipReference) */
  lipLight: number;
  lipSat: number;
  /** the image row from which bright pixels are a pale tongue, not teeth (mouthDark.ts tongueRowOf; Infinity: none) */
  tongueFrom: number;
  /** inclusive pixel bounds: the middle columns, the contour's rows */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The middle box of the opening, or null where it holds no pixel. `lm`: 478 landmarks in pixels, flat x, y, z. */
export function middleBox(img: RgbaImage, lm: ArrayLike<number>): MiddleBox | null {
  const poly = MOUTH_LOOP.map((k) => [lm[k * 3]!, lm[k * 3 + 1]!] as [number, number]);
  const { light: lipLight, sat: lipSat } = lipReference(img, lm);
  const cx = (lm[13 * 3]! + lm[14 * 3]!) / 2, half = Math.abs(lm[308 * 3]! - lm[78 * 3]!) / 2;
  const x0 = Math.max(0, Math.ceil(cx - MIDDLE * half)), x1 = Math.min(img.width - 1, Math.floor(cx + MIDDLE * half));
  let y0 = Infinity, y1 = -Infinity;
  for (const [, y] of poly) { y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  y0 = Math.max(0, Math.ceil(y0)); y1 = Math.min(img.height - 1, Math.floor(y1));
  return x1 >= x0 && y1 > y0 ? { poly, lipLight, lipSat, tongueFrom: tongueRowOf(img, poly, lipLight, lipSat), x0, x1, y0, y1 } : null;
}

/** Where a reading scans: the landmarks (478, in pixels, flat x, y, z), or their middle box already found (null: none). */
export type MiddleAt = ArrayLike<number> | MiddleBox | null;

/** The middle box `where` names: the tracker finds it once per frame for all its readings (faceTracker.ts). */
export function middleOf(img: RgbaImage, where: MiddleAt): MiddleBox | null {
  return where === null || 'poly' in where ? where : middleBox(img, where);
}

/**
 * Calls `visit` for each pixel of the box inside the contour, row by row: `q` its index in the box (row-major, width
 * x1 - x0 + 1), `i` its byte offset in the image, `tongue` whether it lies in a pale tongue's rows (box.tongueFrom: not teeth).
 */
export function forEachMiddlePixel(box: MiddleBox, img: RgbaImage, visit: (q: number, i: number, tongue: boolean) => void): void {
  const { poly, x0, x1, y0, y1 } = box, w = x1 - x0 + 1, xs: number[] = [];
  for (let y = y0; y <= y1; y++) {
    rowCrossings(poly, y, xs);
    for (let k = 0; k + 1 < xs.length; k += 2)
      for (let x = Math.max(x0, Math.ceil(xs[k]!)); x <= Math.min(x1, xs[k + 1]!); x++) visit((y - y0) * w + (x - x0), (y * img.width + x) * 4, y >= box.tongueFrom);
  }
}

/** Whether a pixel is teeth against the lips' light and saturation (mouthDark.ts isTeethPixel; a bench may pass a looser one). */
export type ToothTest = (r: number, g: number, b: number, lipLight: number, lipSat: number) => boolean;

/**
 * The median over the middle columns of `perColumn`'s reading of each column (its pixels top to bottom: NaN outside the
 * contour, 1 teeth by `isTooth`, 0 not; null: the column is not read); null without a box or with fewer than
 * `minColumns` columns read (lips shut).
 */
export function medianColumnReading(img: RgbaImage, where: MiddleAt, isTooth: ToothTest, perColumn: (column: Float32Array) => number | null, minColumns: number): number | null {
  const box = middleOf(img, where);
  if (!box || !(box.lipLight > 0)) return null;
  const { lipLight, lipSat, x0, x1, y0, y1 } = box;
  const w = x1 - x0 + 1, h = y1 - y0 + 1, cell = new Float32Array(w * h).fill(NaN), d = img.data;
  forEachMiddlePixel(box, img, (q, i, tongue) => (cell[q] = !tongue && isTooth(d[i]!, d[i + 1]!, d[i + 2]!, lipLight, lipSat) ? 1 : 0));
  const readings: number[] = [], column = new Float32Array(h);
  for (let c = 0; c < w; c++) {
    for (let k = 0; k < h; k++) column[k] = cell[k * w + c]!;
    const v = perColumn(column);
    if (v !== null) readings.push(v);
  }
  if (readings.length < minColumns) return null;
  return sortedMedian(readings);
}

/** The first and last pixel of a column inside the contour (not NaN) and their span; null under `minHeight` pixels. */
export function insideSpan(column: ArrayLike<number>, minHeight: number): { top: number; bottom: number; height: number } | null {
  let top = -1, bottom = -1;
  for (let k = 0; k < column.length; k++) if (column[k] === column[k]) { if (top < 0) top = k; bottom = k; }
  const height = bottom - top + 1;
  return top < 0 || height < minHeight ? null : { top, bottom, height };
}
