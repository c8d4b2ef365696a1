// The backdrop behind the person's soft edge, as the edge re-read (matteEdge.ts) and the decontamination
// (texture.ts premultipliedForeground) see it (issue #15, s41 shirt41). They take B = the plate blurred (~4 px at 512),
// since near the person the plate is a guess. But where the plate holds the photo's own pixel (outside the hole, and
// the hole's margin the photo shows as backdrop, given back by analyze/backdropMargin.ts) B is known exactly, and the
// blur mixes in what lies beyond: lp_s11's dark green strip between the shirt and the card is 3-4 px wide, its blurred
// B came out half cream card, the matte's soft tail over the strip (.4-.46) matched no mix of shirt and that B, kept its
// alpha, and was painted the shirt's colour — a 1-2 px pale pink line along the shirt's outline over the dark green.
// Here B is the plate's own pixel wherever it is the photo's.
import type { RgbaImage } from '../types.ts';

/** on: B is the exact plate where the plate is the photo's own pixel (default); off = the blurred plate everywhere */
export const ownBackdropSetting = { on: true };

/** `blurred` (RGB planes interleaved, width*height*3) with the plate's exact pixel wherever it equals the photo's. A new array. */
export function ownBackdrop(blurred: Float32Array, plate: RgbaImage, image: RgbaImage, opts = ownBackdropSetting): Float32Array {
  const out = Float32Array.from(blurred);
  if (!opts.on) return out;
  const p = plate.data, s = image.data;
  for (let i = 0, n = image.width * image.height; i < n; i++) {
    const o = i * 4;
    if (p[o] !== s[o] || p[o + 1] !== s[o + 1] || p[o + 2] !== s[o + 2]) continue;
    out[i * 3] = p[o]!; out[i * 3 + 1] = p[o + 1]!; out[i * 3 + 2] = p[o + 2]!;
  }
  return out;
}
