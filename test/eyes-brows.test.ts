// Forehead folds (src/render/brows.ts) on a synthetic forehead: raised brows deepen the photo's
// shallow horizontal grooves, lowered brows smooth them, a dark hair strand is left alone, and at
// the photo's own brows the texture is the photo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ForeheadFolds } from '../src/render/brows.ts';
import { CONTROL_COUNT, CONTROL_INDEX } from '../src/rig/controls.ts';

test('forehead folds: grooves deepen with raised brows, smooth with lowered ones; hair and the rest untouched', () => {
  const W = 200, H = 160;
  const data = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const o = (y * W + x) * 4;
    // skin 180; a shallow wrinkle at rows 60-61 (-10 %); a dark hair strand at rows 80-81
    const v = y === 60 || y === 61 ? 162 : y === 80 || y === 81 ? 60 : 180;
    data[o] = data[o + 1] = data[o + 2] = v; data[o + 3] = 255;
  }
  const photo = Uint8ClampedArray.from(data);
  // the forehead outline: top arc at y 20, brow tops at y 120 (the TOP and BROW_TOPS landmarks)
  const top = [54, 103, 67, 109, 10, 338, 297, 332, 284], brows = [300, 293, 334, 296, 336, 107, 66, 105, 63, 70];
  const xy = (i: number): [number, number] => {
    const t = top.indexOf(i), b = brows.indexOf(i);
    if (t >= 0) return [20 + (160 * t) / (top.length - 1), 20];
    if (b >= 0) return [180 - (160 * b) / (brows.length - 1), 120];
    return [100, 150];
  };
  const folds = new ForeheadFolds(data, W, H, xy, 60);
  const w = new Float64Array(CONTROL_COUNT), p = new Float64Array(CONTROL_COUNT);
  const at = (y: number) => data[(y * W + 100) * 4]!;
  folds.update(w, p);
  assert.deepEqual(data, photo, 'at the photo own brows the texture is the photo');
  w[CONTROL_INDEX.browInnerUp] = 1;
  folds.update(w, p);
  assert.ok(at(60) <= 154, `wrinkle deepens: ${at(60)}`);
  assert.equal(at(80), 60, 'hair strand untouched');
  assert.equal(at(40), 180, 'smooth skin untouched');
  w[CONTROL_INDEX.browInnerUp] = 0; w[CONTROL_INDEX.browDownLeft] = 1; w[CONTROL_INDEX.browDownRight] = 1;
  folds.update(w, p);
  assert.ok(at(60) > 162 && at(60) < 180, `wrinkle smooths: ${at(60)}`);
});
