import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gazeLevelled, openFrames, slopeOf } from '../src/motion/gazeLidLevel.ts';
import { retargetFromLandmarks } from '../src/motion/retarget.ts';

/** 60 frames whose gaze swings from -.2 to .2; the right eye is read lower by .6 x gaze as the gaze goes right. */
function coupled(noise = 0.01) {
  const n = 60, gx = new Float64Array(n), left = new Float64Array(n), right = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    gx[i] = -0.2 + (0.4 * i) / (n - 1);
    const jitter = noise * Math.sin(i * 1.7);
    left[i] = 1 + jitter;
    right[i] = 1 - 0.6 * gx[i]! - jitter;
  }
  return { gx, left, right, have: Array.from({ length: n }, (_, i) => i) };
}

test('slopeOf: a line\'s slope and r', () => {
  const f = slopeOf([0, 1, 2, 3], [1, 3, 5, 7]);
  assert.ok(Math.abs(f.slope - 2) < 1e-12 && Math.abs(f.r - 1) < 1e-12);
  assert.ok(Number.isNaN(slopeOf([1, 1, 1], [0, 1, 2]).slope));
});

test('gazeLevelled gives the eye the gaze reads lower its expected difference back, never past the other eye, and leaves the other', () => {
  const { gx, left, right, have } = coupled();
  const [l, r] = gazeLevelled([left, right], gx, have, have);
  for (const i of have) {
    // no eye is lowered, none raised past the other, and only one of the two moves on a frame
    assert.ok(l[i]! >= left[i]! && r[i]! >= right[i]!);
    assert.ok(l[i]! <= Math.max(left[i]!, right[i]!) + 1e-12 && r[i]! <= Math.max(left[i]!, right[i]!) + 1e-12);
    assert.ok(l[i] === left[i] || r[i] === right[i]);
    if (gx[i]! > 0.01) assert.equal(l[i], left[i], 'looking right, the left eye is left as read');
  }
  // at gaze .2 the right eye read .12 lower: given back to the left eye's level
  assert.ok(Math.abs(r[59]! - l[59]!) < 0.03, `${r[59]} vs ${l[59]}`);
  // at gaze -.2 the right eye reads higher: the left is the lowered one, raised up to at most the right
  assert.ok(l[0]! >= left[0]! && l[0]! <= right[0]! + 1e-12);
});

test('gazeLevelled leaves a driver whose eyes do not follow its gaze as read', () => {
  const { gx, left, have } = coupled();
  const right = Float64Array.from(left, (v, i) => v - 0.05 * Math.cos(i * 2.3));
  const [l, r] = gazeLevelled([left, right], gx, have, have);
  assert.deepEqual([...l], [...left]);
  assert.deepEqual([...r], [...right]);
  assert.equal(openFrames([[0.9, 0.5, 1], [0.9, 0.9, 0.8]], [0, 1, 2]).length, 1);
});

test('gazeLevelledStare off (the default): the retarget reads as before', () => {
  // no landmarks: nothing to fit, both ways the same empty result
  assert.equal(retargetFromLandmarks([null, null]).size, retargetFromLandmarks([null, null], { gazeLevelledStare: true }).size);
});
