// The face's outline as a curve (avatar/outlineCurve.ts, session 17): lp_s12's turned cheek showed
// the oval's straight segments as a polygonal edge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MeshBuilder } from '../src/avatar/mesh.ts';
import { addOutlineCurve, catmullRomWeights, OUTLINE_STEPS } from '../src/avatar/outlineCurve.ts';
import { FACE_OVAL, LANDMARK_COUNT } from '../src/rig/topology.ts';

const C = 256, R = 100;
/** Landmarks with the oval on a circle (radius from `radius(k)`), the rest at the centre. */
function ovalOn(radius: (k: number) => number): Float64Array {
  const flat = new Float64Array(LANDMARK_COUNT * 3);
  for (let i = 0; i < LANDMARK_COUNT; i++) { flat[i * 3] = C; flat[i * 3 + 1] = C; }
  FACE_OVAL.forEach((i, k) => {
    const a = (2 * Math.PI * k) / FACE_OVAL.length;
    flat[i * 3] = C + radius(k) * Math.cos(a); flat[i * 3 + 1] = C + radius(k) * Math.sin(a); flat[i * 3 + 2] = -10;
  });
  return flat;
}
function landmarksAsVertices(flat: Float64Array): MeshBuilder {
  const mesh = new MeshBuilder();
  for (let i = 0; i < LANDMARK_COUNT; i++) mesh.addVertex(flat[i * 3]!, flat[i * 3 + 1]!, flat[i * 3 + 2]!, flat[i * 3]!, flat[i * 3 + 1]!, 1, [i], [1]);
  return mesh;
}
function maxTurnDeg(mesh: MeshBuilder, ids: number[]): number {
  const p = mesh.positions;
  let worst = 0;
  for (let k = 0; k < ids.length; k++) {
    const a = ids[(k - 1 + ids.length) % ids.length]!, b = ids[k]!, c = ids[(k + 1) % ids.length]!;
    const t1 = Math.atan2(p[b * 3 + 1]! - p[a * 3 + 1]!, p[b * 3]! - p[a * 3]!), t2 = Math.atan2(p[c * 3 + 1]! - p[b * 3 + 1]!, p[c * 3]! - p[b * 3]!);
    let d = Math.abs(t2 - t1) * 180 / Math.PI;
    if (d > 180) d = 360 - d;
    worst = Math.max(worst, d);
  }
  return worst;
}

test('Catmull-Rom weights sum to 1 and pass through the segment ends', () => {
  for (const t of [0, 0.25, 0.5, 0.75, 1]) assert.ok(Math.abs(catmullRomWeights(t).reduce((s, w) => s + w, 0) - 1) < 1e-12);
  assert.deepEqual(catmullRomWeights(0), [0, 1, 0, 0]);
  assert.deepEqual(catmullRomWeights(1), [0, 0, 1, 0]);
});

test('a round oval gets an outline on the circle, with a third or less of the polygon\'s corner angle', () => {
  const flat = ovalOn(() => R);
  const mesh = landmarksAsVertices(flat);
  const ids = addOutlineCurve(mesh, flat, [C, C]);
  assert.equal(ids.length, FACE_OVAL.length * OUTLINE_STEPS);
  const polygon = maxTurnDeg(mesh, [...FACE_OVAL]);
  const curve = maxTurnDeg(mesh, ids);
  assert.ok(polygon > 9.9, `polygon ${polygon}`);
  assert.ok(curve < polygon / 3, `curve ${curve} vs polygon ${polygon}`);
  for (let v = LANDMARK_COUNT; v < mesh.vertexCount; v++) {
    const r = Math.hypot(mesh.positions[v * 3]! - C, mesh.positions[v * 3 + 1]! - C);
    assert.ok(Math.abs(r - R) < 0.005 * R, `point ${v} at radius ${r}`);
    // textured at its own place, following the oval's landmarks at the oval's distance 0
    assert.equal(mesh.uvs[v * 2], mesh.positions[v * 3]);
    assert.equal(mesh.ovalDistance[v], 0);
  }
  // the slivers: one fan of OUTLINE_STEPS - 1 triangles per segment (from its first landmark)
  assert.equal(mesh.triangles.length / 3, FACE_OVAL.length * (OUTLINE_STEPS - 1));
});

test('a dent in the oval (a concave stretch) gets no points inward of its chords', () => {
  const flat = ovalOn((k) => (k === 9 ? 0.8 * R : R));
  const mesh = landmarksAsVertices(flat);
  const ids = addOutlineCurve(mesh, flat, [C, C]);
  assert.ok(ids.length < FACE_OVAL.length * OUTLINE_STEPS);
  for (let v = LANDMARK_COUNT; v < mesh.vertexCount; v++) {
    const r = Math.hypot(mesh.positions[v * 3]! - C, mesh.positions[v * 3 + 1]! - C);
    assert.ok(r > 0.78 * R, `point ${v} at radius ${r}`);
  }
});
