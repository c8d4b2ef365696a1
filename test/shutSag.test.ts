// lidring53 (s53, #14): the shut line's sag (lids.ts shutSagSetting, off) and the lid tone's bounds as a setting
// (lidRelief.ts lidToneSetting). Off, the shut line is the photo's lower lid line; on, its depth below the corners'
// line is scaled by `share` (the corners stay where they are); the tone stays within the setting's bounds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineAt } from '../src/render/closedEye/library.ts';
import { shutAt, shutSagSetting, type EyeGeometry } from '../src/render/closedEye/lids.ts';
import { lidTone, lidToneSetting } from '../src/render/closedEye/lidRelief.ts';
import { PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';

/** A round eye: the lower lid sags .2 eye widths at its middle, the upper lid rises .3, the crease .5. */
const arc = (depth: number) => {
  const u = [0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1];
  return { u, v: u.map((x) => depth * Math.sin(Math.PI * x)) };
};
const geometry: EyeGeometry = {
  frame: { ox: 100, oy: 100, ux: 30, uy: 0, vx: 0, vy: 30, width: 30 },
  lid: arc(-0.3), lower: arc(0.2), crease: arc(-0.5), brow: arc(-0.9),
};

test('off (the product), the shut line is the lower lid line; on, its sag is scaled and the corners stay', () => {
  assert.equal(shutSagSetting.on, false);
  for (const u of [0, 0.2, 0.5, 0.8, 1]) assert.equal(shutAt(geometry, u), lineAt(geometry.lower, u));
  shutSagSetting.on = true;
  try {
    assert.ok(Math.abs(shutAt(geometry, 0.5) - 0.2 * shutSagSetting.share) < 1e-9, 'the middle at share of the sag');
    assert.ok(Math.abs(shutAt(geometry, 0)) < 1e-9 && Math.abs(shutAt(geometry, 1)) < 1e-9, 'the corners on the corners\' line');
    for (const u of [0.2, 0.4, 0.6]) assert.ok(shutAt(geometry, u) < lineAt(geometry.lower, u) && shutAt(geometry, u) > 0, 'between the corners\' line and the lower lid');
  } finally {
    shutSagSetting.on = false;
  }
});

test('the lid tone stays within lidToneSetting\'s bounds, and the floor is what acts on a dark own lid', () => {
  // a grey patch: the photo's own lid (over the crease) dark, the shaded lid lighter
  const n = PATCH_W * PATCH_H;
  const photo = new Float32Array(n * 3).fill(60), lid = new Float32Array(n * 3).fill(150);
  const tone = lidTone(photo, lid, geometry);
  assert.equal(tone, lidToneSetting.min, 'own/pad .4 is held at the floor');
  const was = lidToneSetting.min;
  lidToneSetting.min = 0.3;
  try {
    assert.ok(Math.abs(lidTone(photo, lid, geometry) - 0.4) < 0.02, 'with a lower floor the raw own/pad');
  } finally {
    lidToneSetting.min = was;
  }
  const bright = new Float32Array(n * 3).fill(240);
  assert.equal(lidTone(bright, lid, geometry), lidToneSetting.max, 'a lighter own lid is held at the ceiling');
});
