// Which backdrop the plate's fill should copy, and at what shading: the backdrop right around the
// hole. The synthesis picks source patches by texture alone, so when the backdrop beside the person
// is a small share of the source (a print's green studio backdrop inside a cream border, on a pink
// blanket: lp_s11) the hole filled with the larger, wrong material (weave, cream) which the shading
// passes then tinted green (pale patches where the tint fell short, copied print edges as dark
// lines along the border); and they took the hole's broad level from a push-pull membrane, whose
// coarse levels average in whatever lies beyond the backdrop (a pale patch over the crown). Here the
// membrane is harmonic (harmonicFill.ts) from the known pixels at the hole's border, and it is also a
// guide: each hole pixel is steered to sources whose broad colour is the membrane's there; texture
// still decides among sources of the right colour.
import type { RgbaImage } from '../types.ts';
import { boxBlur, distanceToOutside } from './raster.ts';
import { toColour } from './inpaint.ts';
import { harmonicFill } from './harmonicFill.ts';

/** Mean colour of the `mask` pixels within `r` px (RGB floats per pixel; 0 where none) and how many there were. */
function maskedMean(img: RgbaImage, mask: Uint8Array, r: number): { mean: Float32Array; count: Float32Array } {
  const { width: w, height: h } = img;
  const n = w * h;
  const count = boxBlur(Float32Array.from(mask), w, h, r);
  const mean = new Float32Array(n * 3);
  for (let c = 0; c < 3; c++) {
    const plane = boxBlur(Float32Array.from({ length: n }, (_, i) => (mask[i] ? img.data[i * 4 + c]! : 0)), w, h, r);
    for (let i = 0; i < n; i++) if (count[i]! > 0) mean[i * 3 + c] = plane[i]! / count[i]!;
  }
  return { mean, count };
}

/**
 * The backdrop's level across the hole (RGB floats per pixel): the `known` pixels (outside the hole;
 * inpaint.ts passes the invented padding beside it too, s38) lightly smoothed, and in the hole and wherever nothing is known the harmonic membrane
 * from them: at each border it is the real pixels' own level, and far backdrops reach in only
 * through nearer ones. Null when nothing is known.
 */
export function backdropMembrane(img: RgbaImage, known: Uint8Array): Float32Array | null {
  const { width: w, height: h } = img;
  const { mean, count } = maskedMean(img, known, Math.max(1, Math.round(w / 256)));
  const unknown = Uint8Array.from(count, (k, i) => (known[i] && k > 0 ? 0 : 1));
  if (unknown.every((u) => u)) return null;
  return harmonicFill(mean, unknown, w, h, 3);
}

/**
 * The synthesis guide (3 floats per pixel), `weight` x colour: in the hole the membrane, outside it
 * the broad colour of the known pixels (median per 1/64 of the side: which backdrop a source belongs
 * to, not its own leaf or thread). At weight 2 a green-for-pink swap (~100 levels) costs each patch
 * pixel as much as a ~115-level error in every channel; a 5-level difference of shade ~10 levels.
 */
export function nearBackdropGuide(img: RgbaImage, hole: Uint8Array, known: Uint8Array, membrane: Float32Array, weight = 2): Float32Array | null {
  const cell = Math.max(4, Math.round(img.width / 64));
  const broad = cellMedians(img, known, cell);
  // only where the backdrop by the person is foreign to most of the picture (lp_s11 0.78; rooms,
  // walls, foliage, a painted backdrop 0.00-0.61): elsewhere the guide narrows the choice of sources
  // to a few that match the membrane's shade (lp_s1's watermark copied in, lp_s42's grass repeated)
  const unlike = unlikeShare(broad, hole, known, img.width, img.height, cell);
  weight *= Math.min(1, Math.max(0, (unlike - 0.65) / 0.1));
  if (!(weight > 0)) return null;
  // outside the hole a pixel with no known cell nearby (deep in invented padding) is never a source
  return Float32Array.from(membrane, (v, k) => {
    const i = (k / 3) | 0;
    return weight * (hole[i] || !(broad[i * 3]! || broad[i * 3 + 1]! || broad[i * 3 + 2]!) ? v : broad[k]!);
  });
}

/**
 * Each pixel's backdrop colour: the per-channel median of the `mask` pixels in `cell`-px cells,
 * bilinear between cell centres (0 where a cell has none). A median, not a mean: a patch of writing
 * or a window's edge on a white wall is still "white wall", not a grey that matches a shadow.
 */
export function cellMedians(img: RgbaImage, mask: Uint8Array, cell: number): Float32Array {
  const { width: w, height: h } = img;
  const cw = Math.ceil(w / cell), ch = Math.ceil(h / cell);
  const med = new Float32Array(cw * ch * 3), has = new Uint8Array(cw * ch);
  const vals: number[][] = [[], [], []];
  for (let cy = 0; cy < ch; cy++) for (let cx = 0; cx < cw; cx++) {
    for (const v of vals) v.length = 0;
    for (let y = cy * cell; y < Math.min(h, (cy + 1) * cell); y++) for (let x = cx * cell; x < Math.min(w, (cx + 1) * cell); x++) {
      const i = y * w + x;
      if (mask[i]) for (let c = 0; c < 3; c++) vals[c]!.push(img.data[i * 4 + c]!);
    }
    if (vals[0]!.length < (cell * cell) / 4) continue;
    has[cy * cw + cx] = 1;
    for (let c = 0; c < 3; c++) { const v = vals[c]!.sort((a, b) => a - b); med[(cy * cw + cx) * 3 + c] = v[v.length >> 1]!; }
  }
  const out = new Float32Array(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const fx = Math.min(cw - 1, Math.max(0, (x + 0.5) / cell - 0.5)), fy = Math.min(ch - 1, Math.max(0, (y + 0.5) / cell - 0.5));
    const x0 = Math.floor(fx), y0 = Math.floor(fy), x1 = Math.min(cw - 1, x0 + 1), y1 = Math.min(ch - 1, y0 + 1);
    const ax = fx - x0, ay = fy - y0;
    const corners: [number, number][] = [[y0 * cw + x0, (1 - ax) * (1 - ay)], [y0 * cw + x1, ax * (1 - ay)], [y1 * cw + x0, (1 - ax) * ay], [y1 * cw + x1, ax * ay]];
    let sw = 0;
    const acc = [0, 0, 0];
    for (const [o, wt] of corners) { if (!has[o] || wt <= 0) continue; sw += wt; for (let c = 0; c < 3; c++) acc[c]! += wt * med[o * 3 + c]!; }
    if (sw > 0) for (let c = 0; c < 3; c++) out[(y * w + x) * 3 + c] = acc[c]! / sw;
  }
  return out;
}

/**
 * How foreign the rest of the backdrop is to the backdrop right around the hole: over the known
 * pixels within two cells of the hole, the mean share of the known pixels whose broad colour is more
 * than 40 levels (RGB distance) from theirs. A studio wall or a room: small; a print's backdrop on a
 * blanket: large. Sampled every 4th pixel.
 */
export function unlikeShare(broad: Float32Array, hole: Uint8Array, known: Uint8Array, w: number, h: number, cell: number): number {
  const depth = distanceToOutside((i) => hole[i] === 1, w, h, 2 * cell + 1);
  const ring: number[] = [], all: number[] = [];
  for (let y = 0; y < h; y += 4) for (let x = 0; x < w; x += 4) {
    const i = y * w + x;
    if (!known[i]) continue;
    all.push(i);
    if (depth[i]! <= 2 * cell) ring.push(i);
  }
  if (ring.length === 0 || all.length === 0) return 0;
  let sum = 0;
  for (const i of ring) {
    let far = 0;
    for (const j of all) {
      const dr = broad[i * 3]! - broad[j * 3]!, dg = broad[i * 3 + 1]! - broad[j * 3 + 1]!, db = broad[i * 3 + 2]! - broad[j * 3 + 2]!;
      if (dr * dr + dg * dg + db * db > 1600) far++;
    }
    sum += far / all.length;
  }
  return sum / ring.length;
}
