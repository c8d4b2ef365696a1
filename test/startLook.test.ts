// A driver's start smile split into the part both sides hold (a smile) and one side's lead (a lopsided resting mouth):
// rig/startLook.ts, read by keepPhotoSmile's drop (rig/mouthBase.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { twoSidedStart, startLook, lopsidedExcess } from '../src/rig/startLook.ts';

test('startLook: an even smile is all two-sided, one corner up alone none of it', () => {
  assert.equal(startLook(0.92, 0.92), 1, 'lp_d14\'s grin');
  assert.equal(startLook(0.25, 0), 0, 'lp_d6\'s lopsided rest');
  assert.ok(Math.abs(startLook(0.41, 0.26) - 0.26 / 0.41) < 1e-12, 'Katie: the smaller side over the larger');
  assert.equal(startLook(0, 0), 0, 'no smile');
  assert.equal(startLook(0.3, -0.1), 0, 'a side read under its rest holds no smile');
  assert.equal(twoSidedStart(0.3, -0.1), 0);
});

test('lopsidedExcess: only a side\'s lead over the other, and only over the photo\'s own', () => {
  assert.ok(Math.abs(lopsidedExcess(0.25, 0, 0) - 0.25) < 1e-12, 'lp_d6: all of it');
  assert.equal(lopsidedExcess(0.92, 0.92, 0), 0, 'an even grin: none');
  assert.ok(Math.abs(lopsidedExcess(0.41, 0.26, 0.15) - 0.15) < 1e-12, 'Katie\'s left: its lead over the right');
  assert.equal(lopsidedExcess(0.26, 0.41, 0.15), 0, 'Katie\'s right: none');
  assert.equal(lopsidedExcess(0.25, 0, 0.3), 0, 'a photo smiling more than the start: none');
  assert.ok(Math.abs(lopsidedExcess(0.5, 0.1, 0.3) - 0.2) < 1e-12, 'over the photo\'s own when it smiles more than the other side');
});
