// Both lids half lowered, read one-eyed (src/motion/halfLids.ts, wink33): the less lowered eye holds its own
// deepest weight over the event instead of flickering near open; winks, blinks, two lids lowered alike and a
// half lid beside an open eye are left as read. Shares (subject's left, right; of rest) are the driver tracks'
// own: lp_d11 f124-130, Katie's wink f21-28, lp_d14's laugh f217-224.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { halfLidFloors, halfLidsTogether } from '../src/motion/halfLids.ts';
import { blinkFromOpening } from '../src/motion/restFace.ts';

type Pair = [number, number];
const padded = (s: Pair[]): Pair[] => [...Array.from({ length: 3 }, (): Pair => [1, 1]), ...s, ...Array.from({ length: 3 }, (): Pair => [1, 1])];
const D11_HALF: Pair[] = [[0.99, 0.91], [0.91, 0.86], [0.66, 0.8], [0.52, 0.75], [0.58, 0.84], [0.85, 0.93], [0.89, 0.93]];
const KATIE_WINK: Pair[] = [[0.86, 0.86], [0.92, 0.94], [0.48, 0.53], [0.34, 0.17], [0.41, 0.38], [0.54, 0.46], [0.62, 0.62], [0.74, 0.62]];
const D14_LAUGH: Pair[] = [[0.89, 1.02], [0.58, 0.67], [0.63, 0.72], [0.62, 0.72], [0.69, 0.71], [0.68, 0.66], [0.67, 0.71], [0.85, 0.93]];
const none = (f: [Float64Array, Float64Array]) => f.every((eye) => eye.every(Number.isNaN));

test('lp_d11 f126-128: the right eye holds its deepest weight over the half-lid event, the left is left as read', () => {
  const shares = padded(D11_HALF);
  const [left, right] = halfLidFloors(shares);
  assert.ok(left.every(Number.isNaN));
  const hold = blinkFromOpening(0.75);
  for (let i = 0; i < shares.length; i++) assert.equal(Number.isNaN(right[i]!) ? 'none' : right[i], i >= 5 && i <= 7 ? hold : 'none', `frame ${i}`);
  // in place: f128's flicker (.84 of rest, weight .03) is taken up, f127's own reading kept
  const blinks: [Float64Array, Float64Array] = [Float64Array.from(shares, (s) => blinkFromOpening(s[0])), Float64Array.from(shares, (s) => blinkFromOpening(s[1]))];
  halfLidsTogether(blinks, shares);
  assert.ok(blinks[1][7]! > 0.25 && blinkFromOpening(0.84) < 0.05);
  assert.equal(blinks[1][6], hold);
  assert.equal(blinks[0][6], blinkFromOpening(0.52));
});

test('winks, lids lowered alike and a half lid beside an open eye are left as read', () => {
  assert.ok(none(halfLidFloors(padded(KATIE_WINK))), 'a wink reads deep');
  assert.ok(none(halfLidFloors(padded(D14_LAUGH))), 'two lids lowered alike are two-eyed already');
  assert.ok(none(halfLidFloors(padded(D11_HALF.map(([l]): Pair => [l, 0.95])))), 'the other eye never lowered');
  assert.ok(none(halfLidFloors(padded(D11_HALF.map(([l, r], i): Pair => [i === 3 ? 0.3 : l, r])))), 'a blink reaching shut');
});
