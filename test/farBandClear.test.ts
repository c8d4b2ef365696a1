// The head sheet's clear-on-turn band beside a turned photo's far cheek (issue #15, s36 fringe36): no
// lone ray keeps its soft ramp between clearing ones, and on a side the photo was turned away from the
// band is clear by AWAY_CLEAR_FULL_DEG, so lp_s10 swaying 4-8° toward the camera shows no translucent
// stair-stepped fringe outside her far cheek; the photo's pose and turns away render as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { gapRays, bandClearRate, AWAY_CLEAR_FULL_DEG } from '../src/avatar/farBandClear.ts';
import { CLEAR_ON_TURN } from '../src/avatar/sheetFold.ts';
import { sharedData } from '../bench/sharedData.ts';

test('gapRays: a ray not clearing between two clearing ones, cyclic; runs of two are left alone', () => {
  assert.deepEqual(gapRays([true, false, true, true, false, false, true]), [1]);
  assert.deepEqual(gapRays([false, true, true, true]), [0]);
  assert.deepEqual(gapRays([true, true, true]), []);
});

test('bandClearRate: the usual rate on a side the photo faces, clear by AWAY_CLEAR_FULL_DEG on one it was turned away from', () => {
  assert.equal(bandClearRate(0), CLEAR_ON_TURN);
  assert.equal(bandClearRate(-34), CLEAR_ON_TURN);
  assert.ok(Math.abs(bandClearRate(34) - 25 / AWAY_CLEAR_FULL_DEG) < 1e-9);
  assert.ok(bandClearRate(24) > CLEAR_ON_TURN && bandClearRate(24) < bandClearRate(34));
});

test('lp_s10: at +6° fewer translucent px outside the far cheek than with the s35 band; rest and -25 unchanged', async () => {
  const avatar = buildAvatar(await analyzePortrait(sharedData('portraits/lp_s10.jpg')));
  // the s35 band: the clear switch at CLEAR_ON_TURN wherever it is sooner now
  const fast = 25 / AWAY_CLEAR_FULL_DEG, old = Float32Array.from(avatar.revealDir);
  let sooner = 0;
  // (s37 halo37: the band's rings clear one after another, at rates from `fast` up, with revealStart)
  for (let v = 0; v < old.length / 2; v++) if (Math.abs(old[v * 2]!) > fast - 1e-3) { old[v * 2] = Math.sign(old[v * 2]!) * CLEAR_ON_TURN; sooner++; }
  assert.ok(sooner >= 10, `lp_s10's far band has vertices clearing sooner (${sooner})`);
  const size = avatar.size;
  const now = createRenderer(avatar, { width: size, height: size });
  const before = createRenderer({ ...avatar, revealDir: old, revealStart: undefined }, { width: size, height: size });
  const at = (yaw: number) => ({ ...now.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } });
  for (const yaw of [0, -25]) assert.deepEqual(now.render(at(yaw)).data, before.render(at(yaw)).data, `yaw ${yaw} unchanged`);
  // translucent px (alpha 5-191) more than 2 px outside the solid far (image-left) silhouette, far eye to chin
  const lm = now.landmarks(at(6));
  const haze = (data: Uint8ClampedArray) => {
    let n = 0;
    for (let y = Math.round(lm[33]![1]); y <= Math.round(lm[152]![1]); y++) {
      let s = 0;
      while (s < size && data[(y * size + s) * 4 + 3]! < 192) s++;
      for (let x = 0; x < s - 2; x++) { const a = data[(y * size + x) * 4 + 3]!; if (a >= 5) n++; }
    }
    return n;
  };
  const hBefore = haze(before.render(at(6), { background: null }).data), hNow = haze(now.render(at(6), { background: null }).data);
  // bench/farCheekClip.ts, lp_s10 + eng.wav, frames turned > 4°: median haze 506 -> 265
  assert.ok(hNow < 0.75 * hBefore, `translucent px outside the far cheek at +6°: ${hBefore} -> ${hNow}`);
});
