// The backdrop behind the matte's soft rim, read from the photo itself (issue #15, s58 hairedge58).
//
// Decontaminating the rim (photo = a*F + (1-a)*B, texture.ts / matteEdge.ts) needs B, the colour that
// was behind each fringe pixel. The plate is the wrong B there: the plate under and around the person
// is inpainted, a guess copied from further out (lp_s42: a waterfall's pale streaks drawn down into the
// dark green bush that really lies behind her hair). With a pale B the fringe's dark pixels (hair tips
// over dark bush) fit no mix of hair and backdrop, so the rim kept alpha 1 and the bush's colour: on a
// new backdrop, a ragged dark cut-out with a grey-green fringe. The real B is the photo's own backdrop
// a few pixels out, which a normalised blur of the pixels the matte calls background carries in.
import { smoothstep } from '../math/smooth.ts';

/** Whether the rim's backdrop is read from the photo's own background pixels nearby (default on: s58). */
export const fringeBackdropSetting = { on: true };

/** Matte below this: certainly background (its colour is the old backdrop, not hair). */
export const BACKDROP_MATTE = 0.02;

/** The backdrop behind each pixel (rgb, n*3) and its own local spread (noise, n: RMS colour distance of
 *  the backdrop pixels from their mean, levels; 0 where the plate stands in). */
export interface FringeBackdrop { rgb: Float32Array; noise: Float32Array }

/**
 * RGB planes (n*3) of the backdrop behind each pixel: the photo's pixels with matte < BACKDROP_MATTE,
 * normalised-blurred at a short reach (~1.5% of the side) and a wider one (~4%) for pixels deeper in
 * a wide fringe, blended toward `plateRgb` (the blurred plate) where no such pixel is near (inside the
 * person, past the photo's invented edge). `blur(plane, r)`: a box-like blur of one plane.
 */
export function fringeBackdrop(image: { width: number; height: number; data: ArrayLike<number> }, matte: ArrayLike<number>, plateRgb: Float32Array, blur: (src: Float32Array, r: number) => Float32Array): FringeBackdrop {
  const { width: w, height: h } = image;
  const n = w * h;
  const known = Float32Array.from({ length: n }, (_, i) => (matte[i]! < BACKDROP_MATTE ? 1 : 0));
  const reaches = [Math.max(2, Math.round(w / 64)), Math.max(4, Math.round(w / 25))];
  const levels = reaches.map((r) => ({ weight: blur(known, r), planes: [0, 1, 2].map((ch) => blur(Float32Array.from({ length: n }, (_, i) => image.data[i * 4 + ch]! * known[i]!), r)) }));
  const out = new Float32Array(n * 3);
  // the backdrop's texture (leaves, bricks): its spread about the short reach's mean, over the same reach
  const near = levels[0]!;
  const dev2 = Float32Array.from({ length: n }, (_, i) => {
    if (!known[i] || near.weight[i]! <= 1e-6) return 0;
    let s2 = 0;
    for (let ch = 0; ch < 3; ch++) { const d = image.data[i * 4 + ch]! - near.planes[ch]![i]! / near.weight[i]!; s2 += d * d; }
    return s2;
  });
  const spread = blur(dev2, reaches[0]!);
  const noise = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    // the short reach wherever it has backdrop pixels enough, else the wide one, else the plate
    const [a, b] = levels as [typeof levels[0], typeof levels[0]];
    const tNear = smoothstep(0.005, 0.05, a.weight[i]!), tFar = smoothstep(0.005, 0.05, b.weight[i]!);
    for (let ch = 0; ch < 3; ch++) {
      const plate = plateRgb[i * 3 + ch]!;
      const far = b.weight[i]! > 1e-6 ? b.planes[ch]![i]! / b.weight[i]! : plate;
      const near = a.weight[i]! > 1e-6 ? a.planes[ch]![i]! / a.weight[i]! : far;
      const photo = tNear * near + (1 - tNear) * far;
      out[i * 3 + ch] = tFar * photo + (1 - tFar) * plate;
    }
    noise[i] = near.weight[i]! > 1e-6 ? tNear * Math.sqrt(spread[i]! / near.weight[i]!) : 0;
  }
  return { rgb: out, noise };
}
