// The lips' shape at rest is read where the driver's lips are shut (src/motion/shutRest.ts, issue #13): a talking
// driver whose shut lips carry a little chin shrug (lp_d6: mouthShrugLower .23-.34 shut, ~0 open) must not push a
// raised lower lip onto the photo at every closure. Synthetic clips: the rig's own basis on lp_s42's face.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadImage } from '../src/io/image.ts';
import { detectFaces } from '../src/face/detect.ts';
import { RIG_CONTROLS, type RigControl } from '../src/rig/controls.ts';
import { buildBasis } from '../src/rig/basis.ts';
import { canonicalize, deform, type Landmarks } from '../src/rig/fit.ts';
import { retargetFromLandmarks } from '../src/motion/retarget.ts';
import { restReading, shutLipFrames, SHUT_LIP_GAP } from '../src/motion/shutRest.ts';
import { keepShutPhotoLips, MOUTH_ON_PHOTO } from '../src/rig/mouthBase.ts';
import { CONTROL_COUNT, CONTROL_INDEX } from '../src/rig/controls.ts';
import { posedLandmarks } from './rigSynthetic.ts';
import { SHARED_DATA } from '../bench/sharedData.ts';

test('shutLipFrames: the frames within SHUT_LIP_GAP of the closed gap, or none when too few', () => {
  const have = Array.from({ length: 40 }, (_, i) => i);
  const gaps = have.map((i) => (i % 4 === 0 ? 0.01 + 0.005 * (i % 3) : 0.2));
  const shut = shutLipFrames(gaps, have)!;
  assert.deepEqual(shut, have.filter((i) => i % 4 === 0));
  assert.ok(gaps.every((g, i) => shut.includes(i) === g - 0.01 <= SHUT_LIP_GAP));
  // 3 shut frames of 30: too few to read a rest over
  const few = have.slice(0, 30);
  assert.equal(shutLipFrames(few.map((i) => (i < 3 ? 0 : 0.2)), few), undefined);
  const raw = have.map((i) => (i % 4 === 0 ? 0.3 : 0));
  assert.equal(restReading(raw, have, shut, 10), 0.3);
  assert.equal(restReading(raw, have, undefined, 10), 0);
});

test('retarget: a shrug the driver keeps on its shut lips is its rest; a purse past it still carries', async () => {
  const DATA = `${SHARED_DATA}/`;
  const neutral = canonicalize((await detectFaces(await loadImage(`${DATA}portraits/lp_s42.jpg`), { embedding: false }))[0]!.landmarks);
  const basis = buildBasis(neutral);
  const frame = (w: Partial<Record<RigControl, number>>, i: number): Landmarks =>
    posedLandmarks(deform(neutral, basis, Float64Array.from(RIG_CONTROLS, (c) => w[c] ?? 0)), [3 * Math.sin(i / 5), -2 + Math.cos(i / 7), 0]);
  // talking: open on 3 frames of 4 (no shrug); shut with a rest shrug of .25, and a purse (shrug .7) at 30-33
  const clip: Landmarks[] = [];
  for (let i = 0; i < 48; i++) {
    const shut = i % 4 === 0 || (i >= 30 && i < 34);
    clip.push(frame(shut ? { mouthShrugLower: i >= 30 && i < 34 ? 0.7 : 0.25 } : { jawOpen: 0.25, mouthLowerDown: 0.2 }, i));
  }
  const shrug = (o: Parameters<typeof retargetFromLandmarks>[1]) => retargetFromLandmarks(clip, o).get('mouthShrugLower')!;
  const now = shrug({}), before = shrug({ restFromShutLips: false });
  const at = (s: Float64Array, frames: number[]) => Math.max(...frames.map((i) => s[i]!));
  const restFrames = [4, 8, 12, 16, 20, 24, 40, 44];
  console.log(`shrugLower on shut rest frames ${at(before, restFrames).toFixed(2)} -> ${at(now, restFrames).toFixed(2)}; purse ${before[31]!.toFixed(2)} -> ${now[31]!.toFixed(2)}`);
  assert.ok(at(before, restFrames) > 0.12, 'before: the rest shrug read as an expression');
  assert.ok(at(now, restFrames) < 0.05, `the shut rest carries no shrug: ${at(now, restFrames).toFixed(2)}`);
  assert.ok(now[31]! > 0.3, `the purse still shrugs: ${now[31]!.toFixed(2)}`);
});

test('keepShutPhotoLips: a shut video frame keeps the photo\'s own lip drop; an open one, an audio frame or a larger drop are left', () => {
  const photo = new Float64Array(CONTROL_COUNT);
  photo[CONTROL_INDEX.mouthLowerDown] = 0.4;
  const lower = (w: Record<string, number>, own = 0) => {
    const wv = new Float64Array(CONTROL_COUNT);
    wv[CONTROL_INDEX.mouthLowerDown] = own;
    keepShutPhotoLips(wv, photo, w);
    return wv[CONTROL_INDEX.mouthLowerDown]!;
  };
  assert.equal(lower({ jawOpen: 0 }), 0.4, 'shut: the photo\'s own');
  assert.ok(lower({ jawOpen: 0.025 }) > 0.15 && lower({ jawOpen: 0.025 }) < 0.25, 'half way to open: half of it');
  assert.equal(lower({ jawOpen: 0.2 }), 0, 'open: the motion\'s');
  assert.equal(lower({ jawOpen: 0, [MOUTH_ON_PHOTO]: 1 }), 0, 'audio frames untouched');
  assert.equal(lower({ jawOpen: 0 }, 0.6), 0.6, 'a larger drop stays');
});

test('keepShutPhotoLips: the photo\'s lip drop kept only as far as a rounded frame\'s lips stay shut', () => {
  const photo = new Float64Array(CONTROL_COUNT);
  photo[CONTROL_INDEX.mouthLowerDown] = 0.4;
  const wv = new Float64Array(CONTROL_COUNT);
  // the lip gap the other controls open: a funnel's .02 IOD, less .1 IOD per unit of lower lip under the photo's own
  const otherGap = () => 0.02 + 0.1 * (wv[CONTROL_INDEX.mouthLowerDown]! - 0.4);
  keepShutPhotoLips(wv, photo, { jawOpen: 0, mouthFunnel: 0.2 }, otherGap);
  assert.ok(Math.abs(otherGap()) < 1e-9, `the lips just shut: ${otherGap()}`);
  assert.ok(Math.abs(wv[CONTROL_INDEX.mouthLowerDown]! - 0.2) < 1e-9);
});
