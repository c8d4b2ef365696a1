// s44 (tongueout44, issue #13, critic43 worst #1b: st_happy <- lp_d6 "the upper teeth switch on and off at f58 / f59-64 /
// f65-67"): under a tongue out, the light under the driver's row is her tongue, and no longer hangs our upper row toward the
// whole opening (render/mouth/tongueOutRow.ts). f64: ours .14 of the opening's upper half teeth [driver .02] -> 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { rowUnderTongueOut } from '../src/render/mouth/tongueOutRow.ts';
import { isTeethPixel, lipReference } from '../src/motion/mouthDark.ts';
import { openingColumns } from '../bench/openingColumns.ts';
import { SHARED_PORTRAITS } from '../bench/sharedData.ts';
import type { RgbaImage } from '../src/types.ts';

const flat = (lm: ArrayLike<ArrayLike<number>>) => Float32Array.from(Array.from(lm, (p) => [p[0]!, p[1]!, p[2]!]).flat());

test('no tongue out: the under-row light as read (frames without one render byte-identical)', () => {
  assert.equal(rowUnderTongueOut(0.87, 0), 0.87);
  assert.equal(rowUnderTongueOut(0.87, undefined), 0.87);
  assert.equal(rowUnderTongueOut(undefined, 1), undefined);
  assert.equal(rowUnderTongueOut(0.5, 1), 0.5, 'a dark band under her row stays as read');
  assert.ok(rowUnderTongueOut(0.87, 1)! <= 0.6 && rowUnderTongueOut(0.87, 0.7)! > 0.6, 'out: its lit part taken off by the share');
  assert.equal(rowUnderTongueOut(0.95, 0.23), 0.95, 'a part share (lp_d10 f25, her clenched rows lit) stays as read');
});

/** The share of the opening's upper half (middle .6 of the half width) that is teeth (mouthDark.ts isTeethPixel). */
function upperTeeth(img: RgbaImage, lm: Float32Array): number {
  const { light, sat } = lipReference(img, lm), { cx, half, cols } = openingColumns(lm), d = img.data;
  let all = 0, teeth = 0;
  for (const [x, [top, bottom]] of cols) {
    if (Math.abs(x - cx) > 0.6 * half) continue;
    for (let y = top; y <= (top + bottom) / 2; y++) {
      const i = (y * img.width + x) * 4;
      all++;
      if (isTeethPixel(d[i]!, d[i + 1]!, d[i + 2]!, light, sat)) teeth++;
    }
  }
  return all ? teeth / all : 0;
}

// (lp_d6 f64 as critic43's st_happy <- lp_d6 motion carries it: her teeth .095, a tongue out lit under her row .87; pose at rest)
const D6_F64 = { driverBack: 0.3574, driverCavity: 0.0966, driverLowerShow: 0.0053, driverTeeth: 0.095, driverTeethDepth: 0.0739, driverTongue: 0.7532, driverUnder: 0.8666,
  jawOpen: 0.3574, mouthDimpleLeft: 0.0263, mouthDimpleRight: 0.2246, mouthFrownLeft: 0.1575, mouthFrownRight: 0.3757, mouthFunnel: 0.0754, mouthLowerDown: 0.8374,
  mouthRollUpper: 0.2383, mouthSmileLeft: 0.1381, mouthSmileRight: 0.2088, mouthStretchRight: 0.1642, mouthUpperUp: 0.1768 };

test('st_happy <- lp_d6 f64: a tongue out lit under her row does not hang our upper row into the opening', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(SHARED_PORTRAITS, 'st_happy.png'))), { width: 512, height: 512 });
  const n = r.neutralFrame();
  const read = (out: number) => {
    const f = { ...n, mouthDark: 1, w: { ...n.w, ...D6_F64, driverTongueOut: out } }, img = r.render(f);
    return upperTeeth({ ...img, data: Uint8ClampedArray.from(img.data) }, flat(r.landmarks(f)));
  };
  const without = read(0), out = read(1);
  console.log(`st_happy <- f64: upper half teeth ${without.toFixed(2)} (no tongue out) -> ${out.toFixed(2)} (out) [driver .02]`);
  assert.ok(out < 0.05, `the row a thin edge at most, as her teeth hidden under her lip (driver .02): ${out.toFixed(2)}`);
  assert.ok(without > out + 0.05, `without the out reading the lit under-row still deepens the row (fc23d91a's look): ${without.toFixed(2)}`);
});
