// A nearly shut mouth keeps a seam (seam38, critic37: mt_man + mt_sun.wav f286 at jaw .016, "the lips one pale
// pink blob without a seam"): parting a shut photo by a pixel or two, its dark line between the lips and the
// upper lip's shade on the lower one stay (render/mouth/nearShut.ts), and give way as the opening grows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { NEAR_SHUT_SPAN, seamGiveWay } from '../src/render/mouth/nearShut.ts';
import { seamContrast } from '../bench/seamFigures.ts';
import { sharedData } from '../bench/sharedData.ts';
import type { MotionFrame } from '../src/types.ts';

test('the photo\'s seam gives way over the first parting, never faster than the interior fades in', () => {
  assert.equal(seamGiveWay(0, 1), 0);
  assert.ok(seamGiveWay(0.013, 1) < 0.25, `at .013 iod ${seamGiveWay(0.013, 1).toFixed(2)}`);
  assert.equal(seamGiveWay(NEAR_SHUT_SPAN, 1), 1);
  assert.equal(seamGiveWay(NEAR_SHUT_SPAN, 0.4), 0.4);
});

test('mt_man barely parted (critic37\'s f286) shows a dark line between the lips', async () => {
  const av = buildAvatar(await analyzePortrait(sharedData('portraits/mt_man.png')));
  const S = 320, r = createRenderer(av, { width: S, height: S });
  const w = { jawOpen: 0.016, mouthLowerDown: 0.016, mouthUpperUp: 0.016, mouthStretchLeft: 0.103, mouthStretchRight: 0.103, mouthPucker: 0.055, mouthFunnel: 0.043, mouthPress: 0.022 };
  const frame = { w, pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 }, gaze: [0, 0], blink: 0 } as unknown as MotionFrame;
  const seam = seamContrast(r.render(frame).data, S, S, r.landmarks(frame));
  // (bench/seamFigures.ts: the darkest luma round the lip line over the lips'; 9ff8e88: .63 | .66, one pale blob;
  // this .48 | .50; his photo at rest .31 | .36, Katie's real near-shut frames .21 | .36)
  assert.ok(seam.middle < 0.56 && seam.corners < 0.58, `seam middle ${seam.middle.toFixed(2)} corners ${seam.corners.toFixed(2)}`);
});
