// A driver's short lip closures survive the video path's smoothing (filters.ts closuresKept).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closuresKept, oneEuroZeroLag } from '../src/motion/filters.ts';

test('a closure of 2+ frames is kept through the smoothing, a one-frame dip is not', () => {
  const open = 0.3;
  const twoShut = [open, open, open, open, 0, 0, open, open, open, open];
  const smoothed = oneEuroZeroLag(twoShut, 25, 4, 0.5);
  assert.ok(smoothed[4]! > 0.05, `the smoothing alone fills the closure (${smoothed[4]!.toFixed(3)})`);
  const kept = closuresKept(twoShut, smoothed);
  assert.equal(kept[4], 0);
  assert.equal(kept[5], 0);
  // away from the closure the smoothed curve is what stays
  assert.equal(kept[1], smoothed[1]);

  const flicker = [open, open, open, open, 0, open, open, open, open, open];
  const keptFlicker = closuresKept(flicker, oneEuroZeroLag(flicker, 25, 4, 0.5));
  assert.ok(keptFlicker[4]! > 0.05, `a one-frame dip is a flicker of the measure (${keptFlicker[4]!.toFixed(3)})`);
});

test('closuresKept never opens the mouth wider than the smoothed curve', () => {
  const measured = [0.1, 0.5, 0.2, 0.6, 0.1, 0.4, 0.0, 0.3];
  const smoothed = oneEuroZeroLag(measured, 25, 4, 0.5);
  const kept = closuresKept(measured, smoothed);
  for (let i = 0; i < measured.length; i++) assert.ok(kept[i]! <= smoothed[i]! + 1e-12);
});
