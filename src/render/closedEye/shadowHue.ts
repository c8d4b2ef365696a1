// The shut lid's shading darker than the skin coloured as skin in shadow, not as grey. The library's
// shading scales the photo's skin by one factor for all three channels, so the lash line and the
// crease keep the skin's chroma at a lower light: against warm skin a grey-blue pencil line. A real
// shut lash line is warmer and more saturated than the skin round it (eight people's own blinks in
// the train clips, blink32: red share .45-.64 against the skin's .40-.45, blue .10-.26 against
// .24-.29; ours .38-.44 and .26-.30), as light that bounces in a fold or between lashes is filtered
// by the skin each time. So a cell at luminance L below its skin's is given the skin's albedo raised
// to the power n that has luminance L: each channel by its own albedo (dfrf_french's skin 168,120,118
// at .47 of its light: 98,45,43; its real shut line 101,51,48). Luminance is unchanged.
import { PATCH_W, PATCH_H } from './frame.ts';
import { cellU, cellV } from './grid.ts';
import type { ColourField } from './skinFill.ts';
import { luminance as lum } from '../../math/colour.ts';

/**
 * Off by default: measured in blink32 (docs/eyes/README.md "s32 (blink32)"), the face mesh reads the
 * warmer line as more open (bench/blink.ts 8 -> 7 of 14, lp_s9 .30 -> .40; other people 8 -> 7 of 10).
 * Benches turn it on with `--shadow-hue` (shadowHueSetting.on, read when a renderer bakes its shut eyes).
 */
export const SHADOW_HUE_DEFAULT = false;
export const shadowHueSetting = { on: SHADOW_HUE_DEFAULT };

/** Bisection steps for the power (n in 1..N_MAX; 24 steps: well under 0.01 of a grey level). */
const STEPS = 24, N_MAX = 16;
/** Albedo floor: a channel at 0 in the skin would make every power 0. */
const MIN_ALBEDO = 1 / 255;

/**
 * The colour of skin `skin` (RGB 0..255) in a shadow of luminance `light` (0..255): 255 x albedo^n,
 * n >= 1 so that its luminance is `light`. The skin itself when light is at or above its luminance.
 */
export function shadowColour(skin: readonly number[], light: number, out: number[]): void {
  const a = [0, 1, 2].map((ch) => Math.min(1, Math.max(MIN_ALBEDO, skin[ch]! / 255)));
  const at = (n: number) => lum(255 * a[0]! ** n, 255 * a[1]! ** n, 255 * a[2]! ** n);
  if (light >= at(1)) { for (let ch = 0; ch < 3; ch++) out[ch] = skin[ch]!; return; }
  let lo = 1, hi = N_MAX;
  if (light <= at(N_MAX)) lo = N_MAX;
  else for (let i = 0; i < STEPS; i++) { const mid = (lo + hi) / 2; if (at(mid) > light) lo = mid; else hi = mid; }
  const n = (lo + hi) / 2;
  const got = at(n);
  // the same luminance exactly (the bisection's last step and the clamps aside)
  const k = got > 0 ? light / got : 0;
  for (let ch = 0; ch < 3; ch++) out[ch] = Math.min(255, 255 * a[ch]! ** n * k);
}

/** Recolours, in place, every patch cell darker than its skin (ref) as that skin in shadow (shadowColour); luminance kept. */
export function shadowHue(rgb: Float32Array, ref: ColourField): void {
  const s = [0, 0, 0], out = [0, 0, 0];
  for (let r = 0; r < PATCH_H; r++) {
    const v = cellV(r);
    for (let c = 0; c < PATCH_W; c++) {
      const k = (r * PATCH_W + c) * 3;
      const light = lum(rgb[k]!, rgb[k + 1]!, rgb[k + 2]!);
      ref(cellU(c), v, s);
      if (light >= lum(s[0]!, s[1]!, s[2]!)) continue;
      shadowColour(s, light, out);
      rgb[k] = out[0]!; rgb[k + 1] = out[1]!; rgb[k + 2] = out[2]!;
    }
  }
}
