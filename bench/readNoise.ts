// The face mesh's read-back of a shut eye moves by up to .1 under an invisible change (s44, lids44:
// a seeded +-2-level grain over the eye region took st_art_1 .44 -> .55, mt_man .24 -> .27, lp_s9
// .52 -> .42-.56). So one reading decides no pass or fail: read the frame back under n seeded grains
// (the first the frame itself) and take each eye's median. Used by bench/blink.ts and
// bench/blinkAblate.ts with --grain n.
import type { RgbaImage } from '../src/types.ts';

/** A copy of img with a seeded grain of +-amp levels (the same value on R, G and B; seed 0: the frame itself). */
export function withGrain(img: RgbaImage, seed: number, amp = 2): RgbaImage {
  const out: RgbaImage = { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) };
  if (seed === 0) return out;
  let s = (seed * 2654435761) >>> 0;
  for (let o = 0; o < out.data.length; o += 4) {
    // xorshift32: deterministic per seed
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    const n = Math.round(((s / 4294967296) - 0.5) * 2 * amp);
    out.data[o] = out.data[o]! + n; out.data[o + 1] = out.data[o + 1]! + n; out.data[o + 2] = out.data[o + 2]! + n;
  }
  return out;
}

/** The median of a list (NaN when empty). */
export function median(values: number[]): number {
  if (!values.length) return NaN;
  const v = [...values].sort((a, b) => a - b), m = v.length >> 1;
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}

/**
 * Each eye's reading (read(img) -> { left, right }, undefined when no face is found) as the median
 * over n grains of img (n 1: the frame alone). Undefined when no grain found a face.
 */
export async function medianReading(img: RgbaImage, n: number, read: (img: RgbaImage) => Promise<{ left: number; right: number } | undefined>): Promise<{ left: number; right: number; spread: number } | undefined> {
  const got: { left: number; right: number }[] = [];
  for (let seed = 0; seed < Math.max(1, n); seed++) {
    const r = await read(withGrain(img, seed));
    if (r) got.push(r);
  }
  if (!got.length) return undefined;
  const worst = got.map((r) => Math.max(r.left, r.right));
  return { left: median(got.map((r) => r.left)), right: median(got.map((r) => r.right)), spread: Math.max(...worst) - Math.min(...worst) };
}
