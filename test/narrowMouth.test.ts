// A mouth no wider than the driver's (issue #14, critic16: Obama 2's "ah" at 0.64 s read as a grin,
// 0.75 IOD against his 0.63): the widening controls taken down where their width passes the
// driver's by more than WIDTH_OVER_DRIVER (motion/mouthAfterSmoothing.ts narrowToWidth).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { narrowToWidth, WIDTH_OVER_DRIVER } from '../src/motion/mouthAfterSmoothing.ts';
import { widthFromWeights } from '../src/rig/mouthPrior.ts';
import type { RigControl } from '../src/rig/controls.ts';

test('Obama\'s "ah": smile, stretch and dimples taken down to the driver\'s width; a grin as wide as the driver\'s is left', () => {
  const ah: Partial<Record<RigControl, number>> = { mouthSmileLeft: 0.61, mouthSmileRight: 0.52, mouthStretchLeft: 0.38, mouthStretchRight: 0.17, mouthDimpleLeft: 0.21, mouthDimpleRight: 0.45, jawOpen: 0.4 };
  assert.ok(widthFromWeights(ah) > 1.25, 'the fit\'s reading asks for a mouth 1.28 times the photo\'s');
  const w = { ...ah };
  narrowToWidth(w, 1.1);
  assert.ok(Math.abs(widthFromWeights(w) - (1.1 + WIDTH_OVER_DRIVER)) < 1e-9, `width ${widthFromWeights(w).toFixed(3)}`);
  assert.ok(Math.abs(w.mouthSmileLeft! / w.mouthStretchRight! - 0.61 / 0.17) < 1e-9, 'all widening controls by one share');
  assert.equal(w.jawOpen, 0.4, 'the jaw is left');
  const grin = { ...ah };
  narrowToWidth(grin, 1.3);
  assert.deepEqual(grin, ah, 'a driver mouth as wide: nothing taken');
  const far = { ...ah };
  narrowToWidth(far, 0.8);
  assert.ok(Math.abs(far.mouthSmileLeft! - 0.4 * 0.61) < 1e-9, 'at most down to NARROW_KEEP of each (the smile\'s corners are not all width)');
});
