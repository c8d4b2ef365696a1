// s59 oldteeth59 (issue #13, critic58 #3): lp_s12's crisp white row under a black moustache. The upper row takes the
// shade of a dark overhang read off the photo's own pixels over its upper lip (render/mouth/overhangShade.ts); a shaven
// lip reads about as light as the cheeks and takes none of it (its renders byte-identical). Portraits: lp_s12 reads .24
// (share 1), every other portrait .70-1.15 (share 0): bench/overhangOfPortraits.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Avatar } from '../src/avatar/types.ts';
import { LIPS_INNER_UPPER, LIPS_OUTER_UPPER } from '../src/rig/topology.ts';
import { OVER_BAND, OVER_SHADE, overhangLight, overhangOf, overhangShadeSetting, overhangShare } from '../src/render/mouth/overhangShade.ts';

test('a dark overhang shades the row\'s top, fading out down the row; a shaven lip none', () => {
  assert.equal(overhangShare(1.0), 0, 'a lip as light as the cheeks');
  assert.equal(overhangShare(0.65), 0, 'a lip a little darker (mt_man .85, lp_s10 .70)');
  assert.equal(overhangShare(0.22), 1, 'a black moustache (lp_s12 .22)');
  assert.equal(overhangShare(NaN), 0, 'unread');
  const unit = 100;
  assert.ok(Math.abs(overhangLight(0, unit, 1) - (1 - OVER_SHADE)) < 1e-9, 'right under the line: all of the shade');
  assert.ok(overhangLight(0.5 * (OVER_BAND[0] + OVER_BAND[1]) * unit, unit, 1) > 1 - OVER_SHADE, 'less further down');
  assert.equal(overhangLight(OVER_BAND[1] * unit, unit, 1), 1, 'the row\'s lower part at its own light');
  assert.equal(overhangLight(0, unit, 0), 1, 'share 0: untouched, to the bit');
  overhangShadeSetting.on = false;
  try { assert.equal(overhangShare(0.22), 0, 'the setting off'); } finally { overhangShadeSetting.on = true; }
});

/**
 * A 200 px square photo, cheeks at luma 200, its mouth 60 px wide at y 120 (iod 100): the upper lip (outer line at y 112,
 * inner at 120) in `lip`, the band over it in `above`.
 */
function photo(above: number, lip: number): Avatar {
  const W = 200, data = new Uint8ClampedArray(W * W * 4).fill(200);
  for (let y = 0; y < W; y++) for (let x = 0; x < W; x++) {
    const o = (y * W + x) * 4, v = y >= 112 && y < 120 ? lip : y >= 100 && y < 112 ? above : 200;
    data[o] = v; data[o + 1] = v; data[o + 2] = v; data[o + 3] = 255;
  }
  const uv = new Float64Array(478 * 2);
  const put = (ids: readonly number[], y: number) => ids.forEach((id, k) => { uv[id * 2] = 70 + (60 * k) / (ids.length - 1); uv[id * 2 + 1] = y; });
  put(LIPS_OUTER_UPPER, 112); put(LIPS_INNER_UPPER, 120);
  return { texture: { width: W, height: W, data }, uv, head: { iod: 100 } } as unknown as Avatar;
}

test('the overhang is read off the photo: dark only where hair hides the lip too', () => {
  const share = (above: number, lip: number) => overhangShare(overhangOf(photo(above, lip), 200));
  assert.equal(share(45, 45), 1, 'a black moustache over the whole lip (lp_s12)');
  assert.equal(share(200, 200), 0, 'a shaven lip in the skin\'s light');
  assert.equal(share(60, 150), 0, 'a trimmed moustache over a lit lip: the lip between keeps the row lit');
  assert.equal(share(200, 70), 0, 'a dark lipstick under light skin');
});
