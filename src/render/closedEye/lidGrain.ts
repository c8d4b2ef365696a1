// The shut lid's grain (s38, socket38): the lid's body is the library's shading over a membrane fill,
// softened to the photo's pixel, with a clipped dealt grain on top; its fine detail came out a third
// of the skin's round it (st_full_body_1: high-pass 2.2 against the ring's 7.2), so a smooth pale
// oval sat in grained skin. Here the body's own fine detail (each channel minus its blur) is scaled
// up toward the skin ring's, under the body share (lidSkinTone.ts bodyWeights: nothing at the crease,
// the lash line or the mask's feather, so no new edge). The low-pass, and so the tone, stays.
import { PATCH_W, PATCH_H } from './frame.ts';
import { blurRgb } from './grid.ts';
import type { EyeGeometry } from './lids.ts';
import { bodyWeights } from './lidSkinTone.ts';
import { luminance as lum } from '../../math/colour.ts';

/** On / off (the product: off — on, lp_s10 R's blink read-back .72 -> .81, lp_s2 R .27 -> .29; s38 socket38): the body's grain scaled toward the skin ring's. */
export const lidGrainSetting = { on: false };

/** The blur (patch cells; 48 an eye width) the fine detail is measured and scaled against. */
const DETAIL_SIGMA = 2;
/** The skin ring round the patch: cells with the mask between these. */
const RING_MASK = [0.02, 0.35] as const;
/** Of the ring, the darkest share is dropped (lashes, brow hair, the socket's shadow: edges, not grain). */
const RING_DARK_DROP = 0.3;
/** The body's grain is taken to this share of the ring's (a lid is a little smoother than the brow and cheek). */
const GRAIN_SHARE = 0.8;
/** The most the body's detail is scaled by (past it, the library's own shading lines would show). */
const GAIN_MAX = 2.5;

/** A robust spread: 1.4826 x the median absolute value (one lash or crease edge does not count). */
export function robustSpread(values: number[]): number {
  if (!values.length) return 0;
  const a = values.map(Math.abs).sort((p, q) => p - q);
  return 1.4826 * a[a.length >> 1]!;
}

/** The gain the body's detail takes: the ring's spread x GRAIN_SHARE over the body's, within 1..GAIN_MAX. */
export function grainGain(body: number, ring: number): number {
  if (body <= 1e-3) return 1;
  return Math.min(GAIN_MAX, Math.max(1, (GRAIN_SHARE * ring) / body));
}

/** Luma minus its blur at DETAIL_SIGMA, per cell. */
function lumaDetail(rgb: Float32Array): Float32Array {
  const n = PATCH_W * PATCH_H, l = new Float32Array(n * 3);
  for (let k = 0; k < n; k++) l.fill(lum(rgb[k * 3]!, rgb[k * 3 + 1]!, rgb[k * 3 + 2]!), k * 3, k * 3 + 3);
  const b = Float32Array.from(l);
  blurRgb(b, PATCH_W, PATCH_H, DETAIL_SIGMA);
  return Float32Array.from({ length: n }, (_, k) => l[k * 3]! - b[k * 3]!);
}

/** The skin ring's and the body's grain (robust spread of the luma's fine detail). */
export function grainSpreads(rgb: Float32Array, photo: Float32Array, mask: Float32Array, w: Float32Array): { body: number; ring: number } {
  const pd = lumaDetail(photo), bd = lumaDetail(rgb);
  const ring: { d: number; l: number }[] = [];
  for (let k = 0; k < mask.length; k++) if (mask[k]! > RING_MASK[0] && mask[k]! < RING_MASK[1]) ring.push({ d: pd[k]!, l: lum(photo[k * 3]!, photo[k * 3 + 1]!, photo[k * 3 + 2]!) });
  ring.sort((a, b) => a.l - b.l);
  const body: number[] = [];
  for (let k = 0; k < w.length; k++) if (w[k]! > 0.5) body.push(bd[k]!);
  return { body: robustSpread(body), ring: robustSpread(ring.slice(Math.floor(RING_DARK_DROP * ring.length)).map((c) => c.d)) };
}

/** The body's fine detail scaled toward the skin ring's grain (in place). */
export function grainLidBody(rgb: Float32Array, photo: Float32Array, mask: Float32Array, g: EyeGeometry): void {
  const w = bodyWeights(g, mask);
  const { body, ring } = grainSpreads(rgb, photo, mask, w);
  const gain = grainGain(body, ring);
  if (gain <= 1) return;
  const low = Float32Array.from(rgb);
  blurRgb(low, PATCH_W, PATCH_H, DETAIL_SIGMA);
  for (let k = 0; k < w.length; k++) {
    const s = w[k]! * (gain - 1);
    if (s <= 0) continue;
    for (let ch = 0; ch < 3; ch++) rgb[k * 3 + ch] = Math.min(255, Math.max(0, rgb[k * 3 + ch]! + s * (rgb[k * 3 + ch]! - low[k * 3 + ch]!)));
  }
}
