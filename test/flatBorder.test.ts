// flatBorder.ts finds a photo's own padding (lp_s1's white strips) and nothing on a real edge.
import test from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { flatBorder } from '../src/analyze/flatBorder.ts';
import { sharedData } from '../bench/sharedData.ts';
import type { RgbaImage } from '../src/types.ts';

async function decode(file: string): Promise<RgbaImage> {
  const { data, info } = await sharp(file).rotate().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) };
}

test('flatBorder: flat strips of one colour at the edges, and none in a textured picture or under a thin frame line', () => {
  const w = 80, h = 60;
  const img: RgbaImage = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4) };
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const v = x < 12 || x >= w - 7 ? 250 + ((x + y) % 3) : 90 + ((x * 7 + y * 13) % 40); // JPEG-like ±2 on the white
    img.data.set([v, v, v, 255], (y * w + x) * 4);
  }
  assert.deepEqual(flatBorder(img), [12, 0, 7, 0]);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (x < 12 || x >= w - 7) img.data.set([90 + ((x * 7 + y * 13) % 40), 60, 60, 255], (y * w + x) * 4);
  for (let y = 0; y < 2; y++) for (let x = 0; x < w; x++) img.data.set([0, 0, 0, 255], (y * w + x) * 4); // a 2 px frame line on top
  assert.deepEqual(flatBorder(img), [0, 0, 0, 0]);
});

test('flatBorder: lp_s1 is padded white left and right (170 of 1145 columns each); st_happy and lp_s11 are not', async () => {
  assert.deepEqual(flatBorder(await decode(sharedData('portraits/lp_s1.jpg'))), [170, 0, 170, 0]);
  assert.deepEqual(flatBorder(await decode(sharedData('portraits/st_happy.png'))), [0, 0, 0, 0]);
  assert.deepEqual(flatBorder(await decode(sharedData('portraits/lp_s11.jpg'))), [0, 0, 0, 0]);
});
