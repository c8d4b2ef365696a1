// lp_s10 (a painting turned 34° in the photo): its far oval points lie along the nose and the mouth
// corner, so the head sheet's first rings took the eye, nose and mouth as texture and a +25° turn
// showed them beside the face, a second face half (critic15, issue #15). avatar/sheetFold.ts now
// unfolds such deep folds whatever lies past the outline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { faceFootprint } from '../src/avatar/sheetFold.ts';
import { MeshBuilder, addFaceMesh, addHeadSheet } from '../src/avatar/mesh.ts';
import { measureHead } from '../src/avatar/shape.ts';
import { flatten } from '../src/rig/fit.ts';
import { faceTopology } from '../src/rig/topology.ts';
import { analyzePortrait } from '../src/analyze/index.ts';

const PORTRAITS = fileURLToPath(new URL('../../shared/data/portraits/', import.meta.url));

test('lp_s10: no head-sheet vertex 0.05 face widths past its oval point takes its texture from under the face', async () => {
  const p = await analyzePortrait(PORTRAITS + 'lp_s10.jpg');
  const flat = flatten(p.cropLandmarks);
  const mesh = new MeshBuilder();
  addFaceMesh(mesh, flat);
  const head = measureHead(flat, p.matte);
  addHeadSheet(mesh, flat, head, p.matte);
  const size = p.matte.width;
  // the face mesh's photo footprint, its eye and mouth holes counted as face
  const footprint = faceFootprint(mesh.uvs, faceTopology().triangles, size);
  const under: number[] = [];
  for (let v = 0; v < mesh.vertexCount; v++) {
    const d = mesh.ovalDistance[v]!;
    if (!(d > 0.05 * head.faceWidth) || !Number.isFinite(d)) continue;
    const x = Math.round(mesh.uvs[v * 2]!), y = Math.round(mesh.uvs[v * 2 + 1]!);
    if (footprint[y * size + x] === 1) under.push(v);
  }
  // the old sheet (main at 696355f): 26 such vertices on the image-left side (eye, nose side, mouth corner)
  assert.deepEqual(under, []);
});
