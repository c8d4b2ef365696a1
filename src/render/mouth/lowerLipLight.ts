// The lower lip's light as the mouth opens. A closed photo's lower lip lies in the upper lip's
// shadow along the slit, deeper on the side away from the light; slid off the slit (lipTexture.ts)
// the opened lip kept that shadow on one side only, its edge a hard diagonal across a lit lip
// (mt_man, five reviews). Open, nothing shades it there: the lip's dark is lifted toward the light
// of the lip round it (a local upper percentile, smoothed), its grain and gloss kept (a gain on each
// pixel), less and less toward the outer contour, where the lip turns under and keeps its shade.
// Session 33 (lip33): the lit level read along the lip, over the shadow's penumbra and past the mesh's
// outer contour where the lip's red goes on: a wide shadow (mt_man's right third) kept its deep half,
// and the opened lip showed its edge as a seam across a flat band.
import { luminance as lum } from '../../math/colour.ts';
import { smoothstep } from '../../math/smooth.ts';
import { LIP_COLUMNS_LOWER } from '../../rig/topology.ts';
import { TextureLift, withoutPixels } from './textureLift.ts';
import { insidePolygon, distanceToPolyline } from '../../math/polygon.ts';
import { toneOpenLowerLip } from './lowerLipTone.ts';

/** The light a lip pixel is lifted toward: this percentile of its surroundings' (grain-free) light. */
const LIT_PERCENTILE = 0.8;
/** the surroundings: a box this share of the lip's thickness (landmarks 14-17) to a side of the pixel along
 * the lip, the second across it (the lit lip at the same depth: a square one thickness wide held no lit pixel
 * deep in a wide shadow, which then read as lit) */
const ALONG = 2.5, ACROSS = 0.3;
/** the grain left out of the light a pixel is compared with: a box this share of the thickness to a side */
const GRAIN = 0.12;
/** pixels under this share of the lit level round them are in shadow ... */
const LIT_SHARE = 0.92;
/** ... wholly at this much darkness (1 - share of the lit level) */
const SHADOW_FULL = 0.3;
/** a pixel's grain (its light over the grain-free light) is kept up to this ratio either way */
const GRAIN_MAX = 1.15;
/** the lift is whole out to this share of the way to the outer contour and gone at the second (the lip's turn under keeps its shade) */
const KEEP_FROM = 0.5, KEEP_AT = 1.0;
/** the shadow's weight spread over its penumbra: a max, then a mean, this share of the thickness to a side */
const PENUMBRA = 0.15;
/** the lip looked for this share of its thickness (inner to outer contour) past the mesh's outer contour ... */
const OUTER_REACH = 0.3;
/** ... where a pixel is at least this share as red as the lip's median (redness: (R - G) / (R + G + B)) */
const LIP_RED_SHARE = 0.7;

/** texture pixels over which the lift comes in from the inner contour (lifted right up to it, the photo's slit above it drew a jagged dark line along a partly slid lip) */
const SLIT_EDGE = 2;
/** toward the corners (share of the mouth's half-width out from its middle) the lift fades out: their light pixels are skin, a pale band along the corner's rim */
const SIDE_FROM = 0.55, SIDE_AT = 0.9;

/** Pixels of the lower lip (texture indices) and their lifted colours (RGB per pixel). */
export interface LipLift {
  readonly pixels: Int32Array;
  readonly lifted: Uint8ClampedArray;
}

/**
 * The lower lip's pixels with its shadow lifted. inner / outer: the lip's inner and outer contours
 * (texture pixels, corner to corner, same direction).
 */
export function liftLipShadow(data: Uint8ClampedArray, width: number, height: number, inner: [number, number][], outerMesh: [number, number][], thickness: number): LipLift {
  // the lip reaches a little past the mesh's outer contour on some photos (mt_man's shadowed right half):
  // left out, its dark red under the lifted lip was drawn as a line across the opened lip. Past the
  // contour only the lip's red counts (lipRed), not the skin under it.
  const outer = outerMesh.map(([x, y], i): [number, number] => { const [ix, iy] = inner[Math.min(i, inner.length - 1)]!; return [x + OUTER_REACH * (x - ix), y + OUTER_REACH * (y - iy)]; });
  const meshPoly = [...inner, ...[...outerMesh].reverse()];
  const red = lipRed(data, width, meshPoly);
  const poly = [...inner, ...[...outer].reverse()];
  const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
  const x0 = Math.max(0, Math.floor(Math.min(...xs))), x1 = Math.min(width - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys))), y1 = Math.min(height - 1, Math.ceil(Math.max(...ys)));
  const bw = x1 - x0 + 1, bh = y1 - y0 + 1;
  const inside = new Uint8Array(bw * bh), L = new Float32Array(bw * bh);
  for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) {
    const k = y * bw + x;
    if (!insidePolygon(x0 + x + 0.5, y0 + y + 0.5, poly)) continue;
    const o = ((y0 + y) * width + x0 + x) * 4;
    if (!insidePolygon(x0 + x + 0.5, y0 + y + 0.5, meshPoly) && redness(data, o) < LIP_RED_SHARE * red) continue;
    inside[k] = 1;
    L[k] = lum(data[o]!, data[o + 1]!, data[o + 2]!);
  }
  const smooth = boxMean(L, inside, bw, bh, Math.max(1, Math.round(GRAIN * thickness)));
  const rx = Math.max(2, Math.round(ALONG * thickness)), ry = Math.max(1, Math.round(ACROSS * thickness));
  const lit = boxMean(localPercentile(smooth, inside, bw, bh, rx, LIT_PERCENTILE, ry), inside, bw, bh, Math.max(1, rx >> 1), ry);
  // the colour of the lit lip round each pixel (a shadow on a lip is a deeper red: a gain on its
  // own colour drew a saturated red patch with the same edge)
  const litMask = new Uint8Array(bw * bh);
  for (let k = 0; k < litMask.length; k++) litMask[k] = inside[k] && smooth[k]! >= LIT_SHARE * lit[k]! ? 1 : 0;
  const litRgb = [0, 1, 2].map((ch) => boxMeanFrom(data, width, x0, y0, ch, litMask, inside, bw, bh, rx, ry));
  const midX = 0.5 * (outer[0]![0] + outer[outer.length - 1]![0]), halfWidth = Math.max(1, 0.5 * Math.abs(outer[outer.length - 1]![0] - outer[0]![0]));
  // how far each pixel is in shadow (0 at the lit level, 1 at SHADOW_FULL darkness), spread over the
  // shadow's penumbra (a local max, then a mean): lifted only where darker than .92 of the lit level, the
  // penumbra's own pixels stayed a pale line along the shadow's edge, drawn as a seam across the opened lip
  const shadow = new Float32Array(bw * bh);
  for (let k = 0; k < shadow.length; k++) if (inside[k]) shadow[k] = smoothstep(1 - LIT_SHARE, SHADOW_FULL, 1 - smooth[k]! / lit[k]!);
  const pen = Math.max(1, Math.round(PENUMBRA * thickness));
  const shade = boxMean(boxMax(shadow, inside, bw, bh, pen), inside, bw, bh, pen);
  // a pixel's grain against the grain-free light of its own side of the shadow's edge (against both, a
  // shadow pixel beside the edge read as grain and the edge came back as a dark line)
  const gr = 1;
  const dark = new Uint8Array(bw * bh), light = new Uint8Array(bw * bh);
  for (let k = 0; k < dark.length; k++) if (inside[k]) { if (shadow[k]! > 0.5) dark[k] = 1; else light[k] = 1; }
  const smoothDark = boxMean(L, dark, bw, bh, gr), smoothLight = boxMean(L, light, bw, bh, gr);
  const pixels: number[] = [], lifted: number[] = [];
  for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) {
    const k = y * bw + x;
    if (!inside[k] || !(shade[k]! > 0) || litRgb[0]![k] !== litRgb[0]![k]) continue;
    const px = x0 + x + 0.5, py = y0 + y + 0.5;
    const dIn = distanceToPolyline(px, py, inner), dOut = distanceToPolyline(px, py, outer);
    const side = Math.abs(px - midX) / halfWidth;
    const keep = (1 - smoothstep(KEEP_FROM, KEEP_AT, dIn / Math.max(1e-6, dIn + dOut))) * (1 - smoothstep(SIDE_FROM, SIDE_AT, side)) * smoothstep(0, SLIT_EDGE, dIn);
    const w = keep * shade[k]!;
    if (w < 0.01) continue;
    const own = dark[k] ? smoothDark[k]! : smoothLight[k]!;
    const grain = Math.min(GRAIN_MAX, Math.max(1 / GRAIN_MAX, L[k]! / Math.max(1, own)));
    const p = (y0 + y) * width + x0 + x;
    pixels.push(p);
    for (let ch = 0; ch < 3; ch++) { const c = data[p * 4 + ch]!; lifted.push(c + (litRgb[ch]![k]! * grain - c) * w); }
  }
  return { pixels: Int32Array.from(pixels), lifted: Uint8ClampedArray.from(lifted) };
}

/** The lower lip's shadow lifted in the renderer's working texture as the lips part (the rest frame keeps the photo). */
export class LowerLipLight extends TextureLift {
  /** data: the renderer's working texture (RGBA, width x height), changed in place by update() (open: 0 = the photo's own opening .. 1 = parted well past it). */
  /** taken: pixels another lift of the same texture owns (the corners', cornerSkin.ts), left to it. */
  constructor(data: Uint8ClampedArray, width: number, height: number, landmarkXY: (i: number) => [number, number], taken: Int32Array | null = null) {
    const inner = [78, ...LIP_COLUMNS_LOWER[0], 308].map(landmarkXY), outer = [61, ...LIP_COLUMNS_LOWER[3], 291].map(landmarkXY);
    const [ax, ay] = landmarkXY(14), [bx, by] = landmarkXY(17);
    const lift = toneOpenLowerLip(data, width, height, liftLipShadow(data, width, height, inner, outer, Math.hypot(bx - ax, by - ay)), landmarkXY);
    const { pixels, lifted } = withoutPixels(lift.pixels, lift.lifted, taken);
    super(data, pixels, lifted);
  }
}

const redness = (d: ArrayLike<number>, o: number) => (d[o]! - d[o + 1]!) / Math.max(1, d[o]! + d[o + 1]! + d[o + 2]!);

/** The median redness of the pixels inside the polygon. */
function lipRed(data: Uint8ClampedArray, width: number, poly: [number, number][]): number {
  const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]), v: number[] = [];
  for (let y = Math.floor(Math.min(...ys)); y <= Math.ceil(Math.max(...ys)); y++) for (let x = Math.floor(Math.min(...xs)); x <= Math.ceil(Math.max(...xs)); x++) {
    if (x >= 0 && y >= 0 && x < width && insidePolygon(x + 0.5, y + 0.5, poly)) v.push(redness(data, (y * width + x) * 4));
  }
  v.sort((a, b) => a - b);
  return v.length ? v[v.length >> 1]! : 0;
}

/** Max of v over the masked pixels in a (2r+1)^2 box round each masked pixel. */
function boxMax(v: Float32Array, mask: Uint8Array, w: number, h: number, r: number): Float32Array {
  const out = new Float32Array(v.length);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (!mask[y * w + x]) continue;
    let m = 0;
    for (let yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) for (let xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
      const k = yy * w + xx;
      if (mask[k] && v[k]! > m) m = v[k]!;
    }
    out[y * w + x] = m;
  }
  return out;
}

/** Mean of v over the masked pixels in a (2r+1)^2 box round each masked pixel. */
function boxMean(v: Float32Array, mask: Uint8Array, w: number, h: number, r: number, ry = r): Float32Array {
  const out = new Float32Array(v.length);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (!mask[y * w + x]) continue;
    let s = 0, n = 0;
    for (let yy = Math.max(0, y - ry); yy <= Math.min(h - 1, y + ry); yy++) for (let xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
      const k = yy * w + xx;
      if (mask[k]) { s += v[k]!; n++; }
    }
    out[y * w + x] = s / n;
  }
  return out;
}

/** Mean of channel ch of the RGBA data over the `from` pixels in a (2r+1)^2 box round each `mask` pixel (NaN: none). */
function boxMeanFrom(data: Uint8ClampedArray, width: number, x0: number, y0: number, ch: number, from: Uint8Array, mask: Uint8Array, w: number, h: number, r: number, ry = r): Float32Array {
  const out = new Float32Array(w * h).fill(NaN);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (!mask[y * w + x]) continue;
    let s = 0, n = 0;
    for (let yy = Math.max(0, y - ry); yy <= Math.min(h - 1, y + ry); yy++) for (let xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
      if (from[yy * w + xx]) { s += data[((y0 + yy) * width + x0 + xx) * 4 + ch]!; n++; }
    }
    if (n) out[y * w + x] = s / n;
  }
  return out;
}

/** The q-quantile of v over the masked pixels in a (2r+1)^2 box round each masked pixel. */
function localPercentile(v: Float32Array, mask: Uint8Array, w: number, h: number, r: number, q: number, ry = r): Float32Array {
  const out = new Float32Array(v.length), win: number[] = [];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (!mask[y * w + x]) continue;
    win.length = 0;
    for (let yy = Math.max(0, y - ry); yy <= Math.min(h - 1, y + ry); yy++) for (let xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
      const k = yy * w + xx;
      if (mask[k]) win.push(v[k]!);
    }
    win.sort((a, b) => a - b);
    out[y * w + x] = win[Math.floor(q * (win.length - 1))]!;
  }
  return out;
}
