// s37 shoulder37: the plate's band beside the shoulders takes the real backdrop mirrored across the
// hole's border (src/analyze/shoulderMirror.ts), not a smooth fill.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mirrorBackdropIntoBand, nearestWithin } from '../src/analyze/shoulderMirror.ts';

const W = 64, H = 64;
// a backdrop of vertical stripes (period 4: 40 / 200) left of x = 32; the hole is x >= 32 below row 8
function scene() {
  const data = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const v = x % 4 < 2 ? 40 : 200, o = (y * W + x) * 4;
    data[o] = data[o + 1] = data[o + 2] = v; data[o + 3] = 255;
  }
  const hole = Uint8Array.from({ length: W * H }, (_, i) => (i % W >= 32 && i >= 8 * W ? 1 : 0));
  const known = Uint8Array.from(hole, (v) => 1 - v);
  // the fill before: flat grey (a smooth smear)
  const colour = new Float32Array(W * H * 3).fill(120);
  return { img: { width: W, height: H, data }, hole, known, colour };
}

test('nearestWithin finds the closest allowed pixel, or none within the radius', () => {
  const ok = (i: number) => i % W < 10;
  assert.equal(nearestWithin(14, 5, W, H, 6, ok), 5 * W + 9);
  assert.equal(nearestWithin(20, 5, W, H, 6, ok), -1);
});

test('the band by the border is the backdrop mirrored (its stripes continue), deeper it stays the fill, above the chin untouched', () => {
  const { img, hole, known, colour } = scene();
  const band = { fromRow: 20, rise: 4, full: 6, fade: 4 };
  const changed = mirrorBackdropIntoBand(colour, img, hole, known, band);
  assert.ok(changed > 0);
  const at = (x: number, y: number) => colour[(y * W + x) * 3]!;
  // x = 32 + k mirrors x = 31 - k: the stripes' pattern, no flat grey
  for (let k = 0; k < 6; k++) assert.equal(at(32 + k, 40), img.data[(40 * W + 31 - k) * 4], `column ${32 + k}`);
  assert.ok(new Set(Array.from({ length: 6 }, (_, k) => at(32 + k, 40))).size === 2, 'both stripe levels in the band');
  assert.equal(at(50, 40), 120, 'deep in the hole the fill is kept');
  assert.equal(at(33, 12), 120, 'above the chin nothing changes');
});
