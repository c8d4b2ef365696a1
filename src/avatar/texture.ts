// Texturing of the avatar: the premultiplied person layer, the eye texture grown past the lids,
// and the colour probes (skin, lips, light) the mouth interior matches. (The texture positions a
// turn uses instead are in reveal.ts.)
import type { RgbaImage, GrayImage } from '../types.ts';
import { smoothstep } from '../math/smooth.ts';
import { refineEdgeAlpha } from './matteEdge.ts';
import { boxBlur } from '../analyze/raster.ts';
import { fringeBackdrop, fringeBackdropSetting } from './fringeBackdrop.ts';
import { steepenRamp, rampSteepenSetting } from './rampSteepen.ts';

/**
 * The premultiplied person layer with its edges decontaminated. photo = a*F + (1-a)*B, so the
 * foreground colour is F = (photo - (1-a)*B)/a with B the plate (blurred: near the person the plate
 * is itself a guess). Where a is small that estimate is noisy and carries what is left of the old
 * background (a light halo on a new backdrop), so F there is taken from the nearby opaque person
 * instead: a normalised blur of the opaque person's F, blended in as a falls. Output a*F, alpha a.
 */
export function premultipliedForeground(image: RgbaImage, matte: GrayImage, plate: RgbaImage, opts: { fringeBackdrop?: boolean; rampSteepen?: boolean; scale?: number; plateOut?: Uint8ClampedArray } = {}): RgbaImage {
  const { width: w, height: h } = image;
  const n = w * h;
  const src = image.data;
  const plateBg = blurRgb(plate, Math.max(1, Math.round(w / 128)));
  // B behind the rim: the photo's own backdrop nearby, not the inpainted plate's guess (fringeBackdrop.ts)
  const local = (opts.fringeBackdrop ?? fringeBackdropSetting.on) ? fringeBackdrop(image, matte.data, plateBg, (plane, r) => boxBlur2d(plane, w, h, r)) : null;
  const bg = local ? local.rgb : plateBg;
  // the matte's rim lowered to what the colours say (matteEdge.ts): no old-background line
  const refined = refineEdgeAlpha(image, matte, bg, (plane, r) => boxBlur2d(plane, w, h, r), local?.noise);
  const lowered = refined.lowered;
  // ... and where the colours cannot read it, the segmenter's wide ramp narrowed to the photo's edge (rampSteepen.ts)
  const m = (opts.rampSteepen ?? rampSteepenSetting.on) ? steepenRamp(refined.alpha, matte.data, refined.separation, w, h, opts.scale ?? 1) : refined.alpha;
  const fg = new Float32Array(n * 3), weight = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const a = Math.min(1, Math.max(0, m[i]!));
    if (a < 1 / 255) continue;
    for (let ch = 0; ch < 3; ch++) fg[i * 3 + ch] = Math.min(255, Math.max(0, (src[i * 4 + ch]! - (1 - a) * bg[i * 3 + ch]!) / a));
    weight[i] = smoothstep(0.85, 1, a); // only the (nearly) opaque person is trusted
  }
  // F from the opaque interior, at two reaches: ~1.5% of the side, and ~5% for wide soft fringes
  // (fine hair) that the short reach does not cross
  const inner = (r: number) => {
    const wb = boxBlur2d(weight, w, h, r);
    const planes = [0, 1, 2].map((ch) => boxBlur2d(Float32Array.from({ length: n }, (_, i) => fg[i * 3 + ch]! * weight[i]!), w, h, r));
    return { wb, planes };
  };
  const near = inner(Math.max(2, Math.round(w / 70))), far = inner(Math.max(4, Math.round(w / 20)));
  const out = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    const a = Math.min(1, Math.max(0, m[i]!));
    const a8 = Math.round(a * 255);
    if (a8 === 0) continue;
    const trust = smoothstep(0.45, 0.9, a) * (1 - lowered[i]!);
    const o = i * 4;
    const t = Math.min(1, near.wb[i]! / 0.1);
    for (let ch = 0; ch < 3; ch++) {
      const fNear = near.wb[i]! > 1e-6 ? near.planes[ch]![i]! / near.wb[i]! : 0;
      const fFar = far.wb[i]! > 1e-6 ? far.planes[ch]![i]! / far.wb[i]! : fg[i * 3 + ch]!;
      const interior = t * fNear + (1 - t) * fFar;
      const f = fg[i * 3 + ch]! * trust + interior * (1 - trust);
      out[o + ch] = Math.min(a8, Math.max(0, Math.round(f * a)));
    }
    out[o + 3] = a8;
  }
  if (local && opts.plateOut) plateUnderRim(opts.plateOut, matte.data, m, local.rgb);
  return { width: w, height: h, data: out };
}

/**
 * The plate under the rim's lowered alpha (RGBA, in place): what the re-read gave back to the backdrop
 * (the matte's share over the new alpha) shows the photo's own backdrop nearby (fringeBackdrop.ts), not
 * the plate's inpainted guess. With the photo's backdrop kept, the rest frame then shows the photo's
 * colours there, as it did when B was the plate (s58: lp_s0's kept backdrop |render - photo| over the
 * outline band 5.81 -> 7.72 without this).
 */
function plateUnderRim(plate: Uint8ClampedArray, matte: ArrayLike<number>, alpha: Float32Array, backdrop: Float32Array): void {
  for (let i = 0; i < alpha.length; i++) {
    const m = matte[i]!, a = Math.max(0, alpha[i]!);
    if (!(m > a + 1e-3)) continue;
    const give = Math.min(1, (m - a) / Math.max(1e-3, m));
    for (let ch = 0; ch < 3; ch++) plate[i * 4 + ch] = plate[i * 4 + ch]! + give * (backdrop[i * 3 + ch]! - plate[i * 4 + ch]!);
  }
}

/** RGB planes of an RGBA image, box-blurred (two passes). */
function blurRgb(img: RgbaImage, r: number): Float32Array {
  const n = img.width * img.height;
  const out = new Float32Array(n * 3);
  for (let ch = 0; ch < 3; ch++) {
    const plane = boxBlur2d(Float32Array.from({ length: n }, (_, i) => img.data[i * 4 + ch]!), img.width, img.height, r);
    for (let i = 0; i < n; i++) out[i * 3 + ch] = plane[i]!;
  }
  return out;
}

/** Two passes of a separable box blur (close to a Gaussian), edges clamped. */
function boxBlur2d(src: Float32Array, w: number, h: number, r: number): Float32Array {
  return boxBlur(boxBlur(src, w, h, r), w, h, r);
}


export { extendEyes } from './eyeTexture.ts';

/** Brightness (cheek luminance relative to a well-lit face) and colourfulness of the photo, for the procedural mouth. */
export function mouthLight(img: RgbaImage, cheeks: [number, number][]): { brightness: number; saturation: number; tint: [number, number, number] } {
  const [r, g, b] = averageColour(img, cheeks);
  const lum = 0.3 * r + 0.59 * g + 0.11 * b;
  const chroma = Math.max(r, g, b) - Math.min(r, g, b);
  const saturation = Math.min(1, chroma / 40);
  // a share of the skin's own hue, so teeth sit in the same (warm, cold, yellowed) light
  const cast = [r, g, b].map((v) => 0.6 + 0.4 * Math.min(1.4, Math.max(0.5, v / Math.max(1, lum)))) as [number, number, number];
  return { brightness: Math.min(1.05, Math.max(0.45, lum / 185)), saturation, tint: cast };
}

/** A test for "looks like this face's cheek skin" (colour within a tolerance of the cheeks' mean). */
export function skinTest(img: RgbaImage, cheeks: [number, number][]): (x: number, y: number) => boolean {
  const ref = averageColour(img, cheeks);
  const refLum = 0.3 * ref[0] + 0.59 * ref[1] + 0.11 * ref[2];
  return (x, y) => {
    const xi = Math.min(img.width - 1, Math.max(0, Math.round(x))), yi = Math.min(img.height - 1, Math.max(0, Math.round(y)));
    const o = (yi * img.width + xi) * 4;
    const r = img.data[o]!, g = img.data[o + 1]!, b = img.data[o + 2]!;
    const lum = 0.3 * r + 0.59 * g + 0.11 * b;
    const chroma = Math.abs(r - g - (ref[0] - ref[1])) + Math.abs(g - b - (ref[1] - ref[2]));
    return Math.abs(lum - refLum) < 45 && chroma < 40;
  };
}

export function averageColour(img: RgbaImage, pts: [number, number][]): [number, number, number] {
  const acc = [0, 0, 0];
  for (const [x, y] of pts) {
    const xi = Math.min(img.width - 1, Math.max(0, Math.round(x))), yi = Math.min(img.height - 1, Math.max(0, Math.round(y)));
    for (let ch = 0; ch < 3; ch++) acc[ch]! += img.data[(yi * img.width + xi) * 4 + ch]!;
  }
  return acc.map((v) => v / pts.length) as [number, number, number];
}
