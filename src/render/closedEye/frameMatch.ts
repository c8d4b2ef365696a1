// The shut lid matched to the frame's skin round it (shutlid51, #14; critic50 "shut lids as patches": st_happy + jap
// f155-157 a lid lighter than the lid round it with hard straight sides, lp_s5 + eng f130-132 flat brown ovals,
// lp_s42 <- lp_d6 f174 pale ovals, lp_s11 <- pose796 f0 a pale ring). The shut eye is baked once, against the
// photo's skin at rest (featherMatch.ts, lidSkinTone.ts, lidNoPaler.ts); the frame it is drawn into is not the
// photo: raised brows shade and re-draw the band over the lid (underBrowShade.ts, shutBrowBand.ts), the closing
// mesh lid stretches the fold's darker skin over the crease and down the corners. The patch then meets a darker
// (or lighter) frame across its mask's short feather, and the mask's ends are straight (mask.ts `side`): a lighter
// card with straight sides. Here, per frame, the skin the frame shows on the mask's outer feather (the ring) is
// read before the patch is drawn, and the patch takes a smooth per-channel gain toward it: whole at the ring,
// spread inward over SIGMA (a normalised blur of the ring's colours over the patch's there), so the lid keeps
// its own form and grain and its border is the frame's skin. Cells whose frame pixel is a feature, not skin (brow
// hair, lash tips past the corner, a nose in front), are not read.
import { PATCH_W, PATCH_H, toImage, type EyeFrame } from './frame.ts';
import { cellU, cellV, blurRgb, sample } from './grid.ts';
import type { RasterTarget } from '../raster.ts';
import { luminance } from '../../math/colour.ts';
import { smoothstep } from '../../math/smooth.ts';

/** on (the product): the drawn lid takes the frame's skin round it; off: the lid as baked (before s51). */
export const frameMatchSetting = { on: true };

/** Ring cells: the mask's outer feather, mask over [0] and under [1]. */
export const RING = [0.02, 0.35] as const;
/** A ring cell whose frame over patch luma lies outside these is a feature (hair, lash, a nose), not skin: not read. */
export const TRUST = [0.6, 1.6] as const;
/** The ring's colours spread over the patch over this many patch cells (48 an eye width). */
const SIGMA = 5;
/** The gain stays within these per channel. */
export const GAIN = [0.75, 1.3] as const;
/** Away from the ring (the blurred ring weight under [1], none under [0]) the gain goes over to the coarse ring's, then the whole ring's. */
const REACH = [0.02, 0.15] as const;

/** The coarse grid: COARSE x COARSE patch cells a cell, blurred over COARSE_SIGMA of its cells. */
const COARSE = 4, COARSE_SIGMA = 3;

/** A patch grid (3 channels) summed into COARSE-cell blocks and blurred: the ring's reach over the whole lid, cheaply. */
function coarseBlur(a: Float32Array): { a: Float32Array; w: number; h: number } {
  const w = Math.ceil(PATCH_W / COARSE), h = Math.ceil(PATCH_H / COARSE), out = new Float32Array(w * h * 3);
  for (let r = 0; r < PATCH_H; r++) {
    for (let c = 0; c < PATCH_W; c++) {
      const k = (r * PATCH_W + c) * 3, q = (Math.floor(r / COARSE) * w + Math.floor(c / COARSE)) * 3;
      for (let ch = 0; ch < 3; ch++) out[q + ch] = out[q + ch]! + a[k + ch]!;
    }
  }
  blurRgb(out, w, h, COARSE_SIGMA);
  return { a: out, w, h };
}

/** The frame's colour (RGB) at image point (x, y), or null where nothing nearer than nearIz or opaque is drawn (a nose in front, the plate). */
function frameSkin(t: RasterTarget, x: number, y: number, nearIz: number): [number, number, number] | null {
  const xi = Math.floor(x), yi = Math.floor(y);
  if (xi < 0 || yi < 0 || xi >= t.width || yi >= t.height) return null;
  const row = yi * t.width + xi, z = t.depth[row]!;
  if (z <= 0 || z > nearIz) return null;
  const c = t.color[row]!;
  if (c >>> 24 < 250) return null;
  return [c & 255, (c >>> 8) & 255, (c >>> 16) & 255];
}

/**
 * Per patch cell (RGB, PATCH_W x PATCH_H), the gain that takes the baked lid rgb (mask: its mask) to the skin
 * frame t shows round it, the patch placed by frame f; null where too little of the ring is skin (nothing to match).
 */
export function frameGain(t: RasterTarget, rgb: Float32Array, mask: Float32Array, f: EyeFrame, nearIz: number): Float32Array | null {
  const n = PATCH_W * PATCH_H;
  const seen = new Float32Array(n * 3), drawn = new Float32Array(n * 3), weight = new Float32Array(n * 3);
  let cells = 0;
  const sum = [0, 0, 0, 0, 0, 0];
  for (let r = 0; r < PATCH_H; r++) {
    for (let c = 0; c < PATCH_W; c++) {
      const k = r * PATCH_W + c, m = mask[k]!;
      if (m <= RING[0] || m >= RING[1]) continue;
      const [x, y] = toImage(f, cellU(c), cellV(r));
      const s = frameSkin(t, x, y, nearIz);
      if (!s) continue;
      const lp = luminance(rgb[k * 3]!, rgb[k * 3 + 1]!, rgb[k * 3 + 2]!), q = luminance(s[0], s[1], s[2]) / Math.max(1, lp);
      if (q < TRUST[0] || q > TRUST[1]) continue;
      for (let ch = 0; ch < 3; ch++) {
        seen[k * 3 + ch] = s[ch]!; drawn[k * 3 + ch] = rgb[k * 3 + ch]!;
        sum[ch]! += s[ch]!; sum[ch + 3]! += rgb[k * 3 + ch]!;
      }
      weight[k * 3] = 1;
      cells++;
    }
  }
  if (cells < 8) return null;
  // far from the ring (the lid's middle) its nearer parts of the ring, coarse: a mix of the ring above and below,
  // not the whole ring's mean (st_happy's image-right lid: a darker top ring and a lighter cheek under it)
  const coarse = [seen, drawn, weight].map((a) => coarseBlur(a));
  blurRgb(seen, PATCH_W, PATCH_H, SIGMA);
  blurRgb(drawn, PATCH_W, PATCH_H, SIGMA);
  blurRgb(weight, PATCH_W, PATCH_H, SIGMA);
  const clampGain = (q: number) => Math.min(GAIN[1], Math.max(GAIN[0], q));
  const whole = [0, 1, 2].map((ch) => clampGain(sum[ch]! / Math.max(1e-3, sum[ch + 3]!)));
  const gain = new Float32Array(n * 3), cs = new Float32Array(3), cd = new Float32Array(3), cw = new Float32Array(3);
  for (let r = 0; r < PATCH_H; r++) {
    for (let c = 0; c < PATCH_W; c++) {
      const k = r * PATCH_W + c, gx = (c + 0.5) / COARSE, gy = (r + 0.5) / COARSE;
      sample(coarse[0]!.a, coarse[0]!.w, coarse[0]!.h, gx, gy, cs, 0);
      sample(coarse[1]!.a, coarse[1]!.w, coarse[1]!.h, gx, gy, cd, 0);
      sample(coarse[2]!.a, coarse[2]!.w, coarse[2]!.h, gx, gy, cw, 0);
      const near = smoothstep(REACH[0], REACH[1], weight[k * 3]!), far = smoothstep(REACH[0], REACH[1], cw[0]! * COARSE);
      for (let ch = 0; ch < 3; ch++) {
        const wide = whole[ch]! + far * ((cd[ch]! > 1e-3 ? clampGain(cs[ch]! / cd[ch]!) : whole[ch]!) - whole[ch]!);
        const d = drawn[k * 3 + ch]!, q = d > 1e-3 ? clampGain(seen[k * 3 + ch]! / d) : wide;
        gain[k * 3 + ch] = wide + near * (q - wide);
      }
    }
  }
  return gain;
}
