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
  const W = t.width, H = t.height, depth = t.depth, color = t.color;
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
  for (let k = 0; k < count; k++) {
    sum3x3Lanes(color, scratchIndex[k]!, W, lanes);
    const rb = lanes[0]!, ga = lanes[1]!;
    scratchColor[k] = (tenth(rb & 0xffff, 0) | tenth(ga & 0xffff, 8) | tenth(rb >>> 16, 16) | tenth(ga >>> 16, 24)) >>> 0;
  }
  for (let k = 0; k < count; k++) color[scratchIndex[k]!] = scratchColor[k]!;
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
  const k1 = Math.min(1, strength) / ((r + 1) ** 4), k0 = 1 - Math.min(1, strength);
  const sums = laneFits(r) ? tentSumsLanes : tentSums;
  const W = t.width, H = t.height, depth = t.depth, color = t.color;
  if (bandMark.length < W * H) bandMark = new Uint8Array(W * H);
  // opaque: an occluding fragment (alpha >= 128 keeps depth); empty: nothing, or only a faint
  // fringe of the sheet's background part (alpha < 64)
  const empty = (i: number) => depth[i] === 0 && color[i]! >>> 24 < 64;
  let count = 0;
  // The line: both pixels of every covered/empty neighbour pair (each kept once, at least r from
  // the border). One pass reads each pixel's right and lower neighbour: pairs, not 4-neighbourhoods.
  const keep = (i: number, x: number, y: number) => {
    if (x < r || y < r || x >= W - r || y >= H - r || bandMark[i]) return;
    bandMark[i] = 1;
    scratchIndex[count++] = i;
  };
  const pair = (i: number, x: number, y: number, j: number, xj: number, yj: number, iCovered: boolean) => {
    if (!empty(iCovered ? j : i)) return;
    keep(i, x, y);
    keep(j, xj, yj);
  };
  const ext = t.extents;
  for (let y = r - 1; y < H - r; y++) {
    // a pair has a drawn pixel on this row or the next: only their drawn extents, one wider to the left
    const x0 = ext ? Math.max(r - 1, Math.min(ext.lo[y]!, ext.lo[y + 1]!) - 1) : r - 1;
    const x1 = ext ? Math.min(W - r - 1, Math.max(ext.hi[y]!, ext.hi[y + 1]!)) : W - r - 1;
    let i = y * W + x0;
    let here = depth[i] !== 0;
    for (let x = x0; x <= x1; x++, i++) {
      const right = depth[i + 1] !== 0, below = depth[i + W] !== 0;
      if (right !== here) pair(i, x, y, i + 1, x + 1, y, here);
      if (below !== here) pair(i, x, y, i + W, x, y + 1, here);
      here = right;
    }
  }
  for (let grow = 1, from = 0; grow < r; grow++) {
    const to = count;
    for (let k = from; k < to; k++) {
      const i = scratchIndex[k]!;
      const x = i % W, y = (i - x) / W;
      // the four neighbours, each only when it stays r from the border
      if (x - 1 >= r && !bandMark[i - 1]) { bandMark[i - 1] = 1; scratchIndex[count++] = i - 1; }
      if (x + 1 < W - r && !bandMark[i + 1]) { bandMark[i + 1] = 1; scratchIndex[count++] = i + 1; }
      if (y - 1 >= r && !bandMark[i - W]) { bandMark[i - W] = 1; scratchIndex[count++] = i - W; }
      if (y + 1 < H - r && !bandMark[i + W]) { bandMark[i + W] = 1; scratchIndex[count++] = i + W; }
    }
    from = to;
  }
  for (let k = 0; k < count; k++) {
    const i = scratchIndex[k]!;
    sums(color, i, W, r, tent);
    const own = color[i]!;
    scratchColor[k] = (((own & 255) * k0 + tent[0]! * k1 + 0.5) | 0
      | ((((own >>> 8) & 255) * k0 + tent[1]! * k1 + 0.5) | 0) << 8
      | ((((own >>> 16) & 255) * k0 + tent[2]! * k1 + 0.5) | 0) << 16
      | (((own >>> 24) * k0 + tent[3]! * k1 + 0.5) | 0) << 24) >>> 0;
  }
  for (let k = 0; k < count; k++) {
    const i = scratchIndex[k]!;
    color[i] = scratchColor[k]!;
    bandMark[i] = 0;
    // the ramp reaches past the drawn pixels
    if (ext) { const x = i % W; widenRow(ext, (i - x) / W, x, x); }
  }
}
