// s48 (browband48): brows raised over a SHUT lid (render/shutBrowBand.ts): the uncovered band takes the lid skin's colour
// at half way to its lightness instead of the forehead's lit skin (mt_man's pale grey-green strip over the shut lids);
// a band the pass does not lighten (lp_s1: ratio ~1) is left as it was; a shut lid without a raise draws nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { faceTextures } from '../src/render/faceTextures.ts';
import { lidChroma, lightenedShare, shutBandTarget, shutBrowBandSetting } from '../src/render/shutBrowBand.ts';
import { CONTROL_INDEX } from '../src/rig/controls.ts';
import { sharedData } from '../bench/sharedData.ts';

const luma = (d: ArrayLike<number>, o: number) => 0.3 * d[o]! + 0.59 * d[o + 1]! + 0.11 * d[o + 2]!;

test('shutBandTarget: a pale target moves toward the lid tone by the shut share; a target no lighter than the lid stays', () => {
  const n = 20, pale = new Float32Array(n * 3), lid = new Float32Array(n * 3);
  for (let q = 0; q < n; q++) { pale.set([200, 195, 190], q * 3); lid.set([150, 110, 90], q * 3); }
  const open = shutBandTarget(pale, lid, 0), half = shutBandTarget(pale, lid, 0.5), shut = shutBandTarget(pale, lid, 1);
  assert.deepEqual(Array.from(open.slice(0, 3)).map(Math.round), [200, 195, 190], 'open lid: the target as built');
  const ll = luma(lid, 0), lt = luma(pale, 0);
  assert.ok(Math.abs(luma(shut, 0) - (lt + shutBrowBandSetting.reach * (ll - lt))) < 1, `shut: lightness reach of the way: ${luma(shut, 0)}`);
  assert.ok(luma(half, 0) < lt && luma(half, 0) > luma(shut, 0), 'half shut: between');
  assert.ok(shut[0]! / shut[2]! > 1.5, `shut: the lid's warm colour ${shut.slice(0, 3).join(',')}`);
  const dark = shutBandTarget(lid, pale, 1);
  assert.deepEqual(Array.from(dark.slice(0, 3)).map(Math.round), [150, 110, 90], 'a target darker than the lid sample stays');
  const c = lidChroma(lid);
  assert.ok(Math.abs(c[0] * 0.3 + c[1] * 0.59 + c[2] * 0.11 - 1) < 1e-3 && c[0] > c[2]);
});

test('shutBandTarget: with the lid tone read once and a reused output (brows.ts, s50 speed50) the same floats as fresh', () => {
  const n = 30, target = new Float32Array(n * 3), lid = new Float32Array(n * 3);
  for (let i = 0; i < n * 3; i++) { target[i] = 120 + ((i * 37) % 100); lid[i] = 60 + ((i * 53) % 120); }
  const tone = lidChroma(lid), out = new Float32Array(n * 3).fill(-1);
  for (const shut of [0.2, 0.7, 1]) {
    const got = shutBandTarget(target, lid, shut, tone, out);
    assert.equal(got, out, 'written into the given array');
    assert.deepEqual(Array.from(got), Array.from(shutBandTarget(target, lid, shut)), `shut ${shut}`);
  }
});

test('lightenedShare: 1 where the photo band is much darker than its target, 0 where it is as light', () => {
  const n = 40, t = Float32Array.from({ length: n }, (_, q) => 0.2 + (0.6 * q) / (n - 1));
  const target = new Float32Array(n * 3).fill(160);
  assert.equal(lightenedShare(new Uint8ClampedArray(n * 3).fill(100), target, t), 1);
  assert.equal(lightenedShare(new Uint8ClampedArray(n * 3).fill(165), target, t), 0);
});

/** Side 0's band after the pass at a brow raise, with the lid shut or open: the mean luma of the upper band (t .5-.85) and the untouched share with the lid shut and no raise. */
async function band(file: string, on: boolean) {
  const was = shutBrowBandSetting.on; shutBrowBandSetting.on = on;
  try {
    const avatar = buildAvatar(await analyzePortrait(path.join(sharedData('portraits/'), file)));
    const photo = avatar.rig.photoWeights, t = faceTextures(avatar);
    const side = (t.underBrow as unknown as { sides: { pixels: Int32Array; profile: Float32Array }[] }).sides[0]!;
    const mean = () => { let s = 0, n = 0; for (let q = 0; q < side.pixels.length; q++) if (side.profile[q]! > 0.9) { s += luma(t.lidSkin.data, side.pixels[q]!); n++; } return s / n; };
    const before = Uint8ClampedArray.from(t.lidSkin.data);
    const w = Float64Array.from(photo);
    w[CONTROL_INDEX.eyeBlinkLeft] = 1; w[CONTROL_INDEX.eyeBlinkRight] = 1;
    t.underBrow.update(w, photo);
    const untouched = t.lidSkin.data.every((v, i) => v === before[i]);
    w[CONTROL_INDEX.browInnerUp] = 0.8; w[CONTROL_INDEX.browOuterUpLeft] = 0.5; w[CONTROL_INDEX.browOuterUpRight] = 0.5;
    t.underBrow.restart(); t.underBrow.update(w, photo);
    return { mean: mean(), untouched };
  } finally { shutBrowBandSetting.on = was; }
}

test('mt_man brows up over shut lids: the band is darker than the forehead-lit band; lp_s1 as before; blink alone draws nothing', async () => {
  const off = await band('mt_man.png', false), on = await band('mt_man.png', true);
  console.log(`mt_man shut-lid band luma: s47 ${off.mean.toFixed(1)} ours ${on.mean.toFixed(1)}`);
  assert.ok(on.untouched && off.untouched, 'a shut lid without a raise leaves the texture');
  assert.ok(on.mean < off.mean - 8, `darker than the pale band: ${on.mean.toFixed(1)} vs ${off.mean.toFixed(1)}`);
  const a = await band('lp_s1.jpg', false), b = await band('lp_s1.jpg', true);
  assert.ok(Math.abs(a.mean - b.mean) < 2, `lp_s1's band nearly unchanged: ${a.mean.toFixed(1)} -> ${b.mean.toFixed(1)}`);
});
