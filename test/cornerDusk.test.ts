// s39 (photomouth39, after notch38): the photo's dusky corner shade (.7-.85 of the light round the corner) is lifted as
// the lips part only under the lower lip's end, where the jaw stretched it into a dark wedge (st_full_body_1 + eng
// f94-98); beside and above the corner (a grin's corner dark, which the face mesh reads the corners by) it stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { underLowerLipEnd } from '../src/render/mouth/cornerDusk.ts';
import { CornerSkin } from '../src/render/mouth/cornerSkin.ts';

// image-left corner at (20, 30), the far corner at (60, 30), the lower lip's outer line two in at (26, 36), its middle (40, 40)
const C = [20, 30] as const, FAR = [60, 30] as const, LOW = [26, 36] as const, CHIN = [40, 40] as const;

test('under the lower lip\'s end: below the corner and the chord to the lower lip; not beside, above or on the lip', () => {
  assert.equal(underLowerLipEnd(22, 36, C, FAR, LOW, CHIN), true);
  assert.equal(underLowerLipEnd(17, 34, C, FAR, LOW, CHIN), true);
  assert.equal(underLowerLipEnd(16, 29, C, FAR, LOW, CHIN), false); // beside the corner, at the lip line: a grin's crease
  assert.equal(underLowerLipEnd(22, 27, C, FAR, LOW, CHIN), false); // above
  assert.equal(underLowerLipEnd(28, 33, C, FAR, LOW, CHIN), false); // the lower lip's end itself, above the chord
  // the same for the image-right corner (mirrored)
  assert.equal(underLowerLipEnd(58, 36, FAR, C, [54, 36], CHIN), true);
  assert.equal(underLowerLipEnd(64, 29, FAR, C, [54, 36], CHIN), false);
});

test('a corner disc\'s dusk (.8 of its light) is lifted under the lip\'s end as the lips part, kept beside the corner', () => {
  const W = 80, H = 60, data = new Uint8ClampedArray(W * H * 4);
  // skin 200; a dusk of 160 (.8) under the corner and beside it at the lip line
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const o = (y * W + x) * 4;
    const dusk = (Math.abs(x - 21) <= 1 && Math.abs(y - 35) <= 1) || (Math.abs(x - 15) <= 1 && Math.abs(y - 30) <= 0);
    data[o] = data[o + 1] = data[o + 2] = dusk ? 160 : 200; data[o + 3] = 255;
  }
  const at: Record<number, [number, number]> = { 61: [20, 30], 291: [60, 30], 91: [26, 36], 321: [54, 36], 17: [40, 40] };
  const skin = new CornerSkin(data, W, H, (i) => at[i]!, 100);
  const lum = (x: number, y: number) => data[(y * W + x) * 4]!;
  assert.equal(lum(21, 35), 160);
  skin.update(1, 1);
  // (toward .85 of the light, by the disc's fall-off there: .36; under the .7 rule it stayed 160)
  assert.ok(lum(21, 35) >= 162, `under the lip's end: ${lum(21, 35)}`);
  assert.equal(lum(15, 30), 160, 'beside the corner at the lip line: kept');
  skin.update(0, 0);
  assert.equal(lum(21, 35), 160, 'shut again: as the photo');
});
