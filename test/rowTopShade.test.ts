import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rowTopLight, rowTopShare, rowTopTone, TOP_SHADE, TOP_SHADE_BAND, TOP_SHADE_GAPS, TOP_TONE } from '../src/render/mouth/rowTopShade.ts';

const UNIT = 100;

test('rowTopLight / rowTopTone: a small smile shades and tones the row right under the upper lip, softly, and not further down', () => {
  const small = rowTopShare(0.12, 1);
  assert.equal(small, 1);
  const atLip = rowTopLight(0, UNIT, small), half = rowTopLight(0.5 * TOP_SHADE_BAND * UNIT, UNIT, small), past = rowTopLight(TOP_SHADE_BAND * UNIT + 1, UNIT, small);
  assert.ok(Math.abs(atLip - (1 - TOP_SHADE)) < 1e-9, `at the lip line ${atLip}`);
  assert.ok(half > atLip && half < 1, `half way ${half} between ${atLip} and 1`);
  assert.equal(past, 1);
  assert.ok(Math.abs(rowTopTone(0, UNIT, small) - TOP_TONE) < 1e-9);
  assert.equal(rowTopTone(TOP_SHADE_BAND * UNIT + 1, UNIT, small), 0);
});

test('rowTopShare: a wide opening keeps the row lit up to the lip, and so does speech showing only the biting edge', () => {
  assert.equal(rowTopShare(TOP_SHADE_GAPS[1] + 0.01, 1), 0);
  const mid = rowTopShare((TOP_SHADE_GAPS[0] + TOP_SHADE_GAPS[1]) / 2, 1);
  assert.ok(mid > 0 && mid < 1, `half way through the gaps ${mid}`);
  assert.equal(rowTopShare(0.1, 0), 0);
  assert.equal(rowTopLight(0, UNIT, 0), 1);
  assert.equal(rowTopTone(0, UNIT, 0), 0);
});
