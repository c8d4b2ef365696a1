// The head's equator follows the photo's ear line (avatar/shape.ts equatorZ): a photo turned toward
// one side keeps that side's ear and hair near its own depth, so a turn away does not squeeze them
// out of view (lp_s12 at +30: the "flat card").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measureHead } from '../src/avatar/shape.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { LANDMARK_COUNT } from '../src/rig/topology.ts';
import { bandWidthRatio } from '../src/eval/turnBand.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

test('the equator depth follows the line through the face\'s sides, its slope capped', () => {
  const size = 200, flat = new Float64Array(LANDMARK_COUNT * 3);
  const set = (i: number, x: number, y: number, z: number) => { flat[i * 3] = x; flat[i * 3 + 1] = y; flat[i * 3 + 2] = z; };
  set(10, 100, 40, 0); set(9, 100, 50, 0); set(152, 100, 160, 0); set(33, 80, 80, 0); set(263, 120, 80, 0);
  const matte = { width: size, height: size, data: new Float32Array(size * size).fill(1) };
  // the image-right side (454) 20 px nearer the camera than the image-left one (234)
  set(234, 50, 100, 60); set(454, 150, 100, 40);
  const head = measureHead(flat, matte);
  assert.ok(Math.abs(head.equatorZ(head.cx) - head.zc) < 1e-9);
  assert.ok(Math.abs(head.equatorZ(150) - head.equatorZ(50) + 20) < 1e-9, `near side ${head.equatorZ(150)}, far ${head.equatorZ(50)}`);
  // a wild depth difference (a bad landmark fit) is held to a 30° turn's
  set(454, 150, 100, -200);
  const wild = measureHead(flat, matte);
  assert.ok(Math.abs(wild.equatorZ(150) - wild.equatorZ(50) + 58) < 1e-6);
});

test('lp_s12 (photo turned 10°) keeps its near side\'s ear and hair in view on a 30° turn away', async () => {
  const avatar = buildAvatar(await analyzePortrait(PORTRAITS + 'lp_s12.jpg'));
  // the side the photo turned toward the camera, 454 (image-right), goes away on +yaw
  const band = bandWidthRatio(avatar, 454, 30);
  // with one equator depth for both sides: 0.37 (the ear squeezed to a sliver, a straight cheek edge)
  assert.ok(band > 0.45, `band beyond 454 at +30: ${band.toFixed(2)} of its width`);
});
