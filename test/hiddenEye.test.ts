import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { eyeTexelsBeside, nearOpening } from '../src/eval/eyeFold.ts';
import { nearestSpot } from '../src/avatar/eyeReveal.ts';
import { walkOutOfHiding } from '../src/avatar/noseReveal.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

test('walkOutOfHiding stops at the point\'s own depth, at no surface, or where accept holds', () => {
  const size = 8, depth = new Float32Array(size * size).fill(Infinity);
  // row 2: a near surface (depth 0) over x 2..5, the point's own surface (depth 10) at x 1
  for (let x = 2; x <= 5; x++) depth[2 * size + x] = 0;
  depth[2 * size + 1] = 10;
  assert.ok(Math.abs(walkOutOfHiding(5.2, 2.5, 10, -1, depth, size, 1, 8) - 1.7) < 1e-9);
  assert.ok(Number.isNaN(walkOutOfHiding(5.2, 2.5, 10, -1, depth, size, 1, 2))); // not within reach
  assert.ok(Math.abs(walkOutOfHiding(5.2, 2.5, 10, -1, depth, size, 1, 8, (x) => x < 1) - 0.7) < 1e-9);
});

test('nearestSpot takes the nearest grid spot where the test holds, or the spot itself', () => {
  assert.deepEqual(nearestSpot(5, 5, 3, (x, y) => x === 5 && y === 7), [5, 7]);
  assert.deepEqual(nearestSpot(5, 5, 3, (x) => x >= 6), [6, 5]);
  assert.deepEqual(nearestSpot(5, 5, 1, () => false), [5, 5]);
});

test('nearOpening: inside the polygon or within the margin of its outline', () => {
  const square: [number, number][] = [[0, 0], [4, 0], [4, 4], [0, 4]];
  assert.ok(nearOpening(2, 2, square, 0));
  assert.ok(nearOpening(5, 2, square, 1));
  assert.ok(!nearOpening(6, 2, square, 1));
});

test('lp_s10 at +25: the far eye\'s white is not drawn a second time beside the eyeball', async () => {
  const portrait = await analyzePortrait(PORTRAITS + 'lp_s10.jpg');
  const avatar = buildAvatar(portrait);
  const [farEye] = eyeTexelsBeside(avatar, portrait.cropLandmarks, 25);
  // before (main ee784e7): 130 px of the photo's far eye drawn clear of the rendered eye; now 84
  assert.ok(farEye! < 100, `far eye texels beside the eye: ${farEye}`);
  // the photo's pose and the turn away are untouched (the reveal is off there)
  assert.deepEqual(eyeTexelsBeside(avatar, portrait.cropLandmarks, 0), [0, 0]);
  assert.deepEqual(eyeTexelsBeside(avatar, portrait.cropLandmarks, -25), [0, 0]);
});
