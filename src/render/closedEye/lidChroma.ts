// The shut lid's hue (s37, lidpatch37): the baked lid's skin comes from a membrane fill of the skin
// around the mask, so hair over the brow, lashes and a tinted lower lid pull it grey-brown (st_happy's
// grey lids, st_full_body_1's grey-brown patch on a pink face). The lid's middle is tinted, per channel,
// toward the chroma of the photo's own upper-lid skin (crease to lash line, the eye open); its luma is
// kept (lidRelief.ts sets that), and the tint fades out toward the crease, the shut line and the
// corners, so it draws no edge where the lid meets the fill.
import { PATCH_W, PATCH_H } from './frame.ts';
import { cellU, cellV, clamp01 } from './grid.ts';
import { lineAt } from './library.ts';
import { creaseAt, shutAt, type EyeGeometry } from './lids.ts';
import { luminance as lum } from '../../math/colour.ts';
import { smoothstep } from '../../math/smooth.ts';

/**
 * Off (s37): measured worse. The mid-lid already had its own lid's chroma within .06 r/l on the
 * four checked portraits; tinted, st_full_body_1's image-left lid went greyer, its right one pink
 * (the eyeshadow) and mt_man's left one orange. On: the bake tints the lid (bench --lid-chroma).
 */
export const lidChromaSetting = { on: false };

/** A channel's gain is held within these bounds (a large one: the photo's band is not skin). */
const GAIN_MIN = 0.85, GAIN_MAX = 1.2;

export type Rgb = [number, number, number];

/**
 * The skin colour of a band: the mean RGB of its cells (columns u .25-.75, rows band(u)) whose luma
 * lies between the band's 40th and 90th percentile (below: lashes, liner, fold; above: glints).
 */
export function bandSkin(rgb: Float32Array, band: (u: number) => [number, number]): Rgb | undefined {
  const cells: number[] = [], lums: number[] = [];
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    if (u < 0.25 || u > 0.75) continue;
    const [v0, v1] = band(u);
    for (let r = 0; r < PATCH_H; r++) {
      const v = cellV(r);
      if (v < v0 || v > v1) continue;
      const k = (r * PATCH_W + c) * 3;
      cells.push(k); lums.push(lum(rgb[k]!, rgb[k + 1]!, rgb[k + 2]!));
    }
  }
  if (cells.length < 8) return undefined;
  const sorted = [...lums].sort((a, b) => a - b);
  const lo = sorted[Math.floor(0.4 * (sorted.length - 1))]!, hi = sorted[Math.floor(0.9 * (sorted.length - 1))]!;
  const sum: Rgb = [0, 0, 0];
  let n = 0;
  cells.forEach((k, i) => {
    if (lums[i]! < lo || lums[i]! > hi) return;
    for (let ch = 0; ch < 3; ch++) sum[ch]! += rgb[k + ch]!;
    n++;
  });
  return n ? (sum.map((s) => s / n) as Rgb) : undefined;
}

/** The photo's own upper-lid skin, the eye open (the band lidRelief.ts reads its tone in). */
export const ownLidSkin = (photo: Float32Array, g: EyeGeometry): Rgb | undefined =>
  bandSkin(photo, (u) => [creaseAt(g, u) + 0.01, lineAt(g.lid, u) - 0.04]);

/** The baked lid's middle (shares .2-.7 of the way from the crease to the shut line). */
export const bakedLidSkin = (rgb: Float32Array, g: EyeGeometry): Rgb | undefined =>
  bandSkin(rgb, (u) => { const cr = creaseAt(g, u), sh = shutAt(g, u); return [cr + 0.2 * (sh - cr), cr + 0.7 * (sh - cr)]; });

/** Per channel, the gain that gives `lid` the chroma (channel over luma) of `own` at lid's luma, bounded. */
export function chromaGain(own: Rgb, lid: Rgb): Rgb {
  const lo = lum(...own), ll = lum(...lid);
  if (!(lo > 1 && ll > 1)) return [1, 1, 1];
  const raw = own.map((o, ch) => (o / lo) / Math.max(1e-3, lid[ch]! / ll));
  // renormalised so the lid's luma stays where it is
  const scale = ll / Math.max(1e-3, lum(lid[0] * raw[0]!, lid[1] * raw[1]!, lid[2] * raw[2]!));
  return raw.map((x) => Math.min(GAIN_MAX, Math.max(GAIN_MIN, x * scale))) as Rgb;
}

/** How much of the tint a point of the lid takes: 1 mid-lid, 0 at the crease, past the shut line and the corners. */
export function tintShare(u: number, v: number, crease: number, shut: number): number {
  const t = (v - crease) / Math.max(1e-3, shut - crease);
  const across = smoothstep(-0.1, 0.3, t) * (1 - smoothstep(0.85, 1.1, t));
  const along = smoothstep(0, 0.2, u) * (1 - smoothstep(0.8, 1, u));
  return across * along;
}

/** Tints the baked lid in place toward the photo's own lid chroma (nothing when either skin is unread). */
export function tintLid(rgb: Float32Array, photo: Float32Array, g: EyeGeometry): void {
  const own = ownLidSkin(photo, g), lid = bakedLidSkin(rgb, g);
  if (!own || !lid) return;
  const gain = chromaGain(own, lid);
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c), uc = clamp01(u);
    const crease = creaseAt(g, uc), shut = shutAt(g, uc);
    for (let r = 0; r < PATCH_H; r++) {
      const w = tintShare(u, cellV(r), crease, shut);
      if (w <= 0) continue;
      const k = (r * PATCH_W + c) * 3;
      for (let ch = 0; ch < 3; ch++) rgb[k + ch] = rgb[k + ch]! * (1 + w * (gain[ch]! - 1));
    }
  }
}
