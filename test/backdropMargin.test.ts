// The hole's margin the photo shows as plain backdrop stays the photo's in the plate (s40 shoulder40, issue #15):
// lp_s11's green strip beside the shoulders was filled with the card's cream (a cream wedge at rest, a green band
// along the moving outline).
import test from 'node:test';
import assert from 'node:assert/strict';
import { backdropMargin, backdropMarginSetting } from '../src/analyze/backdropMargin.ts';
import { inpaintBackground, personHole } from '../src/analyze/inpaint.ts';
import { distanceToOutside } from '../src/analyze/raster.ts';
import type { RgbaImage } from '../src/types.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { sharedData } from '../bench/sharedData.ts';


/** A cream card (x < 20) beside a green backdrop; a person's shoulder (x >= 28 from row 30, pink; the matte's soft
 *  tail .25 over x 26-27) leaves a green strip x 20-25 down the card's edge; a 3 px sliver of the person's pink at
 *  x 17-19, rows 40-44, that the matte misses. */
function strip(size = 64): { img: RgbaImage; matte: { width: number; height: number; data: Float32Array } } {
  const img: RgbaImage = { width: size, height: size, data: new Uint8ClampedArray(size * size * 4) };
  const matte = { width: size, height: size, data: new Float32Array(size * size) };
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const i = y * size + x, grain = ((x * 7 + y * 13) % 5) - 2;
    const pink = (x >= 28 && y >= 30) || (y >= 40 && y <= 44 && x >= 17 && x <= 19);
    img.data.set(pink ? [110, 76, 83, 255] : x < 20 ? [180 + grain, 182 + grain, 160 + grain, 255] : [50 + grain, 55 + grain, 44 + grain, 255], i * 4);
    matte.data[i] = y < 30 ? 0 : x >= 28 ? 1 : x >= 26 ? 0.25 : 0;
  }
  return { img, matte };
}

test('backdropMargin: a thin backdrop strip under the hole\'s margin is given back from the chin row down, a missed sliver is not', () => {
  const { img, matte } = strip();
  const hole = personHole(matte, { margin: 10 });
  const keep = backdropMargin(img, matte, hole, 0.02, 36);
  const at = (x: number, y: number) => keep[y * 64 + x]!;
  assert.equal(hole[50 * 64 + 22], 1, 'the strip is in the hole');
  for (const x of [20, 23, 25, 26, 27]) assert.equal(at(x, 50), 1, `strip/tail pixel x ${x} kept`);
  assert.equal(at(30, 50), 0, 'the person is never kept');
  assert.equal(at(18, 42), 0, 'the sliver of pink the matte misses stays in the hole');
  assert.equal(at(22, 25), 0, 'nothing above the chin row');
  assert.equal(backdropMargin(img, matte, hole, 0.02, 36, undefined, { ...backdropMarginSetting, on: false }).some((v) => v), false, 'off: nothing');
  const plate = inpaintBackground(img, matte, { margin: 10, backdropFromRow: 36 });
  const o = (50 * 64 + 23) * 4;
  assert.deepEqual([...plate.data.slice(o, o + 3)], [...img.data.slice(o, o + 3)], 'the plate keeps the strip');
  const old = inpaintBackground(img, matte, { margin: 10 });
  assert.notDeepEqual([...old.data.slice(o, o + 3)], [...img.data.slice(o, o + 3)], 'without backdropFromRow the strip is filled (as before)');
});

test('lp_s11: the plate beside the shoulders is the photo\'s green strip, not the card\'s cream', async () => {
  const p = await analyzePortrait(sharedData('portraits/lp_s11.jpg'));
  const W = p.image.width, m = p.matte.data;
  const chin = p.cropLandmarks[152]![1];
  // below the chin, within 10 px outside the person (matte < .5), where the photo shows the print's green
  const near = distanceToOutside((i) => m[i]! >= 0.5, W, W, 12);
  let n = 0, sum = 0;
  for (let i = Math.ceil(chin) * W; i < W * W; i++) {
    if (m[i]! >= 0.5 || near[i]! > 10) continue;
    const [r, g, b] = [p.image.data[i * 4]!, p.image.data[i * 4 + 1]!, p.image.data[i * 4 + 2]!];
    if (!(g > r + 3 && g > b + 5 && g < 110)) continue;
    n++;
    sum += Math.hypot(r - p.background.data[i * 4]!, g - p.background.data[i * 4 + 1]!, b - p.background.data[i * 4 + 2]!);
  }
  assert.ok(n > 300, `the strip is found: ${n} px`);
  // before s40 the plate there was the fill's cream-green: 103 levels from the photo
  assert.ok(sum / n < 20, `plate vs photo over the green strip: ${(sum / n).toFixed(1)} levels`);
});
