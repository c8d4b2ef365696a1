import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outlineRampWidth } from '../src/eval/outlineRamp.ts';
import type { RgbaImage } from '../src/types.ts';

/** A 64x64 transparent render: opaque left of x = 32, alpha falling linearly over `ramp` px past it. */
function halfPlane(ramp: number): RgbaImage {
  const w = 64, data = new Uint8ClampedArray(w * w * 4);
  for (let y = 0; y < w; y++) for (let x = 0; x < w; x++) {
    const a = ramp > 0 ? Math.max(0, Math.min(1, 1 - (x - 31.5) / ramp)) : x < 32 ? 1 : 0;
    data[(y * w + x) * 4 + 3] = Math.round(a * 255);
  }
  return { width: w, height: w, data };
}

test('outlineRampWidth: a hard cut reads ~0 px, a 5 px linear ramp 3 px (the pixels strictly inside 10-90%)', () => {
  const mask = new Uint8Array(64 * 64).fill(1);
  const hard = outlineRampWidth(halfPlane(0), mask), soft = outlineRampWidth(halfPlane(5), mask);
  assert.ok(hard.width < 0.1, `hard ${hard.width}`);
  assert.ok(soft.width > 2.5 && soft.width < 4.5, `soft ${soft.width}`);
  assert.ok(hard.contour > 50 && soft.contour > 50);
  // nothing masked: nothing measured
  assert.equal(outlineRampWidth(halfPlane(5), new Uint8Array(64 * 64)).width, 0);
});

test('faintTail: a faint ring far outside the person counts, a clean edge does not', async () => {
  const { faintTail } = await import('../src/eval/outlineRamp.ts');
  const w = 96, c = 48;
  const disc = (tail: number) => {
    const data = new Uint8ClampedArray(w * w * 4);
    for (let y = 0; y < w; y++) for (let x = 0; x < w; x++) {
      const d = Math.hypot(x - c, y - c) - 20;
      data[(y * w + x) * 4 + 3] = d < 0 ? 255 : d < 2 ? 128 : d < 18 ? Math.round(tail * 255) : 0;
    }
    return { width: w, height: w, data };
  };
  assert.ok(faintTail(disc(0)) < 0.01, `clean ${faintTail(disc(0))}`);
  // alpha 0.06 from 8 to 18 px out: ~12 px of 0.06 past the 6 px start, ~0.8 per outline px
  const t = faintTail(disc(0.06));
  assert.ok(t > 0.4 && t < 1.2, `tail ${t}`);
});
