// lashCore.ts (blink32): the shut lash line's core taken down to the photo's own lash darkness
// without thickening the line; off by default (the face mesh read the darker line as more open).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATCH_V0, PATCH_PPW, PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { eyeGeometry } from '../src/render/closedEye/library.ts';
import { shutAt } from '../src/render/closedEye/lids.ts';
import { corePower, darkenLashCore, LASH_CORE_DEFAULT } from '../src/render/closedEye/lashCore.ts';
import { syntheticEyeFace } from './syntheticEyes.ts';

test('corePower: a line lighter than the target gets a power over 1 that lands on it; a dark enough line none', () => {
  const p = corePower(0.4, 0.1);
  assert.ok(Math.abs(Math.pow(0.4, p) - 0.1) < 1e-9, `0.4^${p.toFixed(3)} = 0.1`);
  assert.equal(corePower(0.1, 0.4), 1);
  assert.equal(corePower(0.3, 0.3), 1);
  // never past the floor: a target of 0.01 is taken as 0.08
  assert.ok(Math.abs(Math.pow(0.4, corePower(0.4, 0.01)) - 0.08) < 1e-9);
  assert.equal(LASH_CORE_DEFAULT, false);
});

test('darkenLashCore: the core row darkens toward the target; rows 0.06 eye widths off and the lid lighter than the skin stay', () => {
  const face = syntheticEyeFace([180, 140, 120], { centreY: 114, halfHeight: 13, darkness: 0.25, brow: false });
  const g = eyeGeometry(face.xy)[0]!;
  const SKIN = 200;
  const rgb = new Float32Array(PATCH_W * PATCH_H * 3).fill(SKIN);
  const rowOf = (v: number) => Math.round((v - PATCH_V0) * PATCH_PPW - 0.5);
  const c = Math.round(PATCH_W / 2), u = -0.3 + (c + 0.5) / PATCH_PPW;
  const shutRow = rowOf(shutAt(g, u));
  // a soft line at the shut edge in every column: 0.5 of the skin at its core, 0.75 a row either side
  for (let col = 0; col < PATCH_W; col++) {
    for (const [dr, share] of [[-1, 0.75], [0, 0.5], [1, 0.75]] as const) {
      const k = ((rowOf(shutAt(g, Math.min(1, Math.max(0, -0.3 + (col + 0.5) / PATCH_PPW)))) + dr) * PATCH_W + col) * 3;
      rgb.fill(SKIN * share, k, k + 3);
    }
  }
  // a lid highlight well above the line
  const hiK = ((shutRow - 8) * PATCH_W + c) * 3;
  rgb.fill(230, hiK, hiK + 3);
  const before = Float32Array.from(rgb);
  darkenLashCore(rgb, g, (_u, _v, out) => { out[0] = out[1] = out[2] = SKIN; }, corePower(0.5, 0.2));
  const at = (a: Float32Array, r: number) => a[(r * PATCH_W + c) * 3]!;
  assert.ok(Math.abs(at(rgb, shutRow) - SKIN * 0.2) < 1, `core ${at(before, shutRow)} -> ${at(rgb, shutRow).toFixed(1)} (target ${SKIN * 0.2})`);
  // a row off the core darkens less than the core (the line does not thicken as a whole power would)
  const side = at(rgb, shutRow + 1) / at(before, shutRow + 1), core = at(rgb, shutRow) / at(before, shutRow);
  assert.ok(side > core + 0.15, `a row off the core keeps more: ${side.toFixed(2)} vs core ${core.toFixed(2)}`);
  assert.equal(at(rgb, shutRow + 3), at(before, shutRow + 3), '0.06 eye widths below: skin kept');
  assert.equal(at(rgb, shutRow - 8), 230, 'the lid lighter than the skin is kept');
});
