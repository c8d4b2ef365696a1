// iris38: the gaze's iris moves whole out to the mesh's ring where the photo's dark iris reaches past it
// (render/irisCore.ts): on a shaded eye the iris's outer band, barely darker than the grey white, stayed behind
// as a grey ring round a black core (critic37, lp_s12 <- lp_d14 f58-59).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IRIS_CORE, irisCoreOnPhoto, irisCoreRadius } from '../src/render/irisCore.ts';
import { irisMatte } from '../src/render/irisDisc.ts';
import { packedView } from '../src/render/textureSample.ts';

const SIZE = 64, CX = 32, CY = 32;
/** A grey (shaded) eye: white 120, an iris of radius `irisR` at (32, 32): a black core to 4 px, a dark band (40) to irisR. */
function shadedEye(irisR: number) {
  const data = new Uint8ClampedArray(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) {
    const d = Math.hypot(x + 0.5 - CX, y + 0.5 - CY);
    const l = d < 4 ? 15 : d < irisR ? 40 : 120;
    data.set([l, l, l, 255], (y * SIZE + x) * 4);
  }
  const poly: [number, number][] = [[14, 32], [32, 20], [50, 32], [32, 44]];
  return { tex: { width: SIZE, height: SIZE, data32: packedView(data) }, poly, data };
}

test('iris core: the ring where the photo shows the iris past it, IRIS_CORE of it where narrower', () => {
  assert.equal(irisCoreRadius(7, 9), 7);
  assert.equal(irisCoreRadius(7, 0), IRIS_CORE * 7);
  assert.ok(Math.abs(irisCoreRadius(7, 7.5) - 6.5) < 1e-9);
  // read on the photo: a dark iris out to 9 px against a mesh ring of 7 -> the whole ring; out to 5 px -> 0.8 of it
  const wide = shadedEye(9), narrow = shadedEye(5);
  assert.equal(irisCoreOnPhoto(wide.tex, wide.poly, CX, CY, 7), 7);
  assert.ok(Math.abs(irisCoreOnPhoto(narrow.tex, narrow.poly, CX, CY, 7) - IRIS_CORE * 7) < 1e-9);
});

test('iris core: a light pixel inside the ring moves with the iris when the photo shows the iris wider (a catchlight, a grey rim)', () => {
  const { tex, poly, data } = shadedEye(9);
  // one pale pixel at 6.5 px from the centre (inside the ring 7, past 0.8 of it): the old matte left it behind
  const px = CX + 6, py = CY + 2;
  data.set([110, 110, 110, 255], (py * SIZE + px) * 4);
  const patch = { x0: 16, y0: 16, size: 32, white: new Uint32Array(32 * 32).fill(0xff787878) };
  const at = (m: Float32Array) => m[(py - 16) * 32 + px - 16]!;
  const old = irisMatte(tex, patch, CX, CY, IRIS_CORE * 7, 10.6, poly);
  const now = irisMatte(tex, patch, CX, CY, irisCoreOnPhoto(tex, poly, CX, CY, 7), 10.6, poly);
  assert.ok(at(old) < 0.5, `before: the pale pixel mostly stays behind (${at(old).toFixed(2)})`);
  assert.ok(at(now) > 0.95, `now it moves with the iris (${at(now).toFixed(2)})`);
});
