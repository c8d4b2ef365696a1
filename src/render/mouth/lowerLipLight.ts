// The lower lip's light as the mouth opens. A closed photo's lower lip lies in the upper lip's
// shadow along the slit, deeper on the side away from the light; slid off the slit (lipTexture.ts)
// the opened lip kept that shadow on one side only, its edge a hard diagonal across a lit lip
// (mt_man, five reviews). Open, nothing shades it there: the lip's dark is lifted toward the light
// of the lip round it (a local upper percentile, smoothed), its grain and gloss kept (a gain on each
// pixel), less and less toward the outer contour, where the lip turns under and keeps its shade.
import { luminance as lum } from '../../math/colour.ts';
import { smoothstep } from '../../math/smooth.ts';
import { LIP_COLUMNS_LOWER } from '../../rig/topology.ts';
import { TextureLift, withoutPixels } from './textureLift.ts';
import { insidePolygon, distanceToPolyline } from '../../math/polygon.ts';

/** The light a lip pixel is lifted toward: this percentile of its surroundings' (grain-free) light. */
const LIT_PERCENTILE = 0.8;
/** the surroundings: a square this share of the lip's thickness (landmarks 14-17) to a side of the pixel */
const LIT_REACH = 1.0;
/** the grain left out of the light a pixel is compared with: a box this share of the thickness to a side */
const GRAIN = 0.12;
/** pixels under this share of the lit level round them are in shadow ... */
const LIT_SHARE = 0.92;
/** ... wholly at this much darkness (1 - share of the lit level) */
const SHADOW_FULL = 0.3;
/** a pixel's grain (its light over the grain-free light) is kept up to this ratio either way */
const GRAIN_MAX = 1.15;
/** the lift is whole out to this share of the way to the outer contour and gone at the second (the lip's turn under keeps its shade) */
const KEEP_FROM = 0.45, KEEP_AT = 0.9;

/** texture pixels over which the lift comes in from the inner contour (lifted right up to it, the photo's slit above it drew a jagged dark line along a partly slid lip) */
const SLIT_EDGE = 2;
/** toward the corners (share of the mouth's half-width out from its middle) the lift fades out: their light pixels are skin, a pale band along the corner's rim */
const SIDE_FROM = 0.6, SIDE_AT = 0.9;

/** Pixels of the lower lip (texture indices) and their lifted colours (RGB per pixel). */
export interface LipLift {
  readonly pixels: Int32Array;
  readonly lifted: Uint8ClampedArray;
}

/**
 * The lower lip's pixels with its shadow lifted. inner / outer: the lip's inner and outer contours
 * (texture pixels, corner to corner, same direction).
 */
export function liftLipShadow(data: Uint8ClampedArray, width: number, height: number, inner: [number, number][], outer: [number, number][], thickness: number): LipLift {
  const poly = [...inner, ...[...outer].reverse()];
  const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
  const x0 = Math.max(0, Math.floor(Math.min(...xs))), x1 = Math.min(width - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys))), y1 = Math.min(height - 1, Math.ceil(Math.max(...ys)));
  const bw = x1 - x0 + 1, bh = y1 - y0 + 1;
  const inside = new Uint8Array(bw * bh), L = new Float32Array(bw * bh);
  for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) {
    const k = y * bw + x;
    if (!insidePolygon(x0 + x + 0.5, y0 + y + 0.5, poly)) continue;
    inside[k] = 1;
    const o = ((y0 + y) * width + x0 + x) * 4;
    L[k] = lum(data[o]!, data[o + 1]!, data[o + 2]!);
  }
  const smooth = boxMean(L, inside, bw, bh, Math.max(1, Math.round(GRAIN * thickness)));
  const reach = Math.max(2, Math.round(LIT_REACH * thickness));
  const lit = boxMean(localPercentile(smooth, inside, bw, bh, reach, LIT_PERCENTILE), inside, bw, bh, Math.max(1, reach >> 1));
  // the colour of the lit lip round each pixel (a shadow on a lip is a deeper red: a gain on its
  // own colour drew a saturated red patch with the same edge)
  const litMask = new Uint8Array(bw * bh);
  for (let k = 0; k < litMask.length; k++) litMask[k] = inside[k] && smooth[k]! >= LIT_SHARE * lit[k]! ? 1 : 0;
  const litRgb = [0, 1, 2].map((ch) => boxMeanFrom(data, width, x0, y0, ch, litMask, inside, bw, bh, reach));
  const midX = 0.5 * (outer[0]![0] + outer[outer.length - 1]![0]), halfWidth = Math.max(1, 0.5 * Math.abs(outer[outer.length - 1]![0] - outer[0]![0]));
  const pixels: number[] = [], lifted: number[] = [];
  for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) {
    const k = y * bw + x;
    if (!inside[k] || !(smooth[k]! < LIT_SHARE * lit[k]!) || litRgb[0]![k] !== litRgb[0]![k]) continue;
    const px = x0 + x + 0.5, py = y0 + y + 0.5;
    const dIn = distanceToPolyline(px, py, inner), dOut = distanceToPolyline(px, py, outer);
    const side = Math.abs(px - midX) / halfWidth;
    const keep = (1 - smoothstep(KEEP_FROM, KEEP_AT, dIn / Math.max(1e-6, dIn + dOut))) * (1 - smoothstep(SIDE_FROM, SIDE_AT, side)) * smoothstep(0, SLIT_EDGE, dIn);
    // how far in shadow (0 at the lit level, 1 at MAX_LIFT of it and darker) and the pixel's own grain
    const shadow = smoothstep(1 - LIT_SHARE, SHADOW_FULL, 1 - smooth[k]! / lit[k]!);
    const w = keep * shadow;
    if (w < 0.01) continue;
    const grain = Math.min(GRAIN_MAX, Math.max(1 / GRAIN_MAX, L[k]! / Math.max(1, smooth[k]!)));
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
    const lift = liftLipShadow(data, width, height, inner, outer, Math.hypot(bx - ax, by - ay));
    const { pixels, lifted } = withoutPixels(lift.pixels, lift.lifted, taken);
    super(data, pixels, lifted);
  }
}

/** Mean of v over the masked pixels in a (2r+1)^2 box round each masked pixel. */
function boxMean(v: Float32Array, mask: Uint8Array, w: number, h: number, r: number): Float32Array {
  const out = new Float32Array(v.length);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (!mask[y * w + x]) continue;
    let s = 0, n = 0;
    for (let yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) for (let xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
      const k = yy * w + xx;
      if (mask[k]) { s += v[k]!; n++; }
    }
    out[y * w + x] = s / n;
  }
  return out;
}

/** Mean of channel ch of the RGBA data over the `from` pixels in a (2r+1)^2 box round each `mask` pixel (NaN: none). */
function boxMeanFrom(data: Uint8ClampedArray, width: number, x0: number, y0: number, ch: number, from: Uint8Array, mask: Uint8Array, w: number, h: number, r: number): Float32Array {
  const out = new Float32Array(w * h).fill(NaN);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (!mask[y * w + x]) continue;
    let s = 0, n = 0;
    for (let yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) for (let xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
      if (from[yy * w + xx]) { s += data[((y0 + yy) * width + x0 + xx) * 4 + ch]!; n++; }
    }
    if (n) out[y * w + x] = s / n;
  }
  return out;
}

/** The q-quantile of v over the masked pixels in a (2r+1)^2 box round each masked pixel. */
function localPercentile(v: Float32Array, mask: Uint8Array, w: number, h: number, r: number, q: number): Float32Array {
  const out = new Float32Array(v.length), win: number[] = [];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (!mask[y * w + x]) continue;
    win.length = 0;
    for (let yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) for (let xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
      const k = yy * w + xx;
      if (mask[k]) win.push(v[k]!);
    }
    win.sort((a, b) => a - b);
    out[y * w + x] = win[Math.floor(q * (win.length - 1))]!;
  }
  return out;
}
