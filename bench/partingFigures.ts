// Figures of a small parting inside the inner-lip polygon (bench/smallParting.ts, test/mouthParting):
// critic17's "cold blue-grey line" where a real small opening shows a row of lit teeth edges or a
// dark slit. Skin: as bench/mouthInterior.ts.
import { polygonMask } from '../src/eval/masks.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';

type Lm = ArrayLike<ArrayLike<number>>;
export interface PartingFigures {
  /** share of the parting's pixels in the mid-tones (0.35-1 of the skin's luma) and colder than the skin (their (R-B)/luma under half the skin's): neither slit nor teeth nor lip lining */
  grey: number;
  /** the parting's 90th-percentile luma over the skin's (a lit teeth edge: ~1.1-1.5; a dark slit: < 0.5) */
  top: number;
  /** the mid-tones' (R-B)/luma short of the skin's, mean (0: as warm as the skin; 1: neutral grey) */
  blue: number;
  n: number;
}

/** a skin less warm than this ((R-B)/luma) is a black-and-white photo: no hue to be colder than */
const LEAST_WARM = 0.08;

/** The mask grown by a pixel (the lip line's anti-aliasing and edge.ts's soften spread a thin parting's colour past its polygon). */
function grown(mask: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let y = 1; y < size - 1; y++) for (let x = 1; x < size - 1; x++) {
    const q = y * size + x;
    out[q] = mask[q]! | mask[q - 1]! | mask[q + 1]! | mask[q - size]! | mask[q + size]!;
  }
  return out;
}

const luma = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;

/** The skin's median luma and (R-B)/luma in a patch between the lower lip (17) and the chin (152). */
function skinTone(d: ArrayLike<number>, size: number, lm: Lm, iod: number): { l: number; warm: number } {
  const cx = (lm[17]![0]! + lm[152]![0]!) / 2, cy = (lm[17]![1]! + lm[152]![1]!) / 2, h = 0.08 * iod;
  const ls: number[] = [], ws: number[] = [];
  for (let y = Math.round(cy - h); y <= cy + h; y++) for (let x = Math.round(cx - 2 * h); x <= cx + 2 * h; x++) {
    if (x < 0 || y < 0 || x >= size || y >= size) continue;
    const o = (y * size + x) * 4, l = luma(d, o);
    ls.push(l); ws.push((d[o]! - d[o + 2]!) / Math.max(1, l));
  }
  const mid = (v: number[]) => v.sort((a, b) => a - b)[v.length >> 1] ?? 0;
  return { l: mid(ls) || 128, warm: mid(ws) };
}

export function partingFigures(d: ArrayLike<number>, size: number, lm: Lm): PartingFigures | null {
  const poly = [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]);
  const mask = grown(polygonMask(poly, size, size), size);
  const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
  const skin = skinTone(d, size, lm, iod);
  const ls: number[] = [];
  let grey = 0, mids = 0, blue = 0;
  for (let q = 0; q < mask.length; q++) {
    if (!mask[q]) continue;
    const o = q * 4, l = luma(d, o);
    ls.push(l / skin.l);
    if (l < 0.35 * skin.l || l > skin.l) continue;
    const warm = (d[o]! - d[o + 2]!) / Math.max(1, l);
    mids++;
    if (skin.warm < LEAST_WARM) continue;
    blue += Math.max(0, 1 - warm / skin.warm);
    if (warm < 0.5 * skin.warm) grey++;
  }
  if (ls.length < 20) return null;
  ls.sort((a, b) => a - b);
  return { grey: grey / ls.length, top: ls[Math.floor(0.9 * (ls.length - 1))]!, blue: mids ? blue / mids : 0, n: ls.length };
}
