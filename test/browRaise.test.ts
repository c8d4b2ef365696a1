// Brows carried as far as the driver's rose (src/motion/browRetarget.ts raisesFromRise, issue #14,
// critic15: the brows followed the driver at about half, lp_d6 rise 0.039 against 0.071).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RigControl } from '../src/rig/controls.ts';
import { raiseFromRise, raisesFromRise, RENDERED_RAISE_PER_WEIGHT, RAISE_NOISE, type BrowRest } from '../src/motion/browRetarget.ts';

test('a brow rise asks for the raise weight that renders it; the frame-to-frame play asks for none', () => {
  assert.equal(raiseFromRise(0), 0);
  assert.equal(raiseFromRise(RAISE_NOISE), 0, 'the measure\'s play is no raise');
  assert.equal(raiseFromRise(-0.03), 0, 'brows that came down: no raise');
  const w = raiseFromRise(0.04);
  assert.ok(Math.abs(w * RENDERED_RAISE_PER_WEIGHT - (0.04 - RAISE_NOISE)) < 1e-12, 'the rendered rise is the driver\'s (less the play)');
  assert.equal(raiseFromRise(0.5), 1, 'at most a full raise');
});

test('raises follow the brows the fit read weakly: each outer raise from its own brow, the inner from the higher', () => {
  // Katie's highest brows: the fit read outer raises of 0.2-0.3 where her brows rose ~0.05 over rest
  const have = [0, 1, 2];
  const out = new Map<RigControl, Float64Array>([
    ['browInnerUp', Float64Array.from([0, 0.3, 0.3])],
    ['browOuterUpLeft', Float64Array.from([0, 0.2, 0.9])],
    ['browOuterUpRight', Float64Array.from([0, 0.25, 0.1])],
  ]);
  const rest: BrowRest = { frown: [0.3, 0.3], raise: [0.29, 0.29] };
  const brows = [Float64Array.from([0.3, 0.35, 0.36]), Float64Array.from([0.3, 0.35, 0.3])];
  raisesFromRise(out, have, brows, rest);
  const at = (c: RigControl, i: number) => out.get(c)![i]!;
  assert.deepEqual([at('browInnerUp', 0), at('browOuterUpLeft', 0), at('browOuterUpRight', 0)], [0, 0, 0], 'brows at rest: nothing added');
  assert.ok(Math.abs(at('browOuterUpLeft', 1) - raiseFromRise(0.05)) < 1e-12 && at('browOuterUpLeft', 1) > 0.4, `a 0.05 rise raises ${at('browOuterUpLeft', 1).toFixed(2)}, not the fit's 0.2`);
  assert.ok(at('browOuterUpRight', 1) > 0.4 && at('browInnerUp', 1) > 0.4, 'both sides and the inner raise');
  assert.equal(at('browOuterUpLeft', 2), 0.9, 'a stronger fit reading stays');
  assert.equal(at('browOuterUpRight', 2), 0.1, 'the brow that did not rise gets nothing');
  assert.ok(Math.abs(at('browInnerUp', 2) - raiseFromRise(0.06)) < 1e-12, 'the inner raise from the higher brow (oneSidedBrows takes it back on the other side)');
});

test('a brow that rose within the measure\'s play does not make a raise one-sided: no take-back frown on the other side', async () => {
  const { innerRaiseTakenBack, oneSidedRaise, ONE_SIDED_RISE_FROM, ONE_SIDED_RISE_FULL } = await import('../src/motion/browDrop.ts');
  // lp_d0's grin at 1.3 s: left brow 0.018 up, right 0.003 under rest, inner raise 0.3 (critic15's "knotted brows" on st_art_1)
  assert.equal(innerRaiseTakenBack(0.3, -0.003, 0.018), 0, 'no frown on the side that rose less');
  assert.equal(oneSidedRaise(ONE_SIDED_RISE_FROM), 0);
  assert.equal(oneSidedRaise(ONE_SIDED_RISE_FULL), 1);
  // lp_d6's one-sided raise at 7.4 s: left 0.085 up, right 0.006 under: the right side takes the inner raise back
  assert.ok(innerRaiseTakenBack(0.6, -0.006, 0.085) > 0.35, 'a real one-sided raise keeps its take-back');
});
