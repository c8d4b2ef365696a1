// A raised lid's iris (render/wideIrisTop.ts, stare33): the photo's iris under its lid's shade (darker than its
// lower half down past where the white beside it is clear) is drawn from its lower half mirrored, down to the
// iris's centre row, where the photo's own iris takes over; a catchlight stays where the photo has it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EYE_L_UPPER } from '../src/rig/topology.ts';
import { oneEyeLandmarks, withIrises } from './oneEye.ts';
import { irisTopShare, IRIS_HANDOVER_PX } from '../src/render/wideIrisTop.ts';

test('wide eyes: the iris\'s shaded top under the old lid line is drawn as its lower half, the photo\'s iris from its centre row', async () => {
  const { WideEyes } = await import('../src/render/wideEyes.ts');
  const { CONTROL_INDEX, CONTROL_COUNT } = await import('../src/rig/controls.ts');
  const size = 96;
  // lash margin rows 40-43, white below; an iris of radius 7 at (48, 49) whose rows 44-47 are in the lashes'
  // shade (half as light) though the white beside them is clear; a catchlight at (51, 45)
  const IRIS = [40, 60, 120], SHADED = [20, 30, 60], GLINT = [250, 250, 250];
  const data = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const iris = Math.hypot(x + 0.5 - 48, y + 0.5 - 49) < 7;
    const c = y < 44 ? [70, 60, 60] : x === 51 && y === 45 ? GLINT : iris ? (y < 48 ? SHADED : IRIS) : [220, 215, 210];
    data.set([c[0]!, c[1]!, c[2]!, 255], (y * size + x) * 4);
  }
  const xy = withIrises(oneEyeLandmarks());
  const wide = new WideEyes({ width: size, height: size, data }, (i) => xy.get(i) ?? [0, 0], (k, i) => (k === CONTROL_INDEX.eyeWideLeft && EYE_L_UPPER.includes(i) ? 10 : 0));
  const px = (x: number, y: number) => [0, 1, 2].map((c) => wide.data[(y * size + x) * 4 + c]!);
  const near = (a: number[], b: number[], tol: number) => a.every((v, c) => Math.abs(v - b[c]!) <= tol);
  const rest = new Float32Array(CONTROL_COUNT), w = new Float32Array(CONTROL_COUNT);
  w[CONTROL_INDEX.eyeWideLeft] = 1;
  wide.update(w, rest);
  // the shaded rows over the iris (44-46; the white beside them is clear, so the lid's shadow as measured ends above them)
  for (const y of [44, 45, 46]) for (const x of [46, 48]) assert.ok(near(px(x, y), IRIS, 12), `the iris's top at (${x}, ${y}) drawn as its lower half: ${px(x, y)}`);
  assert.ok(wide.raisedShare(0, 48.5, 45.5) > 0.9, 'the gaze shader shows the drawn iris there');
  // from the centre row down: the photo's own iris
  for (const y of [49, 51]) assert.deepEqual(px(48, y), IRIS, `the photo's iris at row ${y}`);
  assert.equal(wide.raisedShare(0, 48.5, 50.5), 0);
  // the catchlight stays
  assert.ok(near(px(51, 45), GLINT, 10), `the catchlight kept: ${px(51, 45)}`);
  // the white beside the iris past the shadow's rows: the photo's
  assert.deepEqual(px(36, 47), [220, 215, 210]);
  wide.update(rest, rest);
  assert.deepEqual(px(48, 45), SHADED, 'back at rest, the photo again');
});

test('wide eyes: the drawing hands over to the photo\'s iris at its centre row', () => {
  assert.equal(irisTopShare(49, 49, 1), 0);
  assert.equal(irisTopShare(49 - IRIS_HANDOVER_PX, 49, 1), 1);
  assert.equal(irisTopShare(48, 49, 0.5), 0.5 / IRIS_HANDOVER_PX);
  assert.equal(irisTopShare(40, 49, 0), 0, 'none outside the iris');
});
