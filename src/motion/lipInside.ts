// The lower lip the face mesh reads as opening (issue #13, s54 open54). On a blurry driver (infinitetalk6) the mesh lays
// its inner lower-lip contour inside the lower lip: f43 reads a .186 IOD gap where the lips stand ~.10 apart, and our
// mouth opens a black cavity over a "tongue" (the lip) where hers is nearly shut. Read down each middle column: from the
// opening's darkest pixel, the half-way crossing to the lip under the contour is the lip's true inner edge; the rows
// between it and the contour, as lip-coloured as the lip under it (no tooth pixel), are lip the mesh counted as opening.
// A lit tongue lying on the lower lip reads the same way frame by frame (lp_d10 f22/f82/f121: continuous in colour with
// her lip), so the reading is used only on a clip whose open frames read it as a rule (clipLipInsideShare): a mesh
// that sits inside a blurry lip does it on most open frames, a tongue comes and goes.
import type { RgbaImage } from '../types.ts';
import { luma601At, saturation } from '../math/colour.ts';
import { forEachMiddlePixel, type MiddleBox } from './mouthMiddle.ts';
import { isTeethPixel } from './mouthDark.ts';
import { isUnderToothPixel } from './lowerTeeth.ts';
import { sortedMedian } from '../math/stats.ts';

export const lipInsideSetting = {
  /** the video path's lip gap loses the lip read inside the contour on a clip that reads it as a rule (false: the mesh's gap, as before s54) */
  on: true,
  /** the clip's median (open frames) of the lip read inside over the mesh gap from which the clip's frames are corrected:
   *  infinitetalk6 .185; lp_d10 (a lit tongue on some open frames) .056; Katie, lp_d0/d6/d11, noem, klob, reagan, pcavs681 0 */
  clipShare: 0.12,
  /** open frames counted for the clip's median: mesh gap in this range (IOD) */
  gapFrom: 0.08,
  gapTo: 0.3,
  /** the clip's median needs this many open frames */
  minFrames: 10,
};

/** a column with no dark core (its darkest pixel within this share of the lip's light under the contour) reads nothing */
const CORE_DEPTH = 0.25;
/** a pixel between the crossing and the contour is the lower lip's while its saturation stays this close to the lip's under the contour */
const SAT_NEAR = 0.06;
/** the lip under the contour: these many pixel rows averaged */
const UNDER_ROWS = 3;
/** the reading needs this many middle columns */
const MIN_COLUMNS = 3;

/**
 * One column's lip inside the contour, in pixel rows: the rows from the half-way crossing between the column's darkest
 * pixel (in top..bottom) and the lip under the contour, down to the contour's bottom, when each is lip (not a tooth,
 * saturation within SAT_NEAR of the lip's); 0 when a row is not, or the column has no dark core.
 */
export function columnLipInside(img: RgbaImage, x: number, top: number, bottom: number, lipLight: number, lipSat: number): number {
  const d = img.data, at = (y: number) => (y * img.width + x) * 4;
  if (bottom + UNDER_ROWS >= img.height) return 0;
  let below = 0, belowSat = 0;
  for (let k = 1; k <= UNDER_ROWS; k++) {
    const i = at(bottom + k);
    below += luma601At(d, i) / UNDER_ROWS;
    belowSat += saturation(d[i]!, d[i + 1]!, d[i + 2]!) / UNDER_ROWS;
  }
  let core = top, coreLight = Infinity;
  for (let y = top; y <= bottom; y++) {
    const l = luma601At(d, at(y));
    if (l < coreLight) [coreLight, core] = [l, y];
  }
  if (below - coreLight < CORE_DEPTH * below) return 0;
  const half = (coreLight + below) / 2;
  let edge = bottom + 1;
  for (let y = core; y <= bottom; y++) if (luma601At(d, at(y)) >= half) { edge = y; break; }
  for (let y = edge; y <= bottom; y++) {
    const i = at(y), r = d[i]!, g = d[i + 1]!, b = d[i + 2]!;
    if (isTeethPixel(r, g, b, lipLight, lipSat) || isUnderToothPixel(r, g, b, lipLight, lipSat) || Math.abs(saturation(r, g, b) - belowSat) > SAT_NEAR) return 0;
  }
  return bottom + 1 - edge;
}

/** The median over the middle columns of columnLipInside, in pixels (null: no middle box or too few columns). */
export function lipInsideRows(img: RgbaImage, box: MiddleBox | null): number | null {
  if (!box || !(box.lipLight > 0)) return null;
  const { x0, x1, lipLight, lipSat } = box, w = x1 - x0 + 1;
  const bottom = new Int32Array(w).fill(-1), top = new Int32Array(w).fill(1 << 30);
  forEachMiddlePixel(box, img, (q) => {
    const c = q % w, y = box.y0 + Math.floor(q / w);
    if (y > bottom[c]!) bottom[c] = y;
    if (y < top[c]!) top[c] = y;
  });
  const runs: number[] = [];
  for (let c = 0; c < w; c++) if (bottom[c]! >= 0) runs.push(columnLipInside(img, x0 + c, top[c]!, bottom[c]!, lipLight, lipSat));
  if (runs.length < MIN_COLUMNS) return null;
  return sortedMedian(runs);
}

/** A frame's mesh gap and lip-inside reading (IOD; null/undefined: not read). */
export interface LipInsideFrame {
  m: { lipGap: number };
  lipInside?: number | null;
}

/**
 * The clip's median share of its open frames' mesh gap read as lip inside the contour, or 0 when the setting is off, the
 * clip has too few read open frames, or the median is under clipShare (the mesh sits on the lip's edge: a frame's reading
 * there is a lit tongue, not lip).
 */
export function clipLipInsideShare(frames: readonly (LipInsideFrame | null | undefined)[], s = lipInsideSetting): number {
  if (!s.on) return 0;
  const shares: number[] = [];
  for (const r of frames) {
    if (!r || r.lipInside == null || !Number.isFinite(r.lipInside)) continue;
    const g = r.m.lipGap;
    if (g >= s.gapFrom && g < s.gapTo) shares.push(Math.max(0, r.lipInside) / g);
  }
  if (shares.length < s.minFrames) return 0;
  shares.sort((a, b) => a - b);
  const med = shares[shares.length >> 1]!;
  return med >= s.clipShare ? med : 0;
}

/**
 * The frame's lip gap less the lip read inside the contour, on a clip that reads it (clipShare > 0); never under the
 * rest gap (nor the mesh's own gap when that is smaller): the lip read inside is opening only above the rest.
 */
export function gapLessLipInside(lipGap: number, inside: number | null | undefined, clipShare: number, restGap: number): number {
  if (!(clipShare > 0) || inside == null || !Number.isFinite(inside) || inside <= 0) return lipGap;
  return Math.max(Math.min(lipGap, restGap), lipGap - inside);
}
