// A turned head's far eye, a few pixels wide, is read as its near eye (farEye.ts, winkturn55): a far eye whose mesh
// opening swings wide beside a near eye at a half lid is no wink and no one-eyed stare; equal eyes, and far eyes wide
// enough to read, keep their own readings (a real wink on a small face stays: winks.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { farEyeTrust, farEyes, farWideWithinNear, sharesWithFarAsNear, FAR_PX_NONE, FAR_PX_OWN } from '../src/motion/farEye.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { foldBlink } from '../src/motion/restFace.ts';
import type { RawFaceFrame } from '../src/motion/faceTracker.ts';
import { stillFaceTrack } from './stillFaceTrack.ts';

/** A face turned 20° whose subject's-left eye is `nearPx` wide and right eye `farPx`, each eye's opening a share of rest per frame. */
const track = (nearPx: number, farPx: number, shares: [number, number][]): RawFaceFrame[] => stillFaceTrack(farPx, nearPx, shares, -20);

test('farEyeTrust: a small, foreshortened far eye is doubted; a wide or barely foreshortened one is not', () => {
  assert.equal(farEyeTrust(FAR_PX_NONE, 21), 0);
  assert.equal(farEyeTrust(FAR_PX_OWN, 30), 1);
  assert.equal(farEyeTrust(13, 14), 1, 'two small eyes of about one width (a frontal small face) are left to blinkPairTrust.ts');
  assert.ok(farEyeTrust(16, 22) > 0 && farEyeTrust(16, 22) < 1);
  assert.equal(farEyeTrust(0, 0), 1, 'no eye width read (landmarks without eyes): left as read');
});

test('sharesWithFarAsNear and farWideWithinNear move only the far eye, by its doubt', () => {
  assert.deepEqual(sharesWithFarAsNear([0.5, 1.1], { eye: 1, trust: 0 }), [0.5, 0.5]);
  assert.deepEqual(sharesWithFarAsNear([0.5, 1.1], { eye: 1, trust: 1 }), [0.5, 1.1]);
  const wides: [Float64Array, Float64Array] = [Float64Array.of(0, 0.3, 0.4), Float64Array.of(0.5, 0.1, 0.4)];
  farWideWithinNear(wides, [{ eye: 1, trust: 0 }, { eye: 1, trust: 0 }, null]);
  assert.deepEqual([...wides[1]], [0, 0.1, 0.4], 'the far eye no wider than the near; a narrower far eye and an unread frame kept');
  assert.deepEqual([...wides[0]], [0, 0.3, 0.4], 'the near eye untouched');
});

test('farEyes: the narrower eye of each frame is the far one', () => {
  const f = farEyes(track(21, 13, [[1, 1]]));
  assert.equal(f[0]!.eye, 1);
  assert.equal(f[0]!.trust, 0);
});

// christie f29-38: the near eye at half its rest (as on the frames around), the 13 px far eye swinging to 1.1 of its rest
const swing: [number, number][] = [...Array(10).fill([0.55, 0.75]), ...Array(8).fill([0.45, 1.1]), ...Array(10).fill([0.55, 0.75])];
const closure = (fr: ReturnType<typeof motionFramesFromRaw>['frames'][number], eye: 'eyeBlinkLeft' | 'eyeBlinkRight') => foldBlink(fr.blink, fr.w[eye] ?? 0);

test('a tiny far eye swinging open beside a half-lidded near eye: no wink with the rule, a wink without it', () => {
  const raw = track(21, 13, swing);
  const split = (on: boolean) => {
    const { frames } = motionFramesFromRaw(raw, 25, true, { expressions: 'measures', fit: { farEyeAsNear: on } });
    return Math.max(...frames.slice(12, 16).map((f) => Math.abs(closure(f, 'eyeBlinkLeft') - closure(f, 'eyeBlinkRight'))));
  };
  assert.ok(split(false) > 0.3, `without the rule the near eye closes alone (${split(false).toFixed(2)})`);
  assert.ok(split(true) < 0.1, `with it both eyes close alike (${split(true).toFixed(2)})`);
});

test('two eyes of one width (a frontal small face) are left as read', () => {
  const raw = track(21, 21, swing);
  const a = motionFramesFromRaw(raw, 25, true, { expressions: 'measures', fit: { farEyeAsNear: true } }).frames;
  const b = motionFramesFromRaw(raw, 25, true, { expressions: 'measures', fit: { farEyeAsNear: false } }).frames;
  assert.deepEqual(a.map((f) => [f.blink, f.w.eyeBlinkLeft, f.w.eyeBlinkRight]), b.map((f) => [f.blink, f.w.eyeBlinkLeft, f.w.eyeBlinkRight]));
});
