// The library rows given the picture's own fine texture (its grain). Session 26 (issue #13, critic25):
// the grain (robust spread of the finest detail, over the mean light) of the library rows against the
// photo around its lips was st_art_1 (a painting) .0095 against .029 and lp_s12 (an old photo) .016
// against .036: smooth video-frame teeth in a brushed or grainy picture, an untextured slab, a blob;
// lp_s1 (a clean photo) .021 against .012 and lp_s42 .011 against .0045: mottled teeth, sharpened
// blotches of the library's video frame, beside smooth skin. The rows keep their shapes (their
// coarse light, the relief drawn after) and take the picture's grain: a finer band damped, or a fixed
// grain pattern added.
import type { ReadyLayer } from './readyLayer.ts';
import { gaussianBlur } from '../../eval/metrics/ssim.ts';
import { luminance as lum } from '../../math/colour.ts';

/** the finest detail's scale: what a gaussian of this sigma (px) takes away */
const FINE_SIGMA = 1;
/** a row's own fine detail is never damped below this share (its teeth's shapes are in it too) */
const LEAST_KEPT = 0.5;
/** ... and no picture's grain past this (a noisy scan would bury the teeth) */
const MOST_GRAIN = 0.04;

/**
 * The grain of luminance `L` over `mask`: 1.4826 x the median |L - G L| (a robust spread: edges and
 * lines are few) over the mean luminance, at pixels whose 5x5 neighbourhood is all in the mask
 * (null under 24 of them).
 */
export function fineGrain(L: Float32Array, W: number, H: number, mask: Uint8Array): number | null {
  const g = gaussianBlur(L, W, H, FINE_SIGMA, 3);
  const r: number[] = [];
  let sum = 0;
  for (let y = 2; y < H - 2; y++) for (let x = 2; x < W - 2; x++) {
    const q = y * W + x;
    if (!allIn(mask, W, q)) continue;
    r.push(Math.abs(L[q]! - g[q]!));
    sum += L[q]!;
  }
  if (r.length < 24 || sum <= 0) return null;
  r.sort((a, b) => a - b);
  return (1.4826 * r[r.length >> 1]!) / (sum / r.length);
}

function allIn(mask: Uint8Array, W: number, q: number): boolean {
  for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) if (!mask[q + dy * W + dx]) return false;
  return true;
}

/** A layer's straight-alpha luminance and its solid pixels (alpha >= 0.9). */
export function layerLuma(l: ReadyLayer): { L: Float32Array; solid: Uint8Array } {
  const n = l.width * l.height, L = new Float32Array(n), solid = new Uint8Array(n);
  for (let q = 0; q < n; q++) {
    const a = l.data[q * 4 + 3]!;
    if (a < 0.9) continue;
    solid[q] = 1;
    L[q] = lum(l.data[q * 4]!, l.data[q * 4 + 1]!, l.data[q * 4 + 2]!) / a;
  }
  return { L, solid };
}

/** A fixed grain pattern, zero mean, about unit spread: hashed per pixel, softened to a grain's size. */
export function grainPattern(W: number, H: number): Float32Array {
  const n = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    let h = Math.imul(x + 1, 0x27d4eb2d) ^ Math.imul(y + 1, 0x165667b1);
    h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
    h ^= h >>> 13;
    n[y * W + x] = ((h >>> 0) / 4294967296 - 0.5) * 3.46;
  }
  return gaussianBlur(n, W, H, 0.5, 2);
}

/**
 * The rows with the grain of the picture (`pictureGrain`, fineGrain of its lips' box) where the first
 * row's own differs: a finer band damped toward it (never under LEAST_KEPT of itself) or the grain
 * pattern added to the luminance (the hue kept). Unchanged when either cannot be measured.
 */
export function withPictureGrain(rows: ReadyLayer[], pictureGrain: number | null): ReadyLayer[] {
  const first = rows[0];
  if (!first || pictureGrain === null) return rows;
  const { L, solid } = layerLuma(first);
  const own = fineGrain(L, first.width, first.height, solid);
  if (own === null || own <= 0) return rows;
  const target = Math.min(MOST_GRAIN, pictureGrain);
  if (own > target) return rows.map((l) => damped(l, Math.max(LEAST_KEPT, target / own)));
  const pattern = grainPattern(first.width, first.height);
  // (the pattern's own fine spread per unit of it: measured on 1 + pattern, its mean 1)
  const patternGrain = fineGrain(pattern.map((v) => 1 + v), first.width, first.height, new Uint8Array(pattern.length).fill(1));
  if (!patternGrain) return rows;
  const amount = Math.sqrt(target * target - own * own) / patternGrain;
  return rows.map((l) => grained(l, amount));
}

/** The layer's colour with its finest band (c - G c) kept at `keep`. */
function damped(l: ReadyLayer, keep: number): ReadyLayer {
  const n = l.width * l.height, data = Float32Array.from(l.data);
  for (let ch = 0; ch < 3; ch++) {
    const c = new Float32Array(n);
    for (let q = 0; q < n; q++) c[q] = l.data[q * 4 + ch]!;
    const g = gaussianBlur(c, l.width, l.height, FINE_SIGMA, 3);
    for (let q = 0; q < n; q++) data[q * 4 + ch] = Math.min(255 * l.data[q * 4 + 3]!, Math.max(0, g[q]! + keep * (c[q]! - g[q]!)));
  }
  return { ...l, data };
}

/** The layer's colour times 1 + amount x the grain pattern (rows of one size share the pattern's place). */
function grained(l: ReadyLayer, amount: number): ReadyLayer {
  const pattern = grainPattern(l.width, l.height), data = Float32Array.from(l.data);
  for (let q = 0; q < l.width * l.height; q++) {
    const k = Math.max(0, 1 + amount * pattern[q]!), cap = 255 * l.data[q * 4 + 3]!;
    for (let ch = 0; ch < 3; ch++) data[q * 4 + ch] = Math.min(cap, l.data[q * 4 + ch]! * k);
  }
  return { ...l, data };
}
