import test from 'node:test';
import assert from 'node:assert/strict';
import { poseBias, removePoseBias } from '../src/rig/poseBias.ts';

test('pose bias: nothing at pose 0, a one-sided mouth stretch at a pitched, tilted head (Katie)', () => {
  for (const v of Object.values(poseBias(0, 0, 0))) assert.ok(Math.abs(v) < 1e-9);
  const katie = poseBias(-3, -20, 7);
  assert.ok(katie.mouthStretchRight! > 0.2, `mouthStretchRight bias ${katie.mouthStretchRight}`);
  for (const v of Object.values(katie)) assert.ok(v >= 0 && v <= 1.5);
});

test('removePoseBias subtracts the bias, clamps at 0 and keeps controls without a bias', () => {
  const pose = { yaw: -3, pitch: -20, roll: 7 };
  const b = poseBias(pose.yaw, pose.pitch, pose.roll).mouthStretchRight!;
  const out = removePoseBias({ mouthStretchRight: 0.9, mouthStretchLeft: 0, unknownControl: 0.4 }, pose);
  assert.ok(Math.abs(out.mouthStretchRight! - Math.max(0, 0.9 - b)) < 1e-12);
  assert.equal(out.mouthStretchLeft, 0);
  assert.equal(out.unknownControl, 0.4);
});
