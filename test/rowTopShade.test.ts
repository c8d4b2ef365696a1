import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rowTopLight, TOP_SHADE, TOP_SHADE_BAND, TOP_SHADE_GAPS } from '../src/render/mouth/rowTopShade.ts';

const UNIT = 100;

test('rowTopLight: a small opening shades the row right under the upper lip, softly, and not further down', () => {
  const gap = 0.12;
  const atLip = rowTopLight(0, UNIT, gap), half = rowTopLight(0.5 * TOP_SHADE_BAND * UNIT, UNIT, gap), past = rowTopLight(TOP_SHADE_BAND * UNIT + 1, UNIT, gap);
  assert.ok(Math.abs(atLip - (1 - TOP_SHADE)) < 1e-9, `at the lip line ${atLip}`);
  assert.ok(half > atLip && half < 1, `half way ${half} between ${atLip} and 1`);
  assert.equal(past, 1);
});

test('rowTopLight: a wide opening keeps the row lit up to the lip', () => {
  assert.equal(rowTopLight(0, UNIT, TOP_SHADE_GAPS[1] + 0.01), 1);
  assert.ok(rowTopLight(0, UNIT, (TOP_SHADE_GAPS[0] + TOP_SHADE_GAPS[1]) / 2) > 1 - TOP_SHADE);
});
