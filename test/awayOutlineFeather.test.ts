// lp_s10's far cheek on small turns toward the camera (issue #15, s37 edge37): the outline's feather
// follows the far band's clear switch on a side the photo was turned away from, so at +2..3° the
// cheek's edge is a soft ramp, not a cut-out with 1-px steps; and a one-pixel hole in the person
// layer (a sheet fold poking past the face's outline on a nod) is filled from its neighbours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { outlineFeatherStrength, AWAY_FEATHER_FULL_DEG, HIDE_FEATHER_FULL_DEG, hideFeatherSetting } from '../src/render/awayOutlineFeather.ts';
import { fillPinholes, isPinhole } from '../src/render/pinholeFill.ts';
import { AWAY_CLEAR_FULL_DEG } from '../src/avatar/farBandClear.ts';
import { sharedData } from '../bench/sharedData.ts';

test('outlineFeatherStrength: the turn amount on facing photos and turns away; the band switch toward a side turned away', () => {
  assert.equal(outlineFeatherStrength(0.2, 2, 0), 0.2);
  // lp_s10 turning the other way, hiding its far side: the feather leads there too (s50 farside50; before 0.2)
  assert.equal(outlineFeatherStrength(0.2, -2, -34), 1);
  assert.ok(Math.abs(outlineFeatherStrength(0.1, -HIDE_FEATHER_FULL_DEG / 2, -34) - 0.5) < 1e-9);
  assert.equal(outlineFeatherStrength(0.2, -2, -10), 0.2); // lp_s12, a photo turned 10°: unchanged
  hideFeatherSetting.on = false;
  try { assert.equal(outlineFeatherStrength(0.2, -2, -34), 0.2); } finally { hideFeatherSetting.on = true; }
  assert.equal(outlineFeatherStrength(0, 0, -34), 0);
  // full by AWAY_FEATHER_FULL_DEG (s37 halo37: the band's outer ring is gone by then), no longer AWAY_CLEAR_FULL_DEG
  assert.ok(Math.abs(outlineFeatherStrength(0.1, AWAY_FEATHER_FULL_DEG / 2, -34) - 0.5) < 1e-9);
  assert.equal(outlineFeatherStrength(0.3, AWAY_FEATHER_FULL_DEG, -34), 1);
  assert.equal(outlineFeatherStrength(0.3, -AWAY_FEATHER_FULL_DEG, 34), 1); // the mirrored photo
  assert.ok(AWAY_FEATHER_FULL_DEG < AWAY_CLEAR_FULL_DEG);
});

const px = (r: number, g: number, b: number, a: number) => (r | (g << 8) | (b << 16) | (a << 24)) >>> 0;

test('fillPinholes: a lone translucent pixel inside opaque skin takes its neighbours\' mean; an outline is left alone', () => {
  assert.ok(isPinhole(93, 217, 255) && !isPinhole(93, 140, 255) && !isPinhole(180, 255, 255));
  const W = 5, H = 3, skin = px(200, 160, 150, 255);
  const c = new Uint32Array(W * H).fill(skin);
  c[1 * W + 2] = px(60, 50, 45, 80); // the hole
  c[1 * W + 0] = 0; // the clear side of an outline at the row's start
  c[1 * W + 1] = px(100, 80, 75, 128); // the outline's soft pixel: a clear neighbour, not a hole
  const before = Uint32Array.from(c);
  assert.equal(fillPinholes(c, W, H), 1);
  assert.equal(c[1 * W + 2], skin);
  for (let i = 0; i < c.length; i++) if (i !== 1 * W + 2) assert.equal(c[i], before[i], `pixel ${i} unchanged`);
});

test('lp_s10 at +2..3° and -3° (s50: hiding the far side): the far cheek\'s outline is a soft ramp, not a one-pixel cut', async () => {
  const avatar = buildAvatar(await analyzePortrait(sharedData('portraits/lp_s10.jpg')));
  const size = avatar.size;
  const r = createRenderer(avatar, { width: size, height: size });
  const at = (yaw: number) => ({ ...r.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } });
  for (const yaw of [-3, 2, 3]) {
    const lm = r.landmarks(at(yaw)), d = r.render(at(yaw), { background: null }).data;
    // rows from the far eye to the chin whose solid (alpha >= 192) silhouette has a pixel under 64 just outside
    let rows = 0, cuts = 0;
    for (let y = Math.round(lm[33]![1]); y <= Math.round(lm[152]![1]); y++, rows++) {
      let s = 0;
      while (s < size && d[(y * size + s) * 4 + 3]! < 192) s++;
      if (s > 0 && d[(y * size + s - 1) * 4 + 3]! < 64) cuts++;
    }
    // before (the feather at turnAmount: a quarter to a half at +2..3°): 81 and 77 of 131 rows; at -3°
    // (the face's front slid over the far band's matte ramp) ~.48 of the rows before s50
    assert.ok(cuts < 0.1 * rows, `yaw ${yaw}: ${cuts} of ${rows} rows cut`);
  }
});
