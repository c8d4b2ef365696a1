// The matte's outer rim, re-read from the photo's colours. The segmentation matte steps from 0 to
// 1 within a pixel or two, while the photo's own edge (lens blur, resampling, fine hair) spreads
// over several: the outermost "opaque" pixels are still part old background. Kept at alpha 1
// they show on any new backdrop as a 1-2 px line of the old background's colour (light on
// mt_man's pale wall, dark on lp_s10's black). Here, near the matte's edge, alpha is lowered to
// what the colour says: photo = a*F + (1-a)*B with F the person just inside and B the plate.
import type { RgbaImage, GrayImage } from '../types.ts';
import { smoothstep } from '../math/smooth.ts';
import { distanceToOutside } from '../analyze/raster.ts';

/**
 * Alpha of a pixel that mixes `fg` over `bg`: the projection of (pixel - bg) onto (fg - bg), with
 * how far the pixel lies off that line (levels): a colour the mix cannot explain (a lit rim, a
 * different material) is not evidence of transparency.
 */
export function mixAlpha(px: ArrayLike<number>, fg: ArrayLike<number>, bg: ArrayLike<number>): { alpha: number; separation: number; residual: number } {
  let dot = 0, len2 = 0;
  for (let ch = 0; ch < 3; ch++) { const d = fg[ch]! - bg[ch]!; dot += (px[ch]! - bg[ch]!) * d; len2 += d * d; }
  const alpha = len2 > 0 ? Math.min(1, Math.max(0, dot / len2)) : 1;
  let res2 = 0;
  for (let ch = 0; ch < 3; ch++) { const e = px[ch]! - (bg[ch]! + alpha * (fg[ch]! - bg[ch]!)); res2 += e * e; }
  return { alpha, separation: Math.sqrt(len2), residual: Math.sqrt(res2 / 3) };
}

/** Spread along the person-backdrop line, in units of the backdrop's colour RMS (3 channels: 1/sqrt(3) of
 *  it lies along any one direction), under which a pixel's share of the person is taken as backdrop texture. */
export const BACKDROP_NOISE_K = 1.5;

/** The mix's alpha with the backdrop's own texture taken out: shares under its spread (projected on the
 *  person-backdrop line) are backdrop, and the rest is stretched back to reach 1 at the person. */
export function backdropNoiseFloor(alpha: number, separation: number, noise: number): number {
  const t = Math.min(0.5, (BACKDROP_NOISE_K * noise) / Math.sqrt(3) / Math.max(1e-6, separation));
  return Math.max(0, (alpha - t) / (1 - t));
}

/**
 * The matte with its rim re-read from colour (only ever lowered). Within `band` px of the matte's
 * outside (< 0.5), F is the person's colour 1-2 bands further in (a normalised blur of the pixels
 * deeper than the band) and B the blurred plate; where F and B differ enough to tell apart and the
 * pixel is a plausible mix of them, alpha becomes min(matte, mix alpha). `lowered` (0-1) says
 * where it did: there the colour left after removing B carries the mix's error (a tint of the
 * wall's complement), so the caller should take the person's colour from further in.
 */
export function refineEdgeAlpha(image: RgbaImage, matte: GrayImage, plateRgb: Float32Array, blur: (src: Float32Array, r: number) => Float32Array, bgNoise?: Float32Array): { alpha: Float32Array; lowered: Float32Array; separation: Float32Array } {
  const { width: w, height: h } = image;
  const n = w * h;
  const band = Math.max(2, Math.round(w / 128)); // 4 px at 512: the photo's edge blur at crop scale
  const m = matte.data;
  const dist = distanceToOutside((i) => m[i]! < 0.5, w, h, band + 1);
  // the person just inside the band: a normalised blur over pixels deeper than it
  const deep = Float32Array.from({ length: n }, (_, i) => (dist[i]! > band && m[i]! > 0.95 ? 1 : 0));
  const reach = 2 * band;
  const deepPlanes = (r: number) => ({ weight: blur(deep, r), planes: [0, 1, 2].map((ch) => blur(Float32Array.from({ length: n }, (_, i) => image.data[i * 4 + ch]! * deep[i]!), r)) });
  const near = deepPlanes(reach);
  // The matte's faint outer tail (lp_s0's crown: matte 0.04-0.4 up to 20 px past the hair over a
  // photo that is plain wall there) lies beyond that reach: it kept its matte, coloured by the
  // hair far inside, and drew a dark arc around the head on a light backdrop. It is read against
  // the person from a wider reach (~5% of the side).
  const wide = deepPlanes(Math.max(reach, Math.round(w / 20)));
  const out = Float32Array.from(m, (v) => Math.min(1, Math.max(0, v)));
  const lowered = new Float32Array(n);
  // how far apart person and backdrop are at each rim pixel (levels; 0 where not read): where they are
  // alike the colours cannot place the edge (rampSteepen.ts)
  const separation = new Float32Array(n);
  const px = [0, 0, 0], fg = [0, 0, 0], bg = [0, 0, 0];
  // A second pass measures the band from the outline the first one left: a fringe of light hair
  // tips wider than the band (lp_s42: photo 90-115 between hair ~70 and wall ~105, matte ~0.95,
  // 4 px in) had its outer half lowered and its inner half, still mostly wall, became the new
  // outline's light line. Where the first pass lowered nothing the outline is the same and the
  // second pass changes nothing.
  for (let pass = 0; pass < 2; pass++) {
    const d = pass === 0 ? dist : distanceToOutside((i) => out[i]! < 0.5, w, h, band + 1);
    for (let i = 0; i < n; i++) {
      if (out[i]! < 1 / 255 || d[i]! > band) continue;
      const from = near.weight[i]! >= 0.02 ? near : wide;
      if (from.weight[i]! < 0.02) continue;
      for (let ch = 0; ch < 3; ch++) { px[ch] = image.data[i * 4 + ch]!; fg[ch] = from.planes[ch]![i]! / from.weight[i]!; bg[ch] = plateRgb[i * 3 + ch]!; }
      const mix = mixAlpha(px, fg, bg);
      separation[i] = Math.max(separation[i]!, mix.separation);
      // a textured backdrop (leaves) strays from its mean toward the person by its own spread: that
      // much of the mix is backdrop, not hair (s58: lp_s42's tail over bush left 15-25% specks)
      if (bgNoise) mix.alpha = backdropNoiseFloor(mix.alpha, mix.separation, bgNoise[i]!);
      // trust: person and backdrop clearly apart, the pixel on the line between them, and fading
      // toward the inner end of the band (no step where the band ends)
      const trust = smoothstep(30, 60, mix.separation) * (1 - smoothstep(12, 28, mix.residual)) * (1 - smoothstep(band - 1, band, d[i]!));
      const a = out[i]!;
      out[i] = a + trust * (Math.min(a, mix.alpha) - a);
      lowered[i] = Math.max(lowered[i]!, smoothstep(0, 0.15, m[i]! - out[i]!));
    }
  }
  return { alpha: out, lowered, separation };
}
