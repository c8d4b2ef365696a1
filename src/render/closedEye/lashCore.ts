// The shut lash line as dark as the person's own lashes, without making it thicker. The library's
// shading gets its contrast from a power bounded at 1.8 (shading.ts lashGamma); on 11 of the 14
// portraits that bound was reached, so the shut line came out at .31-.48 of the skin's light where
// the photo's own lash line is .05-.40 (st_happy's mascara, st_art_1's dark lash line: a pale grey
// pencil line under black lashes; blink32). A stronger power over the whole soft line widens its
// dark band too, which the face mesh reads as lids held apart (eyes11), so only the line's core,
// a few cells about its darkest row in each column, is taken further down.
import { PATCH_W, PATCH_H, PATCH_PPW } from './frame.ts';
import { cellU, cellV, cellRow, clamp01 } from './grid.ts';
import { shutAt, type EyeGeometry } from './lids.ts';
import type { ColourField } from './skinFill.ts';
import { luminance as lum } from '../../math/colour.ts';

/**
 * Off by default: measured in blink32 (docs/eyes/README.md "s32 (blink32)"), the face mesh reads the
 * darker line as a narrower open eye (bench/blink.ts 8 -> 7 of 14). Benches turn it on with
 * `--lash-core` (lashCoreSetting.on, read when a renderer bakes its shut eyes).
 */
export const LASH_CORE_DEFAULT = false;
export const lashCoreSetting = { on: LASH_CORE_DEFAULT };
/** Half-width (eye widths) of the core the darkening acts on, as a Gaussian about the column's darkest row. */
const CORE_WIDTH = 0.015;
/** The column's darkest row is looked for within this far (eye widths) of the shut edge. */
const SEARCH = 0.04;
/** Never darker than this share of the skin's light: a lash line is hair over skin, not a black stroke. */
const FLOOR = 0.08;

/** The power that takes a line `current` dark (share of the skin's light) down to `target`; 1 when it is dark enough already. */
export function corePower(current: number, target: number): number {
  const t = Math.max(FLOOR, target);
  if (!(current > t) || current >= 1) return 1;
  return Math.log(t) / Math.log(current);
}

/**
 * Darkens the lash line's core in place: per column the light ratio to the skin (ref) r becomes
 * r^(1 + (power - 1) w), w a Gaussian (CORE_WIDTH) about the column's darkest row near the shut edge.
 * Cells lighter than the skin are left alone, so the lid's highlight stays.
 */
export function darkenLashCore(rgb: Float32Array, g: EyeGeometry, ref: ColourField, power: number): void {
  if (power <= 1) return;
  const s = [0, 0, 0];
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    if (u < -0.05 || u > 1.05) continue;
    const shut = shutAt(g, clamp01(u));
    const r0 = Math.max(0, Math.ceil(cellRow(shut - SEARCH))), r1 = Math.min(PATCH_H - 1, Math.floor(cellRow(shut + SEARCH)));
    let core = -1, coreRatio = Infinity;
    for (let r = r0; r <= r1; r++) {
      const ratio = ratioAt(rgb, ref, r * PATCH_W + c, u, cellV(r), s);
      if (ratio < coreRatio) { coreRatio = ratio; core = r; }
    }
    if (core < 0 || coreRatio >= 1) continue;
    const vCore = cellV(core);
    const reach = Math.ceil(3 * CORE_WIDTH * PATCH_PPW);
    for (let r = Math.max(0, core - reach); r <= Math.min(PATCH_H - 1, core + reach); r++) {
      const k = r * PATCH_W + c;
      const ratio = ratioAt(rgb, ref, k, u, cellV(r), s);
      if (ratio >= 1 || ratio <= 0) continue;
      const w = Math.exp(-(((cellV(r) - vCore) / CORE_WIDTH) ** 2));
      const scale = Math.pow(ratio, (power - 1) * w);
      for (let ch = 0; ch < 3; ch++) rgb[k * 3 + ch] = rgb[k * 3 + ch]! * scale;
    }
  }
}

/** A cell's luminance over the skin reference's there (s: scratch for the reference's RGB). */
function ratioAt(rgb: Float32Array, ref: ColourField, k: number, u: number, v: number, s: number[]): number {
  ref(u, v, s);
  return lum(rgb[k * 3]!, rgb[k * 3 + 1]!, rgb[k * 3 + 2]!) / Math.max(1, lum(s[0]!, s[1]!, s[2]!));
}
