import test from 'node:test';
import assert from 'node:assert/strict';
import { mixAlpha } from '../src/avatar/matteEdge.ts';
import { distanceToOutside } from '../src/analyze/raster.ts';
import { premultipliedForeground } from '../src/avatar/texture.ts';
import { imageOf } from './imageOf.ts';


test('mixAlpha: a pixel between person and wall gets its share; a colour off that line is flagged', () => {
  const mix = mixAlpha([150, 150, 150], [100, 100, 100], [200, 200, 200]);
  assert.ok(Math.abs(mix.alpha - 0.5) < 1e-6 && mix.residual < 1e-6 && Math.abs(mix.separation - Math.sqrt(3) * 100) < 1e-6);
  assert.ok(mixAlpha([150, 60, 150], [100, 100, 100], [200, 200, 200]).residual > 30);
});

test('distanceToOutside: chamfer distance grows by about a pixel per pixel and is capped', () => {
  const w = 20, h = 5;
  const d = distanceToOutside((i) => i % w === 0, w, h, 6);
  assert.equal(d[2 * w]!, 0);
  assert.ok(Math.abs(d[2 * w + 3]! - 3) < 1e-6);
  assert.equal(d[2 * w + 15]!, 6);
});

test('premultipliedForeground: a matte that steps to 1 inside the photo\'s blurred edge leaves no light line over black', () => {
  // a dark disc on a light wall, its edge blurred over ~5 px; the matte is 1 out to where the photo is 30% person
  // (the crop's size: the band re-read scales with it, 4 px at 512)
  const size = 512, c = 256, R = 150, F = [70, 50, 45], B = [230, 232, 235];
  const cover = (x: number, y: number) => Math.max(0, Math.min(1, (R - Math.hypot(x - c, y - c)) / 5 + 0.5));
  const image = imageOf(size, (x, y) => { const a = cover(x, y); return [0, 1, 2].map((c) => a * F[c]! + (1 - a) * B[c]!) as [number, number, number]; });
  const matte = { width: size, height: size, data: Float32Array.from({ length: size * size }, (_, i) => (Math.hypot((i % size) - c, Math.floor(i / size) - c) < R + 1 ? 1 : 0)) };
  const plate = imageOf(size, () => [B[0]!, B[1]!, B[2]!]);
  const out = premultipliedForeground(image, matte, plate);
  // over black the composite is the premultiplied colour: no pixel may be lighter than the person
  let worst = 0, inside = 0;
  for (let i = 0; i < size * size; i++) {
    const lum = 0.3 * out.data[i * 4]! + 0.59 * out.data[i * 4 + 1]! + 0.11 * out.data[i * 4 + 2]!;
    worst = Math.max(worst, lum - (0.3 * F[0]! + 0.59 * F[1]! + 0.11 * F[2]!));
    if (Math.hypot((i % size) - c, Math.floor(i / size) - c) < R - 10) inside = Math.max(inside, 255 - out.data[i * 4 + 3]!);
  }
  // (the matte as it came: the outermost pixel at alpha 1 is 40% person, ~100 levels lighter; the
  // few left are 3-4 px in, where the re-read fades out)
  assert.ok(worst < 15, `outline over black at most ${worst.toFixed(1)} levels lighter than the person`);
  assert.equal(inside, 0, 'the inside stays opaque');
});

test('premultipliedForeground: a fringe wider than the re-read band is read to its inner end (second pass)', () => {
  // as above, but the photo's edge spreads over ~8 px (light hair tips, twice the band) and the
  // matte is 1 out to where the photo is ~20% person: the first pass alone left the fringe's inner
  // half, still mostly wall, at alpha 1
  const size = 512, c = 256, R = 150, F = [70, 50, 45], B = [230, 232, 235];
  const cover = (x: number, y: number) => Math.max(0, Math.min(1, (R - Math.hypot(x - c, y - c)) / 8 + 0.5));
  const image = imageOf(size, (x, y) => { const a = cover(x, y); return [0, 1, 2].map((c) => a * F[c]! + (1 - a) * B[c]!) as [number, number, number]; });
  const matte = { width: size, height: size, data: Float32Array.from({ length: size * size }, (_, i) => (Math.hypot((i % size) - c, Math.floor(i / size) - c) < R + 3 ? 1 : 0)) };
  const plate = imageOf(size, () => [B[0]!, B[1]!, B[2]!]);
  const out = premultipliedForeground(image, matte, plate);
  // along a ray, 4-8 px inside the matte's edge: the photo there is up to 40% wall
  let worst = 0;
  for (let d = 4; d <= 8; d++) {
    const x = c + R + 3 - d, o = (c * size + x) * 4;
    worst = Math.max(worst, 0.3 * out.data[o]! + 0.59 * out.data[o + 1]! + 0.11 * out.data[o + 2]! - (0.3 * F[0]! + 0.59 * F[1]! + 0.11 * F[2]!));
  }
  // (one pass leaves ~66 levels here; two reach ~3 px further each side and leave ~22: a third of it)
  assert.ok(worst < 30, `the fringe's inner half over black at most ${worst.toFixed(1)} levels lighter than the person`);
});

test('premultipliedForeground: a faint matte tail far past the person, over plain wall, is read as wall (no arc around the head)', () => {
  // a dark disc with a crisp edge on a mid-grey wall; the matte adds a faint tail (0.04-0.3) out to
  // 20 px past the disc, as the segmentation matte did at lp_s0's crown
  const size = 512, c = 256, R = 150, F = [40, 39, 44], B = [88, 90, 91];
  const image = imageOf(size, (x, y) => (Math.hypot(x - c, y - c) < R ? [F[0]!, F[1]!, F[2]!] : [B[0]!, B[1]!, B[2]!]));
  const matte = { width: size, height: size, data: Float32Array.from({ length: size * size }, (_, i) => {
    const d = Math.hypot((i % size) - c, Math.floor(i / size) - c) - R;
    return d < 0 ? 1 : d < 20 ? 0.3 * (1 - d / 20) + 0.04 : 0;
  }) };
  const plate = imageOf(size, () => [B[0]!, B[1]!, B[2]!]);
  const out = premultipliedForeground(image, matte, plate);
  // along a ray 8-19 px past the disc: the wall itself, so (nearly) transparent
  let worst = 0;
  for (let d = 8; d < 20; d++) worst = Math.max(worst, out.data[(c * size + c + R + d) * 4 + 3]!);
  // (with the re-read's short reach only, the tail kept its matte: alpha up to ~0.2 there, coloured as the disc)
  assert.ok(worst <= 5, `tail alpha at most ${worst}/255`);
});
