// What the mesh shows past the crop's border (raster.ts sampleInto): the mirror image of the
// texture just inside, blurred more with the distance, at the border's coverage. Computed once per
// renderer into a padded copy of the texture, so the band costs one bilinear lookup per pixel.
import { boxBlur } from '../analyze/raster.ts';
import { packRounded, samplePastBorder, PAST_BORDER_BLUR_REACH, type PastBorder } from './textureSample.ts';
import { smooth01 } from '../math/smooth.ts';
import { luminance } from '../math/colour.ts';

/**
 * A packed premultiplied RGBA texture blurred by two box passes of radius r (~1.7% of the side by
 * default: cloth and hair past the frame read as receding, and a strand mirrored at the border no
 * longer draws a sharp chevron).
 */
export function pastBorderCopy(data32: Uint32Array, width: number, height: number, r = Math.max(2, Math.round(width / 60))): Uint32Array {
  const n = width * height;
  const out = new Uint32Array(n);
  for (let ch = 0, shift = 0; ch < 4; ch++, shift += 8) {
    const plane = new Float32Array(n);
    for (let i = 0; i < n; i++) plane[i] = (data32[i]! >>> shift) & 255;
    const soft = boxBlur(boxBlur(plane, width, height, r), width, height, r);
    for (let i = 0; i < n; i++) out[i] = (out[i]! | (Math.min(255, Math.round(soft[i]!)) << shift)) >>> 0;
  }
  return out;
}

/** Strands running more nearly along the border than this (run per unit of depth) are continued at this run. */
const MAX_RUN = 1.5;

/**
 * Per position along one border, how far the texture's strands run along it per texel of depth
 * (the dominant orientation of the structure tensor over a band `depth` texels deep and
 * 2 * `half` + 1 wide), weighted by how one-directional the structure there is (0 for none).
 * `lum(i, j)`: the luminance at position i along the border, j texels in from it (j = 0 the border).
 * A plain mirror turns a strand crossing the border at a slant into a chevron (the strand and its
 * reflection: lp_s42's hair at the bottom-left when a driver raises the torso); sampling the mirror
 * image `2 * d * run` further along the border, d texels past it, continues the strand straight.
 */
export function borderRuns(lum: (i: number, j: number) => number, length: number, depth: number, half: number): Float32Array {
  const jii = new Float64Array(length), jjj = new Float64Array(length), jij = new Float64Array(length);
  for (let i = 1; i < length - 1; i++) for (let j = 1; j < depth; j++) {
    const gi = (lum(i + 1, j) - lum(i - 1, j)) / 2, gj = (lum(i, j + 1) - lum(i, j - 1)) / 2;
    jii[i] = jii[i]! + gi * gi; jjj[i] = jjj[i]! + gj * gj; jij[i] = jij[i]! + gi * gj;
  }
  const runs = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    let a = 0, b = 0, c = 0;
    for (let k = Math.max(0, i - half); k <= Math.min(length - 1, i + half); k++) { a += jii[k]!; b += jjj[k]!; c += jij[k]!; }
    const energy = a + b;
    if (energy < 1e-6) continue;
    // the gradient's dominant direction is (cos t, sin t) in (i, j); strands run across it
    const t = 0.5 * Math.atan2(2 * c, a - b);
    const coherence = Math.hypot(a - b, 2 * c) / energy;
    const cos = Math.cos(t), sin = Math.sin(t);
    // strand direction (-sin t, cos t): along the border -sin t per cos t of depth
    const run = Math.abs(cos) < 1e-6 ? Math.sign(-sin) * MAX_RUN : Math.max(-MAX_RUN, Math.min(MAX_RUN, -sin / cos));
    runs[i] = run * smooth01((coherence - 0.2) / 0.4);
  }
  return runs;
}

/** The runs along the texture's top and bottom borders (borderRuns over 3% of the side, 2% wide windows), from premultiplied luminance. */
function textureRuns(data32: Uint32Array, width: number, height: number): { top: Float32Array; bottom: Float32Array } {
  const lumAt = (x: number, y: number) => {
    const p = data32[Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))]!;
    return luminance(p & 255, (p >>> 8) & 255, (p >>> 16) & 255);
  };
  const depth = Math.max(3, Math.round(0.03 * Math.min(width, height))), half = Math.max(2, Math.round(0.02 * Math.max(width, height)));
  return {
    top: borderRuns((i, j) => lumAt(i, j), width, depth, half),
    bottom: borderRuns((i, j) => lumAt(i, height - 1 - j), width, depth, half),
  };
}

/** The texture padded by `margin` texels (default 10% of the width) of what shows past its border (raster.ts PastBorder). */
export function pastBorderPad(data32: Uint32Array, width: number, height: number, margin = Math.ceil(0.1 * width)): PastBorder {
  const beyond = pastBorderCopy(data32, width, height);
  const runs = textureRuns(data32, width, height);
  const sharpReach = PAST_BORDER_BLUR_REACH * width;
  const along = (r: Float32Array, f: number) => r[Math.min(r.length - 1, Math.max(0, Math.round(f)))]!;
  const pw = width + 2 * margin, ph = height + 2 * margin;
  const out = new Uint32Array(pw * ph);
  const s = new Float64Array(4);
  for (let y = 0; y < ph; y++) for (let x = 0; x < pw; x++) {
    const fx = x - margin, fy = y - margin;
    if (fx >= 0 && fy >= 0 && fx < width && fy < height) { out[y * pw + x] = data32[fy * width + fx]!; continue; }
    // d texels past a border, the mirror image slides 2 d run along it (the strand's continuation);
    // only over the sharp band: further out the blurred copy shows, and a slide growing with the
    // distance fetched texture from far along the border (dark hair bands under a raised torso)
    let runX = 0;
    const past = (d: number) => 2 * Math.min(d, sharpReach);
    if (fy < 0) runX += past(-fy) * along(runs.top, fx);
    if (fy > height - 1) runX += past(fy - height + 1) * along(runs.bottom, fx);
    // (past the sides the plain mirror: slid there, the shoulder's matte edge, the strongest
    // structure at a side border, moved skin along it in steps: a shelf at lp_s42's left under Katie's pose)
    samplePastBorder(data32, width, height, beyond, fx, fy, s, runX, 0);
    out[y * pw + x] = packRounded(s);
  }
  return { data32: out, margin };
}
