// lp_s12 at +25 (issue #15, session 19): the far cheek's last 5-12 px before the background are in
// shadow, too dark for the skin test. The mirror lit the face mesh with the near cheek's skin right up
// to the oval, and the sheet past it kept the photo's dark rim: the oval's straight run of landmarks
// drew the cheek's outline as a straight cut. Before such a shaded rim the mirror now fades out over
// RIM_FADE face widths (avatar/skinPastOval.ts), so the face ends in the photo's own shading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { ovalStep, ovalLineDepth, SHOWN_SIDE_OVAL, SHOWN_SIDE_JAW } from '../src/eval/ovalStep.ts';
import { rimPastOval, darkLineRim } from '../src/avatar/skinPastOval.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

test('lp_s12 at +25: no lit straight cut along the far cheek\'s oval', async () => {
  const avatar = buildAvatar(await analyzePortrait(PORTRAITS + 'lp_s12.jpg'));
  const r = createRenderer(avatar, { width: avatar.size, height: avatar.size });
  const frame = { ...r.neutralFrame(), pose: { yaw: 25, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } };
  const step = ovalStep(r.render(frame), r.landmarks(frame), SHOWN_SIDE_OVAL(25));
  // main at af1e736: 56.8 (median luminance step across the oval); now 29.6
  assert.ok(step < 40, `step ${step.toFixed(1)}`);
});

test('rimPastOval: the rim before a background gap, 0 where the person goes on past the cap', () => {
  const size = 40, matte = { width: size, height: size, data: new Float32Array(size * size) };
  // person: x <= 25 on every row
  for (let y = 0; y < size; y++) for (let x = 0; x <= 25; x++) matte.data[y * size + x] = 1;
  const centre: [number, number] = [5, 20];
  // 5 px of person past an oval point at x = 20 (cap 0.08 * 100 = 8 px)
  assert.equal(rimPastOval([[20, 20, 0]], centre, matte, 100)[0], 5);
  // 10 px past x = 15: beyond the cap, not a rim
  assert.equal(rimPastOval([[15, 20, 0]], centre, matte, 100)[0], 0);
});

test('lp_s12 at +25: no dark pen line along the far jaw, mouth corner to chin', async () => {
  const avatar = buildAvatar(await analyzePortrait(PORTRAITS + 'lp_s12.jpg'));
  const r = createRenderer(avatar, { width: avatar.size, height: avatar.size });
  const frame = { ...r.neutralFrame(), pose: { yaw: 25, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } };
  const line = ovalLineDepth(r.render(frame), r.landmarks(frame), SHOWN_SIDE_JAW(25));
  // main at 54cddd0: 52.1 levels (the mirror's lit skin up to the oval against the jaw's 2-4 px dark rim); now 20.6
  assert.ok(line < 35, `jaw line ${line.toFixed(1)}`);
});

test('darkLineRim: a thin rim with no lit skin in it, not one that starts with skin or none at all', () => {
  assert.equal(darkLineRim(2.5, 0), true);
  assert.equal(darkLineRim(4, 1.5), false, 'lit skin first (a painted chin)');
  assert.equal(darkLineRim(1, 0), false, 'the outline\'s own pixel');
  assert.equal(darkLineRim(0, 0), false, 'the person goes on (hair, neck)');
});
