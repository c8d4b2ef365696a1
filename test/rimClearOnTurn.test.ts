// A turned photo's thin far-jaw rim past the oval goes clear on larger turns toward it (issue #15,
// session 28): lp_s10's chin rim, stretched by +12.5/+25 into a pale streaked lobe, is gone there, while
// the photo's pose and turns up to RIM_CLEAR_FROM (a head swaying with speech) render exactly as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { photoFarSide, RIM_CLEAR_FROM, RIM_CLEAR_FULL } from '../src/avatar/rimClearOnTurn.ts';
import { rimClearShare } from '../src/render/rimClear.ts';
import { RIM_AWAY_FROM_DEG } from '../src/render/rimClearAway.ts';
import { LANDMARK_COUNT } from '../src/rig/topology.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

test('rimClearShare: none up to RIM_CLEAR_FROM toward the side, all from RIM_CLEAR_FULL, none turning away', () => {
  // +yaw shows the image-left side (-1)
  assert.equal(rimClearShare(RIM_CLEAR_FROM, -1), 0);
  assert.equal(rimClearShare(RIM_CLEAR_FULL, -1), 1);
  assert.equal(rimClearShare(25, -1), 1);
  assert.ok(Math.abs(rimClearShare((RIM_CLEAR_FROM + RIM_CLEAR_FULL) / 2, -1) - 0.5) < 1e-9);
  assert.equal(rimClearShare(25, 1), 0);
  assert.equal(rimClearShare(-25, 1), 1);
});

test('photoFarSide: the side of a turned face whose half is short; a frontal face has none', () => {
  const face = (nose: number, left: number, right: number) => {
    const flat = new Float64Array(LANDMARK_COUNT * 3);
    flat[4 * 3] = nose; flat[234 * 3] = left; flat[454 * 3] = right;
    return flat;
  };
  assert.equal(photoFarSide(face(100, 95, 226)), -1); // lp_s10: the nose tip past the far cheek
  assert.equal(photoFarSide(face(200, 90, 230)), 1);
  assert.equal(photoFarSide(face(160, 44, 275)), 0); // lp_s7 (116 / 115)
});

test('lp_s10: the far chin rim clears at +25 (fewer head pixels drawn past the chin); identical up to RIM_CLEAR_FROM and turning away', async () => {
  const avatar = buildAvatar(await analyzePortrait(PORTRAITS + 'lp_s10.jpg'));
  assert.ok(avatar.uvCleared && avatar.clearSide, 'lp_s10 (turned in the photo) has a far-jaw rim to clear');
  const size = avatar.size;
  const withRim = createRenderer(avatar, { width: size, height: size });
  const withoutRim = createRenderer({ ...avatar, uvCleared: undefined, clearSide: undefined }, { width: size, height: size });
  const at = (yaw: number) => ({ ...withRim.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } });
  // lp_s10's far side was turned away in the photo: its rim starts clearing at RIM_AWAY_FROM_DEG, not RIM_CLEAR_FROM (s41 rimClearAway.ts)
  for (const yaw of [0, RIM_AWAY_FROM_DEG, -25]) {
    assert.deepEqual(withRim.render(at(yaw)).data, withoutRim.render(at(yaw)).data, `yaw ${yaw} unchanged`);
  }
  // drawn (alpha >= 128) pixels around the far jaw below the mouth (landmarks 150, 149, 176) at +25
  const lm = withRim.landmarks(at(25));
  const jaw = [150, 149, 176].map((k) => lm[k]!), iod = Math.hypot(lm[33]![0] - lm[263]![0], lm[33]![1] - lm[263]![1]);
  const cx = jaw.reduce((s, p) => s + p[0], 0) / 3, cy = jaw.reduce((s, p) => s + p[1], 0) / 3, r = 0.35 * iod;
  const drawn = (data: Uint8ClampedArray) => {
    let n = 0;
    for (let y = Math.floor(cy - r); y <= cy + r; y++) for (let x = Math.floor(cx - r); x <= cx + r; x++) if (data[(y * size + x) * 4 + 3]! >= 128) n++;
    return n;
  };
  const before = drawn(withoutRim.render(at(25), { background: null }).data), after = drawn(withRim.render(at(25), { background: null }).data);
  // main at 64cd961: the sheet past the oval drew 763 px there (bench/chinLobe.ts lobe px), now 151
  assert.ok(before - after > 300, `drawn px by the far chin at +25: ${before} -> ${after}`);
});

test('a frontal photo (lp_s7) has no rim to clear: its avatar carries none', async () => {
  const avatar = buildAvatar(await analyzePortrait(PORTRAITS + 'lp_s7.jpg'));
  assert.equal(avatar.uvCleared, undefined);
  assert.equal(avatar.clearSide, undefined);
});
