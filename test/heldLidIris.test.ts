// heldlid57 (issue #14): frames whose pixels show an open iris are no blink's closing (motion/heldLids.ts irisSeenFrames):
// christie f0-13, a turned head's hooded near eye read .25-.54 of rest beside a far eye showing its iris, was drawn shut.
import test from 'node:test';
import assert from 'node:assert/strict';
import { heldBlinkFromOpening, heldLidCaps, irisSeenFrames, HELD_LEAST, IRIS_SEEN, SEEN_SHARE } from '../src/motion/heldLids.ts';
import { driverFitDefaults } from '../src/motion/retargetOptions.ts';

const FPS = 25;
type Pair = [number, number];
const repeat = (n: number, s: Pair): Pair[] => Array.from({ length: n }, () => s);

// christie f0-15 as farEye.ts hands them on (the near eye's share on both eyes), beside each eye's own share and iris show
const near = [0.39, 0.25, 0.39, 0.53, 0.6, 0.48, 0.25, 0.34, 0.26, 0.45, 0.45, 0.54, 0.41, 0.4, 0.5, 0.5];
const eyed: Pair[] = [...near.map((s): Pair => [s, s]), ...repeat(10, [0.55, 0.55]), ...repeat(6, [1, 1])];
const own: Pair[] = [...near.map((s): Pair => [s, 0.72]), ...repeat(10, [0.55, 0.9]), ...repeat(6, [1, 1])];
const iris: Pair[] = [...near.map((): Pair => [0.45, 0.88]), ...repeat(10, [0.8, 1.05]), ...repeat(6, [1, 1])];
own[7] = [0.34, 0.48]; // f7: the far eye read under SEEN_SHARE, between two seen frames
const turned = new Array(own.length).fill(-18), frontal = new Array(own.length).fill(0);

test('held lid iris: the seen frames, the SEEN_SHARE gate and the lone-frame bridge', () => {
  const seen = irisSeenFrames(iris, own, turned);
  for (let i = 0; i < 16; i++) assert.ok(seen[i], `f${i} seen`);
  // lp_d6 f183: a blink's under-read eye whose lash band reads as an iris (.98) at .5 of rest is not seen
  assert.deepEqual(irisSeenFrames([[0.98, 0.48]], [[0.5, 0.45]], [-18]), [false]);
  assert.deepEqual(irisSeenFrames([[IRIS_SEEN, 0.2]], [[SEEN_SHARE, 0.2]], [-18]), [true]);
  // a frontal head's open iris beside a shut eye is a wink (Obama1 f70-72): not seen
  assert.deepEqual(irisSeenFrames([[0.9, 0.4]], [[0.68, 0.13]], [0]), [false]);
  // ...and both irises showing on a frontal head are seen (noem f56: shares .33/.66, irises 1.07/1.37 of open)
  assert.deepEqual(irisSeenFrames([[1.07, 1.37]], [[0.33, 0.66]], [1.7]), [true]);
  // two unseen frames in a row are not bridged
  const two = irisSeenFrames([[0.9, 0.9], [0.3, 0.3], [0.3, 0.3], [0.9, 0.9]], repeat(4, [0.9, 0.9]), [-18, -18, -18, -18]);
  assert.deepEqual(two, [true, false, false, true]);
  // a lone frame read shut between two seen is a blink (lp_d6 f377 .09/.08): not bridged
  assert.deepEqual(irisSeenFrames([[0.9, 0.9], [0.3, 0.3], [0.9, 0.9]], [[0.9, 0.9], [0.09, 0.08], [0.9, 0.9]], [-18, -18, -18]), [true, false, true]);
});

test('held lid iris: a hooded look-down read near shut is capped where an iris shows; without the pixels it was left shut', () => {
  const without = heldLidCaps(eyed, FPS);
  assert.ok([0, 1, 2, 6, 7, 8].every((i) => Number.isNaN(without[i]!)), 'before: the low frames and their neighbours uncapped');
  const caps = heldLidCaps(eyed, FPS, irisSeenFrames(iris, own, turned));
  assert.deepEqual(heldLidCaps(eyed, FPS, irisSeenFrames(iris, own, frontal)), without, 'a frontal head with one iris hidden: as before');
  for (let i = 0; i < 26; i++) assert.ok(caps[i]! <= heldBlinkFromOpening(HELD_LEAST) + 1e-9, `f${i} cap ${caps[i]}`);
  assert.ok(Number.isNaN(caps[30]!), 'open frames: no cap');
});

test('held lid iris: a blink with both irises hidden inside the held stretch keeps its weights', () => {
  const e = eyed.map((s) => [...s] as Pair), o = own.map((s) => [...s] as Pair), r = iris.map((s) => [...s] as Pair);
  for (const i of [19, 20, 21]) { e[i] = [0.15, 0.15]; o[i] = [0.15, 0.2]; r[i] = [0.25, 0.3]; }
  const caps = heldLidCaps(e, FPS, irisSeenFrames(r, o, turned));
  for (let i = 17; i <= 23; i++) assert.ok(Number.isNaN(caps[i]!), `f${i} (the blink and 2 frames either side) uncapped: ${caps[i]}`);
});

test('held lid iris: on by default', () => {
  assert.equal(driverFitDefaults().heldLidIrisSeen, true);
  assert.equal(driverFitDefaults({ heldLidIrisSeen: false }).heldLidIrisSeen, false);
});
