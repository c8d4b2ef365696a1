import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lumaSpread } from '../bench/lumaSpread.ts';

test('a flat dark disc has no spread; an iris with fibres and a catchlight has', () => {
  assert.equal(lumaSpread(new Array(40).fill(20)), 0);
  const textured = Array.from({ length: 40 }, (_, i) => 20 + (i % 8) * 6);
  assert.ok(lumaSpread(textured) >= 30);
  // one catchlight pixel is not a texture: the 90th percentile leaves it out
  assert.equal(lumaSpread([...new Array(39).fill(20), 250]), 0);
});

test('too few pixels to read gives NaN, not a number', () => {
  assert.ok(Number.isNaN(lumaSpread([1, 2, 3, 4, 5])));
});
