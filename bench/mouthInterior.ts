// Figures of a mouth's interior inside the inner-lip polygon (critic15's mouthstats.py, in one
// function for bench/mouthCavity.ts, bench/mouthJawRow.ts and test/mouthCavity.test.ts): the share
// of dark cavity, the teeth's colour, the lines between teeth. Skin = the median luma of a patch
// between the lower lip (17) and the chin (152).
import { polygonMask } from '../src/eval/masks.ts';
import { EYE_L_LOOP, EYE_R_LOOP, LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';

/** a pixel darker than this share of the skin's luma is cavity (critic15's mouthstats.py) */
export const DARK_SHARE = 0.35;

type Lm = ArrayLike<ArrayLike<number>>;
export interface Stats { dark: number; teeth: number; value: number; chroma: number; rb: number; gr: number; edge: number; n: number; /** the interior's luma over the skin's at its 10th, 25th and 50th percentiles */ l10: number; l25: number; l50: number; /** the interior's 90th-percentile luma over the skin's (its lit teeth), and over the sclera's (the picture's white: the eyes' whitest quarter) */ top: number; topSclera: number; /** the teeth pixels' mean luma over the skin's */ teethLuma: number; teethY: number; /** the teeth pixels' 90th-percentile luma (what photoLook.ts brightLuminance reads on the library's rows; s53 greyteeth53) */ teethP90: number }

const luma = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;

/** The skin's luma: the median of a patch between the lower lip (17) and the chin (152). */
export function skinLuma(d: ArrayLike<number>, size: number, lm: Lm, iod: number): number {
  const cx = (lm[17]![0]! + lm[152]![0]!) / 2, cy = (lm[17]![1]! + lm[152]![1]!) / 2, h = 0.08 * iod;
  const v: number[] = [];
  for (let y = Math.round(cy - h); y <= cy + h; y++) for (let x = Math.round(cx - 2 * h); x <= cx + 2 * h; x++) {
    if (x >= 0 && y >= 0 && x < size && y < size) v.push(luma(d, (y * size + x) * 4));
  }
  v.sort((a, b) => a - b);
  return v[v.length >> 1] ?? 128;
}

export function interiorStats(d: ArrayLike<number>, size: number, lm: Lm): Stats | null {
  const poly = [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]);
  const mask = polygonMask(poly, size, size);
  const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
  const sk = skinLuma(d, size, lm, iod);
  let n = 0, dark = 0, tn = 0, tl = 0, value = 0, chroma = 0, rb = 0, gr = 0, edge = 0, en = 0;
  const isTooth = new Uint8Array(mask.length), ls: number[] = [], tls: number[] = [];
  for (let q = 0; q < mask.length; q++) {
    if (!mask[q]) continue;
    const o = q * 4, r = d[o]!, g = d[o + 1]!, b = d[o + 2]!, l = luma(d, o);
    const mx = Math.max(r, g, b), mn = Math.min(r, g, b);
    n++; ls.push(l / sk);
    if (l > 1.05 * sk && mx - mn < 0.35 * mx) { isTooth[q] = 1; tn++; tl += l; tls.push(l); value += mx; chroma += mx - mn; rb += r - b; gr += g / Math.max(1, r); }
    else if (l < DARK_SHARE * sk) dark++;
  }
  if (n < 30) return null;
  for (let q = 0; q < mask.length - 1; q++) if (isTooth[q] && isTooth[q + 1]) { edge += Math.abs(luma(d, q * 4) - luma(d, q * 4 + 4)); en++; }
  const t = Math.max(1, tn);
  ls.sort((a, b) => a - b);
  const at = (p: number) => ls[Math.floor(p * (ls.length - 1))]!;
  return { n, dark: dark / n, teeth: tn / n, value: value / t, chroma: chroma / t, rb: rb / t, gr: gr / t, edge: en > 10 ? (100 * edge) / en / sk : NaN, l10: at(0.1), l25: at(0.25), l50: at(0.5), top: at(0.9), topSclera: (at(0.9) * sk) / scleraLuma(d, size, lm), teethLuma: tn ? tl / tn / sk : NaN, teethY: tn ? tl / tn : NaN, teethP90: tls.length ? tls.sort((a, b) => a - b)[Math.floor(0.9 * (tls.length - 1))]! : NaN };
}


/** The sclera's luma: the mean of the brightest quarter of both eye openings' pixels (the picture's white under its light; irises are darker and drop out). */
export function scleraLuma(d: ArrayLike<number>, size: number, lm: Lm): number {
  const ls: number[] = [];
  for (const loop of [EYE_L_LOOP, EYE_R_LOOP]) {
    const mask = polygonMask(loop.map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]), size, size);
    for (let q = 0; q < mask.length; q++) if (mask[q]) ls.push(luma(d, q * 4));
  }
  ls.sort((a, b) => b - a);
  const top = ls.slice(0, Math.max(1, Math.round(0.25 * ls.length)));
  return top.reduce((s, v) => s + v, 0) / top.length || 255;
}
