// The skin under the shut lid: a smooth colour field continuing the skin around the mask, for the
// photo (the lid's light) and for the warped library eye (the reference its shading is taken over).
import { PATCH_W, PATCH_H } from './frame.ts';
import { lineAt } from './library.ts';
import { cellU, cellV, cellColumn, cellRow, clamp01, blurRgb } from './grid.ts';
import { maskTopEdge } from './mask.ts';
import type { EyeGeometry } from './lids.ts';
import { smoothstep } from '../../math/smooth.ts';
import { luminance as lum } from '../../math/colour.ts';

/** A colour at eye-frame (u, v), written into out[0..2]. */
export type ColourField = (u: number, v: number, out: number[]) => void;
/** A band across the eye: its v range at u. */
export type Band = (u: number) => number[];

/** The skin bands just above the mask and just below the photo's lower lid. */
export function skinBands(g: EyeGeometry): { upper: Band; lower: Band } {
  return {
    upper: (u) => { const t = maskTopEdge(g, clamp01(u)); return [t - 0.1, t]; },
    lower: (u) => { const l = lineAt(g.lower, clamp01(u)); return [l + 0.08, l + 0.22]; },
  };
}

/** The median colour of a band of a patch within u in [a, b) (grey if empty). */
export function bandMedian(rgb: Float32Array, band: Band, [a, b]: readonly [number, number]): number[] {
  const px: number[][] = [];
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    if (u < a || u >= b) continue;
    const [v0, v1] = band(u);
    for (let r = 0; r < PATCH_H; r++) {
      const v = cellV(r);
      if (v >= v0! && v <= v1!) px.push([rgb[(r * PATCH_W + c) * 3]!, rgb[(r * PATCH_W + c) * 3 + 1]!, rgb[(r * PATCH_W + c) * 3 + 2]!]);
    }
  }
  if (!px.length) return [128, 128, 128];
  px.sort((p, q) => lum(p[0]!, p[1]!, p[2]!) - lum(q[0]!, q[1]!, q[2]!));
  return px[px.length >> 1]!;
}

/**
 * A smooth colour field from two bands of a patch (v ranges per u): the median colour of each
 * band in 3 bins along the eye, linear between bin centres along u and between the bands along v.
 */
export function bandField(rgb: Float32Array, upper: Band, lower: Band): ColourField {
  const BINS = [[-0.15, 0.35], [0.35, 0.65], [0.65, 1.15]] as const;
  const centres = BINS.map(([a, b]) => (a + b) / 2);
  const up = BINS.map((b) => bandMedian(rgb, upper, b)), lo = BINS.map((b) => bandMedian(rgb, lower, b));
  const alongU = (bins: number[][], u: number, ch: number) => {
    if (u <= centres[0]!) return bins[0]![ch]!;
    if (u >= centres[2]!) return bins[2]![ch]!;
    const q = u < centres[1]! ? 0 : 1, t = (u - centres[q]!) / (centres[q + 1]! - centres[q]!);
    return bins[q]![ch]! + t * (bins[q + 1]![ch]! - bins[q]![ch]!);
  };
  return (u, v, out) => {
    const [a0, a1] = upper(u), [b0, b1] = lower(u);
    const t = smoothstep((a0! + a1!) / 2, (b0! + b1!) / 2, v);
    for (let ch = 0; ch < 3; ch++) out[ch] = alongU(up, u, ch) + t * (alongU(lo, u, ch) - alongU(up, u, ch));
  };
}

/** Successive over-relaxation of the free cells of an RGB grid; the grid's outer edge is reflecting. */
function relax(fill: Float32Array, w: number, h: number, free: (k: number) => boolean, sweeps: number): void {
  for (let it = 0; it < sweeps; it++) {
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const k = y * w + x;
        if (!free(k)) continue;
        const l = x > 0 ? k - 1 : k + 1, r = x < w - 1 ? k + 1 : k - 1, t = y > 0 ? k - w : k + w, b = y < h - 1 ? k + w : k - w;
        for (let ch = 0; ch < 3; ch++) {
          const avg = (fill[l * 3 + ch]! + fill[r * 3 + ch]! + fill[t * 3 + ch]! + fill[b * 3 + ch]!) / 4;
          fill[k * 3 + ch] = fill[k * 3 + ch]! + 1.9 * (avg - fill[k * 3 + ch]!);
        }
      }
    }
  }
}

/**
 * The colour a patch would have inside the mask if it were the smooth continuation of what lies
 * around it: a membrane (Laplace) fill of the patch colours held fixed where the mask is ~0, so
 * the fill meets the surrounding skin at every point of the mask's edge (no outline), started from
 * the band field (guess). Boundary colours are lightly blurred first so one dark pixel does not bleed in.
 */
export function membraneField(rgb: Float32Array, mask: Float32Array, guess: ColourField, person?: Float32Array): ColourField {
  // held fixed: outside the mask, on the person (the background past a silhouette is filled too)
  const free = (k: number) => mask[k]! >= 0.02 || (person !== undefined && person[k]! < 0.5);
  const w = PATCH_W, h = PATCH_H;
  const soft = Float32Array.from(rgb);
  blurRgb(soft, w, h, 1.5);
  const fill = new Float32Array(w * h * 3);
  const g = [0, 0, 0];
  for (let k = 0; k < w * h; k++) {
    if (!free(k)) { for (let ch = 0; ch < 3; ch++) fill[k * 3 + ch] = soft[k * 3 + ch]!; continue; }
    guess(cellU(k % w), cellV(Math.floor(k / w)), g);
    for (let ch = 0; ch < 3; ch++) fill[k * 3 + ch] = g[ch]!;
  }
  // 80 sweeps: within 1 grey level of 200 on shut frames
  relax(fill, w, h, free, 80);
  return (u, v, out) => {
    const x = Math.min(w - 1, Math.max(0, Math.round(cellColumn(u)))), y = Math.min(h - 1, Math.max(0, Math.round(cellRow(v))));
    for (let ch = 0; ch < 3; ch++) out[ch] = fill[(y * w + x) * 3 + ch]!;
  };
}

/**
 * How dark (share of the skin below the eye) the skin above the eye may be before it counts as brow
 * hair for the fill, and the share below that at which it is wholly replaced by that skin; how much
 * more fine texture than the skin below the eye it must have (a shadowed socket is dark but smooth:
 * lifted too, st_art_1's and the Mona Lisa's lids became pale patches framed by the shadow).
 */
const HAIR_BELOW = 0.8, HAIR_FULL = 0.5, HAIR_TEXTURE = [1.5, 3] as const;

/**
 * The photo patch with the brow's hair above the eye lifted toward the skin below the eye (the lower
 * band's median colour), for the membrane fill only: where the mask's top meets a low brow (mt_man)
 * the fill carried the hair's dark down over the shut lid as a grey hollow. Only dark and textured
 * pixels are hair; the eye's own shadow is kept.
 */
export function withoutBrowHair(photo: Float32Array, g: EyeGeometry): Float32Array {
  const bands = skinBands(g);
  const skin = bandMedian(photo, bands.lower, [0, 1]);
  const skinLum = Math.max(1, lum(skin[0]!, skin[1]!, skin[2]!));
  const texture = textureOf(photo);
  const skinTexture = Math.max(1, bandMedian(texture, bands.lower, [0, 1])[0]!);
  const out = Float32Array.from(photo);
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c), lid = lineAt(g.lid, clamp01(u));
    for (let r = 0; r < PATCH_H; r++) {
      if (cellV(r) >= lid) break;
      const k = (r * PATCH_W + c) * 3;
      const share = lum(photo[k]!, photo[k + 1]!, photo[k + 2]!) / skinLum;
      const t = (1 - smoothstep(HAIR_FULL * HAIR_BELOW, HAIR_BELOW, share)) * smoothstep(HAIR_TEXTURE[0], HAIR_TEXTURE[1], texture[k]! / skinTexture);
      if (t <= 0) continue;
      for (let ch = 0; ch < 3; ch++) out[k + ch] = photo[k + ch]! + t * (HAIR_BELOW * skin[ch]! - photo[k + ch]!);
    }
  }
  return out;
}

/** Fine texture per cell (grey RGB): |luminance - its blur at 1 cell|, averaged over 2 cells. */
export function textureOf(photo: Float32Array): Float32Array {
  const n = PATCH_W * PATCH_H;
  const l = new Float32Array(n * 3);
  for (let k = 0; k < n; k++) l.fill(lum(photo[k * 3]!, photo[k * 3 + 1]!, photo[k * 3 + 2]!), k * 3, k * 3 + 3);
  const b = Float32Array.from(l);
  blurRgb(b, PATCH_W, PATCH_H, 1);
  for (let k = 0; k < n * 3; k++) l[k] = Math.abs(l[k]! - b[k]!);
  blurRgb(l, PATCH_W, PATCH_H, 2);
  return l;
}
