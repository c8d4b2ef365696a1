// The share of an eye's open pixels a render still shows (s56 hooded56; split out of halfLidReadback.ts in s57 heldlid57 so
// other benches can import it without running that bench).
import type { RgbaImage } from '../src/types.ts';

/** RGB distance under which a rendered pixel still shows the open eye. */
export const PIX_SAME = 28;

type Pt = ArrayLike<number>;
/** y of a landmark polyline at x (linear between its points; NaN outside). */
function polyY(lm: ArrayLike<Pt>, ids: number[], x: number): number {
  for (let k = 0; k + 1 < ids.length; k++) {
    const a = lm[ids[k]!]!, b = lm[ids[k + 1]!]!;
    const lo = Math.min(a[0]!, b[0]!), hi = Math.max(a[0]!, b[0]!);
    if (x >= lo && x <= hi && hi > lo) return a[1]! + ((x - a[0]!) / (b[0]! - a[0]!)) * (b[1]! - a[1]!);
  }
  return NaN;
}

/** The share of one eye's rest pixels (between its rest lids, middle columns) that `img` still shows as `open` does. */
export function pixelShare(open: RgbaImage, img: RgbaImage, lm: ArrayLike<Pt>, upper: number[], lower: number[]): number {
  const x0 = lm[upper[0]!]![0]!, x1 = lm[upper[upper.length - 1]!]![0]!;
  const lo = Math.min(x0, x1), hi = Math.max(x0, x1);
  let all = 0, shown = 0;
  for (let x = Math.ceil(lo + 0.25 * (hi - lo)); x <= Math.floor(lo + 0.75 * (hi - lo)); x++) {
    const yu = polyY(lm, upper, x), yl = polyY(lm, lower, x);
    if (!Number.isFinite(yu) || !Number.isFinite(yl)) continue;
    for (let y = Math.ceil(yu); y <= Math.floor(yl); y++) {
      const o = (y * open.width + x) * 4;
      const d = Math.hypot(img.data[o]! - open.data[o]!, img.data[o + 1]! - open.data[o + 1]!, img.data[o + 2]! - open.data[o + 2]!);
      all++;
      if (d < PIX_SAME) shown++;
    }
  }
  return all ? shown / all : NaN;
}

