// The matte's soft tail where the colours cannot tell the person from the backdrop (issue #15, s43 edges43).
// st_happy: dark brown hair over a dark green backdrop. The segmentation matte fades out over 10-15 px past
// the hair (alpha .1-.45), and matteEdge.ts's colour re-read leaves that tail alone because hair and plate
// are under 30 levels apart (no evidence either way). Coloured by the hair (texture.ts), the tail draws a
// grey, smoky band around the head on any lighter backdrop (`--bg '#ffffff'`): a drop shadow, not hair.
// Where the colours are apart the re-read decides, as before; where they are not, the tail past the
// outline is kept over the photo's own edge blur (TAIL_KEEP bands, a band = 4 px at 512) and fades out by
// TAIL_END bands. Only lowers alpha, only outside the matte's 0.5 outline: the person is untouched.
import type { GrayImage, RgbaImage } from '../types.ts';
import { smoothstep } from '../math/smooth.ts';
import { boxBlur, distanceToOutside } from '../analyze/raster.ts';

/** Past the 0.5 outline (in bands of max(2, size/128) px) the ambiguous tail is kept up to TAIL_KEEP and gone at TAIL_END. */
export const TAIL_KEEP = 0.25, TAIL_END = 1.25;
/** Person and plate colours (RGB distance, levels) this far apart or less are "the same" (matteEdge.ts trusts 30-60). */
export const SAME_COLOUR: readonly [number, number] = [30, 60];

/** The cap on alpha `d` px past the outline, for a band of `band` px: 1 up to TAIL_KEEP bands, 0 from TAIL_END. Pure. */
export function tailCap(d: number, band: number): number {
  return 1 - smoothstep(TAIL_KEEP * band, TAIL_END * band, d);
}

/** How little the colours can say (1: person and plate alike, 0: clearly apart) for an RGB distance `separation`. Pure. */
export function ambiguity(separation: number): number {
  return 1 - smoothstep(SAME_COLOUR[0], SAME_COLOUR[1], separation);
}

/**
 * The matte with its ambiguous tail trimmed (a new GrayImage; the input is not changed). F is the
 * person's colour from the opaque interior within ~5% of the side (a normalised blur), B the plate
 * (blurred 1 band); per pixel outside the 0.5 outline, alpha = a - ambiguity(|F - B|) * (a - min(a, cap)).
 */
export function trimAmbiguousTail(image: RgbaImage, matte: GrayImage, plate: RgbaImage): GrayImage {
  const { width: w, height: h } = matte;
  const n = w * h, m = matte.data;
  const band = Math.max(2, Math.round(w / 128));
  const past = distanceToOutside((i) => m[i]! >= 0.5, w, h, TAIL_END * band + 1);
  const blur = (src: Float32Array, r: number) => boxBlur(boxBlur(src, w, h, r), w, h, r);
  const deep = Float32Array.from(m, (a) => (a > 0.95 ? 1 : 0));
  const reach = Math.max(2 * band, Math.round(w / 20));
  const weight = blur(deep, reach);
  const fg = [0, 1, 2].map((ch) => blur(Float32Array.from({ length: n }, (_, i) => image.data[i * 4 + ch]! * deep[i]!), reach));
  const bg = [0, 1, 2].map((ch) => blur(Float32Array.from({ length: n }, (_, i) => plate.data[i * 4 + ch]!), band));
  const out = Float32Array.from(m);
  for (let i = 0; i < n; i++) {
    const a = m[i]!;
    if (a >= 0.5 || a <= 0 || past[i]! <= TAIL_KEEP * band) continue;
    // no opaque person within reach (~5% of the side): no colour to compare, the matte is kept (lp_s0's
    // painted shadow beside the hair: trimmed, the rest frame showed the plate's lighter fill there)
    if (weight[i]! < 0.02) continue;
    let s2 = 0;
    for (let ch = 0; ch < 3; ch++) { const d = fg[ch]![i]! / weight[i]! - bg[ch]![i]!; s2 += d * d; }
    const amb = ambiguity(Math.sqrt(s2));
    out[i] = a - amb * (a - Math.min(a, tailCap(past[i]!, band)));
  }
  return { width: w, height: h, data: out };
}
