// Forehead folds (src/render/brows.ts) on a synthetic forehead: raised brows deepen the photo's
// shallow horizontal grooves, lowered brows smooth them, a dark hair strand is left alone, and at
// the photo's own brows the texture is the photo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ForeheadFolds } from '../src/render/brows.ts';
import { CONTROL_COUNT, CONTROL_INDEX } from '../src/rig/controls.ts';

test('forehead folds: grooves deepen with raised brows, smooth with lowered ones; soft lines drawn on bare skin over the brows, creases between them in a frown; hair and the rest untouched', () => {
  const W = 200, H = 160;
  const data = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const o = (y * W + x) * 4;
    // skin 180; a shallow wrinkle at rows 60-61 (-10 %); a dark hair strand at rows 80-81
    const v = y === 60 || y === 61 ? 162 : y === 80 || y === 81 ? 60 : 180;
    data[o] = data[o + 1] = data[o + 2] = v; data[o + 3] = 255;
  }
  const photo = Uint8ClampedArray.from(data);
  // the forehead outline: top arc at y 20, brow tops at y 120 (the TOP and BROW_TOPS landmarks),
  // the inner brow heads' lower points (55, 285) at y 125, the outer eye corners (33, 263) 120 apart (iod)
  const top = [54, 103, 67, 109, 10, 338, 297, 332, 284], brows = [300, 293, 334, 296, 336, 107, 66, 105, 63, 70];
  const other: Record<number, [number, number]> = { 33: [40, 150], 263: [160, 150], 55: [90, 125], 285: [110, 125] };
  const xy = (i: number): [number, number] => {
    const t = top.indexOf(i), b = brows.indexOf(i);
    if (t >= 0) return [20 + (160 * t) / (top.length - 1), 20];
    if (b >= 0) return [180 - (160 * b) / (brows.length - 1), 120];
    return other[i] ?? [100, 150];
  };
  const folds = new ForeheadFolds(data, W, H, xy, 120);
  const w = new Float64Array(CONTROL_COUNT), p = new Float64Array(CONTROL_COUNT);
  const at = (y: number, x = 100) => data[(y * W + x) * 4]!;
  const column = (x: number, y0: number, y1: number) => Array.from({ length: y1 - y0 + 1 }, (_, k) => at(y0 + k, x));
  folds.update(w, p);
  assert.deepEqual(data, photo, 'at the photo own brows the texture is the photo');
  w[CONTROL_INDEX.browInnerUp] = 1;
  folds.update(w, p);
  assert.ok(at(60) <= 154, `wrinkle deepens: ${at(60)}`);
  assert.equal(at(80), 60, 'hair strand untouched');
  assert.equal(at(40), 180, 'smooth skin high on the forehead untouched');
  // over the brows (0.13-0.40 iod up: rows 72-104) a soft line: a darker valley and a lighter ridge
  const over = column(80, 84, 114);
  assert.ok(Math.min(...over) <= 168 && Math.max(...over) > 180, `a forehead line over the brows: ${Math.min(...over)}..${Math.max(...over)}`);
  assert.equal(at(150), 180, 'below the brows untouched');
  w[CONTROL_INDEX.browInnerUp] = 0; w[CONTROL_INDEX.browDownLeft] = 1; w[CONTROL_INDEX.browDownRight] = 1;
  folds.update(w, p);
  assert.ok(at(60) > 162 && at(60) < 180, `wrinkle smooths: ${at(60)}`);
  assert.equal(at(100, 80), 180, 'no forehead lines in a frown');
  // between the brow heads (x 90-110) two vertical valleys either side of the midline, the midline lighter
  const row = Array.from({ length: 21 }, (_, k) => at(112, 90 + k));
  const left = Math.min(...row.slice(0, 10)), right = Math.min(...row.slice(11));
  assert.ok(left <= 168 && right <= 170 && at(112, 100) > Math.max(left, right) + 8, `glabella creases: ${row.join(',')}`);
  // a one-sided frown (the subject's left brow, image right) creases its own side
  w[CONTROL_INDEX.browDownRight] = 0;
  folds.update(w, p);
  const one = Array.from({ length: 21 }, (_, k) => at(112, 90 + k));
  assert.ok(Math.min(...one.slice(11)) <= 170 && Math.min(...one.slice(0, 10)) > Math.min(...one.slice(11)) + 6, `one-sided frown, one crease: ${one.join(',')}`);
});

test('raised brows uncover clean skin between brow and crease; at the photo own brows the texture is the photo', async () => {
  const { UnderBrowSkin } = await import('../src/render/brows.ts');
  const W = 200, H = 200;
  const data = new Uint8ClampedArray(W * H * 4);
  // skin 200; the brow's hair (60) between its top (y 80) and lower contour (y 90); under the contour its dark lower
  // hair and the socket's shadow (90) down to the lid skin (170) above the crease and the upper lid (y 140)
  // (s55 forehead55: the brow band was the forehead's 200, which avatar/browHair.ts reads as a bare ridge, half the fill)
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const o = (y * W + x) * 4;
    data[o] = data[o + 1] = data[o + 2] = y >= 81 && y < 89 ? 60 : y >= 92 && y < 120 ? 90 : y >= 120 && y < 140 ? 170 : 200; data[o + 3] = 255;
  }
  const photo = Uint8ClampedArray.from(data);
  const rows: Record<number, [number, number]> = {};
  const place = (ids: number[], y: number, x0: number, x1: number) => ids.forEach((i, k) => { rows[i] = [x0 + ((x1 - x0) * k) / (ids.length - 1), y]; });
  place([276, 283, 282, 295, 285], 90, 110, 190); place([263, 466, 388, 387, 386, 385, 384, 398, 362], 140, 115, 185); place([300, 293, 334, 296, 336], 80, 110, 190);
  place([46, 53, 52, 65, 55], 90, 10, 90); place([33, 246, 161, 160, 159, 158, 157, 173, 133], 140, 15, 85); place([70, 63, 105, 66, 107], 80, 10, 90);
  const skin = new UnderBrowSkin(data, W, H, (i) => rows[i] ?? [0, 0], 100);
  const w = new Float64Array(CONTROL_COUNT), p = new Float64Array(CONTROL_COUNT);
  skin.update(w, p);
  assert.deepEqual(data, photo, 'at the photo own brows the texture is the photo');
  w[CONTROL_INDEX.browInnerUp] = 1; w[CONTROL_INDEX.browOuterUpLeft] = 1;
  skin.update(w, p);
  const at = (x: number, y: number) => data[(y * W + x) * 4]!;
  // s48 (lidpatch48): this socket (90 under skin 170-200, ratio ~.49) is deep by render/underBrowShade.ts's rule, so the
  // uncovered skin keeps a little of its shade (136 here; s47's lit target reached > 150)
  assert.ok(at(150, 110) > 125, `the uncovered band (subject's left) turns toward skin: ${at(150, 110)}`);
  assert.ok(at(50, 110) > at(150, 115) - 60 && at(50, 115) > 90, `the other side follows browInnerUp: ${at(50, 115)}`);
  assert.equal(at(150, 137), 170, 'on the crease the lid keeps its own texture');
  assert.equal(at(150, 150), 200, 'below the upper lid untouched');
  assert.equal(at(150, 60), 200, 'the forehead is untouched');
  assert.equal(at(150, 91), 200, 'the brow is untouched');
  w.fill(0);
  skin.update(w, p);
  assert.deepEqual(data, photo, 'back to the photo when the brows come down');
});
