import test from 'node:test';
import assert from 'node:assert/strict';
import { premultipliedForeground } from '../src/avatar/texture.ts';
import { backdropNoiseFloor } from '../src/avatar/matteEdge.ts';
import type { RgbaImage } from '../src/types.ts';
import { imageOf } from './imageOf.ts';


/** Deterministic leafy texture: +-amp levels, changing every pixel or two. */
const leaf = (x: number, y: number, amp: number) => amp * Math.sin(x * 1.7 + y * 0.9) * Math.cos(x * 0.6 - y * 2.3);

test('premultipliedForeground (s58 fringeBackdrop): the matte\'s tail over a leafy backdrop unlike the plate fades out, no grey fringe', () => {
  // lp_s42: dark hair over green bush, the segmentation's tail 0.3 for 6 px past the hair, the plate a pale inpainted guess
  const size = 256, c = 128, R = 70, F = [75, 62, 45], B = [115, 135, 85];
  const cover = (x: number, y: number) => Math.max(0, Math.min(1, (R - Math.hypot(x - c, y - c)) / 2 + 0.5));
  const image = imageOf(size, (x, y) => {
    const a = cover(x, y), n = leaf(x, y, 12);
    return [0, 1, 2].map((k) => a * F[k]! + (1 - a) * (B[k]! + n)) as [number, number, number];
  });
  const matte = { width: size, height: size, data: Float32Array.from({ length: size * size }, (_, i) => {
    const r = Math.hypot((i % size) - c, Math.floor(i / size) - c);
    return r < R ? 1 : r < R + 6 ? 0.3 : 0;
  }) };
  const plate = imageOf(size, () => [200, 205, 210]);
  // the tail: pixels 2-6 px past the hair's true edge (true alpha 0)
  const tail = (out: RgbaImage) => {
    let s = 0, k = 0;
    for (let i = 0; i < size * size; i++) {
      const r = Math.hypot((i % size) - c, Math.floor(i / size) - c);
      if (r > R + 2 && r < R + 6) { s += out.data[i * 4 + 3]! / 255; k++; }
    }
    return s / k;
  };
  const on = tail(premultipliedForeground(image, matte, plate));
  const off = tail(premultipliedForeground(image, matte, plate, { fringeBackdrop: false }));
  assert.ok(off > 0.2, `the plate's B leaves the tail (${off.toFixed(3)})`);
  assert.ok(on < 0.03, `the photo's own backdrop reads the tail as backdrop (${on.toFixed(3)})`);
});

test('backdropNoiseFloor: shares within the backdrop\'s spread are backdrop; the person stays 1', () => {
  assert.equal(backdropNoiseFloor(0.1, 90, 20), 0);
  assert.equal(backdropNoiseFloor(1, 90, 20), 1);
  assert.equal(backdropNoiseFloor(0.6, 90, 0), 0.6);
  assert.ok(backdropNoiseFloor(0.6, 90, 20) > 0.45 && backdropNoiseFloor(0.6, 90, 20) < 0.6);
});

test('steepenRamp (s58): a wide ramp the colours cannot read narrows to the photo\'s edge; a readable one is kept', async () => {
  const { steepenRamp } = await import('../src/avatar/rampSteepen.ts');
  // st_happy: the segmenter's ramp 8 px wide (0 -> 1 over x 20..28), hair and wall alike (separation 15)
  const w = 48, h = 8;
  const matte = Float32Array.from({ length: w * h }, (_, i) => Math.max(0, Math.min(1, ((i % w) - 20) / 8)));
  const alike = steepenRamp(matte, matte, new Float32Array(w * h).fill(15), w, h, 1);
  const apart = steepenRamp(matte, matte, new Float32Array(w * h).fill(80), w, h, 1);
  const ramp = (a: Float32Array) => { let k = 0; for (let x = 0; x < w; x++) if (a[4 * w + x]! > 0.05 && a[4 * w + x]! < 0.95) k++; return k; };
  assert.equal(ramp(apart), ramp(matte));
  assert.ok(ramp(matte) >= 7 && ramp(alike) <= 3, `ramp ${ramp(matte)} -> ${ramp(alike)} px`);
  assert.ok(Math.abs(alike[4 * w + 24]! - 0.5) < 1e-6, 'the middle stays at .5');
  // an upscaled photo (2 crop px per source px) keeps a wider edge
  assert.ok(ramp(steepenRamp(matte, matte, new Float32Array(w * h).fill(15), w, h, 2)) > ramp(alike));
});
