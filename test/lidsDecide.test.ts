// Wide eyes or a squint, decided by the measured lid opening (motion/lidsDecide.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lidsDecide, NARROW_FULL } from '../src/motion/lidsDecide.ts';

test('an eye narrower than at rest keeps its squint over a wide reading; an open one keeps the wide reading', () => {
  // read as both (lp_d6): narrowed past NARROW_FULL, the squint stays whole and the wide goes
  assert.deepEqual(lidsDecide(0.74, 0.52, 1 - 1.5 * NARROW_FULL), [0, 0.52]);
  // at or above rest: as wideOverSquint, the squint only past the wide reading
  assert.deepEqual(lidsDecide(0.74, 0.52, 1.1), [0.74, 0]);
  assert.deepEqual(lidsDecide(0.2, 0.52, 1).map((v) => Number(v.toFixed(12))), [0.2, 0.32]);
  // half-way narrowed: half the wide reading kept, the squint past it
  const [w, s] = lidsDecide(0.4, 0.5, 1 - NARROW_FULL / 2);
  assert.ok(Math.abs(w - 0.2) < 1e-12 && Math.abs(s - 0.3) < 1e-12, `${w} ${s}`);
  // no squint read: nothing invented
  assert.deepEqual(lidsDecide(0.3, 0, 0.7), [0, 0]);
});
