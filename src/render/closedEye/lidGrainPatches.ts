// The shut lid's grain dealt as 2-D patches of the cheek band (s53, lidskin53). lidBodyGrain.ts (s46) copied
// the band row for row, stretched over the lid's crease -> shut span, in runs shifted along the row: a line
// along the lower lid came in as an arch parallel to the shut line (lp_s0), and taking the runs along it out
// (s52 lidgrain52) took the coarse end of the grain with the lines (lid grain / lid skin lp_s0 .96 -> .46).
// Here the lid is tiled with small square blocks of the band at its own scale (one band cell per patch cell),
// each from a seeded place in the band, blended over half a block with a window whose squares sum to a
// constant, so the grain keeps its size and spread and a line of the band comes in only as short dashes
// at scattered heights, never as a curve across the lid.
import { PATCH_W, PATCH_H } from './frame.ts';
import { mulberry32 } from '../../math/random.ts';

/** The window over a block of n cells at cell i: sin^2, so two blocks half a block apart sum to 1. */
export const blockWindow = (i: number, n: number): number => Math.sin((Math.PI * (i + 0.5)) / n) ** 2;

/** Tries for a block's source before the block is left out (a band with NaN cells off the patch). */
const TRIES = 12;
/** The least sum of squared windows a dealt cell needs (two half-overlapping blocks give .25 to 1). */
const MIN_W2 = 0.2;

/**
 * The band's values dealt over the patch grid in blocks of `block` cells (even; blocks every block / 2 cells,
 * windowed), each block from a seeded place of the band (`rows` x PATCH_W, NaN off the patch) within `shift`
 * columns of its own, inside the columns `from`..`to` (the band under the eye, not past its corners) and with no NaN cell. Independent blocks blended by the window w come out as the
 * sum of w x value over sqrt(sum of w^2), so the dealt grain has the band's spread everywhere. NaN where no
 * block landed.
 */
export function dealPatches(band: Float32Array, rows: number, block: number, shift: number, seed: number, from = 0, to = PATCH_W): Float32Array {
  const n = Math.max(2, Math.min(rows, block - (block % 2))), step = n / 2;
  const acc = new Float32Array(PATCH_W * PATCH_H), w2 = new Float32Array(PATCH_W * PATCH_H);
  const random = mulberry32(seed);
  const win = Array.from({ length: n }, (_, i) => blockWindow(i, n));
  const whole = (sx: number, sy: number): boolean => {
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) if (Number.isNaN(band[(sy + j) * PATCH_W + sx + i]!)) return false;
    return true;
  };
  for (let by = -step; by < PATCH_H; by += step) {
    for (let bx = -step; bx < PATCH_W; bx += step) {
      let sx = -1, sy = -1;
      for (let t = 0; t < TRIES && sx < 0; t++) {
        const x = Math.min(to - n, Math.max(from, bx + Math.round((2 * random() - 1) * shift)));
        const y = Math.floor(random() * (rows - n + 1));
        if (whole(x, y)) { sx = x; sy = y; }
      }
      if (sx < 0) continue;
      for (let j = 0; j < n; j++) {
        const r = by + j;
        if (r < 0 || r >= PATCH_H) continue;
        for (let i = 0; i < n; i++) {
          const c = bx + i;
          if (c < 0 || c >= PATCH_W) continue;
          const w = win[i]! * win[j]!, k = r * PATCH_W + c;
          acc[k] += w * band[(sy + j) * PATCH_W + sx + i]!;
          w2[k] += w * w;
        }
      }
    }
  }
  // a cell only a block's thin edge reached (its neighbour found no source) would be that edge's value blown up
  return acc.map((a, k) => (w2[k]! > MIN_W2 ? a / Math.sqrt(w2[k]!) : NaN));
}
