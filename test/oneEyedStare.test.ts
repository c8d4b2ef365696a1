// A one-eyed stare carried on its eye alone: one eye opened well over the other with white above its own iris
// (motion/oneEyedStare.ts, wink35 s35; lp_d6 f75-79).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RigControl } from '../src/rig/controls.ts';
import { oneEyedStareGate, oneEyedStareLevel, oneEyedStares, ONE_EYED_GAP_FULL, ONE_EYED_GAP_NONE } from '../src/motion/oneEyedStare.ts';
import { wideWithinOpening } from '../src/motion/lidsDecide.ts';
import { driverFitDefaults } from '../src/motion/retargetOptions.ts';

const near = (a: number, b: number, tol = 1e-9) => Math.abs(a - b) <= tol;

test('oneEyedStareGate: needs both the measured openings apart and white above the wide eye', () => {
  assert.equal(oneEyedStareGate(1.17, 0.93, 0.16, -0.04), 1); // lp_d6 f76
  assert.equal(oneEyedStareGate(1.06, 1.0, 0.14, 0.05), 0); // f78: the eyes opened alike, only the fit or the show differs
  assert.equal(oneEyedStareGate(1.17, 0.93, -0.12, -0.1), 0); // opened, but the lid still on the iris: no stare
  assert.equal(oneEyedStareGate(1.12, 0.94, 0.2, 0.1), 0); // both show white: a two-eyed stare, one eye more open (f155)
  assert.ok(oneEyedStareGate(1.08, 0.9, 0.02, -0.03) < 0.25, 'f195: .18 apart but hardly any white on the wide eye');
  assert.ok(near(oneEyedStareGate(1 + (ONE_EYED_GAP_NONE + ONE_EYED_GAP_FULL) / 2, 1, 0.2, -0.1), 0.5));
  assert.equal(oneEyedStareGate(1.2, 0.9, NaN, -0.1), 0);
  assert.equal(oneEyedStareGate(1.2, 0.9, 0.2, NaN), 0);
});

test('oneEyedStareLevel: the larger of the fit and the opening over rest, within the opening over the median', () => {
  assert.ok(near(oneEyedStareLevel(0.13, 1.17, 1.27), wideWithinOpening(1.17)), 'the fit under-reads: the opening over rest lifts it');
  assert.ok(near(oneEyedStareLevel(0.66, 1.08, 1.17), 0.66), 'the fit reads more: its reading');
  assert.ok(near(oneEyedStareLevel(0.9, 1.08, 1.1), wideWithinOpening(1.1)), 'never past the opening over the median');
});

test('oneEyedStares: raises only the wide eye of a one-eyed frame and takes its squint down by the gain', () => {
  const two = (a: number, b: number) => Float64Array.of(a, b);
  const out = new Map<RigControl, Float64Array>([['eyeWideLeft', two(0.17, 0.17)], ['eyeSquintLeft', two(0.3, 0.05)], ['eyeWideRight', two(0.17, 0.17)], ['eyeSquintRight', two(0.02, 0.02)]]);
  // frame 0: left 1.17 / right .93 of rest, the left shows white (a one-eyed stare); frame 1: both at 1.05, alike
  const shares: [Float64Array, Float64Array] = [two(1.17, 1.05), two(0.93, 1.05)];
  const overMedian: [Float64Array, Float64Array] = [two(1.27, 1.14), two(1.04, 1.14)];
  const shows: [Float64Array, Float64Array] = [two(0.16, 0.2), two(-0.04, 0.2)];
  oneEyedStares(out, [two(0.13, 0.6), two(0, 0.6)], shares, overMedian, shows, [0, 1]);
  const L = out.get('eyeWideLeft')!, R = out.get('eyeWideRight')!;
  assert.ok(near(L[0]!, wideWithinOpening(1.17)), `${L[0]}`);
  assert.equal(R[0], 0.17, 'the plain eye keeps its weight');
  assert.ok(near(out.get('eyeSquintLeft')![0]!, 0), 'the wide eye is not squinting');
  assert.deepEqual([L[1], R[1]], [0.17, 0.17], 'two eyes opened alike are the two-eyed rules\' business');
});

test('oneEyedStare is on by default and can be turned off', () => {
  assert.equal(driverFitDefaults().oneEyedStare, true);
  assert.equal(driverFitDefaults({ oneEyedStare: false }).oneEyedStare, false);
});
