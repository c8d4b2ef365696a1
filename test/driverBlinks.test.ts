// A driver's blinks as the video path reads them (src/motion/restFace.ts, framesFromRaw.ts): the
// mapping from eye opening to blink weight, both eyes taken as one blink unless the other eye is open
// (a wink), and blink peaks kept through the smoothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blinkFromOpening, pairBlinks, BLINK_START, BLINK_SHUT } from '../src/motion/restFace.ts';
import { median3 } from '../src/motion/filters.ts';

test('blink weight from eye opening: 0 when open, 1 where the face mesh reads a shut eye, monotone between', () => {
  assert.equal(blinkFromOpening(1), 0);
  assert.equal(blinkFromOpening(BLINK_START), 0);
  assert.equal(blinkFromOpening(BLINK_SHUT), 1);
  // the deepest frames of real blinks read 0.09-0.28 of the rest opening: all shut
  for (const share of [0.09, 0.17, 0.25, 0.28]) assert.ok(blinkFromOpening(share) > 0.95, `share ${share}`);
  let last = -1;
  for (let s = 1.2; s >= 0; s -= 0.05) {
    const b = blinkFromOpening(s);
    assert.ok(b >= last, `monotone at ${s}`);
    last = b;
  }
});

test('pairing blinks: an under-read eye joins the other; a wink stays a wink; weights add back up', () => {
  const both = pairBlinks(1, 0.35);
  assert.ok(both.blink > 0.99 && both.eyeBlinkLeft < 0.01 && both.eyeBlinkRight < 0.01, JSON.stringify(both));
  const wink = pairBlinks(0.05, 1);
  assert.ok(Math.abs(wink.blink - 0.05) < 1e-9 && Math.abs(wink.eyeBlinkRight - 0.95) < 1e-9 && wink.eyeBlinkLeft === 0, JSON.stringify(wink));
  // in between, the weaker eye moves part of the way; neither eye ever reads less than it did
  for (const [l, r] of [[0.2, 0.9], [0.9, 0.15], [0.5, 0.5], [0, 0]] as const) {
    const p = pairBlinks(l, r);
    assert.ok(p.blink + p.eyeBlinkLeft >= l - 1e-12 && p.blink + p.eyeBlinkRight >= r - 1e-12, `${l}/${r}: ${JSON.stringify(p)}`);
    assert.ok(p.blink + Math.max(p.eyeBlinkLeft, p.eyeBlinkRight) <= Math.max(l, r) + 1e-12, 'never past the more closed eye');
  }
});

test('median of three: a one-frame flicker goes, a two-frame blink stays', () => {
  assert.deepEqual([...median3([0, 0, 1, 0, 0])], [0, 0, 0, 0, 0]);
  assert.deepEqual([...median3([0, 0, 1, 1, 0, 0])], [0, 0, 1, 1, 0, 0]);
  assert.deepEqual([...median3([0.2, 0.9, 0.4])], [0.2, 0.4, 0.4]);
});
