// Wide eyes or a squint, decided by the measured lid opening (motion/lidsDecide.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lidsDecide, lidsDecideAll, NARROW_FULL, WIDE_READ_SPAN, wideWithinOpening } from '../src/motion/lidsDecide.ts';
import type { RigControl } from '../src/rig/controls.ts';

const uncapped = (wide: number, squint: number, share: number) => lidsDecide(wide, squint, share);
const capped = (wide: number, squint: number, share: number) => lidsDecide(wide, squint, share, share);

test('an eye narrower than at rest keeps its squint over a wide reading; an open one keeps the wide reading (uncapped)', () => {
  // read as both (lp_d6): narrowed past NARROW_FULL, the squint stays whole and the wide goes
  assert.deepEqual(uncapped(0.74, 0.52, 1 - 1.5 * NARROW_FULL), [0, 0.52]);
  // at or above rest: as wideOverSquint, the squint only past the wide reading
  assert.deepEqual(uncapped(0.74, 0.52, 1.1), [0.74, 0]);
  assert.deepEqual(uncapped(0.2, 0.52, 1).map((v) => Number(v.toFixed(12))), [0.2, 0.32]);
  // half-way narrowed: half the wide reading kept, the squint past it
  const [w, s] = uncapped(0.4, 0.5, 1 - NARROW_FULL / 2);
  assert.ok(Math.abs(w - 0.2) < 1e-12 && Math.abs(s - 0.3) < 1e-12, `${w} ${s}`);
  // no squint read: nothing invented
  assert.deepEqual(uncapped(0.3, 0, 0.7), [0, 0]);
});

test("eyeWide no more than the eye opened over its rest (lp_d6 f70: .99 / 1.05 of rest read eyeWide .35 / .06, a one-eyed stare on lp_s42)", () => {
  assert.equal(capped(0.35, 0.15, 0.99)[0], 0);
  assert.ok(Math.abs(capped(0.35, 0.15, 1.05)[0] - 0.05 / WIDE_READ_SPAN) < 1e-12);
  // a real stare opens past the rendered eyeWide's reach: the fit's reading kept whole
  assert.deepEqual(capped(0.74, 0.2, 1 + WIDE_READ_SPAN), [0.74, 0]);
  // the squint is decided on the fit's wide reading, as before the cap
  assert.deepEqual(capped(0.74, 0.52, 1.1)[1], uncapped(0.74, 0.52, 1.1)[1]);
  assert.equal(capped(0.2, 0.52, 0.95)[1], uncapped(0.2, 0.52, 0.95)[1]);
  assert.equal(wideWithinOpening(0.5), 0);
  assert.equal(wideWithinOpening(2), 1);
});

test('the cap reads the more open eye: a stare the mesh reads on one eye keeps both eyes wide (lp_d10 f10: 1.13 / .99 of rest, eyeWide .70 / .66)', () => {
  const out = new Map<RigControl, Float64Array>([['eyeWideLeft', Float64Array.of(0.7, 0.35)], ['eyeSquintLeft', Float64Array.of(0, 0)], ['eyeWideRight', Float64Array.of(0.66, 0.06)], ['eyeSquintRight', Float64Array.of(0, 0)]]);
  // f10, and lp_d6 f70 (.99 / 1.05)
  lidsDecideAll(out, [Float64Array.of(1.13, 0.99), Float64Array.of(0.99, 1.05)], [0, 1]);
  const cap = (1.13 - 1) / WIDE_READ_SPAN;
  // both eyes wide as far as the more open one opened (the right eye, read .99, is not capped to 0)
  for (const side of ['eyeWideLeft', 'eyeWideRight'] as const) assert.ok(Math.abs(out.get(side)![0]! - cap) < 1e-9, `f10 ${side} ${out.get(side)![0]}`);
  assert.ok(out.get('eyeWideLeft')![1]! <= 0.05 / WIDE_READ_SPAN + 1e-9, `f70 left ${out.get('eyeWideLeft')![1]}`);
});
