// A stare the fit reads on one eye, carried on both where the other eye is as open (motion/twoEyedStare.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { carriedStare, medianShares, stareCarry, twoEyedStares, twoEyedStaresOverMedian, STARE_SPLIT_FULL, STARE_SPLIT_NONE } from '../src/motion/twoEyedStare.ts';
import { driverFitDefaults } from '../src/motion/retargetOptions.ts';
import type { RigControl } from '../src/rig/controls.ts';

const near = (a: number, b: number) => Math.abs(a - b) < 1e-12;

test('the weaker eye takes the wider eye\'s eyeWide where it is as open (lp_d6 f70 .98 / 1.04, f151 .96 / 1.08)', () => {
  // f70: the fit's stare on the left eye, the right eye more open still
  assert.deepEqual(carriedStare([0.2, 0.01], [0.1, 0.02], [0.98, 1.04]).wide, [0.2, 0.2]);
  // f151: the stare on the right eye, the left .04 under rest (within STARE_SPLIT_FULL of it)
  assert.deepEqual(carriedStare([0, 0.3], [0.05, 0], [0.96, 1.08]).wide, [0.3, 0.3]);
  // what the weaker eye gains comes off its squint (a wide eye is not squinting)
  const r = carriedStare([0, 0.3], [0.25, 0], [0.96, 1.08]);
  assert.ok(near(r.squint[0], 0) && r.squint[1] === 0, `${r.squint}`);
  const s = carriedStare([0.1, 0.3], [0.25, 0], [0.96, 1.08]);
  assert.ok(near(s.squint[0], 0.05), `${s.squint}`);
});

test('an eye narrower than the wide one keeps its own reading (a squint beside a stare: lp_d6 f165 .98 / .81; a wink)', () => {
  assert.deepEqual(carriedStare([0.3, 0.02], [0, 0.55], [0.98, 0.81]), { wide: [0.3, 0.02], squint: [0, 0.55] });
  assert.deepEqual(carriedStare([0.15, 0], [0, 0.2], [1.02, 0.35]).wide, [0.15, 0]);
  // the fade between: half of the stare half-way
  assert.ok(near(stareCarry(1 - (STARE_SPLIT_FULL + STARE_SPLIT_NONE) / 2, 1.1), 0.5));
  assert.equal(stareCarry(1 - STARE_SPLIT_NONE, 1.1), 0);
  assert.equal(stareCarry(1 - STARE_SPLIT_FULL, 1.1), 1);
  // the reference is the wider eye's opening, or rest if it is over it
  assert.equal(stareCarry(0.9 - STARE_SPLIT_NONE, 0.9), 0);
  // never lowers an eye's own reading
  assert.deepEqual(carriedStare([0.4, 0.35], [0, 0], [1, 1]).wide, [0.4, 0.4]);
  assert.deepEqual(carriedStare([0.5, 0.3], [0, 0], [1, 0.7]).wide, [0.5, 0.3]);
});

test('twoEyedStares over the frames given (on by default)', () => {
  const out = new Map<RigControl, Float64Array>([['eyeWideLeft', Float64Array.of(0.2, 0, 0)], ['eyeSquintLeft', Float64Array.of(0, 0, 0)], ['eyeWideRight', Float64Array.of(0, 0.3, 0)], ['eyeSquintRight', Float64Array.of(0, 0, 0.4)]]);
  twoEyedStares(out, [Float64Array.of(1, 0.96, 1), Float64Array.of(1.05, 1.08, 0.8)], [0, 1]);
  assert.deepEqual([...out.get('eyeWideLeft')!], [0.2, 0.3, 0]);
  assert.deepEqual([...out.get('eyeWideRight')!], [0.2, 0.3, 0]);
  // no frames given: nothing moves; missing channels: no throw
  twoEyedStares(new Map(), [Float64Array.of(1), Float64Array.of(1)], [0]);
  assert.equal(driverFitDefaults().twoEyedStare, true);
  assert.equal(driverFitDefaults({ twoEyedStare: false }).twoEyedStare, false);
});

test('stareOverMedian (on since s34, with the show gate): a two-eyed stare may pass the cap, within the opening over the median; a one-eyed one may not', () => {
  const out = () => new Map<RigControl, Float64Array>([['eyeWideLeft', Float64Array.of(0, 0.08)], ['eyeSquintLeft', Float64Array.of(0.1, 0)], ['eyeWideRight', Float64Array.of(0.22, 0.03)], ['eyeSquintRight', Float64Array.of(0, 0.55)]]);
  // f151-like: uncapped .83 on the right, both eyes at rest (.96 / 1.08) and 1.2 of their medians: both to .8
  // f165-like: the other eye narrowed (.81 of rest) beside a .78 reading: nothing added
  const o = out();
  twoEyedStaresOverMedian(o, [Float64Array.of(0, 0.78), Float64Array.of(0.83, 0.1)], [Float64Array.of(0.96, 0.98), Float64Array.of(1.08, 0.81)], [Float64Array.of(1.1, 1.3), Float64Array.of(1.2, 1)], [0, 1]);
  assert.ok(near(o.get('eyeWideLeft')![0]!, 0.8) && near(o.get('eyeWideRight')![0]!, 0.8), `${o.get('eyeWideLeft')} ${o.get('eyeWideRight')}`);
  assert.equal(o.get('eyeSquintLeft')![0], 0);
  assert.deepEqual([o.get('eyeWideLeft')![1], o.get('eyeWideRight')![1]], [0.08, 0.03]);
  assert.deepEqual([...medianShares([Float64Array.of(1, 2, 4), Float64Array.of(3, 3, 6)], [0, 1, 2])[0]], [0.5, 1, 2]);
  assert.equal(driverFitDefaults().stareOverMedian, true);
  assert.equal(driverFitDefaults().stareShowGate, true);
});
