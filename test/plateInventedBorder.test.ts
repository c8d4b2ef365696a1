// The plate's fill meets the invented padding (the crop past the photo's edge) it borders without a
// step (s38 plate38: st_happy's dark patch beside the hair, where the hole's membrane took its level
// from the real backdrop only and the padding beside it kept its own darker fill).
import test from 'node:test';
import assert from 'node:assert/strict';
import { inpaintBackground, personHole } from '../src/analyze/inpaint.ts';
import type { RgbaImage } from '../src/types.ts';

/** Mean |luma step| across the border where hole pixels meet invented pixels outside the hole, 2 px in to 2 px out. */
export function stepAtInventedBorder(plate: RgbaImage, hole: Uint8Array, invented: Uint8Array): number {
  const { width: w, height: h } = plate;
  const lum = (i: number) => 0.3 * plate.data[i * 4]! + 0.59 * plate.data[i * 4 + 1]! + 0.11 * plate.data[i * 4 + 2]!;
  let sum = 0, n = 0;
  for (let y = 2; y < h - 2; y++) for (let x = 2; x < w - 2; x++) {
    const i = y * w + x;
    for (const d of [1, -1, w, -w]) if (hole[i] && hole[i - d] && !hole[i + d] && invented[i + d]) { sum += Math.abs(lum(i - d) - lum(i + 2 * d)); n++; }
  }
  return n ? sum / n : NaN;
}

test('inpaintBackground: the fill meets invented padding beside the hole at its level, not the real backdrop\'s', () => {
  const size = 120, edge = 96; // the photo ends at x = 96; the crop past it is invented padding, darker
  const img: RgbaImage = { width: size, height: size, data: new Uint8ClampedArray(size * size * 4) };
  const matte = { width: size, height: size, data: new Float32Array(size * size) };
  const invented = new Uint8Array(size * size);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const i = y * size + x;
    const grain = ((x * 7 + y * 13) % 5) - 2;
    // a person whose hair runs along the photo's right edge from y = 50 down
    const person = Math.hypot(x - 60, y - 45) < 26 || (y > 50 && x > 40 && x < edge);
    if (person) { matte.data[i] = 1; img.data.set([40, 30, 25, 255], i * 4); continue; }
    if (x >= edge) { invented[i] = 1; img.data.set([50 + grain, 60 + grain, 45 + grain, 255], i * 4); }
    else img.data.set([110 + grain, 125 + grain, 100 + grain, 255], i * 4);
  }
  const hole = personHole(matte);
  const step = stepAtInventedBorder(inpaintBackground(img, matte, { invented }), hole, invented);
  // before s38 (membrane from the real backdrop only): ~50 levels at that border
  assert.ok(step < 8, `the fill meets the padding: mean step ${step.toFixed(1)} levels`);
});
