// teeth33 (issue #13): a speech opening's row stays lit to the canines and falls off only into the
// corners, as real rows photographed at speech openings do (mt_sun f78-216 side .72 of the central
// incisors' luma, lp_d6 f132-180 .76; ours .53 / .47 with the corners' shade as lateral^4).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sideFalloff } from '../src/render/mouth/sideFall.ts';

/** frameLight.ts SIDE_DARK */
const SIDE_DARK = 0.85;
const light = (lateral: number, reach: number) => 1 - SIDE_DARK * sideFalloff(lateral, reach);

test('a row lit all the way out keeps its canines white and its corners dark', () => {
  // lateral^4 left a tooth .75 out at .73 of the centre's light
  assert.ok(light(0.75, 1) > 0.88, `.75 out: ${light(0.75, 1).toFixed(3)}`);
  assert.ok(light(0.6, 1) > 0.95, `.6 out: ${light(0.6, 1).toFixed(3)}`);
  assert.ok(light(1, 1) < 0.2, `corner: ${light(1, 1).toFixed(3)}`);
  // a small parting's shade is session 19's lateral^2 (the child's small opening, test/teethMouthSize)
  for (const l of [0.3, 0.6, 0.9]) assert.ok(Math.abs(sideFalloff(l, 0) - l * l) < 1e-12);
  // lit all the way out, lateral^8 (spelled out as multiplications since s38: the same shade, no pow per pixel)
  for (const l of [0.3, 0.6, 0.9, 1]) assert.ok(Math.abs(sideFalloff(l, 1) - l ** 8) < 1e-15);
  // darker toward the corner, lighter as the row is lit further out
  for (let l = 0; l < 1; l += 0.05) for (const r of [0, 0.5, 1]) {
    assert.ok(light(l + 0.05, r) <= light(l, r) + 1e-12);
    assert.ok(light(l, Math.min(1, r + 0.25)) >= light(l, r) - 1e-12);
  }
});
