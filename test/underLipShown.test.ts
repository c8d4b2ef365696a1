// s53 slitgap53: the rows read under the inner-lip contour (motion/underLip.ts) count as the lower row the driver shows
// (motion/underLipShown.ts), so an opening they add is drawn with a row (reagan_6 f127-128: share 0, rows .046 IOD).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lowerRowRead, underLipShownSetting } from '../src/motion/underLipShown.ts';
import { underLipSetting } from '../src/motion/underLip.ts';
import { withDriverMouthReads } from '../src/motion/driverMouthReads.ts';
import { DRIVER_LOWER_SHOW } from '../src/rig/mouthBase.ts';
import type { RawFaceFrame } from '../src/motion/faceTracker.ts';
import type { MotionFrame } from '../src/types.ts';

const frame = (lipGap: number, lowerShow: number | null | undefined, underLip?: number): RawFaceFrame =>
  ({ m: { lipGap } as RawFaceFrame['m'], angles: { yaw: 0, pitch: 0, roll: 0 }, score: 1, box: [0, 0, 1, 1], lowerShow, underLip }) as RawFaceFrame;

test('a frame whose share reads no row shows at least the rows under the contour, capped as the opening counts them', () => {
  assert.ok(Math.abs(lowerRowRead(frame(0.04, 0, 0.046))! - 0.046) < 1e-12);
  assert.equal(lowerRowRead(frame(0.04, 0, 0.2)), underLipSetting.most);
  // (a share over the rows keeps the share: share x the gap the lips stand apart)
  assert.ok(Math.abs(lowerRowRead(frame(0.1, 0.5, 0.02))! - 0.5 * 0.12) < 1e-12);
  // (no rows under the contour: the share alone; no face, no reading: as before)
  assert.ok(Math.abs(lowerRowRead(frame(0.1, 0.3))! - 0.03) < 1e-12);
  assert.equal(lowerRowRead(null), null);
  assert.equal(lowerRowRead(frame(0.1, undefined, 0.04)), undefined);
  assert.equal(lowerRowRead(frame(0.04, 0, 0.046), false), 0);
});

test('the motion\'s driverLowerShow follows the rows under the contour through two frames whose share reads 0', () => {
  const raw = [0.33, 0.33, 0.33, 0, 0, 0.33, 0.33, 0.33].map((s) => frame(0.045, s, 0.046));
  const run = () => {
    const frames: Pick<MotionFrame, 'w' | 'mouthDark'>[] = raw.map(() => ({ w: {} }));
    withDriverMouthReads(frames, raw);
    return frames.map((f) => f.w[DRIVER_LOWER_SHOW]!);
  };
  const on = run();
  underLipShownSetting.on = false;
  let off: number[];
  try { off = run(); } finally { underLipShownSetting.on = true; }
  // (the renderer draws a row from .025 IOD: driverLowerRow.ts SHOWN_FULL)
  assert.ok(on[3]! > 0.04 && on[4]! > 0.04, `on ${on.map((v) => v.toFixed(3))}`);
  assert.ok(off[3]! < 0.025, `off ${off.map((v) => v.toFixed(3))}`);
});
