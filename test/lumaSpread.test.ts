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

test('greyShare (iris38): a dark disc reads low, one with a grey ring inside its radius high', async () => {
  const { greyShare } = await import('../bench/lumaSpread.ts');
  const dark = Array.from({ length: 40 }, (_, k) => 15 + (k % 5));
  const ringed = [...dark.slice(0, 24), ...Array.from({ length: 16 }, () => 90)];
  assert.ok(greyShare(dark, 130) < 0.05);
  assert.ok(Math.abs(greyShare(ringed, 130) - 0.4) < 1e-9);
  assert.ok(Number.isNaN(greyShare([1, 2], 130)));
});
