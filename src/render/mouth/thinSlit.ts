// A nearly shut mouth's slit drawn as an even line, not a row of dots (issue #13, s57 speckle57; critic56 "shut lips
// speckled"). Parted by under ~4 output px (st_happy + japanese.wav f37 / f39 / f105: .013-.018 IOD, 2-2.5 px at her 146 px
// IOD), what shows between the lips' inner bands is a dark core about a pixel tall. The raster cuts it in whole pixels (the
// lip triangles over the fan at pixel centres) and the coverage pass (lipCoverage.ts) covers only the pixels a line crosses
// that the fan owns, so along a sloping slit the core is one near-black pixel where it sits on a row (luma 18-22 on her
// lips' ~100) and two lighter ones where it straddles two (40-50): a dotted line, dark beads every few columns, which at 1x
// reads as grain where the lips meet. Here every column of such a slit is filtered across the slit with a small
// ink-keeping kernel (its darkness spread over the rows it straddles, none lost), as a thin line is prefiltered before it
// is sampled: the darkest pixel per column then varies little with where the line falls on the pixel grid. Wider
// openings (their slit many pixels tall) and the photo's own mouth at its own gap are left as they are.
import type { RasterTarget } from '../raster.ts';
import { smoothstep } from '../../math/smooth.ts';

/**
 * Settings. OFF by default (s57): on, the beads go (st_happy f39 bead 9.2 -> 4.1) but a sloped 1.3 px parting's darkest pixel pales
 * (mt_man jawOpen .02: 22 -> 45 against his shut seam's 27; test/lipOpening.test.ts wants it under .9 of the seam): the lead's call.
 * Bench: --set render/mouth/thinSlit.ts:thinSlitSetting.on=true.
 */
export const thinSlitSetting = { on: false };

/** the opening's tallest column (output px) up to which its slit is filtered whole, and from which not at all */
export const THIN_SLIT_PX = [2.5, 4] as const;
/**
 * ... and the tallest column (px) under which there is no slit to even (lips touching, a fraction of a pixel apart: the
 * shut frames of a turned or blinking head stay as they were), and from which it is filtered whole
 */
export const LEAST_SLIT_PX = [0.5, 1] as const;
/**
 * the slit's slope (px per column, its middle line) from which a column is filtered at all, and from which whole: a level
 * run sits at one height on the pixel grid (no beads; filtered, its dark line only paled: test/lipOpening.test.ts, a
 * 1.3 px parting's darkest pixel), a sloping one crosses a pixel row every 1 / slope columns (st_happy f39: .1-.13, a
 * dark bead every 8-10 columns)
 */
export const BEAD_SLOPE = [0.03, 0.08] as const;
/** the filter across the slit (rows above, at, below a pixel): sums to 1, so the slit's darkness is spread, not lost */
const ACROSS = [0.25, 0.5, 0.25] as const;

/** How much (0..1) a slit whose tallest column is `tallest` px is filtered; `rebuilt`: the share of the mouth that is drawn (not the photo's own). */
export function thinSlitStrength(tallest: number, rebuilt: number): number {
  if (!thinSlitSetting.on || !(tallest > 0)) return 0;
  return smoothstep(LEAST_SLIT_PX[0], LEAST_SLIT_PX[1], tallest) * (1 - smoothstep(THIN_SLIT_PX[0], THIN_SLIT_PX[1], tallest)) * Math.min(1, Math.max(0, rebuilt));
}

/** The opening's per-column lines (the shader's tables: the tighter of the rounded and raw lines is the opening). */
export interface SlitLines {
  readonly upperY: Float32Array;
  readonly lowerY: Float32Array;
  readonly upperRaw: Float32Array;
  readonly lowerRaw: Float32Array;
}

/** The opening's tallest column (px) over the columns it spans; 0 when none is open. */
export function tallestColumn(m: SlitLines): number {
  let most = 0;
  for (let x = 0; x < m.upperY.length; x++) {
    const h = Math.min(m.lowerY[x]!, m.lowerRaw[x]!) - Math.max(m.upperY[x]!, m.upperRaw[x]!);
    if (h > most) most = h;
  }
  return most;
}

/** the same filter along the slit (columns left, at, right): the darkness per column evened out where the cut varies */
const ALONG = [0.25, 0.5, 0.25] as const;

// the box round the slit as floats (3 channels), filtered across, then along (grown as needed, reused between frames)
let boxA = new Float32Array(0), boxB = new Float32Array(0);

/**
 * In place: every pixel of the opening's columns, from the row above its top line to the row below its bottom one, moved
 * by `strength` (thinSlitStrength) toward the slit filtered across (ACROSS) and then along (ALONG). Transparent pixels are
 * left alone and read as the pixel at the box's middle row.
 */
export function softenThinSlit(t: RasterTarget, m: SlitLines, strength: number): void {
  if (!(strength > 0)) return;
  const W = t.width, H = t.height, color = t.color, n = Math.min(W, m.upperY.length);
  // the box: the columns with an opening (and one either side), their rows (and one above and below)
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let x = 0; x < n; x++) {
    const top = Math.max(m.upperY[x]!, m.upperRaw[x]!), bottom = Math.min(m.lowerY[x]!, m.lowerRaw[x]!);
    if (!(bottom > top)) continue;
    x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, Math.floor(top) - 1); y1 = Math.max(y1, Math.floor(bottom) + 1);
  }
  if (!(x1 >= x0)) return;
  x0 = Math.max(0, x0 - 1); x1 = Math.min(W - 1, x1 + 1); y0 = Math.max(0, y0 - 1); y1 = Math.min(H - 1, y1 + 1);
  const bw = x1 - x0 + 1, bh = y1 - y0 + 1, size = bw * bh * 3;
  if (boxA.length < size) { boxA = new Float32Array(size); boxB = new Float32Array(size); }
  const mid = Math.round((y0 + y1) / 2);
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
    let c = color[y * W + x]!;
    if (c >>> 24 === 0) c = color[mid * W + x]!;
    const o = ((y - y0) * bw + (x - x0)) * 3;
    boxA[o] = c & 255; boxA[o + 1] = (c >>> 8) & 255; boxA[o + 2] = (c >>> 16) & 255;
  }
  // across (inside the box's rows; its first and last rows kept), then along (its first and last columns kept)
  boxB.set(boxA.subarray(0, size));
  for (let y = 1; y + 1 < bh; y++) for (let x = 0; x < bw; x++) for (let ch = 0; ch < 3; ch++) {
    const o = (y * bw + x) * 3 + ch;
    boxB[o] = ACROSS[0] * boxA[o - bw * 3]! + ACROSS[1] * boxA[o]! + ACROSS[2] * boxA[o + bw * 3]!;
  }
  for (let x = x0 + 1; x < x1; x++) {
    const top = Math.max(m.upperY[x]!, m.upperRaw[x]!), bottom = Math.min(m.lowerY[x]!, m.lowerRaw[x]!);
    if (!(bottom > top)) continue;
    const sloped = smoothstep(BEAD_SLOPE[0], BEAD_SLOPE[1], slitSlope(m, x));
    if (!(sloped > 0)) continue;
    for (let y = Math.max(y0 + 1, Math.floor(top) - 1); y <= Math.min(y1 - 1, Math.floor(bottom) + 1); y++) {
      const i = y * W + x, c = color[i]!;
      if (c >>> 24 === 0) continue;
      const o = ((y - y0) * bw + (x - x0)) * 3, k = strength * sloped;
      let packed = 0;
      for (let ch = 0; ch < 3; ch++) {
        const v = boxA[o + ch]!, f = ALONG[0] * boxB[o - 3 + ch]! + ALONG[1] * boxB[o + ch]! + ALONG[2] * boxB[o + 3 + ch]!;
        packed |= Math.min(255, Math.max(0, Math.round(v + k * (f - v)))) << (8 * ch);
      }
      color[i] = (packed | (c & 0xff000000)) >>> 0;
    }
  }
}

/** The slit's middle line's slope at column x (px per column, over x - 1 .. x + 1; 0 where a neighbour has no opening). */
export function slitSlope(m: SlitLines, x: number): number {
  const mid = (c: number) => 0.5 * (Math.max(m.upperY[c]!, m.upperRaw[c]!) + Math.min(m.lowerY[c]!, m.lowerRaw[c]!));
  const a = mid(x - 1), b = mid(x + 1);
  return a === a && b === b ? Math.abs(b - a) / 2 : 0;
}
