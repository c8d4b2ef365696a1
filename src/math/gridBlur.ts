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

/** Reused between calls: the horizontal pass's output, the vertical pass's row sums, which rows are all zero, the
 * vertical window's non-zero rows and their taps. */
let tmp = new Float32Array(0), acc = new Float64Array(0), zeroRow = new Uint8Array(0), rowAt = new Int32Array(0), tap = new Float64Array(0), colAt = new Int32Array(0);
/** (s59 speed59) per row, the next cell at or after c with a non-zero channel (w: none), and the horizontal pass's
 * non-zero output cells [outLo, outHi] per row (outLo > outHi: none). */
let nextNz = new Int32Array(0), outLo = new Int32Array(0), outHi = new Int32Array(0);

/**
 * Whether a row of the horizontal pass takes the sparse loop: under this share of its cells non-zero (frameMatch.ts's
 * ring: the mask's outer feather, a few cells either side of the eye on most rows).
 */
const SPARSE_SHARE = 0.5;

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
  if (zeroRow.length < h) { zeroRow = new Uint8Array(h); outLo = new Int32Array(h); outHi = new Int32Array(h); }
  if (nextNz.length < w + 1) nextNz = new Int32Array(w + 1);
  // column x + i's cell offset (clamped to the grid), at colAt[x + i + rad]
  if (colAt.length < w + 2 * rad) colAt = new Int32Array(w + 2 * rad);
  for (let c = 0; c < w + 2 * rad; c++) colAt[c] = Math.min(w - 1, Math.max(0, c - rad)) * 3;
  if (tap.length < k.length) { tap = new Float64Array(k.length); rowAt = new Int32Array(k.length); }
  // horizontal: rgb -> tmp
  for (let y = 0; y < h; y++) {
    const row = y * stride;
    let zero = 1;
    for (let j = row; j < row + stride; j++) if (rgb[j] !== 0) { zero = 0; break; }
    zeroRow[y] = zero;
    if (zero) { tmp.fill(0, row, row + stride); outLo[y] = 1; outHi[y] = 0; continue; }
    // (s59 speed59) a term whose source is 0 adds +0, which leaves a sum that never is -0 as it is (it starts at +0 and
    // a sum that cancels to zero is +0): a sparse row's outputs sum only their window's non-zero cells, in the same order
    let count = 0, first = w, last = -1;
    nextNz[w] = w;
    for (let c = w - 1; c >= 0; c--) {
      const j = row + c * 3;
      if (rgb[j] !== 0 || rgb[j + 1] !== 0 || rgb[j + 2] !== 0) { nextNz[c] = c; count++; first = c; if (last < 0) last = c; } else nextNz[c] = nextNz[c + 1]!;
    }
    // the outputs whose window (clamped at the border) holds a non-zero cell: the vertical pass reads only those columns
    outLo[y] = Math.max(0, first - rad); outHi[y] = Math.min(w - 1, last + rad);
    const sparse = count < SPARSE_SHARE * w;
    for (let x = 0; x < w; x++) {
      const inside = x - rad >= 0 && x + rad < w;
      if (inside && sparse) {
        let a0 = 0, a1 = 0, a2 = 0;
        for (let c = nextNz[x - rad]!, end = x + rad; c <= end; c = nextNz[c + 1]!) {
          const kk = k[c - x + rad]!, j = row + c * 3;
          a0 += kk * rgb[j]!; a1 += kk * rgb[j + 1]!; a2 += kk * rgb[j + 2]!;
        }
        const o = row + x * 3;
        tmp[o] = a0 / sum; tmp[o + 1] = a1 / sum; tmp[o + 2] = a2 / sum;
        continue;
      }
      for (let ch = 0; ch < 3; ch++) {
        let a = 0;
        if (inside) {
          for (let i = 0, j = row + (x - rad) * 3 + ch; i < k.length; i++, j += 3) a += k[i]! * rgb[j]!;
        } else {
          for (let i = 0, o = row + ch; i < k.length; i++) a += k[i]! * rgb[o + colAt[x + i]!]!;
        }
        tmp[row + x * 3 + ch] = a / sum;
      }
    }
  }
  // vertical: tmp -> rgb, row by row; each output's terms added in i order (a zero row's terms are +0, skipped), four
  // rows a pass: acc + t0 + t1 + t2 + t3 adds left to right, the same sums as one row a pass
  for (let y = 0; y < h; y++) {
    let m = 0;
    for (let i = -rad; i <= rad; i++) {
      const yy = Math.min(h - 1, Math.max(0, y + i));
      if (zeroRow[yy]) continue;
      rowAt[m] = yy * stride; tap[m++] = k[i + rad]!;
    }
    acc.fill(0, 0, stride);
    // (s59 speed59) only the columns some window row holds non-zero: elsewhere every term is +0 and the sum stays 0
    let cLo = w, cHi = -1;
    for (let q = 0; q < m; q++) { const yy = rowAt[q]! / stride; if (outLo[yy]! < cLo) cLo = outLo[yy]!; if (outHi[yy]! > cHi) cHi = outHi[yy]!; }
    const jLo = cLo * 3, jEnd = cHi * 3 + 3;
    let t = 0;
    for (; t + 4 <= m; t += 4) {
      const k0 = tap[t]!, k1 = tap[t + 1]!, k2 = tap[t + 2]!, k3 = tap[t + 3]!, r0 = rowAt[t]!, r1 = rowAt[t + 1]!, r2 = rowAt[t + 2]!, r3 = rowAt[t + 3]!;
      for (let j = jLo; j < jEnd; j++) acc[j] = acc[j]! + k0 * tmp[r0 + j]! + k1 * tmp[r1 + j]! + k2 * tmp[r2 + j]! + k3 * tmp[r3 + j]!;
    }
    for (; t < m; t++) {
      const kk = tap[t]!, src = rowAt[t]!;
      for (let j = jLo; j < jEnd; j++) acc[j] = acc[j]! + kk * tmp[src + j]!;
    }
    const row = y * stride;
    for (let j = 0; j < stride; j++) rgb[row + j] = acc[j]! / sum;
  }
}
