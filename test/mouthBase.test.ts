// A video motion's mouth is the photo's own plus the driver's change from its rest
// (rig/mouthBase.ts, motion/mouthChange.ts); the teeth take the picture's white (eyeWhite.ts,
// lightMatch.ts) and keep their hue when brightened (readyLayer.ts); the tracker reads the first
// frame as it reads the rest (faceTracker.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rebaseMouth, MOUTH_ON_PHOTO, BELOW_PHOTO, RELATIVE_MOUTH } from '../src/rig/mouthBase.ts';
import { mouthChange, isRelativeMouth } from '../src/motion/mouthChange.ts';
import { CONTROL_COUNT, CONTROL_INDEX, weightsToVector } from '../src/rig/controls.ts';
import { hueKeepingScale } from '../src/render/mouth/readyLayer.ts';
import { lightMatch, whiteCast } from '../src/render/mouth/lightMatch.ts';
import { trackVideo } from '../src/motion/fromVideo.ts';
import { sharedData } from '../bench/sharedData.ts';

const data = (p: string) => sharedData(p);

test('a marked frame adds the driver\'s mouth change to the photo\'s own; unmarked frames stay absolute', () => {
  const photo = new Float64Array(CONTROL_COUNT);
  photo[CONTROL_INDEX.mouthSmileLeft] = 0.3;
  photo[CONTROL_INDEX.mouthPress] = 0.1;
  const w = { mouthSmileLeft: 0, mouthPress: -0.8, mouthPucker: 0.5, jawOpen: 0.4, browInnerUp: 0.2 };
  const abs = weightsToVector(w);
  rebaseMouth(abs, photo, w);
  assert.equal(abs[CONTROL_INDEX.mouthSmileLeft], 0, 'no marker: the weights are the whole expression');
  const wv = weightsToVector(w);
  rebaseMouth(wv, photo, { ...w, [MOUTH_ON_PHOTO]: 1 });
  assert.ok(Math.abs(wv[CONTROL_INDEX.mouthSmileLeft]! - 0.3) < 1e-12, 'no change: the photo\'s own smile');
  assert.ok(Math.abs(wv[CONTROL_INDEX.mouthPress]! - (0.1 - BELOW_PHOTO)) < 1e-12, 'a large relaxation stops BELOW_PHOTO under the photo');
  assert.equal(wv[CONTROL_INDEX.mouthPucker], 0.5);
  assert.equal(wv[CONTROL_INDEX.jawOpen], 0.4, 'the opening is not rebased');
  assert.equal(wv[CONTROL_INDEX.browInnerUp], 0.2, 'nor the brows');
  // a control the marked frame does not carry (the audio path predicts no smile) keeps the photo's own
  const audio = { jawOpen: 0.3, mouthPucker: 0.2, [MOUTH_ON_PHOTO]: 1 };
  const av = weightsToVector(audio);
  rebaseMouth(av, photo, audio);
  assert.equal(av[CONTROL_INDEX.mouthSmileLeft], 0.3, 'absent: the photo\'s own smile');
  assert.equal(av[CONTROL_INDEX.mouthPress], 0.1);
  assert.equal(av[CONTROL_INDEX.mouthPucker], 0.2, 'carried: own (0) + change');
  assert.ok(RELATIVE_MOUTH.every((c) => c.startsWith('mouth') && c !== 'mouthLowerDown'));
  assert.ok(isRelativeMouth('mouthPress') && !isRelativeMouth('jawOpen'));
  assert.equal(mouthChange(0.9, 0.2, 2), 1);
  assert.ok(Math.abs(mouthChange(0.1, 0.4, 2) + 0.6) < 1e-12, 'signed below the reference');
});

test('teeth keep their hue where brightening would pass white, and take a yellow picture\'s white', () => {
  // a cream 200,180,150 brightened 1.4x: clipped per channel it would be 255,252,210 (near white)
  const k = hueKeepingScale(200, 180, 150, 1.4, 255);
  assert.ok(Math.abs(200 * k - 255) < 1e-9 && Math.abs((150 * k) / (200 * k) - 0.75) < 1e-12, `scale ${k}`);
  assert.equal(hueKeepingScale(100, 90, 80, 1.2, 255), 1.2, 'no clipping: the scale as asked');
  const cast = whiteCast([199, 154, 72]); // Mona Lisa's eye white
  assert.ok(cast[2] < 0.7 * cast[0], `a yellow white: blue well under red ${cast}`);
  const neutral = whiteCast([220, 220, 220]);
  assert.ok(neutral.every((g) => Math.abs(g - 1) < 1e-9));
  const lib: [number, number, number] = [235, 197, 189];
  const painting = lightMatch(lib, [205, 161, 83], 1, [199, 154, 72]);
  const cheeksOnly = lightMatch(lib, [205, 161, 83], 1);
  assert.ok(painting.gain[2] / painting.gain[0] < 0.7 && cheeksOnly.gain[2] / cheeksOnly.gain[0] > 0.8, `${painting.gain} vs ${cheeksOnly.gain}`);
  // shadowed eyes (darker than the cheeks) are not read as the picture's white
  const shadow = lightMatch(lib, [219, 125, 110], 1, [92, 73, 68]);
  assert.deepEqual(shadow.gain, lightMatch(lib, [219, 125, 110], 1).gain);
});

test('the first frame is read on the same crop as the rest: no pose step after it (Obama 2, 0.4 s)', async () => {
  const raw = await trackVideo(data('train/clips/styletalk_Obama_clip2.mp4'), { fps: 25, maxSide: 720, maxSeconds: 0.4, threads: 1 });
  const pitch = raw.map((r) => r!.angles.pitch);
  const step = Math.max(...pitch.slice(1, 5).map((p) => Math.abs(p - pitch[0]!)));
  // the head is still here (the real frames 1-4 are 34-53 dB from frame 0); read on the whole
  // frame, frame 0 was 4-6 degrees off the frames after it
  assert.ok(step < 2.5, `pitch step after frame 0: ${step.toFixed(2)} deg (${pitch.map((p) => p.toFixed(1)).join(' ')})`);
});
