// A smile's raised lower lid is a squint, not a blink (motion/lowerLid.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lidHeights, lowerLidRise, lowerLidRises, smileGate, smileSquint, RISE_NOISE, RENDERED_RISE_AT_FULL, type Lids } from '../src/motion/lowerLid.ts';
import { EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER, LANDMARK_COUNT } from '../src/rig/topology.ts';

/** Canonical landmarks (y down) with both eyes' corners at y 0, upper lids' middles at -up, lower lids' at +low. */
function eyes(up: number, low: number): Float64Array {
  const c = new Float64Array(LANDMARK_COUNT * 3);
  for (const [U, L] of [[EYE_L_UPPER, EYE_L_LOWER], [EYE_R_UPPER, EYE_R_LOWER]] as const) {
    for (const k of [3, 4, 5]) { c[U[k]! * 3 + 1] = -up; c[L[k]! * 3 + 1] = low; }
  }
  return c;
}

const REST: Lids = { upper: 0.065, lower: 0.031 };

test('lidHeights reads each lid against the eye corners, in the head frame', () => {
  const [l, r] = lidHeights(eyes(0.06, 0.03));
  assert.ok(Math.abs(l.upper - 0.06) < 1e-12 && Math.abs(l.lower - 0.03) < 1e-12);
  assert.deepEqual(l, r);
});

test('a lower lid that rose is a squint; a closing upper lid is a blink and its lower lid\'s rise does not count', () => {
  const gap = REST.upper + REST.lower;
  // lp_d0's squinting grin: lower lid up 0.015 of a 0.096 opening, upper lid down a little
  const grin = lowerLidRise({ upper: 0.056, lower: 0.016 }, REST);
  assert.ok(Math.abs(grin - 0.015 / gap) < 1e-12, `rise ${grin.toFixed(3)}`);
  // his blink at 2.6 s: upper lid past the corners, lower lid up 0.02
  assert.equal(lowerLidRise({ upper: -0.009, lower: 0.011 }, REST), 0, 'a blink is not a squint');
  // a lid that sank (a look down) is no squint either
  assert.equal(lowerLidRise({ upper: 0.065, lower: 0.04 }, REST), 0);
});

test('the squint from the lower lid needs a smile and a rise past the noise', () => {
  assert.equal(smileSquint(RISE_NOISE, 1), 0, 'within the noise: none');
  assert.equal(smileSquint(0.16, 0), 0, 'no smile: left to the rig fit');
  assert.ok(Math.abs(smileSquint(RISE_NOISE + RENDERED_RISE_AT_FULL / 2, 0.8) - 0.5) < 1e-12, 'half the rendered full rise: half a squint');
  assert.ok(Math.abs(smileSquint(RISE_NOISE + RENDERED_RISE_AT_FULL / 2, 0.25) - 0.25) < 1e-12, 'a half smile holds half');
  assert.equal(smileSquint(1, 1), 1);
  assert.equal(smileGate(0), 0);
  assert.equal(smileGate(-0.3), 0, 'a signed smile below rest vouches for nothing');
  assert.equal(smileGate(0.9), 1);
});

test('lowerLidRises: the rest is the open eye (the blink\'s rest rule), so a clip-long grin still reads as risen', () => {
  // 3 rest frames, then 8 frames of a grin with the lower lid up, then 2 rest frames
  const frames: [Lids, Lids][] = [];
  const lid = (lower: number): [Lids, Lids] => [{ upper: 0.065, lower }, { upper: 0.065, lower }];
  for (let i = 0; i < 3; i++) frames.push(lid(0.031));
  for (let i = 0; i < 8; i++) frames.push(lid(0.016));
  for (let i = 0; i < 2; i++) frames.push(lid(0.03));
  const have = frames.map((_f, i) => i);
  const [l] = lowerLidRises(frames, have);
  assert.ok(l[5]! > 0.14, `grin rise ${l[5]!.toFixed(3)} against the open-eye rest`);
  assert.ok(l[0]! < 0.02 && l[12]! < 0.02, `rest frames ${l[0]!.toFixed(3)} ${l[12]!.toFixed(3)}`);
});
