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
