// flankLift.ts: the nose flank a turn faces to the camera loses the photo's outline shade (issue #15, s46 turn46:
// lp_s12 at +25, a grey-brown blotchy smear down the image-left flank from the inner eye to the moustache).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { liftGain, liftShare, farSideWeight, flankLiftSetting } from '../src/render/flankLift.ts';
import { flankBandStats } from '../src/eval/flankShade.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import type { Avatar } from '../src/avatar/types.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

test('liftGain lifts shade toward the reference, never darkens, keeps dark features; the share follows the turn toward the side; only a turned photo\'s far side', () => {
  const g = liftGain([100, 80, 70], [150, 120, 105]);
  assert.ok(g.every((v) => Math.abs(v - 1.5) < 1e-9), `shade lifted by ref/blur: ${g}`);
  assert.deepEqual(liftGain([160, 130, 110], [150, 120, 105]), [1, 1, 1], 'a lit texel is not darkened');
  assert.deepEqual(liftGain([30, 25, 20], [150, 120, 105]), [1, 1, 1], 'a dark feature (ratio 5) is kept');
  assert.equal(liftShare(-1, 0), 0);
  assert.equal(liftShare(-1, -25), 0, 'a turn away from the image-left side leaves it');
  assert.ok(Math.abs(liftShare(-1, 25, 1) - 1) < 1e-9 && Math.abs(liftShare(1, -12.5, 1) - 0.5) < 1e-9);
  assert.equal(farSideWeight(-1, 0.3), 0, 'a frontal photo: no far side');
  assert.equal(farSideWeight(1, -10.5), 0, 'the near side of a photo turned image-left away');
  assert.equal(farSideWeight(-1, -10.5), 1, 'lp_s12 (-10.5): the image-left side is the far side');
});

const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
const at = (f: MotionFrame, yaw: number): MotionFrame => ({ ...f, pose: { ...f.pose, yaw } });
/** a renderer built with the setting on or off (the band is set up when the renderer is made) */
function rendererWith(avatar: Avatar, on: boolean) {
  const was = flankLiftSetting.on;
  flankLiftSetting.on = on;
  try { return createRenderer(avatar, { width: 512, height: 512 }); } finally { flankLiftSetting.on = was; }
}

test('lp_s12 turned +25 toward his far side: the image-left flank is no darker smear than the photo\'s own; rest and the turn away untouched', async () => {
  const avatar = buildAvatar(await analyzePortrait(path.join(PORTRAITS, 'lp_s12.jpg')));
  const on = rendererWith(avatar, true), off = rendererWith(avatar, false);
  const rest = on.neutralFrame();
  assert.deepEqual(Buffer.from(on.render(rest).data), Buffer.from(off.render(rest).data), 'the photo pose is rendered as before');
  assert.deepEqual(Buffer.from(on.render(at(rest, -25)).data), Buffer.from(off.render(at(rest, -25)).data), 'the turn toward the near side is as before');
  const photoFlank = flankBandStats(copy(on.render(rest)), on.landmarks(rest), -1);
  const litFlank = flankBandStats(copy(on.render(rest)), on.landmarks(rest), 1);
  const a = flankBandStats(copy(on.render(at(rest, 25))), on.landmarks(at(rest, 25)), -1);
  const b = flankBandStats(copy(off.render(at(rest, 25))), off.landmarks(at(rest, 25)), -1);
  const msg = `+25 flank median / p10 over the cheek: ${a.median.toFixed(2)} / ${a.p10.toFixed(2)} lifted, ${b.median.toFixed(2)} / ${b.p10.toFixed(2)} not; the photo's own ${photoFlank.median.toFixed(2)} / ${photoFlank.p10.toFixed(2)}, its lit flank ${litFlank.median.toFixed(2)}`;
  // (s46: .85 / .68 lifted, .73 / .51 not; the photo's own far flank .82 / .54, the lit near flank .99)
  assert.ok(b.median < photoFlank.median - 0.04, `without it the turned flank is darker than the photo's: ${msg}`);
  assert.ok(a.median > b.median + 0.06 && a.p10 > b.p10 + 0.08, `the smear is lifted: ${msg}`);
  assert.ok(a.median >= photoFlank.median - 0.02 && a.median < litFlank.median, `between the photo's shaded and lit flanks: ${msg}`);
});

test('a frontal photo (mt_man) turned +-25 renders as before', async () => {
  const avatar = buildAvatar(await analyzePortrait(path.join(PORTRAITS, 'mt_man.png')));
  const on = rendererWith(avatar, true), off = rendererWith(avatar, false);
  const rest = on.neutralFrame();
  for (const yaw of [25, -25]) assert.deepEqual(Buffer.from(on.render(at(rest, yaw)).data), Buffer.from(off.render(at(rest, yaw)).data), `yaw ${yaw}`);
});
