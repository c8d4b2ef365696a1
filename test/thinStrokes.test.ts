// thinStrokes.ts: a thin dark line (a letter's stroke) is masked; a wide dark patch and a soft ramp are not.
import test from 'node:test';
import assert from 'node:assert/strict';
import { thinStrokeMask } from '../src/analyze/thinStrokes.ts';

test('thinStrokeMask: a 1 px stroke and a 2 px light stroke, not a 12 px block or a gentle ramp', () => {
  const w = 60, h = 40, data = new Uint8ClampedArray(w * h * 4).fill(255);
  const set = (x: number, y: number, v: number) => data.set([v, v, v, 255], (y * w + x) * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) set(x, y, 200 + Math.round(x / 2)); // a ramp, 200 -> 229
  for (let y = 5; y < 35; y++) set(10, y, 60); // a dark letter stroke
  for (let y = 5; y < 35; y++) { set(20, y, 255); set(21, y, 255); } // a light one, +45 over the ramp
  for (let y = 10; y < 30; y++) for (let x = 35; x < 47; x++) set(x, y, 40); // an object's dark block
  const m = thinStrokeMask({ width: w, height: h, data }, { grow: 0 });
  assert.equal(m[20 * w + 10], 1);
  assert.equal(m[20 * w + 20], 1);
  assert.equal(m[20 * w + 40], 0);
  assert.equal(m[20 * w + 30], 0);
  assert.equal(m[2 * w + 50], 0);
});
