// s54 speed54: math/gridBlur.ts blurRgb (the shut eye's patch-grid blur, run per shut eye per frame) is the per-pixel
// loop it replaced (kept here as the reference) to the bit: sparse grids with all-zero rows (frameMatch.ts's ring),
// dense ones, grids narrower than the kernel, -0 and the sigmas the closed eye uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blurRgb, gaussTaps } from '../src/math/gridBlur.ts';
import { blurRgb as gridBlurRgb } from '../src/render/closedEye/grid.ts';
import { mulberry32 } from '../src/math/random.ts';

/** The loop closedEye/grid.ts ran before s54. */
function reference(rgb: Float32Array, w: number, h: number, sigma: number): void {
  const rad = Math.ceil(sigma * 2.5);
  const k = Array.from({ length: 2 * rad + 1 }, (_, i) => Math.exp(-((i - rad) ** 2) / (2 * sigma * sigma)));
  const sum = k.reduce((a, b) => a + b, 0);
  const tmp = new Float32Array(rgb.length);
  for (let pass = 0; pass < 2; pass++) {
    const src = pass === 0 ? rgb : tmp, dst = pass === 0 ? tmp : rgb;
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let ch = 0; ch < 3; ch++) {
      let acc = 0;
      for (let i = -rad; i <= rad; i++) {
        const xx = pass === 0 ? Math.min(w - 1, Math.max(0, x + i)) : x, yy = pass === 0 ? y : Math.min(h - 1, Math.max(0, y + i));
        acc += k[i + rad]! * src[(yy * w + xx) * 3 + ch]!;
      }
      dst[(y * w + x) * 3 + ch] = acc / sum;
    }
  }
}

/** A w x h grid: each row empty with probability pZeroRow, else each cell set with probability pCell (values 0..255, some -0). */
function grid(rand: () => number, w: number, h: number, pZeroRow: number, pCell: number): Float32Array {
  const a = new Float32Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    if (rand() < pZeroRow) { if (rand() < 0.3) a[y * w * 3] = -0; continue; }
    for (let x = 0; x < w; x++) if (rand() < pCell) for (let ch = 0; ch < 3; ch++) a[(y * w + x) * 3 + ch] = rand() < 0.1 ? 1 : rand() * 255;
  }
  return a;
}

const sameBits = (a: Float32Array, b: Float32Array) => Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;

test('blurRgb is the per-pixel loop to the bit (sparse, dense, narrow grids; sigmas .5-6)', () => {
  const rand = mulberry32(54);
  let n = 0;
  for (const [w, h] of [[77, 58], [20, 15], [5, 40], [3, 3], [1, 7]] as const) {
    for (const sigma of [0.5, 1.2, 3, 5, 6]) {
      for (const [pz, pc] of [[0.6, 0.3], [0, 1], [0.9, 0.05]] as const) {
        const a = grid(rand, w, h, pz, pc), b = a.slice(), c = a.slice();
        reference(a, w, h, sigma);
        blurRgb(b, w, h, sigma);
        gridBlurRgb(c, w, h, sigma);
        assert.ok(sameBits(a, b), `${w}x${h} sigma ${sigma} zero rows ${pz}`);
        assert.ok(sameBits(a, c));
        n++;
      }
    }
  }
  assert.equal(n, 75);
});

test('blurRgb blurs: a point spreads as the normalised taps, an all-zero grid stays zero', () => {
  const w = 31, h = 31, a = new Float32Array(w * h * 3);
  a[(15 * w + 15) * 3 + 1] = 1000;
  blurRgb(a, w, h, 3);
  const { k, rad, sum } = gaussTaps(3);
  assert.equal(rad, 8);
  assert.ok(Math.abs(a[(15 * w + 15) * 3 + 1]! - 1000 * (k[rad]! / sum) ** 2) < 1e-3);
  assert.ok(Math.abs(a[(15 * w + 18) * 3 + 1]! - 1000 * (k[rad]! / sum) * (k[rad + 3]! / sum)) < 1e-3);
  assert.equal(a[(15 * w + 15) * 3], 0);
  const z = new Float32Array(12 * 3);
  blurRgb(z, 4, 3, 2);
  assert.ok(z.every((v) => Object.is(v, 0)));
});

test('blurRgb is the per-pixel loop to the bit on ring-like rows (s59: a sparse row sums only its non-zero cells; negatives, -0, one channel set)', () => {
  const rand = mulberry32(59);
  for (const [w, h] of [[77, 58], [40, 30]] as const) {
    for (const sigma of [3, 5]) {
      // most rows non-zero, each with a few cells set (frameMatch.ts's ring: the mask's feather either side of the eye)
      const a = new Float32Array(w * h * 3);
      for (let y = 0; y < h; y++) {
        if (rand() < 0.15) continue;
        for (let x = 0; x < w; x++) {
          if (rand() > 0.12) { if (rand() < 0.05) a[(y * w + x) * 3 + 2] = -0; continue; }
          const one = rand() < 0.2 ? Math.floor(rand() * 3) : -1;
          for (let ch = 0; ch < 3; ch++) if (one < 0 || ch === one) a[(y * w + x) * 3 + ch] = rand() < 0.1 ? -rand() * 40 : rand() * 255;
        }
      }
      const b = a.slice();
      reference(a, w, h, sigma);
      blurRgb(b, w, h, sigma);
      assert.ok(sameBits(a, b), `${w}x${h} sigma ${sigma}`);
    }
  }
});
