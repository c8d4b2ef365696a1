// s37 (issue #13, lowrow37): the driver's lower row read beside the middle (motion/lowerSide.ts). lp_d6 f60/f64 show her
// tongue over the lower incisors and lower teeth to one side of it: the middle reading (lowerTeeth.ts) read none and lp_s42
// showed no lower row. The side reading must see them, and must not take an upper row's side teeth reaching down to the
// lower lip at a small parting (lp_d6 f120-f140) for lower teeth.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lowerRowShow } from '../src/motion/lowerTeeth.ts';
import { columnSeparateLowerRun, lowerShowWithSides, lowerSideShow, sideBands } from '../src/motion/lowerSide.ts';
import { drawnMouth } from './drawnMouth.ts';

type Rgb = [number, number, number];
const WHITE: Rgb = [235, 232, 225], DARK: Rgb = [60, 25, 30], TONGUE: Rgb = [225, 140, 145];

test('a side column: a lower run parted from the teeth above counts, one joined to them does not', () => {
  const N = NaN;
  assert.equal(columnSeparateLowerRun([N, 1, 1, 0, 0, 0, 0, 1, 1, 0, N]), 2 / 9);
  assert.equal(columnSeparateLowerRun([1, 1, 1, 1, 0, 1, 1, 1, 0]), 0, 'the upper row down to the lip, a one-pixel line in it');
  assert.equal(columnSeparateLowerRun([1, 1, 1, 1, 1, 1, 1, 1]), 0, 'a bite');
  assert.equal(columnSeparateLowerRun([0, 0, 0, 0, 0, 0, 0, 0]), 0);
  assert.equal(columnSeparateLowerRun([1, 1, 0]), null);
});

test('the side bands lie either side of the middle, clipped to the image', () => {
  assert.deepEqual(sideBands(100, 50, 400), [[65, 85], [115, 135]]);
  assert.deepEqual(sideBands(10, 50, 400)[0], [0, -5]);
});

test('a tongue over the lower incisors, lower teeth beside it: the middle reads none, the side reads them', () => {
  // (the drawn opening: 120 x 40 px; the tongue over the middle third, lower teeth 8 px tall along the lip outside it)
  const { img, lm } = drawnMouth(400, (y, top, bottom, x) => (y < top + 6 ? WHITE : Math.abs(x) < 18 ? (y > bottom - 14 ? TONGUE : DARK) : y > bottom - 8 ? WHITE : DARK));
  const middle = lowerRowShow(img, lm)!, side = lowerSideShow(img, lm)!;
  assert.equal(middle, 0);
  assert.ok(side > 0.15 && side < 0.3, `side ${side}: the 8 px run over the middle's ~40 px height`);
  assert.equal(lowerShowWithSides(middle, side, 0.2), side, 'an upper row bared in the middle: the side stands in');
  assert.equal(lowerShowWithSides(0.3, side, 0.2), 0.3);
  assert.equal(lowerShowWithSides(middle, side, 0), 0, 'the upper lip over the upper row (lp_d6 f163-f171): the middle alone');
  assert.equal(lowerShowWithSides(null, side, null), null);
  assert.equal(lowerShowWithSides(null, null, 0.2), null);
});

test('an upper row whose side teeth reach the lower lip reads no lower teeth beside the middle', () => {
  const { img, lm } = drawnMouth(400, (y, top, bottom, x) => (Math.abs(x) < 18 ? (y < top + 12 ? WHITE : DARK) : y < bottom - 1 ? WHITE : DARK));
  assert.equal(lowerSideShow(img, lm), 0);
});
