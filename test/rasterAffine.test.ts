// rasterAffine.ts: the per-triangle tests that send a triangle to the rasterizer's affine fixed-point path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { affineEnough, uvInside } from '../src/render/rasterAffine.ts';

/** attr as raster.ts keeps it: [iz0, iz1, iz2, u0, u1, u2, v0, v1, v2, g0, g1, g2]. */
const attrOf = (iz: number[], u: number[], v: number[]) => Float64Array.from([...iz, ...u, ...v, 128, 128, 128]);

test('affineEnough: flat depth over a small triangle is affine; the same depth spread over a large one is not', () => {
  const flat = attrOf([0.01, 0.01, 0.01], [0, 1, 2], [0, 1, 2]);
  assert.equal(affineEnough(flat, Int32Array.from([0, 200, 0, 200])), true, 'no depth change: affine at any size');
  // 1/Z varying 0.2 % over the triangle: 0.002 x 100 px = 0.2 < 0.4 (affine), x 300 px = 0.6 (perspective)
  const sloped = attrOf([0.01, 0.01002, 0.01], [0, 1, 2], [0, 1, 2]);
  assert.equal(affineEnough(sloped, Int32Array.from([0, 100, 0, 50])), true);
  assert.equal(affineEnough(sloped, Int32Array.from([0, 300, 0, 50])), false);
});

test('uvInside: texture corners with room for the bilinear second texel (and the edge overshoot) are inside; near the border not', () => {
  const iz = [1, 1, 1];
  assert.equal(uvInside(attrOf(iz, [10, 20, 15], [10, 10, 20]), 64, 64), true);
  // u up to 63: the second texel would be past a 64-wide texture
  assert.equal(uvInside(attrOf(iz, [10, 63, 15], [10, 10, 20]), 64, 64), false);
  // v down to 0.9: less than 0.5 + the 1 % overshoot margin from the texel centres' start
  assert.equal(uvInside(attrOf(iz, [10, 20, 15], [0.9, 10, 20]), 64, 64), false);
  // a texture too wide for 16.16 fixed point
  assert.equal(uvInside(attrOf(iz, [10, 20, 15], [10, 10, 20]), 40000, 64), false);
});
