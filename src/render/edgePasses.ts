// The person layer's edge passes after rasterization: occlusion edges inside it anti-aliased
// (smoothDepthEdges) and its geometric outline feathered on a turn (featherSilhouette). Pure
// functions over the raster target; scratch buffers are the caller's.
import { widenRow, type RasterTarget } from './raster.ts';

/**
 * The 3x3 neighbourhood of packed pixel i (not on the border) summed with its centre counted twice,
 * two channels per lane pair: r | b << 16 and g | a << 16 into lanes[0], lanes[1]. Ten 8-bit values
 * fit a 16-bit lane (<= 2550), so two integer adds do the work of four float ones; the sums are exact.
 */
function sum3x3Lanes(color: Uint32Array, i: number, W: number, lanes: Int32Array): void {
  const c = color[i]!;
  let rb = c & 0xff00ff, ga = (c >>> 8) & 0xff00ff;
  for (let j = i - W; j <= i + W; j += W) {
    const p = color[j - 1]!, q = color[j]!, s = color[j + 1]!;
    rb += (p & 0xff00ff) + (q & 0xff00ff) + (s & 0xff00ff);
    ga += ((p >>> 8) & 0xff00ff) + ((q >>> 8) & 0xff00ff) + ((s >>> 8) & 0xff00ff);
  }
  lanes[0] = rb; lanes[1] = ga;
}
const lanes = new Int32Array(2);

/** Channel sum acc (<= 2550, centre counted twice) as the rounded mean of its ten values, at bit `shift`. */
const tenth = (acc: number, shift: number) => ((acc / 10 + 0.5) | 0) << shift;

/**
 * Anti-aliases occlusion edges inside the person layer: pixels next to a clear depth step (a jaw
 * over the neck, a cheek over hair) take the average of their 3x3 neighbourhood (centre counted
 * twice), softening the stair steps the z-buffer leaves there. `scratch` buffers are the caller's
 * (reused between frames): indices and colours, each width*height long.
 */
export function smoothDepthEdges(t: RasterTarget, relativeJump: number, scratchIndex: Int32Array, scratchColor: Uint32Array): void {
  const W = t.width, H = t.height, depth = t.depth;
  // Pairs (right, down neighbours) across a depth step; both pixels of a pair are softened.
  let count = 0;
  let last = -1;
  const ext = t.extents;
  for (let y = 1; y < H - 2; y++) {
    // a pair has a drawn first pixel: only the row's drawn extent
    const x0 = ext ? Math.max(1, ext.lo[y]!) : 1, x1 = ext ? Math.min(W - 3, ext.hi[y]!) : W - 3;
    let i = y * W + x0;
    for (let x = x0; x <= x1; x++, i++) {
      const d = depth[i]!;
      if (d === 0) continue;
      const lim = relativeJump * d;
      const dr = depth[i + 1]!, dd = depth[i + W]!;
      const right = dr !== 0 && (dr - d > lim || d - dr > lim);
      const down = dd !== 0 && (dd - d > lim || d - dd > lim);
      if (right || down) {
        if (i !== last) scratchIndex[count++] = i;
        if (right) { scratchIndex[count++] = i + 1; last = i + 1; }
        if (down) scratchIndex[count++] = i + W;
      }
    }
  }
  softenListed(t.color, W, scratchIndex, count, scratchColor);
}

/** Each listed pixel (not on the border) takes the mean of its 3x3 neighbourhood, centre counted twice (smoothDepthEdges). */
function softenListed(color: Uint32Array, W: number, index: Int32Array, count: number, scratchColor: Uint32Array): void {
  for (let k = 0; k < count; k++) {
    sum3x3Lanes(color, index[k]!, W, lanes);
    const rb = lanes[0]!, ga = lanes[1]!;
    scratchColor[k] = (tenth(rb & 0xffff, 0) | tenth(ga & 0xffff, 8) | tenth(rb >>> 16, 16) | tenth(ga >>> 16, 24)) >>> 0;
  }
  for (let k = 0; k < count; k++) color[index[k]!] = scratchColor[k]!;
}

/** Tent-weighted sums of the four 8-bit channels over the (2r+1)^2 square around pixel i (at least
 *  r from the border), into `out` (r, g, b, a): weight (r+1-|dx|)(r+1-|dy|), total (r+1)^4. */
function tentSums(color: Uint32Array, i: number, W: number, r: number, out: Float64Array): void {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (let dy = -r; dy <= r; dy++) {
    const wy = r + 1 - (dy < 0 ? -dy : dy);
    for (let dx = -r; dx <= r; dx++) {
      const w = wy * (r + 1 - (dx < 0 ? -dx : dx)), c = color[i + dy * W + dx]!;
      s0 += w * (c & 255); s1 += w * ((c >>> 8) & 255); s2 += w * ((c >>> 16) & 255); s3 += w * (c >>> 24);
    }
  }
  out[0] = s0; out[1] = s1; out[2] = s2; out[3] = s3;
}

/** tentSumsLanes for r = 2 (SILHOUETTE_RAMP), unrolled and separable: each row's [1 2 3 2 1] sum, then the rows'
 *  [1 2 3 2 1] sum (a lane holds at most 81 * 255: the same integers as the 25 products). */
function tentSums2Lanes(color: Uint32Array, i: number, W: number, _r: number, out: Float64Array): void {
  let rb = 0, ga = 0;
  for (let dy = -2, j = i - 2 * W - 2; dy <= 2; dy++, j += W) {
    const wy = dy === 0 ? 3 : dy === -2 || dy === 2 ? 1 : 2;
    const c0 = color[j]!, c1 = color[j + 1]!, c2 = color[j + 2]!, c3 = color[j + 3]!, c4 = color[j + 4]!;
    rb += wy * ((c0 & 0xff00ff) + 2 * (c1 & 0xff00ff) + 3 * (c2 & 0xff00ff) + 2 * (c3 & 0xff00ff) + (c4 & 0xff00ff));
    ga += wy * (((c0 >>> 8) & 0xff00ff) + 2 * ((c1 >>> 8) & 0xff00ff) + 3 * ((c2 >>> 8) & 0xff00ff) + 2 * ((c3 >>> 8) & 0xff00ff) + ((c4 >>> 8) & 0xff00ff));
  }
  out[0] = rb & 0xffff; out[1] = ga & 0xffff; out[2] = rb >>> 16; out[3] = ga >>> 16;
}

/** tentSums for a ramp whose weighted sum of 8-bit values fits a 16-bit lane (r <= 3, laneFits): two channels
 *  per integer (r | b << 16, g | a << 16), half the multiply-adds; the sums are the same integers. */
function tentSumsLanes(color: Uint32Array, i: number, W: number, r: number, out: Float64Array): void {
  let rb = 0, ga = 0;
  for (let dy = -r; dy <= r; dy++) {
    const wy = r + 1 - (dy < 0 ? -dy : dy);
    for (let dx = -r; dx <= r; dx++) {
      const w = wy * (r + 1 - (dx < 0 ? -dx : dx)), c = color[i + dy * W + dx]!;
      rb += w * (c & 0xff00ff); ga += w * ((c >>> 8) & 0xff00ff);
    }
  }
  out[0] = rb & 0xffff; out[1] = ga & 0xffff; out[2] = rb >>> 16; out[3] = ga >>> 16;
}
const tent = new Float64Array(4);
/** a tent of radius r sums 8-bit values to at most 255 (r+1)^4: two channels share an integer below 2^16 each */
const laneFits = (r: number) => (r + 1) ** 4 * 255 < 0x10000;

/** Half-width (px) of the coverage ramp a turned outline gets: the photo's own edges spread over 3-5 px. */
export const SILHOUETTE_RAMP = 2;

let bandMark = new Uint8Array(0);
/** The outline band being collected (featherSilhouette): its pixels' indices and how many. */
let band = new Int32Array(0);
let bandCount = 0;

/** Starts collecting an outline band of ramp r on target t. */
function beginBand(t: RasterTarget): void {
  if (bandMark.length < t.width * t.height) { bandMark = new Uint8Array(t.width * t.height); band = new Int32Array(t.width * t.height); }
  bandCount = 0;
}

/** Adds pixel i (column x, row y) to the band once, when it is at least r from the border. */
function keep(i: number, x: number, y: number, W: number, H: number, r: number): void {
  if (x < r || y < r || x >= W - r || y >= H - r || bandMark[i]) return;
  bandMark[i] = 1;
  band[bandCount++] = i;
}

/**
 * A covered/empty neighbour pair (i at column x, row y; j its right or lower neighbour) when the
 * uncovered one is empty: nothing, or only a faint fringe of the sheet's background part (alpha < 64).
 */
function outlinePair(t: RasterTarget, i: number, x: number, y: number, j: number, right: boolean, iCovered: boolean, r: number): void {
  const e = iCovered ? j : i;
  if (t.depth[e] !== 0 || t.color[e]! >>> 24 >= 64) return;
  keep(i, x, y, t.width, t.height, r);
  keep(j, right ? x + 1 : x, right ? y : y + 1, t.width, t.height, r);
}

/** The first and last column of row y the outline scan reads (a pair has a drawn pixel on this row or the next). */
function outlineColumns(t: RasterTarget, y: number, r: number, out: Int32Array): void {
  const ext = t.extents, W = t.width;
  out[0] = ext ? Math.max(r - 1, Math.min(ext.lo[y]!, ext.lo[y + 1]!) - 1) : r - 1;
  out[1] = ext ? Math.min(W - r - 1, Math.max(ext.hi[y]!, ext.hi[y + 1]!)) : W - r - 1;
}
const cols = new Int32Array(2);

/**
 * Feathers the person layer's own outline where it is geometry, not matte: a turned head's jaw or
 * cheek edge lies inside the photo's opaque skin, so the triangles end on fully opaque texels and
 * the z-buffer leaves a hard, stair-stepped cut against the plate (a paper cut-out next to the
 * photo's own edges, which a lens and resampling spread over 3-5 px). Pixels within `ramp` px of the
 * line between covered and empty pixels take the tent-weighted mean of the (2*ramp+1)^2 square
 * around them (premultiplied colour, empty = 0): a coverage ramp whose 10-90% span is ~ramp+1 px
 * (a box of the same size spread it wider than the photo's own edges), mixed in by `strength`
 * (0 = off: the rest frame keeps the photo's own matte edge, hard where the photo's is, e.g. an
 * ear). Scratch buffers as above.
 */
export function featherSilhouette(t: RasterTarget, strength: number, scratchIndex: Int32Array, scratchColor: Uint32Array, ramp = SILHOUETTE_RAMP): void {
  if (!(strength > 0)) return;
  const r = Math.max(1, Math.round(ramp));
  const W = t.width, H = t.height, depth = t.depth;
  beginBand(t);
  // The line: both pixels of every covered/empty neighbour pair (each kept once, at least r from
  // the border). One pass reads each pixel's right and lower neighbour: pairs, not 4-neighbourhoods.
  for (let y = r - 1; y < H - r; y++) {
    outlineColumns(t, y, r, cols);
    let i = y * W + cols[0]!;
    let here = depth[i] !== 0;
    for (let x = cols[0]!; x <= cols[1]!; x++, i++) {
      const right = depth[i + 1] !== 0, below = depth[i + W] !== 0;
      if (right !== here) outlinePair(t, i, x, y, i + 1, true, here, r);
      if (below !== here) outlinePair(t, i, x, y, i + W, false, here, r);
      here = right;
    }
  }
  featherBand(t, strength, r, scratchIndex, scratchColor);
}

/**
 * smoothDepthEdges then featherSilhouette (default ramp) in one scan of the depth buffer: the same
 * pixels as the two calls (the outline's empty side has no depth, so the softened colours never
 * change what the outline finds; both scans read the same pairs of neighbours).
 */
export function smoothAndFeather(t: RasterTarget, relativeJump: number, strength: number, scratchIndex: Int32Array, scratchColor: Uint32Array): void {
  const r = SILHOUETTE_RAMP;
  // the two scans' rows and columns coincide for a ramp of 2 (1 .. H-3, 1 .. W-3): else two passes
  if (!(strength > 0) || r !== 2) {
    smoothDepthEdges(t, relativeJump, scratchIndex, scratchColor);
    featherSilhouette(t, strength, scratchIndex, scratchColor);
    return;
  }
  const W = t.width, H = t.height, depth = t.depth;
  beginBand(t);
  let count = 0, last = -1;
  for (let y = r - 1; y < H - r; y++) {
    // the outline's columns: a superset of the depth steps' (their first pixel is drawn)
    outlineColumns(t, y, r, cols);
    let i = y * W + cols[0]!;
    let d = depth[i]!;
    for (let x = cols[0]!; x <= cols[1]!; x++, i++) {
      const dr = depth[i + 1]!, dd = depth[i + W]!;
      if (d !== 0 && dr !== 0 && dd !== 0) {
        // inside the layer (most pixels): no outline pair, only the depth-step test
        const lim = relativeJump * d;
        if (Math.abs(dr - d) > lim || Math.abs(dd - d) > lim) {
          if (i !== last) scratchIndex[count++] = i;
          if (Math.abs(dr - d) > lim) { scratchIndex[count++] = i + 1; last = i + 1; }
          if (Math.abs(dd - d) > lim) scratchIndex[count++] = i + W;
        }
        d = dr;
        continue;
      }
      if (d !== 0) {
        const lim = relativeJump * d;
        const right = dr !== 0 && (dr - d > lim || d - dr > lim);
        const down = dd !== 0 && (dd - d > lim || d - dd > lim);
        if (right || down) {
          if (i !== last) scratchIndex[count++] = i;
          if (right) { scratchIndex[count++] = i + 1; last = i + 1; }
          if (down) scratchIndex[count++] = i + W;
        }
      }
      const here = d !== 0;
      if ((dr !== 0) !== here) outlinePair(t, i, x, y, i + 1, true, here, r);
      if ((dd !== 0) !== here) outlinePair(t, i, x, y, i + W, false, here, r);
      d = dr;
    }
  }
  softenListed(t.color, W, scratchIndex, count, scratchColor);
  featherBand(t, strength, r, scratchIndex, scratchColor);
}

/** The collected outline band grown to r px and given the tent-weighted coverage ramp (featherSilhouette). */
function featherBand(t: RasterTarget, strength: number, r: number, scratchIndex: Int32Array, scratchColor: Uint32Array): void {
  const k1 = Math.min(1, strength) / ((r + 1) ** 4), k0 = 1 - Math.min(1, strength);
  const sums = r === 2 ? tentSums2Lanes : laneFits(r) ? tentSumsLanes : tentSums;
  const W = t.width, H = t.height, color = t.color, ext = t.extents;
  for (let grow = 1, from = 0; grow < r; grow++) {
    const to = bandCount;
    for (let k = from; k < to; k++) {
      const i = band[k]!;
      const x = i % W, y = (i - x) / W;
      // the four neighbours, each only when it stays r from the border
      if (x - 1 >= r && !bandMark[i - 1]) { bandMark[i - 1] = 1; band[bandCount++] = i - 1; }
      if (x + 1 < W - r && !bandMark[i + 1]) { bandMark[i + 1] = 1; band[bandCount++] = i + 1; }
      if (y - 1 >= r && !bandMark[i - W]) { bandMark[i - W] = 1; band[bandCount++] = i - W; }
      if (y + 1 < H - r && !bandMark[i + W]) { bandMark[i + W] = 1; band[bandCount++] = i + W; }
    }
    from = to;
  }
  for (let k = 0; k < bandCount; k++) {
    const i = band[k]!;
    sums(color, i, W, r, tent);
    const own = color[i]!;
    scratchColor[k] = (((own & 255) * k0 + tent[0]! * k1 + 0.5) | 0
      | ((((own >>> 8) & 255) * k0 + tent[1]! * k1 + 0.5) | 0) << 8
      | ((((own >>> 16) & 255) * k0 + tent[2]! * k1 + 0.5) | 0) << 16
      | (((own >>> 24) * k0 + tent[3]! * k1 + 0.5) | 0) << 24) >>> 0;
  }
  for (let k = 0; k < bandCount; k++) {
    const i = band[k]!;
    color[i] = scratchColor[k]!;
    bandMark[i] = 0;
    // the ramp reaches past the drawn pixels
    if (ext) { const x = i % W; widenRow(ext, (i - x) / W, x, x); }
  }
}
