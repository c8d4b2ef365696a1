// Wide eyes or a squint, decided by the measured lid opening (motion/lidsDecide.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lidsDecide, NARROW_FULL, WIDE_READ_SPAN, wideWithinOpening } from '../src/motion/lidsDecide.ts';

const uncapped = (wide: number, squint: number, share: number) => lidsDecide(wide, squint, share, false);

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
  assert.equal(lidsDecide(0.35, 0.15, 0.99)[0], 0);
  assert.ok(Math.abs(lidsDecide(0.35, 0.15, 1.05)[0] - 0.05 / WIDE_READ_SPAN) < 1e-12);
  // a real stare opens past the rendered eyeWide's reach: the fit's reading kept whole
  assert.deepEqual(lidsDecide(0.74, 0.2, 1 + WIDE_READ_SPAN), [0.74, 0]);
  // the squint is decided on the fit's wide reading, as before the cap
  assert.deepEqual(lidsDecide(0.74, 0.52, 1.1)[1], uncapped(0.74, 0.52, 1.1)[1]);
  assert.equal(lidsDecide(0.2, 0.52, 0.95)[1], uncapped(0.2, 0.52, 0.95)[1]);
  assert.equal(wideWithinOpening(0.5), 0);
  assert.equal(wideWithinOpening(2), 1);
});
