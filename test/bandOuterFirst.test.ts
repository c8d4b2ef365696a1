// lp_s10's far-cheek halo at +1.2-1.5° (issue #15, s37 halo37): the far band clears from its outer
// rings inward, so half way through the switch no ring's texture sits half way into the photo's
// translucent edge across the whole band (the faint grey halo outside the cheek).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { clearBandOuterFirst, outerFirstWindow } from '../src/avatar/bandOuterFirst.ts';
import { AWAY_CLEAR_FULL_DEG } from '../src/avatar/farBandClear.ts';
import { sharedData } from '../bench/sharedData.ts';

test('outerFirstWindow: consecutive shares of the turn, outermost first', () => {
  assert.deepEqual(outerFirstWindow(0, 3, 3), [0, 1]);
  assert.deepEqual(outerFirstWindow(2, 3, 3), [2, 3]);
  assert.deepEqual(outerFirstWindow(0, 1, 3), [0, 3]);
});

test('clearBandOuterFirst: on a side turned away each ray\'s rings clear in turn from the outside; a facing side is left alone', () => {
  // ray 0 on the left (side -1, turned away), rings 1..3 = vertices 0..2; vertex 3 on the right (facing)
  const rate = 25 / 3, dir = new Float32Array([-rate, 0, -rate, 0, -rate, 0, 1.6, 0]);
  const ring = new Map<number, [number, number]>([[0, [0, 1]], [1, [0, 2]], [2, [0, 3]], [3, [5, 1]]]);
  const start = clearBandOuterFirst(dir, [0, 1, 2, 3], ring, (s) => (s < 0 ? 1 : 0), 3, 4);
  const k = (v: number, yaw: number) => Math.min(1, Math.max(0, Math.abs(dir[v * 2]!) * yaw / 25 - start[v]!));
  assert.equal(k(2, 1), 1); // the outermost ring is clear by 1°
  assert.equal(k(1, 1), 0); // the middle one only starts then
  assert.ok(Math.abs(k(1, 1.5) - 0.5) < 1e-6);
  assert.equal(k(0, 1.9), 0); // the innermost keeps its rest texture until 2°
  assert.equal(k(0, 3), 1);
  assert.equal(dir[6], Math.fround(1.6)); assert.equal(start[3], 0);
});

test('clearBandOuterFirst: a side barely turned away keeps nearly the rate its band already had (no jump at the away share\'s start)', () => {
  const slow = 1.6, dir = new Float32Array([-slow, 0, -slow, 0]);
  const ring = new Map<number, [number, number]>([[0, [0, 1]], [1, [0, 2]]]);
  clearBandOuterFirst(dir, [0, 1], ring, () => 0.01, 3, 2);
  for (const v of [0, 1]) assert.ok(Math.abs(Math.abs(dir[v * 2]!) - slow) < 0.05 * slow, `rate ${dir[v * 2]} against ${slow}`);
});

test('lp_s10: its far band carries ring starts; the switch half done leaves no ray with two rings part way', async () => {
  const avatar = buildAvatar(await analyzePortrait(sharedData('portraits/lp_s10.jpg')));
  assert.ok(avatar.revealStart, 'lp_s10 turned away: the band clears outer ring first');
  const yaw = AWAY_CLEAR_FULL_DEG / 2;
  let partWay = 0, band = 0;
  for (let v = 0; v < avatar.vertexCount; v++) {
    if (Math.abs(avatar.revealDir[v * 2]!) < 2 * 1.6) continue; // the away band's rates only
    band++;
    const k = Math.abs(avatar.revealDir[v * 2]!) * yaw / 25 - avatar.revealStart[v]!;
    if (k > 0.05 && k < 0.95) partWay++;
  }
  // before (one switch for the whole band): every band vertex part way at 1.5°
  assert.ok(band > 10 && partWay < 0.6 * band, `${partWay} of ${band} band vertices part way at +${yaw}°`);
});
