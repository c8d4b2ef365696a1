// The light rim along the face outline on a turn (avatar/rim.ts) and the hair shell (avatar/hairShell.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rimOnProfile, rimRevealSetting } from '../src/avatar/rim.ts';
import { matteRunLength, hairShellReach } from '../src/avatar/hairShell.ts';
import { circleHead } from './headShapes.ts';
import type { GrayImage } from '../src/types.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import type { MotionFrame } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

test('rimOnProfile finds a narrow light rim, not the face\'s broad lit side', () => {
  // 6 samples of rim at 160 over a cheek at 110
  const rim = [150, 160, 160, 158, 150, 130, 112, 110, 110, 110, 110, 110, 110, 110, 110, 110];
  const found = rimOnProfile(rim, 10, 10, 16);
  assert.equal(found.excess, 50);
  assert.ok(found.width >= 5 && found.width <= 6, `width ${found.width}`);
  // the same brightness over most of the profile: the lit side of the face (kept)
  const lit = [160, 160, 160, 160, 160, 160, 160, 160, 160, 160, 160, 140, 120, 110, 110, 110];
  assert.equal(rimOnProfile(lit, 10, 10, 16).excess, 0);
  // a dark outline is no rim
  assert.equal(rimOnProfile([60, 70, 90, 110, 110, 110, 110, 110, 110, 110, 110, 110], 6, 8, 12).excess, 0);
});


test('the hair shell reaches out to the hair\'s outline above the ears only, at most half a face width past the skull', () => {
  const size = 200, c = 100, r = 40;
  // a wide hair blob (radius 70) over the head's upper half, a 2 px gap in it at x 150-151
  const data = new Float32Array(size * size);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    if (Math.hypot(x - c, y - c) <= (y <= c + 5 ? 70 : r)) data[y * size + x] = 1;
    if (x === 150 || x === 151) data[y * size + x] = 0;
  }
  const matte: GrayImage = { width: size, height: size, data };
  assert.equal(matteRunLength(matte, c, c, 1, 0, 100, 4), 70);
  assert.equal(matteRunLength(matte, c, c, 1, 0, 100, 2), 49);
  const head = circleHead(c, r, c);
  // the face outline: a circle of radius 30
  const ovalPos = Array.from({ length: 36 }, (_, j) => {
    const a = (j / 36) * 2 * Math.PI;
    return [c + 30 * Math.cos(a), c + 30 * Math.sin(a), 0] as [number, number, number];
  });
  const reach = hairShellReach(ovalPos, [c, c], head, matte);
  // straight up (j = 27): the skull ends 10 px out, the hair 40 px out
  assert.ok(reach[27]! > 30 && reach[27]! <= 40.5, `up ${reach[27]}`);
  // straight down (j = 9), below the ears: the skull's 10 px
  assert.ok(Math.abs(reach[9]! - 10) < 0.5, `down ${reach[9]}`);
  // no step from one direction to the next
  for (let j = 0; j < 36; j++) assert.ok(Math.abs(reach[j]! - reach[(j + 1) % 36]!) < 12, `step at ${j}`);
});

test('a turn no longer widens the painted light rim along the cheek into a pale band (st_art_1 at -25)', async () => {
  const avatar = buildAvatar(await analyzePortrait(PORTRAITS + 'st_art_1.png'));
  const r = createRenderer(avatar, { width: 512, height: 512 });
  const nf = r.neutralFrame();
  const frame: MotionFrame = { ...nf, pose: { ...nf.pose, yaw: -25 } };
  const img = r.render(frame);
  const lm = r.landmarks(frame) as [number, number, number][];
  const fw = avatar.head.faceWidth;
  const lum = (x: number, y: number) => { const o = (Math.round(y) * 512 + Math.round(x)) * 4; return 0.3 * img.data[o]! + 0.59 * img.data[o + 1]! + 0.11 * img.data[o + 2]!; };
  // -25 shows the image-right side: walk from its outline (454, 323) toward the face
  for (const id of [454, 323]) {
    const [x, y] = lm[id]!;
    let band = 0, cheek = 0;
    for (let d = 3; d < 12; d++) band += lum(x - d, y) / 9;
    const from = Math.round(0.1 * fw), to = Math.round(0.15 * fw);
    for (let d = from; d < to; d++) cheek += lum(x - d, y) / (to - from);
    // before: the rim, stretched, ~40 levels over the cheek
    assert.ok(band - cheek < 15, `at ${id}: band ${band.toFixed(0)} vs cheek ${cheek.toFixed(0)}`);
  }
});

test('a light rim\'s skip comes in over the first degrees of a turn: st_art_1 at -10 has less of a pale band by the ear (rimRevealSetting)', async () => {
  const portrait = await analyzePortrait(PORTRAITS + 'st_art_1.png');
  const bandOverCheek = (rate: number) => {
    const saved = rimRevealSetting.rate;
    rimRevealSetting.rate = rate;
    try {
      const avatar = buildAvatar(portrait);
      const r = createRenderer(avatar, { width: 512, height: 512 });
      const nf = r.neutralFrame();
      const frame: MotionFrame = { ...nf, pose: { ...nf.pose, yaw: -10 } };
      const img = r.render(frame);
      const lm = r.landmarks(frame) as [number, number, number][];
      const fw = avatar.head.faceWidth;
      const lum = (x: number, y: number) => { const o = (Math.round(y) * 512 + Math.round(x)) * 4; return 0.3 * img.data[o]! + 0.59 * img.data[o + 1]! + 0.11 * img.data[o + 2]!; };
      // -10 shows the image-right side a little more: from its outline by the ear and the temple (454, 356) toward the face
      return [454, 356].map((id) => {
        const [x, y] = lm[id]!;
        let band = 0, cheek = 0;
        for (let d = 3; d < 12; d++) band += lum(x - d, y) / 9;
        const from = Math.round(0.1 * fw), to = Math.round(0.15 * fw);
        for (let d = from; d < to; d++) cheek += lum(x - d, y) / (to - from);
        return band - cheek;
      });
    } finally {
      rimRevealSetting.rate = saved;
    }
  };
  const now = bandOverCheek(rimRevealSetting.rate), linear = bandOverCheek(1);
  // (s55: at 454 / 356 the band over the cheek was -3 / 88 levels with the linear schedule, -21 / 36 with rate 2.5)
  now.forEach((v, k) => assert.ok(linear[k]! - v > 10, `at ${[454, 356][k]}: linear ${linear[k]!.toFixed(1)} vs now ${v.toFixed(1)}`));
});
