import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bridgedAtJumps, poseJumps, widesAtJumpsCapped } from '../src/motion/poseJumpWide.ts';
import { driverFitDefaults } from '../src/motion/retargetOptions.ts';

const pose = (pitches: number[], yaw = -21) => pitches.map((pitch) => ({ yaw, pitch, roll: 6 }));

test('poseJumps: christie f80-81, a two-frame pitch jump out and back, is found; a turn that stays, a slow nod and a three-frame excursion are not', () => {
  // christie_6 f78-83 pitch (deg): -2.4 -1.8 -6.6 -7.1 -2.0 -2.8
  assert.deepEqual(poseJumps(pose([-2.4, -1.8, -6.6, -7.1, -2.0, -2.8])), [false, false, true, true, false, false]);
  // a one-frame jump too
  assert.deepEqual(poseJumps(pose([0, 0, 4, 0, 0])), [false, false, true, false, false]);
  // a pitch that moves to -7 and stays: a real head move, no jump
  assert.deepEqual(poseJumps(pose([-2, -2, -6.6, -7.1, -7, -7])).some(Boolean), false);
  // a nod over many frames: each frame near the line of its neighbours
  assert.deepEqual(poseJumps(pose([0, -1.5, -3, -4.5, -6, -4.5, -3, -1.5, 0])).some(Boolean), false);
  // three frames out (120 ms) is longer than a mesh jump at 25 fps...
  assert.deepEqual(poseJumps(pose([0, 0, 5, 5, 5, 0, 0])).some(Boolean), false);
  // ...a frame missing breaks a run (no reading, no jump)
  assert.deepEqual(poseJumps([...pose([0, 0]), null, ...pose([4, 0])]).some(Boolean), false);
});

test('widesAtJumpsCapped: the jump frames keep no more eyeWide than their flanks; a stare already there is kept', () => {
  const jumps = [false, false, true, true, false, false];
  const l = Float64Array.from([0, 0.01, 0.5, 0.45, 0, 0]), r = Float64Array.from([0, 0.02, 0.4, 0.5, 0.03, 0]);
  widesAtJumpsCapped([l, r], jumps);
  assert.deepEqual([...l], [0, 0.01, 0.01, 0.01, 0, 0]);
  assert.deepEqual([...r], [0, 0.02, 0.03, 0.03, 0.03, 0]);
  const held = Float64Array.from([0.6, 0.6, 0.7, 0.65, 0.6, 0.6]), copy = Float64Array.from(held);
  widesAtJumpsCapped([held, copy], jumps);
  assert.deepEqual([...held], [0.6, 0.6, 0.6, 0.6, 0.6, 0.6]);
  assert.ok(held[2]! >= 0.6, 'a held stare through the jump stays at its flanks');
});

test('wideAtPoseJump is on by default', () => {
  assert.equal(driverFitDefaults().wideAtPoseJump, true);
  assert.equal(driverFitDefaults({ wideAtPoseJump: false }).wideAtPoseJump, false);
});

test('bridgedAtJumps: christie f80-81, the pose on a jump run lies on its flanks\' line; frames off the run and a run at the clip\'s edge are kept', () => {
  const pitches = [-2.4, -1.8, -6.6, -7.1, -2.0, -2.8];
  const jumps = poseJumps(pose(pitches));
  const pitch = Float64Array.from(pitches), tz = Float64Array.from([0.28, 0.28, 0.25, 0.24, 0.29, 0.29]);
  bridgedAtJumps([pitch, tz], jumps);
  assert.deepEqual([pitch[0], pitch[1], pitch[4], pitch[5]], [-2.4, -1.8, -2.0, -2.8]);
  assert.ok(Math.abs(pitch[2]! - (-1.8 + (-2.0 - -1.8) / 3)) < 1e-12 && Math.abs(pitch[3]! - (-1.8 + (2 * (-2.0 - -1.8)) / 3)) < 1e-12);
  // the frame-to-frame change through the run no larger than its flanks' step
  for (let i = 1; i < 5; i++) assert.ok(Math.abs(pitch[i]! - pitch[i - 1]!) <= 0.6 + 1e-9, `pitch step at ${i}`);
  assert.ok(tz[2]! > 0.28 && tz[3]! > 0.28 && tz[3]! < 0.29, 'tz on the line .28 -> .29');
  // a turn that stays is no jump: nothing moves
  const turn = Float64Array.from([-2, -2, -6.6, -7.1, -7, -7]), copy = Float64Array.from(turn);
  bridgedAtJumps([turn], poseJumps(pose([...turn])));
  assert.deepEqual([...turn], [...copy]);
  // jumps chained into a run longer than a mesh jump (vrt4 f75-80: maybe a quick nod) are left as read
  const chain = Float64Array.from([-21, -31, -29.5, -23, -24.2, -26.5, -26.2, -21.6]), chained = Float64Array.from(chain);
  bridgedAtJumps([chain], [false, true, true, true, true, true, true, false]);
  assert.deepEqual([...chain], [...chained]);
  // a run with no frame after it (the clip's end) is left as read
  const edge = Float64Array.from([0, 0, 4]);
  bridgedAtJumps([edge], [false, false, true]);
  assert.deepEqual([...edge], [0, 0, 4]);
});

test('poseAtJumpBridged and gazeAtJumpBridged are on by default', () => {
  assert.equal(driverFitDefaults().poseAtJumpBridged, true);
  assert.equal(driverFitDefaults().gazeAtJumpBridged, true);
  assert.equal(driverFitDefaults({ gazeAtJumpBridged: false }).gazeAtJumpBridged, false);
  assert.equal(driverFitDefaults({ poseAtJumpBridged: false }).poseAtJumpBridged, false);
});
