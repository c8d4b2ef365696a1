// Shading of the inpainted plate: synthesis copies patches with their own shading; these match it to
// the real backdrop (border ring, broad membrane, and near the border on plain walls) so no seam
// or ghost outline of the removed person shows.
import type { RgbaImage } from '../types.ts';
import { boxBlur, distanceToOutside } from './raster.ts';
import { fillHole, toColour } from './inpaint.ts';

/**
 * Copied patches carry their own shading: a patch from a brighter part of the backdrop shows as a
 * blotch with a seam around it. Along the hole's border compare the real pixels' local mean with
 * the synthesis's (7x7, each side on its own), spread those differences smoothly over the hole
 * (push-pull interpolation) and add them: a cheap seamless clone that keeps the copied texture
 * and structure but follows the real shading at every border. With `group` (0/1 per pixel), only
 * pixels of the same group are compared and corrected together (person and background). In place.
 */
export function seamCorrect(colour: Float32Array, img: RgbaImage, hole: Uint8Array, group?: Uint8Array): void {
  const { width: w, height: h } = img;
  const n = w * h;
  for (const g of group ? [0, 1] : [0]) {
    const inGroup = (i: number) => !group || group[i] === g;
    const diff: RgbaImage = { width: w, height: h, data: new Uint8ClampedArray(n * 4) };
    const unknown = new Uint8Array(n).fill(1);
    let any = false;
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (!hole[i] || !inGroup(i)) continue;
      const kn = [0, 0, 0], sy = [0, 0, 0];
      let nk = 0, ns = 0;
      for (let dy = -3; dy <= 3; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -3; dx <= 3; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const j = yy * w + xx;
          if (!inGroup(j)) continue;
          if (hole[j]) { for (let c = 0; c < 3; c++) sy[c]! += colour[j * 3 + c]!; ns++; }
          else { for (let c = 0; c < 3; c++) kn[c]! += img.data[j * 4 + c]!; nk++; }
        }
      }
      if (nk < 6 || ns === 0) continue; // not on the border
      for (let c = 0; c < 3; c++) diff.data[i * 4 + c] = 128 + Math.max(-127, Math.min(127, kn[c]! / nk - sy[c]! / ns));
      diff.data[i * 4 + 3] = 255;
      unknown[i] = 0;
      any = true;
    }
    if (!any) continue;
    const spread = fillHole(diff, unknown, 1, false);
    for (let i = 0; i < n; i++) {
      if (!hole[i] || !inGroup(i)) continue;
      for (let c = 0; c < 3; c++) colour[i * 3 + c] = colour[i * 3 + c]! + spread.data[i * 4 + c]! - 128;
    }
  }
}

/**
 * Where fills from opposite borders meet inside a hole, their shading can differ (a seam in the
 * middle that traces the person: a ghost). Above a scale, the broad shading of the `apply` pixels
 * is taken from the smooth membrane fill of `hole` (push-pull, no seams) instead: above ~5% of the
 * side on a textured backdrop (its structures are kept), down to ~1.5% on a plain one (a studio
 * wall is all shading); mean luminance steps of 1 (plain) .. 6 (foliage) levels per pixel over the
 * `source` pixels set the scale. In place.
 */
export function broadShadingFromMembrane(colour: Float32Array, img: RgbaImage, hole: Uint8Array, apply: Uint8Array, source: Uint8Array, seed = 1, membrane?: Float32Array): void {
  const plainness = plainnessOf(meanGradient(img, source));
  const smooth = membrane ?? toColour(fillHole(img, hole, seed, false));
  const r = Math.max(2, Math.round(img.width / (20 + 44 * plainness)));
  for (let c = 0; c < 3; c++) {
    const plane = (src: Float32Array) => boxBlur(boxBlur(Float32Array.from({ length: hole.length }, (_, i) => src[i * 3 + c]!), img.width, img.height, r >> 1), img.width, img.height, r >> 1);
    const lowSynth = plane(colour), lowSmooth = plane(smooth);
    for (let i = 0; i < hole.length; i++) if (apply[i]) colour[i * 3 + c] = colour[i * 3 + c]! + lowSmooth[i]! - lowSynth[i]!;
  }
}

/** 1 on a plain backdrop (mean luminance step <= 1 level per pixel) .. 0 on foliage (>= 6). */
const plainnessOf = (meanStep: number) => Math.min(1, Math.max(0, (6 - meanStep) / 5));

/**
 * The ghost outline on plain walls: copied patches carry shading ramps a few pixels wide (a patch
 * from a brighter part of the wall brightens within 6 px of the border), which the border-ring
 * match and the broad membrane (~8 px and coarser) both miss, so a dip then a bump traces the
 * person (seen 1-30 px inside the border, most of it on screen beside the hair). Where the nearby
 * backdrop is plain, shading coarser than ~3 px (a 5x5 low-pass) is taken from the membrane (the
 * real wall's level carried in smoothly) wherever the synthesis departs from it by more than the
 * wall's own mottle, fully so in the first 3-8 px where the seam line sits against the real wall;
 * the synthesis's grain stays. Up to 64 px deep (fading out by 96), so the seams where fills from
 * opposite borders meet around the head (revealed when it moves) fade too; deeper, behind the
 * torso, the synthesis keeps its structure (a whole-hole pass smudged lp_s0's lower plate). On textured backdrops (local steps >= 8 levels/px)
 * nothing changes, so foliage and curtains keep their structure. In place.
 */
export function borderShadingFromMembrane(colour: Float32Array, img: RgbaImage, hole: Uint8Array, source: Uint8Array, membrane: Float32Array): void {
  const { width: w, height: h } = img;
  const depth = distanceToOutside((i) => !hole[i], w, h, 128);
  const { plainness, mottle } = localBackdrop(img, hole, source);
  const weight = Float32Array.from(depth, (d, i) => (hole[i] ? plainness[i]! * Math.min(1, Math.max(0, (96 - d) / 32)) : 0));
  // low-pass of (membrane - synthesis) over hole pixels only: real pixels would halve it at the border
  const blur = (plane: Float32Array) => boxBlur(boxBlur(plane, w, h, 1), w, h, 1);
  const inHole = blur(Float32Array.from(hole));
  for (let c = 0; c < 3; c++) {
    const diff = blur(Float32Array.from(hole, (v, i) => (v ? membrane[i * 3 + c]! - colour[i * 3 + c]! : 0)));
    for (let i = 0; i < hole.length; i++) {
      if (!(weight[i]! > 0)) continue;
      // differences within the wall's own mottling stay (the fill keeps its texture), ramps beyond
      // go; in the first pixels, where the dark seam line sits against the real wall, all of it goes
      const d = diff[i]! / inHole[i]!;
      const keep = mottle[i]! * Math.min(1, Math.max(0, (depth[i]! - 3) / 5));
      colour[i * 3 + c] = colour[i * 3 + c]! + weight[i]! * Math.sign(d) * Math.max(0, Math.abs(d) - keep);
    }
  }
}

/**
 * The backdrop near each pixel, from the `source` pixels within ~12 px, carried into the hole from
 * its border by push-pull: plainness (plainnessOf its mean luminance step less 2 levels of JPEG
 * grain, so a wall reads as plain up to steps of 3 and as texture from 8) and mottle (its mean
 * |3x3 mean - 9x9 mean| of luminance, the shading variation a real wall has at a few pixels: grain
 * does not count, since the correction is a 5x5 low-pass).
 */
function localBackdrop(img: RgbaImage, hole: Uint8Array, source: Uint8Array): { plainness: Float32Array; mottle: Float32Array } {
  const { width: w, height: h } = img;
  const n = w * h;
  const lum = Float32Array.from({ length: n }, (_, i) => 0.3 * img.data[i * 4]! + 0.59 * img.data[i * 4 + 1]! + 0.11 * img.data[i * 4 + 2]!);
  const local = boxBlur(lum, w, h, 1), around = boxBlur(lum, w, h, 4);
  const step = new Float32Array(n), mottle = new Float32Array(n), valid = new Float32Array(n);
  for (let y = 0; y < h - 1; y++) for (let x = 0; x < w - 1; x++) {
    const i = y * w + x;
    if (!source[i] || !source[i + 1] || !source[i + w]) continue;
    step[i] = Math.abs(lum[i + 1]! - lum[i]!) + Math.abs(lum[i + w]! - lum[i]!);
    mottle[i] = Math.abs(local[i]! - around[i]!);
    valid[i] = 1;
  }
  const count = boxBlur(valid, w, h, 12), stepSum = boxBlur(step, w, h, 12), mottleSum = boxBlur(mottle, w, h, 12);
  // encode as grey (plainness 0..1 -> R, mottle 0..25.5 levels -> G) and carry it over the pixels without enough sources
  const grey: RgbaImage = { width: w, height: h, data: new Uint8ClampedArray(n * 4) };
  const unknown = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (count[i]! * 625 < 25) { unknown[i] = 1; continue; }
    grey.data[i * 4] = 255 * plainnessOf(stepSum[i]! / count[i]! - 2);
    grey.data[i * 4 + 1] = 10 * (mottleSum[i]! / count[i]!);
    grey.data[i * 4 + 3] = 255;
  }
  if (unknown.every((u) => u)) return { plainness: new Float32Array(n).fill(plainnessOf(meanGradient(img, source))), mottle: new Float32Array(n).fill(1) };
  const spread = fillHole(grey, unknown, 1, false);
  return { plainness: Float32Array.from({ length: n }, (_, i) => spread.data[i * 4]! / 255), mottle: Float32Array.from({ length: n }, (_, i) => spread.data[i * 4 + 1]! / 10) };
}

/** Mean absolute luminance step to the right and down over the masked pixels (levels per pixel). */
function meanGradient(img: RgbaImage, mask: Uint8Array): number {
  const { width: w, height: h } = img;
  const lum = (i: number) => 0.3 * img.data[i * 4]! + 0.59 * img.data[i * 4 + 1]! + 0.11 * img.data[i * 4 + 2]!;
  let sum = 0, n = 0;
  for (let y = 0; y < h - 1; y++) for (let x = 0; x < w - 1; x++) {
    const i = y * w + x;
    if (!mask[i] || !mask[i + 1] || !mask[i + w]) continue;
    sum += Math.abs(lum(i + 1) - lum(i)) + Math.abs(lum(i + w) - lum(i));
    n++;
  }
  return n ? sum / n : 0;
}
