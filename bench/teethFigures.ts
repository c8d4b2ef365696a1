// Figures on teeth pixels (bench only): how bright and how even a library row is, and how much of
// its gradient runs across the row (vertical lines between teeth: lp_s1's "braces" grid) against
// along it (a tip edge, a tooth's rounded top).
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';
import { layerLuma } from '../src/render/mouth/pictureGrain.ts';

export interface LumaGrid { L: Float32Array; solid: Uint8Array; width: number; height: number }

/** The layer's straight-alpha luma and its solid pixels (alpha >= 0.9): pictureGrain.ts layerLuma, with the layer's size. */
export function lumaOfLayer(l: ReadyLayer): LumaGrid {
  return { ...layerLuma(l), width: l.width, height: l.height };
}

/**
 * Over solid pixels whose 4 neighbours are solid too: p90 luma, contrast (luma std over mean),
 * and the vertical-line share sum|dx| / (sum|dx| + sum|dy|) (0.5 isotropic; near 1: stripes across the row).
 */
export function gridFigures(g: LumaGrid): { p90: number; contrast: number; vline: number; n: number } {
  const { L, solid, width: W, height: H } = g;
  const vals: number[] = [];
  let sx = 0, sy = 0;
  for (let y = 1; y < H - 1; y++) for (let x = 1; x < W - 1; x++) {
    const k = y * W + x;
    if (!solid[k] || !solid[k - 1] || !solid[k + 1] || !solid[k - W] || !solid[k + W]) continue;
    vals.push(L[k]!);
    sx += Math.abs(L[k + 1]! - L[k - 1]!);
    sy += Math.abs(L[k + W]! - L[k - W]!);
  }
  if (vals.length < 8) return { p90: NaN, contrast: NaN, vline: NaN, n: vals.length };
  const mean = vals.reduce((s, v) => s + v, 0) / vals.length;
  const sd = Math.sqrt(vals.reduce((s, v) => s + (v - mean) ** 2, 0) / vals.length);
  vals.sort((a, b) => a - b);
  return { p90: vals[Math.floor(0.9 * (vals.length - 1))]!, contrast: sd / Math.max(1, mean), vline: sx / Math.max(1e-6, sx + sy), n: vals.length };
}

export function layerFigures(l: ReadyLayer): string {
  const f = gridFigures(lumaOfLayer(l));
  return `p90 ${f.p90.toFixed(0)} contrast ${f.contrast.toFixed(3)} vline ${f.vline.toFixed(2)} n ${f.n}`;
}

const luma = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;

export interface RenderedTeeth {
  /** teeth pixels (over 1.05 x the skin's luma, chroma under 0.35 of their value) over the inner-lip polygon's */
  share: number;
  /** the teeth pixels' luma std over their mean: 0 a flat slab */
  contrast: number;
  /** over the teeth band (teeth pixels and the lines between them): sum|dx| / (sum|dx| + sum|dy|) */
  vline: number;
  /** the band's mean |dx| (2 px apart) over the skin's luma: how strong the lines across the row are */
  lineEnergy: number;
  /** the band's darks (its pixels that are not teeth, over 0.15 of the skin): their mean warmth (R-B)/luma short of the skin's (0 as warm; grey gaps on warm skin ~ the skin's warmth: metal) */
  cold: number;
}

/**
 * Teeth figures of a rendered RGBA frame inside `mask` (the inner-lip polygon): the teeth band is the
 * teeth pixels and any pixel with teeth within 2 px to its left and to its right on its row (a
 * dark line between two teeth belongs to the row).
 */
export function renderedTeeth(d: ArrayLike<number>, W: number, H: number, mask: Uint8Array, skinLuma: number, skinWarm: number): RenderedTeeth | null {
  const teeth = new Uint8Array(W * H);
  let inside = 0, n = 0, sum = 0, sum2 = 0;
  for (let q = 0; q < W * H; q++) {
    if (!mask[q]) continue;
    inside++;
    const o = q * 4, l = luma(d, o);
    const chroma = Math.max(d[o]!, d[o + 1]!, d[o + 2]!) - Math.min(d[o]!, d[o + 1]!, d[o + 2]!);
    if (l > 1.05 * skinLuma && chroma < 0.35 * Math.max(d[o]!, d[o + 1]!, d[o + 2]!)) { teeth[q] = 1; n++; sum += l; sum2 += l * l; }
  }
  if (n < 12) return inside ? { share: n / inside, contrast: NaN, vline: NaN, lineEnergy: NaN, cold: NaN } : null;
  const band = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 2; x < W - 2; x++) {
    const q = y * W + x;
    if (!mask[q]) continue;
    band[q] = teeth[q] || ((teeth[q - 1] || teeth[q - 2]) && (teeth[q + 1] || teeth[q + 2])) ? 1 : 0;
  }
  let cold = 0, darks = 0;
  for (let q = 0; q < W * H; q++) {
    if (!band[q] || teeth[q]) continue;
    const o = q * 4, l = luma(d, o);
    if (l < 0.15 * skinLuma) continue;
    cold += Math.max(0, skinWarm - (d[o]! - d[o + 2]!) / Math.max(1, l)); darks++;
  }
  let sx = 0, sy = 0, m = 0;
  for (let y = 1; y < H - 1; y++) for (let x = 1; x < W - 1; x++) {
    const q = y * W + x;
    if (!band[q] || !band[q - 1] || !band[q + 1] || !band[q - W] || !band[q + W]) continue;
    sx += Math.abs(luma(d, (q + 1) * 4) - luma(d, (q - 1) * 4));
    sy += Math.abs(luma(d, (q + W) * 4) - luma(d, (q - W) * 4));
    m++;
  }
  const mean = sum / n;
  return { share: n / inside, contrast: Math.sqrt(Math.max(0, sum2 / n - mean * mean)) / mean, vline: sx / Math.max(1e-6, sx + sy), lineEnergy: m ? sx / m / skinLuma : NaN, cold: darks ? cold / darks : NaN };
}
