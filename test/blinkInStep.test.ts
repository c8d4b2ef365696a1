// s53 (eyepair53, issue #14): a two-eyed blink's eyes shut and open in step (src/motion/blinkInStep.ts). critic52:
// lp_s12 <- noem f58 one eye reopens a frame before the other; the mesh reads the right eye's closing run two frames
// inside the left's. A wink (the other eye never closing that far), a one-frame dip of the other eye inside a longer
// one-eyed hold, a held closure and a turned head's near eye closed longer are left as read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blinkInStep, closingRuns, lagFrames, nearEyeCloser, STEP_CLOSED, STEP_LAG } from '../src/motion/blinkInStep.ts';

const series = (n: number, at: Record<number, number>) => Float64Array.from({ length: n }, (_, i) => at[i] ?? 0);
const shares = (n: number) => Array.from({ length: n }, () => [1, 1] as const);

test('closingRuns: runs of weights at least STEP_CLOSED, broken by a frame without a reading', () => {
  const b = series(12, { 2: STEP_CLOSED, 3: 0.9, 4: 0.49, 6: 1, 7: 1, 8: 1 });
  assert.deepEqual(closingRuns(b, () => true), [[2, 3], [6, 8]]);
  assert.deepEqual(closingRuns(b, (i) => i !== 7), [[2, 3], [6, 6], [8, 8]]);
});

test('noem f55-58: the eye the mesh reads closing late and opening early closes there as far as in its own run, no further than the other', () => {
  // blink weights as the mesh reads them (L .67 1 1 .61, R .02 .60 .52 .00), 0-based frames 5-8 of 14
  const l = series(14, { 5: 0.67, 6: 1, 7: 1, 8: 0.61, 9: 0.21 }), r = series(14, { 5: 0.02, 6: 0.6, 7: 0.52 });
  assert.deepEqual(lagFrames([l, r], () => true, 10), [{ i: 5, eye: 1, level: 0.6 }, { i: 8, eye: 1, level: 0.52 }]);
  blinkInStep([l, r], shares(14), 25);
  assert.deepEqual([r[5], r[8]], [0.6, 0.52]);
  // the leading eye, the shared frames and the frames outside the blink as read
  assert.deepEqual([l[5], l[8], l[6], r[6], l[9], r[9]], [0.67, 0.61, 1, 0.6, 0.21, 0]);
  // no further than the other eye: a lagging eye whose own run is deeper stops at the other's weight
  const l2 = series(8, { 2: 0.55, 3: 1, 4: 1 }), r2 = series(8, { 3: 1, 4: 1 });
  blinkInStep([l2, r2], shares(8), 25);
  assert.equal(r2[2], 0.55);
});

test('a wink, a dip of the other eye inside a longer one-eyed hold, a held closure, a frame without a reading: as read', () => {
  // a wink: the other eye never closes to STEP_CLOSED
  const wl = series(20, { 8: 1, 9: 1, 10: 1, 11: 1 }), wr = series(20, { 9: 0.3, 10: 0.35 });
  const [wl0, wr0] = [wl.slice(), wr.slice()];
  blinkInStep([wl, wr], shares(20), 25);
  assert.deepEqual([wl, wr], [wl0, wr0]);
  // pcavs86 f43-49: the near eye closing seven frames, the far eye .5 on one of them (more than STEP_LAG outside)
  const hl = series(20, { 3: 0.73, 4: 1, 5: 1, 6: 0.81, 7: 0.66, 8: 0.64, 9: 0.52 }), hr = series(20, { 3: 0.23, 4: 0.5, 5: 0.05 });
  assert.ok(7 - 1 > STEP_LAG);
  assert.deepEqual(lagFrames([hl, hr], () => true, 10), []);
  // a held closure past HELD_SECONDS (11 frames at 25 fps) is not a blink
  const ll = series(30, Object.fromEntries(Array.from({ length: 12 }, (_, k) => [5 + k, 1]))), lr = series(30, Object.fromEntries(Array.from({ length: 11 }, (_, k) => [6 + k, 0.9])));
  assert.deepEqual(lagFrames([ll, lr], () => true, 10), []);
  // the lagging frame without a reading breaks the run: nothing to pair across it
  const nl = series(12, { 4: 0.7, 5: 1, 6: 1 }), nr = series(12, { 5: 0.8, 6: 0.9 });
  assert.deepEqual(lagFrames([nl, nr], () => true, 10), [{ i: 4, eye: 1, level: 0.8 }]);
  assert.deepEqual(lagFrames([nl, nr], (i) => i !== 4, 10), []);
});

test('a turned head\'s near eye closed longer is left as read (pcavs86 f33-35); a far eye closed longer is followed (Obama2 f81)', () => {
  assert.equal(nearEyeCloser(0.74, 0, -14), true);
  assert.equal(nearEyeCloser(0.74, 0, 14), false);
  assert.equal(nearEyeCloser(0.74, 0, -2), false);
  // the near eye (subject's left at negative yaw) in a closing run one frame past the far eye's
  const mk = () => [series(12, { 4: 1, 5: 1, 6: 0.74 }), series(12, { 4: 0.8, 5: 0.6 })] as [Float64Array, Float64Array];
  const turned = mk();
  blinkInStep(turned, shares(12), 25, Array(12).fill(-14));
  assert.deepEqual([turned[0][6], turned[1][6]], [0.74, 0]);
  // mirrored in yaw the longer-closed eye is the far one, and frontal: the lagging eye follows to its own run's level
  for (const yaw of [14, -2]) {
    const c = mk();
    blinkInStep(c, shares(12), 25, Array(12).fill(yaw));
    assert.deepEqual([c[0][6], c[1][6]], [0.74, 0.6], `yaw ${yaw}`);
  }
});
