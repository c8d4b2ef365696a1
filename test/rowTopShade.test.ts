import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rowTopLight, rowTopShare, rowTopTone, TOP_SHADE, TOP_SHADE_BAND, TOP_SHADE_GAPS, TOP_TONE, topBand, TOP_ROW_SHARE } from '../src/render/mouth/rowTopShade.ts';

const UNIT = 100, BAND = topBand(UNIT, Infinity);

test('rowTopLight / rowTopTone: a small smile shades and tones the row right under the upper lip, softly, and not further down', () => {
  const small = rowTopShare(0.12, 1);
  assert.equal(small, 1);
  const atLip = rowTopLight(0, BAND, small), half = rowTopLight(0.5 * BAND, BAND, small), past = rowTopLight(BAND + 1, BAND, small);
  assert.ok(Math.abs(atLip - (1 - TOP_SHADE)) < 1e-9, `at the lip line ${atLip}`);
  assert.ok(half > atLip && half < 1, `half way ${half} between ${atLip} and 1`);
  assert.equal(past, 1);
  assert.ok(Math.abs(rowTopTone(0, BAND, small) - TOP_TONE) < 1e-9);
  assert.equal(rowTopTone(BAND + 1, BAND, small), 0);
});

test('rowTopShare: a wide opening keeps the row lit up to the lip, and so does speech showing only the biting edge', () => {
  assert.equal(rowTopShare(TOP_SHADE_GAPS[1] + 0.01, 1), 0);
  const mid = rowTopShare((TOP_SHADE_GAPS[0] + TOP_SHADE_GAPS[1]) / 2, 1);
  assert.ok(mid > 0 && mid < 1, `half way through the gaps ${mid}`);
  assert.equal(rowTopShare(0.1, 0), 0);
  assert.equal(rowTopShare(0.04, 1), 0, 'a slit');
  assert.equal(rowTopLight(0, BAND, 0), 1);
  assert.equal(rowTopTone(0, BAND, 0), 0);
});

test('topBand: the shade covers at most a share of a row cut thin by the driver, so its white edge stays', () => {
  assert.equal(topBand(UNIT, Infinity), TOP_SHADE_BAND * UNIT);
  assert.equal(topBand(UNIT, 4), TOP_ROW_SHARE * 4);
  assert.equal(rowTopLight(0.5 * 4, topBand(UNIT, 4), 1), 1);
});
