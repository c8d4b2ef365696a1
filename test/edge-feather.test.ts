import { test } from 'node:test';
import assert from 'node:assert/strict';
import { featherSilhouette, type RasterTarget } from '../src/render/raster.ts';

/** A 12x12 target with an opaque (depth-keeping) square at x, y 3..8: a geometric cut against nothing. */
function square(): RasterTarget {
  const W = 12, t: RasterTarget = { width: W, height: W, color: new Uint32Array(W * W), depth: new Float32Array(W * W) };
  for (let y = 3; y <= 8; y++) for (let x = 3; x <= 8; x++) { t.color[y * W + x] = 0xff406080; t.depth[y * W + x] = 0.01; }
  return t;
}
const alpha = (t: RasterTarget, x: number, y: number) => t.color[y * t.width + x]! >>> 24;

test('featherSilhouette ramps a hard geometric outline over ~2 px and leaves the inside alone', () => {
  const t = square();
  featherSilhouette(t, 1, new Int32Array(144), new Uint32Array(144));
  // inner edge pixel partly covered, outer neighbour picks up some coverage, interior untouched
  assert.ok(alpha(t, 3, 5) > 120 && alpha(t, 3, 5) < 230, `edge alpha ${alpha(t, 3, 5)}`);
  assert.ok(alpha(t, 2, 5) > 40 && alpha(t, 2, 5) < alpha(t, 3, 5), `outside alpha ${alpha(t, 2, 5)}`);
  assert.equal(alpha(t, 5, 5), 255);
  assert.equal(alpha(t, 0, 0), 0);
  // premultiplied: colour scales with the coverage
  assert.ok(Math.abs((t.color[5 * 12 + 3]! & 255) - (0x80 * alpha(t, 3, 5)) / 255) <= 2);
});

test('featherSilhouette at strength 0 (the photo pose) changes nothing', () => {
  const t = square(), before = Uint32Array.from(t.color);
  featherSilhouette(t, 0, new Int32Array(144), new Uint32Array(144));
  assert.deepEqual(t.color, before);
});
