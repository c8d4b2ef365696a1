// A turn's pulled texel is shaded from the light it was photographed in (issue #15, s58 farcheek58: mt_man's far cheek
// at yaw +25 a pale band as light up to its new outline as in its middle; src/render/revealLight.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { bandLightActivationInto, lightFacing, shadedFromFacing, sideTurn } from '../src/render/revealLight.ts';
import { turnShade } from '../src/render/turn.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { sharedData } from '../bench/sharedData.ts';
import { bandFigures } from '../bench/farBandFigures.ts';

test('lightFacing: a texel as bright as square-on skin reads as facing the camera; a shaded one as turned away', () => {
  assert.equal(lightFacing(1), 1);
  assert.equal(lightFacing(1.3), 1);
  assert.equal(lightFacing(0.5), 0);
  assert.ok(Math.abs(lightFacing(0.75) - 0.5) < 1e-12);
  // a square-on texel drawn on a band facing the camera by .4 darkens; one photographed at that light does not
  assert.ok(turnShade(lightFacing(1), 0.4) < 0.8);
  assert.equal(turnShade(lightFacing(0.7), 0.45), 1);
});

test('shadedFromFacing: own facing at no pull or a full mirror share, the source at a full pull', () => {
  assert.equal(shadedFromFacing(0.2, 0.9, 0, 0), 0.2);
  assert.ok(Math.abs(shadedFromFacing(0.2, 0.9, 1, 0) - 0.9) < 1e-12);
  assert.ok(Math.abs(shadedFromFacing(0.2, 0.9, 0.5, 0) - 0.55) < 1e-12);
  assert.equal(shadedFromFacing(0.2, 0.9, 1, 1), 0.2);
});

test('sideTurn / bandLightActivationInto (s59 turn59): the band\'s shading follows the turn toward its side, not only the pull', () => {
  // revealX = -yaw / 25: +25 deg turns toward image-left (revealDir.x < 0)
  assert.equal(sideTurn(-0.3, 1), 0);
  assert.equal(sideTurn(-0.3, -1), 1);
  assert.equal(sideTurn(0.3, 0.5), 0.5);
  assert.equal(sideTurn(0.3, 2), 1);
  assert.equal(sideTurn(0, 1), 0);
  const dir = Float32Array.from([-0.2, 0, 0.4, 0, -0.9, 0]), list = Int32Array.from([0, 1, 2]);
  const k = Float32Array.from([0.1, 0, 0.95]);
  bandLightActivationInto(dir, list, 25, k); // +25: the image-left vertices (0, 2) at least 1; the other side kept
  assert.deepEqual([...k], [1, 0, 1]);
  const k0 = Float32Array.from([0.1, 0.2, 0.3]);
  bandLightActivationInto(dir, list, 0, k0); // the photo's pose: unchanged
  assert.deepEqual([...k0].map((x) => +x.toFixed(3)), [0.1, 0.2, 0.3]);
  bandLightActivationInto(dir, list, -12.5, k0); // -12.5: only the image-right vertex (1) rises, to .5
  assert.deepEqual([...k0].map((x) => +x.toFixed(3)), [0.1, 0.5, 0.3]);
});

test('mt_man -25 / +25: the revealed cheek darkens toward its outline; the photo\'s pose is unchanged', async () => {
  const avatar = buildAvatar(await analyzePortrait(path.join(sharedData('portraits'), 'mt_man.png')));
  const on = createRenderer(avatar, { width: avatar.size, height: avatar.size });
  const off = createRenderer(avatar, { width: avatar.size, height: avatar.size, revealLight: false });
  const pullOnly = createRenderer(avatar, { width: avatar.size, height: avatar.size, revealLightBand: false });
  const at = (yaw: number) => ({ ...on.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } });
  // rest: byte-equal (no reveal, no turn shading)
  assert.deepEqual(Buffer.from(on.render(at(0)).data), Buffer.from(off.render(at(0)).data));
  assert.deepEqual(Buffer.from(on.render(at(0)).data), Buffer.from(pullOnly.render(at(0)).data));
  for (const yaw of [-25, 25]) {
    const side = yaw > 0 ? -1 : 1;
    const g1 = bandFigures(on.render(at(yaw)), on.landmarks(at(yaw)), side).grad;
    const g0 = bandFigures(off.render(at(yaw)), off.landmarks(at(yaw)), side).grad;
    // off (main 8d697350): +25 1.038, -25 0.980 (outer quarter over the band's middle); on: 1.009, 0.893;
    // real 3/4 frames' wide cheek 0.92-0.93 (christie f0, pcavs741 f104)
    assert.ok(g1 < g0 - 0.02, `yaw ${yaw}: grad ${g1.toFixed(3)} (off ${g0.toFixed(3)})`);
    // s59 turn59: +25's pale wedge (little pull between cheekbone and jaw) darkens too: pull-only 1.009 -> 0.890
    if (yaw > 0) { const gp = bandFigures(pullOnly.render(at(yaw)), pullOnly.landmarks(at(yaw)), side).grad; assert.ok(g1 < gp - 0.05, `+25 band: grad ${g1.toFixed(3)} (pull only ${gp.toFixed(3)})`); }
  }
});
