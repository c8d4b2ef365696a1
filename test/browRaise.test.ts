// Brows carried as far as the driver's rose (src/motion/browRetarget.ts raisesFromRise, issue #14,
// critic15: the brows followed the driver at about half, lp_d6 rise 0.039 against 0.071).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RigControl } from '../src/rig/controls.ts';
import { browCaps, outerForRise, raiseFromRise, raisesFromRise, raiseWithinRendered, INNER_SHARE, OUTER_SHARE, RENDERED_RAISE_PER_WEIGHT, RAISE_NOISE, type BrowRest } from '../src/motion/browRetarget.ts';

test('a brow rise asks for the raise weight that renders it; the frame-to-frame play asks for none', () => {
  assert.equal(raiseFromRise(0), 0);
  assert.equal(raiseFromRise(RAISE_NOISE), 0, 'the measure\'s play is no raise');
  assert.equal(raiseFromRise(-0.03), 0, 'brows that came down: no raise');
  const w = raiseFromRise(0.04);
  assert.ok(Math.abs(w * RENDERED_RAISE_PER_WEIGHT - (0.04 - RAISE_NOISE)) < 1e-12, 'the rendered rise is the driver\'s (less the play)');
  assert.equal(raiseFromRise(0.5), 1, 'at most a full raise');
});

test('raises follow the brows the fit read weakly: each outer raise from its own brow, the inner from the lower', () => {
  // Katie's highest brows: the fit read outer raises of 0.2-0.3 where her brows rose ~0.05 over rest
  const have = [0, 1, 2];
  const out = new Map<RigControl, Float64Array>([
    ['browInnerUp', Float64Array.from([0, 0.3, 0])],
    ['browOuterUpLeft', Float64Array.from([0, 0.2, 0.1])],
    ['browOuterUpRight', Float64Array.from([0, 0.25, 0.1])],
  ]);
  const rest: BrowRest = { frown: [0.3, 0.3], raise: [0.29, 0.29] };
  const brows = [Float64Array.from([0.3, 0.35, 0.36]), Float64Array.from([0.3, 0.35, 0.3])];
  raisesFromRise(out, have, brows, rest);
  const at = (c: RigControl, i: number) => out.get(c)![i]!;
  assert.deepEqual([at('browInnerUp', 0), at('browOuterUpLeft', 0), at('browOuterUpRight', 0)], [0, 0, 0], 'brows at rest: nothing added');
  assert.ok(Math.abs(at('browOuterUpLeft', 1) - raiseFromRise(0.05)) < 1e-12 && at('browOuterUpLeft', 1) > 0.4, `a 0.05 rise raises ${at('browOuterUpLeft', 1).toFixed(2)}, not the fit's 0.2`);
  assert.ok(at('browOuterUpRight', 1) > 0.4 && at('browInnerUp', 1) > 0.4, 'both sides and the inner raise');
  assert.equal(at('browInnerUp', 2), 0, 'one brow up: no inner raise (it would lift the other brow\'s head too)');
  assert.equal(at('browOuterUpRight', 2), 0.1, 'the brow that did not rise gets nothing');
  // the raised brow carries its whole rise on its outer raise: at the measured points, as much as inner + outer would
  const w = raiseFromRise(0.06), o = at('browOuterUpLeft', 2);
  assert.ok(Math.abs(OUTER_SHARE * o - (INNER_SHARE + OUTER_SHARE) * w) < 1e-9 || o === 1, `outer ${o.toFixed(2)} for a rise asking ${w.toFixed(2)} of both`);
});

test('the outer raise for a rise: as asked when the inner raise shares it, more when it does not, at most 1', () => {
  assert.ok(Math.abs(outerForRise(0.3, 0.3) - 0.3) < 1e-12);
  assert.ok(Math.abs(outerForRise(0.3, 0.5) - 0.3) < 1e-12, 'a stronger inner raise does not lower the outer one');
  assert.ok(Math.abs(outerForRise(0.2, 0) - 0.2 * (INNER_SHARE + OUTER_SHARE) / OUTER_SHARE) < 1e-12);
  assert.equal(outerForRise(0.9, 0), 1);
});

test('the inner raise within the lower brow\'s rise: lp_d0\'s one brow a little up on a grin lifts neither inner head', () => {
  // lp_d0's grin at 1.3 s: left brow 0.018 up, right 0.003 under rest, the fit's inner raise 0.3 (critic15/16's "knotted brows" on st_art_1)
  const have = [0, 1];
  const rest: BrowRest = { frown: [0.3, 0.3], raise: [0.3, 0.3] };
  const brows = [Float64Array.from([0.3, 0.318]), Float64Array.from([0.3, 0.297])];
  const opts = { frownWithinDrop: true, raiseWithinRise: true, oneSidedBrows: true };
  const inner = Float64Array.from([0, 0.3]);
  browCaps('browInnerUp', inner, have, brows, rest, opts);
  assert.equal(inner[1], 0);
  const both = Float64Array.from([0, 0.3]);
  browCaps('browInnerUp', both, have, brows, rest, { ...opts, oneSidedBrows: false });
  assert.ok(both[1]! > 0.1, 'from both brows\' mean rise it stays');
});

test('raiseAbsolute: the fit\'s raise no higher than the weight that renders the driver\'s rise, the same rise the same raise on any driver', () => {
  // Katie f186: brows .036 over rest, the fit's inner raise at its read-back gain .96; vrt4 f43 / lp_d10: .09 over rest
  const have = [0, 1, 2];
  const rest: BrowRest = { frown: [0.3, 0.3], raise: [0.3, 0.3] };
  const brows = [Float64Array.from([0.3, 0.336, 0.39]), Float64Array.from([0.3, 0.336, 0.39])];
  const opts = { frownWithinDrop: true, raiseWithinRise: true, oneSidedBrows: true };
  const capped = (fit: number[], o: object) => { const ch = Float64Array.from(fit); browCaps('browInnerUp', ch, have, brows, rest, { ...opts, ...o }); return Array.from(ch); };
  const before = capped([0, 0.96, 1], {}), after = capped([0, 0.96, 1], { raiseAbsolute: true });
  assert.equal(before[1], 0.96, 'before: a .036 rise let a near-full raise through (the cap allowed full from .03)');
  assert.ok(Math.abs(after[1]! - 0.036 / RENDERED_RAISE_PER_WEIGHT) < 1e-9, `a .036 rise: ${after[1]!.toFixed(2)}`);
  assert.ok(after[2]! > 0.85, `a big (.09) rise still a big raise: ${after[2]!.toFixed(2)}`);
  // two drivers whose fits read the same rise differently (.96 vs .6) get the same raise
  assert.deepEqual(capped([0, 0.6, 1], { raiseAbsolute: true })[1], after[1]);
  // a weak fit reading is not lifted by the cap (raisesFromRise is the floor, not browCaps)
  assert.equal(capped([0, 0.2, 0.2], { raiseAbsolute: true })[1], 0.2);
  assert.equal(raiseWithinRendered(0.5, -0.02), 0, 'brows that came down: no raise');
});
