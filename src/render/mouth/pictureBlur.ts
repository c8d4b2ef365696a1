// How soft the picture is around its lips, as the gaussian blur (output px) of its strongest step
// edges. The detail ratio (photoLook.ts detailRatio) reads fine against coarse contrast, and a
// painting's craquelure or a soft photo's grain and JPEG blocks fill the fine band: lp_s0 (Sargent)
// and lp_s11 (a blurred child photo) read as sharp as Obama's video frame, and the library teeth
// stayed crisp on them (critic19: "a crisp bright bar on a soft varnished picture"). A blurred step
// of height h has its steepest gradient at h / (sigma sqrt(2 pi)), whatever the grain on either side.

/** Pre-smoothing (px) before the gradients: grain and JPEG noise drop out; taken out of the result. */
const PRE_SIGMA = 0.7;
/** Half length (px) of the profile read across each edge: steps blurred up to ~3 px fit in it. */
const REACH = 8;
/** Share of the masked pixels, by gradient, whose edges are read (the lip lines, not skin texture). */
const TOP_SHARE = 0.04;

/** Separable gaussian blur of a luminance image (edges clamped). */
function blurred(L: Float32Array, W: number, H: number, sigma: number): Float32Array {
  const r = Math.ceil(3 * sigma), k: number[] = [];
  for (let i = -r; i <= r; i++) k.push(Math.exp(-(i * i) / (2 * sigma * sigma)));
  const sum = k.reduce((a, b) => a + b, 0);
  const pass = (src: Float32Array, dx: number, dy: number) => {
    const out = new Float32Array(src.length);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
      let v = 0;
      for (let i = -r; i <= r; i++) {
        const xx = Math.min(W - 1, Math.max(0, x + i * dx)), yy = Math.min(H - 1, Math.max(0, y + i * dy));
        v += k[i + r]! * src[yy * W + xx]!;
      }
      out[y * W + x] = v / sum;
    }
    return out;
  };
  return pass(pass(L, 1, 0), 0, 1);
}

/** Bilinear sample, or NaN outside the image. */
function sampleAt(g: Float32Array, W: number, H: number, x: number, y: number): number {
  if (x < 0 || y < 0 || x > W - 1 || y > H - 1) return NaN;
  const ix = Math.min(W - 2, Math.floor(x)), iy = Math.min(H - 2, Math.floor(y)), ax = x - ix, ay = y - iy;
  const at = (dx: number, dy: number) => g[(iy + dy) * W + ix + dx]!;
  return (1 - ay) * ((1 - ax) * at(0, 0) + ax * at(1, 0)) + ay * ((1 - ax) * at(0, 1) + ax * at(1, 1));
}

/**
 * The blur (gaussian sigma, px) of one edge from its profile across it (`profile[i]` at i - REACH px
 * along the gradient) and its steepest gradient: null when it is not a step (a line or a peak,
 * whose two sides are alike, or a ramp that does not settle within REACH).
 */
export function stepSigma(profile: number[], gradient: number): number | null {
  const n = profile.length, ends = 2;
  const lo = profile.slice(0, ends).reduce((a, b) => a + b, 0) / ends;
  const hi = profile.slice(n - ends).reduce((a, b) => a + b, 0) / ends;
  const step = hi - lo, range = Math.max(...profile) - Math.min(...profile);
  if (!(step > 0) || step < 0.7 * range || gradient <= 0) return null;
  return step / (gradient * Math.sqrt(2 * Math.PI));
}

/**
 * The median blur (px) of the strongest step edges of `L` inside `mask`, the pre-smoothing taken
 * out; null when fewer than 12 edges read as steps.
 */
export function edgeBlur(L: Float32Array, W: number, H: number, mask: Uint8Array): number | null {
  const g = blurred(L, W, H, PRE_SIGMA);
  const mag = new Float32Array(W * H), grads: { q: number; m: number; ux: number; uy: number }[] = [];
  for (let y = 1; y < H - 1; y++) for (let x = 1; x < W - 1; x++) {
    const q = y * W + x;
    const gx = (g[q + 1]! - g[q - 1]!) / 2, gy = (g[q + W]! - g[q - W]!) / 2, m = Math.hypot(gx, gy);
    mag[q] = m;
    if (mask[q] && m > 0) grads.push({ q, m, ux: gx / m, uy: gy / m });
  }
  grads.sort((a, b) => b.m - a.m);
  const sigmas: number[] = [];
  for (const { q, m, ux, uy } of grads.slice(0, Math.ceil(TOP_SHARE * grads.length))) {
    const x = q % W, y = (q - x) / W;
    // only the crest of the edge (its steepest point along the gradient)
    if (!(m >= sampleAt(mag, W, H, x - ux, y - uy)) || !(m >= sampleAt(mag, W, H, x + ux, y + uy))) continue;
    const profile: number[] = [];
    for (let t = -REACH; t <= REACH; t++) profile.push(sampleAt(g, W, H, x + ux * t, y + uy * t));
    if (profile.some((v) => !(v === v))) continue;
    const s = stepSigma(profile, m);
    if (s !== null) sigmas.push(s);
  }
  if (sigmas.length < 12) return null;
  sigmas.sort((a, b) => a - b);
  const total = sigmas[sigmas.length >> 1]!;
  return Math.sqrt(Math.max(0, total * total - PRE_SIGMA * PRE_SIGMA));
}

/**
 * A sharp photo's lip border still reads this soft (px): Katie's, lp_s1's, mt_sun's, mt_man's and
 * st_full_body_1's edgeBlur is 0.9-1.1 px at 90-130 px per IOD, and the library teeth beside them
 * looked as sharp (the lip's own rounded border and the resampling, not the picture's blur).
 */
export const SHARP_LIPS = 1.0;
/**
 * The share of the picture's blur beyond that the teeth take: a lip border is a rounded ramp, and
 * at all of it (or 0.6 of it, at most 1.2 px) the gaps between teeth went (lp_s9, lp_s11, st_happy
 * at 3x: one smooth band).
 */
const BLUR_TAKEN = 0.4;
/** Extra blur under this (px) is left to the detail match (photoLook.ts sharpnessToMatch) ... */
const BLUR_MIN = 0.3;
/** ... and never more than this (px; the detail match's own most, photoLook.ts AMOUNTS). */
const BLUR_MOST = 1.0;

/**
 * The extra blur (gaussian sigma, output px; 0 for none) the library teeth need to look as soft as a
 * picture whose lip edges read `lipBlurPx` (edgeBlur) when they are `haveBlurPx` soft already: a
 * share of the picture's blur past a sharp photo's, less what the teeth have.
 */
export function teethBlurFor(lipBlurPx: number | null, haveBlurPx: number): number {
  if (lipBlurPx === null) return 0;
  const picture = Math.sqrt(Math.max(0, lipBlurPx * lipBlurPx - SHARP_LIPS * SHARP_LIPS));
  const more = BLUR_TAKEN * Math.sqrt(Math.max(0, picture * picture - haveBlurPx * haveBlurPx));
  return more < BLUR_MIN ? 0 : Math.min(BLUR_MOST, more);
}
