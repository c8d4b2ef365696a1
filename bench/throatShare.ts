// The throat's stripes as a figure (bench/throatStreaks.ts, test/mouthThroat.test.ts): over the dark
// pixels of a rendered opening's middle, how much of the luma gradient runs across the columns.
type Lm = ArrayLike<ArrayLike<number>>;

/** luma under which a pixel (and its neighbours 2 px away) counts as the throat's dark */
const DARK = 70;

/** |dx| / (|dx| + |dy|) over the dark pixels of the opening's middle (null: none dark). */
export function horizontalShare(img: Uint8ClampedArray | Uint8Array, size: number, lm: Lm): number | null {
  const L = (x: number, y: number) => { const o = (y * size + x) * 4; return 0.3 * img[o]! + 0.59 * img[o + 1]! + 0.11 * img[o + 2]!; };
  const xa = lm[78]![0]!, xb = lm[308]![0]!, x0 = Math.round(xa + 0.15 * (xb - xa)), x1 = Math.round(xb - 0.15 * (xb - xa));
  const y0 = Math.round(lm[13]![1]!), y1 = Math.round(lm[14]![1]!);
  let gx = 0, gy = 0;
  for (let y = y0 + 1; y < y1; y++) for (let x = x0; x <= x1; x++) {
    // (inside the dark only: the teeth's and tongue's edges are not the throat's)
    if (Math.max(L(x, y), L(x - 2, y), L(x + 2, y), L(x, y - 2), L(x, y + 2)) > DARK) continue;
    gx += Math.abs(L(x + 1, y) - L(x - 1, y)); gy += Math.abs(L(x, y + 1) - L(x, y - 1));
  }
  return gx + gy > 0 ? gx / (gx + gy) : null;
}
