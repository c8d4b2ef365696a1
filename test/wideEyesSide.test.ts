// wideEyes.ts keeps each drawn eye under its side (0 = EYE_L, as gazeIris.ts): an eye whose opening has no
// columns is left out of its drawn eyes, and the other eye's share and gaze shift must not move into its place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WideEyes } from '../src/render/wideEyes.ts';
import { CONTROL_COUNT, CONTROL_INDEX } from '../src/rig/controls.ts';
import { EYE_L_LOWER, EYE_L_UPPER, EYE_R_LOWER, EYE_R_UPPER } from '../src/rig/topology.ts';

const SIZE = 96;

/** A texture with one eye at 30..66 x 40..56: a dark margin under the lid, white below, a blue iris at (48, 49). */
function eyeTexture(): Uint8ClampedArray {
  const data = new Uint8ClampedArray(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) {
    const iris = Math.hypot(x + 0.5 - 48, y + 0.5 - 49) < 7;
    const c = y < 44 ? [70, 60, 60] : iris ? [40, 60, 120] : [220, 215, 210];
    data.set([c[0]!, c[1]!, c[2]!, 255], (y * SIZE + x) * 4);
  }
  return data;
}

/** EYE_R's lids round that eye (iris 468 in it); every EYE_L landmark at one point: an opening without columns. */
function rightEyeOnly(): Map<number, [number, number]> {
  const xy = new Map<number, [number, number]>();
  const n = EYE_R_UPPER.length;
  EYE_R_UPPER.forEach((i, q) => xy.set(i, [30 + (36 * q) / (n - 1), q === 0 || q === n - 1 ? 48 : 40]));
  EYE_R_LOWER.forEach((i, q) => xy.set(i, [30 + (36 * q) / (n - 1), q === 0 || q === n - 1 ? 48 : 57]));
  for (const i of [...EYE_L_UPPER, ...EYE_L_LOWER]) xy.set(i, [5, 5]);
  xy.set(468, [48, 49]); [469, 470, 471, 472].forEach((i, k) => xy.set(i, [48 + [7, 0, -7, 0][k]!, 49 + [0, 7, 0, -7][k]!]));
  xy.set(473, [90, 90]); [474, 475, 476, 477].forEach((i) => xy.set(i, [90, 90]));
  return xy;
}

test('wide eyes: with the left opening empty, the right eye\'s drawing and gaze shift stay the right eye\'s (side 1)', () => {
  const xy = rightEyeOnly();
  const lift = (k: number, i: number) => (k === CONTROL_INDEX.eyeWideRight && EYE_R_UPPER.includes(i) ? 10 : 0);
  const make = () => new WideEyes({ width: SIZE, height: SIZE, data: eyeTexture() }, (i) => xy.get(i) ?? [0, 0], lift);
  const wide = make();
  assert.equal(wide.openings[0], null, 'the left opening has no columns');
  assert.notEqual(wide.openings[1], null);
  const rest = new Float32Array(CONTROL_COUNT), w = new Float32Array(CONTROL_COUNT);
  w[CONTROL_INDEX.eyeWideRight] = 1;
  wide.update(w, rest);
  assert.equal(wide.raisedShare(1, 36.5, 35.5), 1, 'the gaze shader of eye 1 shows its drawn band');
  assert.equal(wide.raisedShare(0, 36.5, 35.5), 0, 'eye 0 has no drawing');
  // a shift for the left eye moves nothing of the right eye's drawing; its own shift does
  const leftShifted = make(), rightShifted = make();
  leftShifted.update(w, rest, [[4, 0], [0, 0]]);
  rightShifted.update(w, rest, [[0, 0], [4, 0]]);
  assert.deepEqual(leftShifted.data, wide.data, 'the left eye\'s shift leaves the right eye as drawn');
  assert.notDeepEqual(rightShifted.data, wide.data, 'the right eye\'s own shift moves its drawn iris');
});
