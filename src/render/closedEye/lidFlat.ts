// The shut lid lit as one surface from the crease down (s55, lidrim55; critic54's worst #5, "shut lids read as patches":
// lp_s5's brown ovals, lp_s12's mauve oval, lp_s11's ring). Real shut lids (the face mesh's eye frame on lp_d0 f66,
// lp_d14 f165, lp_d11 f148, dfrf_french 78, videoretalking_4 106, styletalk_andrew 105: luma over the cheek's, u .35-.65)
// are flat across: within ~5 % from the crease to .7 of the way to the shut line, falling only over the last quarter into
// the lash line. The baked lid rose instead from the crease to a lit dome at .4-.5 (lp_s5 .57 -> 1.02 of the cheek, lp_s12
// .67 -> 1.02, lp_s1 .54 -> .95): the membrane fill runs from the socket's shade at the mask's top down to the lit cheek
// (skinFill.ts), the library's ratio over its own fill steepens it, and the bulge and the lit dome (lidForm.ts,
// lidLitDome.ts) put a peak in its middle. A dark top, a lit middle and the lash line's fall under it: an oval drawn by
// the lid's own light. Here, per column, the body's light from just under the crease to t .7 is taken to one level (the
// mean over t 0-.7, gain .85-1.15): the upper ramp comes up, the dome's peak comes down; the crease stays a line (the
// share fades in over its first .12) and the lash line's fall is kept. A smooth gain on the low-pass luma (grain kept).
// Off: on a dark socket the flat lid meets the socket over the crease in a sharp edge, a sticker with a crisp top (lp_s11,
// lp_s5 at 4x): the real lid is flat because the skin round it is lit, which a painted socket is not (docs s55-lidrim55).
import { PATCH_W, PATCH_H } from './frame.ts';
import { cellU, cellV, clamp01, blurRgb } from './grid.ts';
import { creaseAt, shutAt, type EyeGeometry } from './lids.ts';
import { smoothstep } from '../../math/smooth.ts';
import { luminance as lum } from '../../math/colour.ts';

/**
 * on (the product) / off: the lid's light across as baked (before s55). level: the shares t (crease 0 -> shut line 1) whose
 * mean light the lid is taken to; from / full: the share fades in over t from..full (the crease line kept), fades out over
 * fadeOut..end (the lash line's fall kept); gain bounds.
 */
export const lidFlatSetting = { on: false, level: [0, 0.7] as const, from: 0, full: 0.12, fadeOut: 0.7, end: 0.85, minGain: 0.85, maxGain: 1.15, peak: false };

/** The smoothing (patch cells) of the luma the profile is read on: the light, not the grain. */
const SIGMA = 1.2;

/** The share of the flattening a cell at share t of the lid takes (0 over the crease and over the lash line's fall). */
export function flatShare(t: number, s = lidFlatSetting): number {
  return smoothstep(s.from, s.full, t) * (1 - smoothstep(s.fadeOut, s.end, t));
}

/** The gain that takes a cell's light `here` to `level` by `share`, within the setting's bounds. */
export function flatGain(here: number, level: number, share: number, s = lidFlatSetting): number {
  if (here <= 0 || share <= 0) return 1;
  return 1 + share * (Math.min(s.maxGain, Math.max(s.minGain, level / here)) - 1);
}

/** The baked lid in place: each column's body, crease -> the lash line's fall, taken to one light. */
export function flattenLid(rgb: Float32Array, mask: Float32Array, g: EyeGeometry, s = lidFlatSetting): void {
  const smooth = Float32Array.from(rgb);
  blurRgb(smooth, PATCH_W, PATCH_H, SIGMA);
  const l = (k: number) => lum(smooth[k * 3]!, smooth[k * 3 + 1]!, smooth[k * 3 + 2]!);
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    // whole over the lid, fading toward the corners (the ends keep the socket's shade)
    const along = smoothstep(-0.02, 0.15, u) * (1 - smoothstep(0.85, 1.02, u));
    if (along <= 0) continue;
    const uc = clamp01(u), crease = creaseAt(g, uc), shut = shutAt(g, uc), span = shut - crease;
    if (span < 1e-3) continue;
    let sum = 0, n = 0;
    for (let r = 0; r < PATCH_H; r++) {
      const t = (cellV(r) - crease) / span;
      if (t >= s.level[0] && t <= s.level[1]) { sum += l(r * PATCH_W + c); n++; }
    }
    if (!n) continue;
    let level = sum / n;
    if (s.peak) { level = 0; for (let r = 0; r < PATCH_H; r++) { const t = (cellV(r) - crease) / span; if (t >= s.level[0] && t <= s.level[1]) level = Math.max(level, l(r * PATCH_W + c)); } }
    for (let r = 0; r < PATCH_H; r++) {
      const k = r * PATCH_W + c, share = along * flatShare((cellV(r) - crease) / span, s) * smoothstep(0.3, 0.8, mask[k]!);
      const gain = flatGain(l(k), level, share, s);
      if (gain === 1) continue;
      for (let ch = 0; ch < 3; ch++) rgb[k * 3 + ch] = Math.min(255, rgb[k * 3 + ch]! * gain);
    }
  }
}
