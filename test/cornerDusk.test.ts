// s38 (notch38): the photo's dusky corner shade (darker than the lip and skin round it, lighter than the black notch)
// is lifted as the lips part too; kept, the jaw stretched it under the lower lip's end into a dark wedge
// (st_full_body_1 + eng f94-98). The rest frame keeps the photo.
import test from 'node:test';
import assert from 'node:assert/strict';
import { CornerSkin } from '../src/render/mouth/cornerSkin.ts';
import { luminance } from '../src/math/colour.ts';

test('a dusky shade at .8 of the light round the mouth corner is lifted as the lips part', () => {
  const W = 64, data = new Uint8ClampedArray(W * W * 4);
  for (let y = 0; y < W; y++) for (let x = 0; x < W; x++) {
    const o = (y * W + x) * 4, dusk = x >= 21 && x <= 25 && y >= 31 && y <= 34;
    const k = dusk ? 0.8 : 1;
    data[o] = 200 * k; data[o + 1] = 160 * k; data[o + 2] = 150 * k; data[o + 3] = 255;
  }
  const photo = Uint8ClampedArray.from(data);
  const corners = new CornerSkin(data, W, W, (i) => (i === 61 ? [20.5, 30.5] : [50, 30]), 100);
  const at = (x: number, y: number) => { const o = (y * W + x) * 4; return luminance(data[o]!, data[o + 1]!, data[o + 2]!); };
  corners.update(0);
  assert.deepEqual(data, photo, 'the rest frame keeps the photo');
  corners.update(1);
  // main (DARK .7): 0.80 of the skin round it, untouched
  assert.ok(at(23, 32) > 0.83 * at(40, 10), `dusk ${at(23, 32).toFixed(0)} against ${at(40, 10).toFixed(0)} round it`);
});
