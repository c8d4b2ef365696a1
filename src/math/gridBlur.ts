// Separable Gaussian blur of a small RGB float grid (the shut eye's patch grids, closedEye/grid.ts), in place.
// Run per shut eye per frame (closedEye/frameMatch.ts: 27 taps over a 77 x 58 grid): written for speed, with every
// output the same double sum in the same order as the plain per-pixel loop (s54 speed54: byte-identical frames).

/** The taps exp(-i² / 2σ²) for i in -rad..rad (rad = ceil(2.5σ)) and their sum, summed from the first. */
export function gaussTaps(sigma: number): { k: Float64Array; rad: number; sum: number } {
  const rad = Math.ceil(sigma * 2.5), k = new Float64Array(2 * rad + 1);
  let sum = 0;
  for (let i = 0; i < k.length; i++) {
    k[i] = Math.exp(-((i - rad) ** 2) / (2 * sigma * sigma));
    sum += k[i]!;
  }
  return { k, rad, sum };
}

/** Reused between calls: the horizontal pass's output, the vertical pass's row sums, which rows are all zero. */
let tmp = new Float32Array(0), acc = new Float64Array(0), zeroRow = new Uint8Array(0);

/**
 * Separable Gaussian blur of an RGB float grid (w x h, 3 floats a cell), in place, the edge cells repeated past the
 * border. Each output is (Σ_i k[i] · src[clamped x + i]) / sum, the sum taken from 0 over i ascending, in doubles, as
 * the per-pixel loop it replaces; a term whose source is 0 adds nothing (x + 0 is x), so all-zero rows are skipped.
 */
export function blurRgb(rgb: Float32Array, w: number, h: number, sigma: number): void {
  const { k, rad, sum } = gaussTaps(sigma);
  const n = w * h * 3, stride = w * 3;
  if (tmp.length < n) tmp = new Float32Array(n);
  if (acc.length < stride) acc = new Float64Array(stride);
  if (zeroRow.length < h) zeroRow = new Uint8Array(h);
  // horizontal: rgb -> tmp
  for (let y = 0; y < h; y++) {
    const row = y * stride;
    let zero = 1;
    for (let j = row; j < row + stride; j++) if (rgb[j] !== 0) { zero = 0; break; }
    zeroRow[y] = zero;
    if (zero) { tmp.fill(0, row, row + stride); continue; }
    for (let x = 0; x < w; x++) {
      const inside = x - rad >= 0 && x + rad < w;
      for (let ch = 0; ch < 3; ch++) {
        let a = 0;
        if (inside) {
          for (let i = 0, j = row + (x - rad) * 3 + ch; i < k.length; i++, j += 3) a += k[i]! * rgb[j]!;
        } else {
          for (let i = -rad; i <= rad; i++) a += k[i + rad]! * rgb[row + Math.min(w - 1, Math.max(0, x + i)) * 3 + ch]!;
        }
        tmp[row + x * 3 + ch] = a / sum;
      }
    }
  }
  // vertical: tmp -> rgb, row by row, each output's terms still added in i order (a zero row's terms are +0)
  for (let y = 0; y < h; y++) {
    acc.fill(0, 0, stride);
    for (let i = -rad; i <= rad; i++) {
      const yy = Math.min(h - 1, Math.max(0, y + i));
      if (zeroRow[yy]) continue;
      const kk = k[i + rad]!, src = yy * stride;
      for (let j = 0; j < stride; j++) acc[j] = acc[j]! + kk * tmp[src + j]!;
    }
    const row = y * stride;
    for (let j = 0; j < stride; j++) rgb[row + j] = acc[j]! / sum;
  }
}
