// The stare past the eyes30 cap let through only as far as the driver's lids show white above both irises (motion/stareShowGate.ts, s34).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RigControl } from '../src/rig/controls.ts';
import { stareShowGate, STARE_SHOW_FULL, STARE_SHOW_NONE } from '../src/motion/stareShowGate.ts';
import { twoEyedStaresOverMedian } from '../src/motion/twoEyedStare.ts';

const near = (a: number, b: number, tol = 1e-9) => Math.abs(a - b) <= tol;

test('stareShowGate: none with the iris top covered, all with white above both irises, by the lesser eye', () => {
  assert.equal(stareShowGate(-0.17, -0.1), 0); // lp_d14's median open eye
  assert.equal(stareShowGate(0.16, 0.26), 1); // lp_d6 f70's stare
  assert.equal(stareShowGate(0.3, -0.2), 0); // one eye's show alone is not a stare
  assert.ok(near(stareShowGate((STARE_SHOW_NONE + STARE_SHOW_FULL) / 2, 1), 0.5));
  assert.equal(stareShowGate(NaN, 0.2), 0);
});

test('twoEyedStaresOverMedian with a gate: 0 leaves the capped weights, 1 the ungated rise, between in proportion', () => {
  const out = () => new Map<RigControl, Float64Array>([['eyeWideLeft', Float64Array.of(0.2, 0.2, 0.2)], ['eyeSquintLeft', Float64Array.of(0.1, 0.1, 0.1)], ['eyeWideRight', Float64Array.of(0.22, 0.22, 0.22)], ['eyeSquintRight', Float64Array.of(0, 0, 0)]]);
  // three alike frames (a two-eyed stare, uncapped .83, 1.2 of the median): the ungated level is .8
  const three = (v: number) => Float64Array.of(v, v, v);
  const run = (o: Map<RigControl, Float64Array>, gate?: Float64Array) => twoEyedStaresOverMedian(o, [three(0.8), three(0.83)], [three(1), three(1.02)], [three(1.2), three(1.2)], [0, 1, 2], gate);
  const free = out(), gated = out();
  run(free);
  run(gated, Float64Array.of(0, 0.5, 1));
  const L = gated.get('eyeWideLeft')!, R = gated.get('eyeWideRight')!;
  assert.ok(near(free.get('eyeWideLeft')![0]!, 0.8), `${free.get('eyeWideLeft')}`);
  assert.deepEqual([L[0], R[0], gated.get('eyeSquintLeft')![0]], [0.2, 0.22, 0.1]);
  assert.ok(near(L[1]!, 0.5) && near(R[1]!, 0.51), `${L[1]} ${R[1]}`);
  assert.ok(near(gated.get('eyeSquintLeft')![1]!, 0), 'the squint gives way by what the lid rose');
  assert.ok(near(L[2]!, free.get('eyeWideLeft')![2]!) && near(R[2]!, free.get('eyeWideRight')![2]!));
});
