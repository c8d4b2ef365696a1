// Mouth-interior layers cut from a real picture of an open mouth (a video frame for the teeth
// library, or the portrait itself when it shows its teeth). The interior is split into two rigid
// pieces, each in a head-aligned frame measured in inter-ocular distances (iod) so it can be
// moved without ever being stretched:
//   upper: upper teeth and gums, anchored at the inner upper lip centre (landmark 13) - it moves
//          with the skull;
//   lower: lower teeth and tongue, anchored at the inner lower lip centre (landmark 14) - it
//          moves with the jaw.
// What lies between them (the dark cavity) is left transparent: the renderer paints its own
// cavity there, so any opening wider than the source's shows more cavity, never stretched teeth.
import { MOUTH_LOOP } from '../../rig/topology.ts';
import { insidePolygon } from '../../math/polygon.ts';
import { luminance as lum } from '../../math/colour.ts';

/** One rigid piece: straight-alpha RGBA floats (0..255 colour, 0..1 alpha) on a grid of `ppi` pixels per iod. */
export interface MouthLayer {
  width: number;
  height: number;
  /** atlas pixel (x, y) of the anchor landmark */
  anchorX: number;
  anchorY: number;
  /** pixels per inter-ocular distance */
  ppi: number;
  data: Float32Array;
}

export interface MouthLayers {
  upper: MouthLayer;
  lower: MouthLayer;
  /** mean colour of the darkest tenth of the opening (the cavity) */
  cavity: [number, number, number];
  /** mean cheek colour of the source picture (for light matching) */
  cheek: [number, number, number];
}

export interface PictureSource {
  width: number;
  height: number;
  /** RGBA bytes; premultiplied is fine where alpha is 1 (the mouth) */
  data: Uint8ClampedArray | Uint8Array;
}

/** Extent of each layer in iod: across the mouth, and above/below its anchor. */
export const LAYER_HALF_WIDTH = 0.42;
export const LAYER_OVER_LIP = 0.14; // room behind the lip (revealed when the lip moves away)
export const LAYER_INTO_MOUTH = 0.34;

const CHEEK_PROBES = [50, 280, 205, 425, 101, 330];

/**
 * Cuts the two layers out of a picture. `at(i)` gives landmark i in picture pixels. The result is
 * sampled at `ppi` pixels per iod (bilinear from the picture). Without `fillBehindLip` the rows
 * behind the lips stay transparent (for a piece laid over another set).
 */
export function cutMouthLayers(pic: PictureSource, at: (i: number) => [number, number], ppi: number, opts: { fillBehindLip?: boolean; stopAtRowGap?: boolean } = {}): MouthLayers {
  const [ex0, ey0] = at(33), [ex1, ey1] = at(263);
  const [lx, ly] = at(78), [rx, ry] = at(308);
  const ang = Math.atan2(ry - ly, rx - lx);
  const loop = MOUTH_LOOP.map((i) => at(i));
  const frame: LayerFrame = { iod: Math.hypot(ex1 - ex0, ey1 - ey0), c: Math.cos(ang), s: Math.sin(ang), ppi, inside: (x, y) => insidePolygon(x, y, loop) };
  const levels = openingLevels(pic, loop, frame.inside);
  const layerOpts = { fillBehindLip: opts.fillBehindLip ?? true, stopAtRowGap: opts.stopAtRowGap ?? false };
  const cheek = [0, 0, 0];
  for (const i of CHEEK_PROBES) { const [r, g, b] = sample(pic, ...at(i)); cheek[0]! += r; cheek[1]! += g; cheek[2]! += b; }
  return {
    upper: cutLayer(pic, at(13), true, frame, levels, layerOpts),
    lower: cutLayer(pic, at(14), false, frame, levels, layerOpts),
    cavity: levels.cavity,
    cheek: cheek.map((v) => v / CHEEK_PROBES.length) as [number, number, number],
  };
}

/** The picture's mouth in a head-aligned frame: its iod, the lip line's rotation, the atlas's pixels per iod, the opening's polygon. */
interface LayerFrame {
  iod: number;
  c: number;
  s: number;
  ppi: number;
  inside: (x: number, y: number) => boolean;
}

/** The opening's reference levels: its darkest tenth's mean colour (the cavity) and the luminance at its 10th and 92nd percentiles (teeth). */
interface OpeningLevels {
  cavity: [number, number, number];
  lo: number;
  hi: number;
}

function openingLevels(pic: PictureSource, loop: [number, number][], inside: (x: number, y: number) => boolean): OpeningLevels {
  const xs = loop.map((p) => p[0]), ys = loop.map((p) => p[1]);
  const samples: [number, number, number, number][] = [];
  for (let y = Math.floor(Math.min(...ys)); y <= Math.ceil(Math.max(...ys)); y++) {
    for (let x = Math.floor(Math.min(...xs)); x <= Math.ceil(Math.max(...xs)); x++) {
      if (!inside(x + 0.5, y + 0.5)) continue;
      const [r, g, b] = sample(pic, x + 0.5, y + 0.5);
      samples.push([lum(r, g, b), r, g, b]);
    }
  }
  samples.sort((p, q) => p[0] - q[0]);
  const cavity: [number, number, number] = [0, 0, 0];
  const dark = samples.slice(0, Math.max(1, Math.ceil(samples.length * 0.1)));
  for (const p of dark) { cavity[0] += p[1]; cavity[1] += p[2]; cavity[2] += p[3]; }
  for (let k = 0; k < 3; k++) cavity[k] = dark.length ? cavity[k]! / dark.length : 20;
  const lo = samples.length ? samples[Math.floor(samples.length * 0.1)]![0] : 20;
  const hi = samples.length ? samples[Math.floor(samples.length * 0.92)]![0] : 200;
  return { cavity, lo, hi };
}

/**
 * One rigid piece anchored at picture point (ax, ay): `down` the upper piece (from the lip down into the
 * mouth), else the lower (from the lip up). Each column is walked from the lip into the opening while the
 * picture shows teeth/gum (upper) or teeth/tongue (lower); the rows behind the lip get the gum band's colour.
 */
function cutLayer(pic: PictureSource, [ax, ay]: [number, number], down: boolean, f: LayerFrame, levels: OpeningLevels, opts: { fillBehindLip: boolean; stopAtRowGap: boolean }): MouthLayer {
  const { ppi, iod, c, s } = f;
  const W = Math.round(2 * LAYER_HALF_WIDTH * ppi);
  const H = Math.round((LAYER_OVER_LIP + LAYER_INTO_MOUTH) * ppi);
  const level = (r: number, g: number, b: number) => (lum(r, g, b) - levels.lo) / Math.max(20, levels.hi - levels.lo);
  const data = new Float32Array(W * H * 4);
  const anchorX = W / 2, anchorY = down ? LAYER_OVER_LIP * ppi : LAYER_INTO_MOUTH * ppi;
  // picture position of atlas pixel (i, j)
  const pos = (i: number, j: number): [number, number] => {
    const u = ((i + 0.5 - anchorX) / ppi) * iod, v = ((j + 0.5 - anchorY) / ppi) * iod;
    return [ax + u * c - v * s, ay + u * s + v * c];
  };
  // rows from the lip into the mouth
  const rows = Array.from({ length: H }, (_, k) => (down ? k : H - 1 - k));
  const firstRow = new Int32Array(W).fill(-1);
  for (let i = 0; i < W; i++) {
    // first row inside the opening, and the middle of the opening in this column
    let first = -1, lastInside = -1;
    for (let k = 0; k < H; k++) {
      const [x, y] = pos(i, rows[k]!);
      if (f.inside(x, y)) { if (first < 0) first = k; lastInside = k; }
    }
    if (first < 0) continue; // beyond the mouth corners: nothing of this layer
    const mid = first + Math.max(1, Math.floor((lastInside - first + 1) / 2));
    // walk from the lip into the mouth while the picture shows teeth/gum (upper) or teeth/tongue (lower)
    let stop = mid;
    let seenSolid = false;
    const colLum = (k: number) => lum(...sample(pic, ...pos(i, rows[Math.min(H - 1, k)]!)));
    for (let k = first; k < mid; k++) {
      const [r, g, b] = sample(pic, ...pos(i, rows[k]!));
      const lv = level(r, g, b);
      const tongue = !down ? false : r > 1.2 * g && lv > 0.12;
      const solid = lv > 0.32 || tongue;
      if (solid) seenSolid = true;
      // a short dark band right under the lip is its shadow on the teeth, not the cavity
      if (!solid && (seenSolid || k - first > 0.05 * ppi)) { stop = k; break; }
      // a grey line between bright teeth above and below is the gap between the rows (a
      // photo with its teeth together): the other row lies beyond it (lp_s42's dark dash)
      if (opts.stopAtRowGap && seenSolid && rowGapAt(colLum, k, Math.max(2, Math.round(ROW_GAP_REACH * ppi)))) { stop = k; break; }
    }
    if (!seenSolid) continue;
    for (let k = first; k < H && k < stop + 2; k++) {
      const [r, g, b] = sample(pic, ...pos(i, rows[k]!));
      const o = (rows[k]! * W + i) * 4;
      data[o] = r; data[o + 1] = g; data[o + 2] = b;
      data[o + 3] = k < stop ? 1 : k === stop ? 0.6 : 0.25;
    }
    firstRow[i] = first;
  }
  fillBehindLip(data, W, H, firstRow, down, ppi, opts.fillBehindLip);
  softenAlpha(data, W, H);
  return { width: W, height: H, anchorX, anchorY, ppi, data };
}

/**
 * Behind the lip (revealed when the lip moves away from the teeth): the teeth and gums go on, in
 * shadow; one colour for the whole band (the mean of the rows next to the lip), so nothing is
 * smeared into stripes. `on` false: the rows stay transparent (alpha 0), coloured all the same.
 */
function fillBehindLip(data: Float32Array, W: number, H: number, firstRow: Int32Array, down: boolean, ppi: number, on: boolean): void {
  const band = Math.max(2, Math.round(0.03 * ppi));
  const gum = [0, 0, 0];
  let gn = 0;
  for (let i = 0; i < W; i++) {
    const f = firstRow[i]!;
    if (f < 0) continue;
    for (let k = f; k < f + band && k < H; k++) {
      const o = ((down ? k : H - 1 - k) * W + i) * 4;
      if (data[o + 3]! < 0.9) continue;
      gum[0]! += data[o]!; gum[1]! += data[o + 1]!; gum[2]! += data[o + 2]!; gn++;
    }
  }
  for (let ch = 0; ch < 3; ch++) gum[ch] = gn ? (0.6 * gum[ch]!) / gn : 0;
  const fade = 0.06 * ppi;
  for (let i = 0; i < W; i++) {
    const f = firstRow[i]!;
    if (f < 0) continue;
    for (let k = 0; k < f; k++) {
      const o = ((down ? k : H - 1 - k) * W + i) * 4;
      // fading into the cavity further behind the lip
      data[o] = gum[0]!; data[o + 1] = gum[1]!; data[o + 2] = gum[2]!; data[o + 3] = gn && on ? Math.max(0, 1 - (f - k) / fade) : 0;
    }
  }
}

/** How far (iod) above and below a row the teeth are looked for when telling a gap between rows. */
const ROW_GAP_REACH = 0.04;
/** A row gap is at most this share of the teeth's luminance on both sides of it. */
const ROW_GAP_DEPTH = 0.8;

/**
 * Whether row k of a column (luminance by row, `colLum`) is the gap between two rows of teeth:
 * darker than ROW_GAP_DEPTH of the brightest row within `reach` rows on each side. A gap between
 * neighbouring teeth runs down the column and is dark on both sides of it too, so it does not count.
 */
export function rowGapAt(colLum: (k: number) => number, k: number, reach: number): boolean {
  const v = colLum(k);
  let above = 0, below = 0;
  for (let d = 1; d <= reach; d++) {
    above = Math.max(above, colLum(Math.max(0, k - d)));
    below = Math.max(below, colLum(k + d));
  }
  return v < ROW_GAP_DEPTH * above && v < ROW_GAP_DEPTH * below;
}

/** Bilinear RGB at a pixel-centre-based position. */
function sample(pic: PictureSource, x: number, y: number): [number, number, number] {
  const W = pic.width, H = pic.height, d = pic.data;
  let fx = x - 0.5, fy = y - 0.5;
  fx = fx < 0 ? 0 : fx > W - 1 ? W - 1 : fx;
  fy = fy < 0 ? 0 : fy > H - 1 ? H - 1 : fy;
  const ix = Math.min(W - 2, fx | 0), iy = Math.min(H - 2, fy | 0);
  const ax = fx - ix, ay = fy - iy;
  const out: [number, number, number] = [0, 0, 0];
  for (let ch = 0; ch < 3; ch++) {
    const p00 = d[(iy * W + ix) * 4 + ch]!, p10 = d[(iy * W + ix + 1) * 4 + ch]!;
    const p01 = d[((iy + 1) * W + ix) * 4 + ch]!, p11 = d[((iy + 1) * W + ix + 1) * 4 + ch]!;
    out[ch] = (p00 * (1 - ax) + p10 * ax) * (1 - ay) + (p01 * (1 - ax) + p11 * ax) * ay;
  }
  return out;
}


/** A 3x3 average of alpha (the per-column cut is ragged); colour is kept. */
function softenAlpha(data: Float32Array, W: number, H: number): void {
  const a = new Float32Array(W * H);
  for (let j = 0; j < H; j++) for (let i = 0; i < W; i++) {
    let acc = 0, n = 0;
    for (let dj = -1; dj <= 1; dj++) for (let di = -1; di <= 1; di++) {
      const x = i + di, y = j + dj;
      if (x < 0 || y < 0 || x >= W || y >= H) continue;
      acc += data[(y * W + x) * 4 + 3]!; n++;
    }
    a[j * W + i] = acc / n;
  }
  for (let k = 0; k < W * H; k++) data[k * 4 + 3] = Math.min(data[k * 4 + 3]!, a[k]! * 1.15);
}
