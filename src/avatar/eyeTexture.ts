// The eye texture the renderer slides under the lids for gaze (renderer.ts): inside each eye
// opening the photo itself; around it, what an iris moved sideways uncovers: white of the eye.
import type { RgbaImage } from '../types.ts';
import { insidePolygon } from '../math/polygon.ts';

const lum = (c: ArrayLike<number>, o: number) => 0.3 * c[o]! + 0.59 * c[o + 1]! + 0.11 * c[o + 2]!;

/**
 * The eye texture: inside each eye opening the photo itself; around it, each row carries on the
 * eye white that row shows at that end of the opening (its shade under the upper lid, its pink
 * toward the inner corner), fading over 0.2 eye-corner distances into the eye's overall white
 * (its brightest fifth, a little darker). Before, the whole outside was that one flat white: an iris
 * looking to one side uncovered a pale, flat wedge at the other corner.
 */
export function extendEyes(texture: RgbaImage, eyes: [number, number][][], iod: number): RgbaImage {
  const size = texture.width;
  const out = new Uint8ClampedArray(texture.data);
  const pad = Math.ceil(0.2 * iod) + 2;
  for (const poly of eyes) {
    const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
    const x0 = Math.max(0, Math.floor(Math.min(...xs)) - pad), x1 = Math.min(size - 1, Math.ceil(Math.max(...xs)) + pad);
    const y0 = Math.max(0, Math.floor(Math.min(...ys)) - pad), y1 = Math.min(size - 1, Math.ceil(Math.max(...ys)) + pad);
    const w = x1 - x0 + 1, h = y1 - y0 + 1;
    const inside = new Uint8Array(w * h);
    const col = new Float32Array(w * h * 4);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      if (!insidePolygon(x0 + x + 0.5, y0 + y + 0.5, poly)) continue;
      inside[y * w + x] = 1;
      for (let ch = 0; ch < 4; ch++) col[(y * w + x) * 4 + ch] = texture.data[((y0 + y) * size + x0 + x) * 4 + ch]!;
    }
    fillOutside(col, inside, w, h, Math.max(1, 0.2 * iod));
    continueLidMargins(col, inside, w, h, Math.max(1, MARGIN_REACH * iod));
    const fill = Float32Array.from(col);
    const keep = keepPhotoAtCorners(col, inside, w, h, (x, y, ch) => texture.data[((y0 + y) * size + x0 + x) * 4 + ch]!);
    // soften the jump at the opening's border by one averaging pass over a thin ring
    const soft = Float32Array.from(col);
    for (let y = 1; y < h - 1; y++) for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      if (inside[i]) continue;
      for (let ch = 0; ch < 4; ch++) soft[i * 4 + ch] = (col[i * 4 + ch]! * 2 + col[(i - 1) * 4 + ch]! + col[(i + 1) * 4 + ch]! + col[(i - w) * 4 + ch]! + col[(i + w) * 4 + ch]!) / 6;
    }
    // a corner pixel kept from the photo is the person's only as far as the photo is opaque there: past
    // a corner that touches the outline (lp_s10's far eye) it was the backdrop's dark edge, which a
    // turn showed at the eyeball's end as a dark tick; the rest goes to the fill. After the softening,
    // so the opaque pixels a rest frame shows through the lids keep their values.
    fadeSeeThroughCorners(soft, fill, inside, keep, w, h, (x, y) => texture.data[((y0 + y) * size + x0 + x) * 4 + 3]! / 255);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      for (let ch = 0; ch < 4; ch++) out[((y0 + y) * size + x0 + x) * 4 + ch] = soft[(y * w + x) * 4 + ch]!;
    }
  }
  return { width: size, height: size, data: out };
}

/**
 * Above and below the opening (under the lids), each column carries on its own edge pixel (the lid
 * margin's shadow) for this far (eye-corner distances), fading into the row fill beyond it. Gaze
 * moves the iris's disc (render/gazeIris.ts), which may carry pixels from just outside a curved lid
 * into the opening: with the eye white there, a thin white outline showed along the lids whenever
 * the eyes looked sideways (video mode, when the eyeball's whole texture slid).
 */
const MARGIN_REACH = 0.06;
/** Columns lower than this share of the opening's tallest are the corners: left to the row fill. */
const CORNER_HEIGHT = 0.25;

/** In place: outside pixels straight above / below the opening (away from its corners) take their column's edge pixel, fading over `reach` px into what the fill put there. */
export function continueLidMargins(col: Float32Array, inside: Uint8Array, w: number, h: number, reach: number): void {
  const tops = new Int32Array(w).fill(-1), bottoms = new Int32Array(w).fill(-1);
  for (let x = 0; x < w; x++) for (let y = 0; y < h; y++) if (inside[y * w + x]) { if (tops[x]! < 0) tops[x] = y; bottoms[x] = y; }
  let tallest = 0;
  for (let x = 0; x < w; x++) if (tops[x]! >= 0) tallest = Math.max(tallest, bottoms[x]! - tops[x]! + 1);
  for (let x = 0; x < w; x++) {
    const top = tops[x]!, bottom = bottoms[x]!;
    // toward the corners the rows' own white carries on past the ends (fillOutside)
    if (top < 0 || bottom - top + 1 < CORNER_HEIGHT * tallest) continue;
    for (const [edge, dir] of [[top, -1], [bottom, 1]] as const) {
      const e = (edge * w + x) * 4;
      for (let d = 1; d <= Math.ceil(2 * reach); d++) {
        const y = edge + dir * d;
        if (y < 0 || y >= h) break;
        const i = (y * w + x) * 4;
        // the edge colour held for `reach`, then faded out over as much again
        const t = Math.max(0, Math.min(1, (d - reach) / reach));
        for (let ch = 0; ch < 4; ch++) col[i + ch] = col[e + ch]! * (1 - t) + col[i + ch]! * t;
      }
    }
  }
}

/**
 * Columns up to this share of the opening's tallest keep the photo's own pixels outside the
 * opening, going over to the fill by twice this share. The corners are where the lids meet: a
 * squint, a cheek raise or a blink slides the lid skin there and the eyeball's fan (wider than the
 * opening) shows through slivers along the corner: with the eye white carried on past the ends they
 * were thin white flecks (critic s13, bench/eyeCorners.ts); the photo's canthus skin there shows as
 * skin. (The white past the ends was for gaze sliding the whole eyeball texture; since round eyes12
 * the iris moves as a disc over the opening's own white, render/gazeIris.ts.)
 */
const CORNER_PHOTO = 0.3;

/** In place: outside pixels of the corner columns (and past the opening's ends) take the photo's pixel `photo(x, y, ch)`, fading into the fill by 2 x CORNER_PHOTO of the tallest column. Returns each column's share kept from the photo. */
export function keepPhotoAtCorners(col: Float32Array, inside: Uint8Array, w: number, h: number, photo: (x: number, y: number, ch: number) => number): Float32Array {
  const heights = new Int32Array(w);
  const kept = new Float32Array(w);
  for (let x = 0; x < w; x++) for (let y = 0; y < h; y++) if (inside[y * w + x]) heights[x]!++;
  let tallest = 0;
  for (let x = 0; x < w; x++) tallest = Math.max(tallest, heights[x]!);
  if (!tallest) return kept;
  for (let x = 0; x < w; x++) {
    const open = heights[x]! / tallest;
    const keep = 1 - Math.max(0, Math.min(1, (open - CORNER_PHOTO) / CORNER_PHOTO));
    kept[x] = Math.max(0, keep);
    if (keep <= 0) continue;
    for (let y = 0; y < h; y++) {
      const i = y * w + x;
      if (inside[i]) continue;
      for (let ch = 0; ch < 4; ch++) col[i * 4 + ch] = col[i * 4 + ch]! * (1 - keep) + photo(x, y, ch) * keep;
    }
  }
  return kept;
}

/**
 * In place: outside pixels past the opening's ends (columns with no opening pixel within 1 px, where
 * keepPhotoAtCorners kept the photo: `kept`, its share per column) go back toward the fill `fill` by
 * that share times the photo's transparency there (`opacity`, 0..1): the photo's canthus skin stays,
 * the backdrop past it does not. Opaque photo: unchanged. The columns at the corner itself are left as
 * they are: a rest frame shows them through the lid's soft edge.
 */
export function fadeSeeThroughCorners(col: Float32Array, fill: Float32Array, inside: Uint8Array, kept: Float32Array, w: number, h: number, opacity: (x: number, y: number) => number): void {
  const open = (x: number) => x >= 0 && x < w && inside.some((v, i) => v === 1 && i % w === x);
  for (let x = 0; x < w; x++) {
    if (!(kept[x]! > 0) || open(x - 1) || open(x) || open(x + 1)) continue;
    for (let y = 0; y < h; y++) {
      const i = y * w + x;
      if (inside[i]) continue;
      const back = kept[x]! * (1 - opacity(x, y));
      if (back <= 0) continue;
      for (let ch = 0; ch < 4; ch++) col[i * 4 + ch] = col[i * 4 + ch]! * (1 - back) + fill[i * 4 + ch]! * back;
    }
  }
}

/** How many of a row's outermost white pixels at each end of the opening set that row's fill. */
const ROW_SAMPLE = 3;
/** A white pixel is at least this share of its row's brightest (and brighter than the opening's darkest 30 %: iris, lashes). */
const WHITE_OF_ROW = 0.8;

/**
 * Fills the pixels outside the opening (inside[i] = 0) of a w x h RGBA float patch: row by row from
 * the eye white at that end of the opening (pixels near the row's brightest and above the opening's
 * darkest 30 %: not iris, lashes or the lid margin), rows without such white taking the nearest row's;
 * fading over `fade` pixels into the overall white (the brightest fifth of the opening, x 0.92).
 */
export function fillOutside(col: Float32Array, inside: Uint8Array, w: number, h: number, fade: number): void {
  const lums: number[] = [];
  for (let i = 0; i < w * h; i++) if (inside[i]) lums.push(lum(col, i * 4));
  if (!lums.length) return;
  lums.sort((p, q) => p - q);
  const darkest = lums[Math.floor(lums.length * 0.3)]!, bright = lums[Math.floor(lums.length * 0.8)]!;
  const overall = [0, 0, 0, 0];
  let n = 0;
  for (let i = 0; i < w * h; i++) {
    if (!inside[i] || lum(col, i * 4) < bright) continue;
    for (let ch = 0; ch < 4; ch++) overall[ch]! += col[i * 4 + ch]!;
    n++;
  }
  for (let ch = 0; ch < 4; ch++) overall[ch] = n ? (overall[ch]! / n) * (ch < 3 ? 0.92 : 1) : 255;
  // per row and end (0 left, 1 right): the mean of its outermost white pixels and where the opening ends
  const rowColour: (number[] | null)[][] = [[], []];
  const rowEnd: number[][] = [[], []];
  for (let y = 0; y < h; y++) {
    let first = -1, last = -1, rowMax = 0;
    for (let x = 0; x < w; x++) if (inside[y * w + x]) { if (first < 0) first = x; last = x; rowMax = Math.max(rowMax, lum(col, (y * w + x) * 4)); }
    const whiteFrom = Math.max(darkest, WHITE_OF_ROW * rowMax);
    rowEnd[0]![y] = first; rowEnd[1]![y] = last;
    for (const side of [0, 1]) {
      const acc = [0, 0, 0, 0];
      let k = 0;
      for (let step = 0; step < w && k < ROW_SAMPLE; step++) {
        const x = side === 0 ? step : w - 1 - step;
        const i = y * w + x;
        if (!inside[i] || lum(col, i * 4) < whiteFrom) continue;
        for (let ch = 0; ch < 4; ch++) acc[ch]! += col[i * 4 + ch]!;
        k++;
      }
      rowColour[side]![y] = k ? acc.map((v) => v / k) : null;
    }
  }
  for (const side of [0, 1]) {
    // rows without white of their own take the nearest row's
    const have = [...Array(h).keys()].filter((y) => rowColour[side]![y]);
    for (let y = 0; y < h; y++) {
      if (rowColour[side]![y] || !have.length) continue;
      const near = have.reduce((b, q) => (Math.abs(q - y) < Math.abs(b - y) ? q : b));
      rowColour[side]![y] = rowColour[side]![near]!;
      rowEnd[side]![y] = rowEnd[side]![near]!;
    }
  }
  const mid = w / 2;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    if (inside[i]) continue;
    // the side this pixel lies on: past the row's nearer end of the opening (or the patch's half)
    const side = rowEnd[0]![y]! >= 0 ? (x < rowEnd[0]![y]! ? 0 : x > rowEnd[1]![y]! ? 1 : x < mid ? 0 : 1) : x < mid ? 0 : 1;
    const c = rowColour[side]![y];
    const end = rowEnd[side]![y]!;
    const t = c && end >= 0 ? Math.min(1, Math.abs(x - end) / fade) : 1;
    for (let ch = 0; ch < 4; ch++) col[i * 4 + ch] = (c ? c[ch]! * (1 - t) : 0) + overall[ch]! * (c ? t : 1);
  }
}
