// A driver's start smile split into the part both sides hold (a smile) and one side's lead (a lopsided resting mouth):
// rig/startLook.ts, read by keepPhotoSmile's drop (rig/mouthBase.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { twoSidedStart, startLook, lopsidedExcess, cornersUp, START_CORNER_LIFT } from '../src/rig/startLook.ts';
import { startCornerLift, markStartCorners } from '../src/motion/startCorners.ts';
import type { FaceMeasures } from '../src/motion/measures.ts';
import type { MotionFrame } from '../src/types.ts';

test('startLook: an even smile is all two-sided, one corner up alone none of it', () => {
  assert.equal(startLook(0.92, 0.92), 1, 'lp_d14\'s grin');
  assert.equal(startLook(0.25, 0), 0, 'lp_d6\'s lopsided rest');
  assert.ok(Math.abs(startLook(0.41, 0.26) - 0.26 / 0.41) < 1e-12, 'Katie: the smaller side over the larger');
  assert.equal(startLook(0, 0), 0, 'no smile');
  assert.equal(startLook(0.3, -0.1), 0, 'a side read under its rest holds no smile');
  assert.equal(twoSidedStart(0.3, -0.1), 0);
});

test('lopsidedExcess: a smiling start loses only a side\'s lead over the other, over the photo\'s own; a flat start all of it', () => {
  assert.ok(Math.abs(lopsidedExcess(0.25, 0, 0, true) - 0.25) < 1e-12, 'lp_d6 (had her corners been up): all of it');
  assert.equal(lopsidedExcess(0.92, 0.92, 0, true), 0, 'an even grin: none');
  assert.ok(Math.abs(lopsidedExcess(0.41, 0.26, 0.15, true) - 0.15) < 1e-12, 'Katie\'s left: its lead over the right');
  assert.equal(lopsidedExcess(0.26, 0.41, 0.15, true), 0, 'Katie\'s right: none');
  assert.equal(lopsidedExcess(0.25, 0, 0.3, true), 0, 'a photo smiling more than the start: none');
  assert.ok(Math.abs(lopsidedExcess(0.5, 0.1, 0.3, true) - 0.2) < 1e-12, 'over the photo\'s own when it smiles more than the other side');
  assert.ok(Math.abs(lopsidedExcess(0.92, 0.92, 0, false) - 0.92) < 1e-12, 'an even reading on a start whose corners are not up: all of it');
  assert.ok(Math.abs(lopsidedExcess(0.41, 0.26, 0.15, false) - 0.26) < 1e-12, 'start27\'s start - photo');
});

test('cornersUp: a smile\'s corners sit above the lips\' middle; absent reads as not up', () => {
  assert.equal(cornersUp(0.032), true);
  assert.equal(cornersUp(-0.021), false);
  assert.equal(cornersUp(0), false);
  assert.equal(cornersUp(undefined), false);
});

test('startCornerLift: the lower corner over the first usable frames (median), carried on every frame', () => {
  const m = (l: number, r: number) => ({ cornerLiftLeft: l, cornerLiftRight: r }) as FaceMeasures;
  const start = [m(0.03, 0.02), m(0.04, -0.05), m(0.03, 0.025), m(0.02, 0.03), m(0.05, 0.02), m(-0.2, -0.2), m(-0.2, -0.2)];
  assert.equal(startCornerLift(start), 0.02, 'the median of the lower corners of the first five; later frames do not count');
  const frames = [{ w: {} }, { w: { jawOpen: 0.1 } }] as MotionFrame[];
  markStartCorners(frames, start);
  assert.deepEqual(frames.map((f) => f.w[START_CORNER_LIFT]), [0.02, 0.02]);
  assert.equal(frames[1]!.w.jawOpen, 0.1);
});
