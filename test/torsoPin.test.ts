// torsoPin.ts (s37 torso37): the shoulders' outline held where the photo's matte has it. A synthetic
// avatar: a 64 px crop whose matte is a "torso" block below row 30 between columns 10 and 54, the chin at row 28.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { insideDistance, torsoPinShares } from '../src/render/torsoPin.ts';
import { MESH_POINT_COUNT } from '../src/rig/topology.ts';
import type { Avatar } from '../src/avatar/types.ts';

const SIZE = 64;
function matte(): Uint8ClampedArray {
  const data = new Uint8ClampedArray(SIZE * SIZE * 4);
  for (let y = 30; y < SIZE; y++) for (let x = 10; x < 54; x++) data[(y * SIZE + x) * 4 + 3] = 255;
  return data;
}

/** The face mesh's points (all at the chin's row), then the sheet vertices given. */
function avatarWith(sheet: [number, number][]): Avatar {
  const n = MESH_POINT_COUNT + 10 + sheet.length;
  const rest = new Float32Array(n * 3);
  for (let v = 0; v < MESH_POINT_COUNT + 10; v++) { rest[v * 3] = 32; rest[v * 3 + 1] = 28; }
  sheet.forEach(([x, y], i) => { rest[(MESH_POINT_COUNT + 10 + i) * 3] = x; rest[(MESH_POINT_COUNT + 10 + i) * 3 + 1] = y; });
  return {
    size: SIZE, vertexCount: n, rest, texture: { width: SIZE, height: SIZE, data: matte() },
    headWeight: new Float32Array(n).fill(1), neckLag: new Float32Array(n), eyeVertices: [MESH_POINT_COUNT, MESH_POINT_COUNT + 10],
    head: { faceWidth: 40, pivot: [32, 20, 0], torsoPivot: [32, 40, 0], iod: 20 },
  } as unknown as Avatar;
}

test('insideDistance: 0 outside the matte, growing inward, the crop border is not an outline', () => {
  const d = insideDistance(matte(), SIZE);
  assert.equal(d[20 * SIZE + 32], 0);
  assert.ok(Math.abs(d[40 * SIZE + 10]! - 1) < 1e-6, `on the edge column ${d[40 * SIZE + 10]}`);
  assert.ok(Math.abs(d[50 * SIZE + 20]! - 11) < 1e-6, `11 px in from the left edge: ${d[50 * SIZE + 20]}`);
  // the bottom rows are 20+ px from the sides and the top: the crop's bottom edge adds no outline
  assert.ok(d[63 * SIZE + 32]! > 20, `bottom row ${d[63 * SIZE + 32]}`);
});

test('torsoPinShares: held at the shoulder outline, free deep inside, above the chin and on the face mesh', () => {
  // reach .35 x 40 px = 14 px
  const av = avatarWith([[10, 45], [8, 45], [30, 50], [10, 10], [20, 45]]);
  const pin = torsoPinShares(av, 0.35);
  const s = MESH_POINT_COUNT + 10;
  assert.ok(pin[s]! > 0.95, `on the outline below the chin: ${pin[s]}`);
  assert.ok(pin[s + 1]! > 0.99, `past the outline: ${pin[s + 1]}`);
  assert.equal(pin[s + 2], 0, 'deep inside the torso');
  assert.equal(pin[s + 3], 0, 'far above the chin');
  assert.ok(pin[s + 4]! > 0 && pin[s + 4]! < pin[s]!, `10 px inside fades: ${pin[s + 4]}`);
  for (let v = 0; v < s; v++) assert.equal(pin[v], 0, `face mesh / eyeball vertex ${v}`);
  assert.ok(torsoPinShares(av, 0).every((p) => p === 0), 'reach 0: off');
  // a neck vertex (its own lag behind the jaw, deform.ts neckTurn) on the outline is left to the neck
  av.neckLag[s] = 0.5;
  assert.equal(torsoPinShares(av, 0.35)[s], 0, 'the neck is not held');
});
