// s43 (glance43, issue #14): a narrowing the lower lid makes on a hard side glance is not a blink
// (src/motion/upperLidBlink.ts). lp_d0 f31-33 / f57-61: the driver glances to the image left, smiling; the face
// mesh's subject-right eye reads .66-.73 of rest, mostly its lower lid rising (the squint's), and the blink
// drew it again as a falling upper lid: on lp_s2 a blank 3 px slit (critic42). The real blink f64-67 stays shut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trackedVideo } from './trackedVideo.ts';
import { sharedData } from '../bench/sharedData.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { foldBlink } from '../src/motion/restFace.ts';
import { capHold, glanceHold, upperLidShare } from '../src/motion/upperLidBlink.ts';
import type { MotionFrame } from '../src/types.ts';

const eyes = (f: MotionFrame) => [foldBlink(f.blink, f.w.eyeBlinkLeft ?? 0), foldBlink(f.blink, f.w.eyeBlinkRight ?? 0)];

test('lp_d0: the smiling side glance keeps the subject-right eye open, the real blink still shuts both, the rest unchanged', async () => {
  const raw = await trackedVideo(sharedData('video/lp_d0.mp4'), { fps: 25, maxSide: 720, maxSeconds: 3 });
  const off = motionFramesFromRaw(raw, 25, true, { fit: { blinkFromUpperLid: false } }).frames;
  const on = motionFramesFromRaw(raw, 25, true).frames;
  const glance = [31, 32, 33, 58, 59, 60];
  // the defect as it was: that eye half a blink down on the glance
  assert.ok(glance.filter((i) => eyes(off[i]!)[1]! > 0.08).length >= 4, `off: ${glance.map((i) => eyes(off[i]!)[1]!.toFixed(2))}`);
  for (const i of glance) assert.ok(eyes(on[i]!)[1]! < 0.05, `f${i}: ${eyes(on[i]!)[1]!.toFixed(2)} (off ${eyes(off[i]!)[1]!.toFixed(2)})`);
  for (const i of [65, 66]) eyes(on[i]!).forEach((v, e) => assert.ok(v > 0.9, `blink f${i} eye ${e}: ${v.toFixed(2)}`));
  // looking ahead or only a little aside: as before
  // (the smoothing carries a change 4 frames either way)
  const still = on.map((f, i) => i).filter((i) => on.slice(Math.max(0, i - 4), i + 5).every((g) => Math.abs(g.gaze?.[0] ?? 0) < 0.3));
  assert.ok(still.length > 10);
  for (const i of still) eyes(on[i]!).forEach((v, e) => assert.ok(Math.abs(v - eyes(off[i]!)[e]!) < 1e-3, `f${i} eye ${e} unchanged`));
});

test('upperLidShare, capHold, glanceHold', () => {
  assert.ok(Math.abs(upperLidShare(0.2, 0.2, 0.1) - 1) < 1e-9);
  assert.ok(Math.abs(upperLidShare(0.1, 0.2, 0.1) - 2 / 3) < 1e-9);
  // the lower lid rose as much as the upper fell: the cap holds; the upper lid fell twice as far: it does not
  assert.ok(capHold(0.15, 0.05, 0.2, 0.1) > 1 - 1e-9);
  assert.equal(capHold(0.15, 0.04, 0.2, 0.1), 1);
  assert.equal(capHold(0.1, 0.075, 0.2, 0.1), 0);
  assert.equal(capHold(0.1, 0.1, 0.2, 0.1), 0);
  assert.equal(glanceHold(0), 0);
  assert.equal(glanceHold(-0.8), 1);
  assert.ok(glanceHold(0.52) > 0 && glanceHold(0.52) < 1);
});
