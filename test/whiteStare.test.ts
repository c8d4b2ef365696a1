// s40 (stare40, issue #14): a driver's stare read off the video's white above both irises (motion/eyeWhiteShow.ts, in the
// tracker) and carried as eyeWide (motion/whiteStare.ts). lp_d6 stares at f163-164 (white all round both irises) and keeps
// her lids on the irises' tops at f118-122; the face mesh's own show (scleraShow.ts) does not tell the two apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FaceTracker } from '../src/motion/faceTracker.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { scleraShows } from '../src/motion/scleraShow.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { whiteStareLevel, whiteStareMeshGate, whiteStares, WHITE_STARE_MAX } from '../src/motion/whiteStare.ts';
import type { RigControl } from '../src/rig/controls.ts';
import type { RgbaImage } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';


test('lp_d6: white above both irises read off the pixels at her stare (f163-164), none where her lids sit on the irises (f118-122)', async () => {
  const want = new Set([118, 122, 163, 164]);
  const imgs = new Map<number, RgbaImage>();
  let k = 0;
  for await (const img of decodeVideoFrames(sharedData('video/lp_d6.mp4'), { fps: 25, maxSide: 720, maxFrames: 165 })) {
    if (want.has(k)) imgs.set(k, { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
    k++;
  }
  const read = new Map<number, { white: [number, number]; mesh: [number, number] }>();
  for (const [i, img] of imgs) {
    const f = await new FaceTracker().track(img);
    assert.ok(f?.whiteShow && f.lm, `f${i}: a face with its white read`);
    read.set(i, { white: f.whiteShow, mesh: scleraShows(landmarkList(f.lm)) as [number, number] });
  }
  for (const i of [163, 164]) {
    const { white, mesh } = read.get(i)!;
    assert.ok(Math.min(...white) > 0.18 && Math.max(...white) <= WHITE_STARE_MAX, `f${i} stare: white ${white.map((v) => v.toFixed(2))}`);
    assert.ok(whiteStareLevel(white, [1, 0.9]) > 0.3, `f${i}: the stare carried`);
    // the cause: the mesh's lesser show is at or under the iris's top here (stareShowGate lets little through)
    assert.ok(Math.min(...mesh) < 0.02, `f${i} mesh show ${mesh.map((v) => v.toFixed(2))}`);
  }
  for (const i of [118, 122]) {
    const { white } = read.get(i)!;
    assert.ok(Math.min(...white) < 0.08, `f${i} plain open eyes: white ${white.map((v) => v.toFixed(2))}`);
    assert.equal(whiteStareLevel(white, [1, 1]), 0);
  }
});

test('whiteStareLevel: two-eyed, open eyes only, implausible reads dropped; whiteStares raises, lowers the squint, never lowers', () => {
  assert.equal(whiteStareLevel([0.4, 0.05], [1, 1]), 0); // one eye's white is no two-eyed stare
  assert.equal(whiteStareLevel([0.9, 0.8], [1, 1]), 0); // a shut lid's skin
  assert.equal(whiteStareLevel([0.3, 0.3], [0.5, 1]), 0); // a closing eye
  assert.equal(whiteStareLevel([NaN, 0.3], [1, 1]), 0);
  assert.ok(whiteStareLevel([0.35, 0.3], [1, 0.8]) > 0.5);
  const out = new Map<RigControl, Float64Array>([['eyeWideLeft', Float64Array.of(0.1, 0.9)], ['eyeSquintLeft', Float64Array.of(0.3, 0)], ['eyeWideRight', Float64Array.of(0, 0)], ['eyeSquintRight', Float64Array.of(0, 0)]]);
  whiteStares(out, [[0.4, 0.4], [0.25, 0.25]], [Float64Array.of(1, 1), Float64Array.of(1, 1)], [0, 1]);
  assert.equal(out.get('eyeWideLeft')![0], 1);
  assert.equal(out.get('eyeSquintLeft')![0], 0);
  assert.equal(out.get('eyeWideLeft')![1], 0.9); // already wider: kept
  assert.ok(out.get('eyeWideRight')![1]! > 0.4 && out.get('eyeWideRight')![1]! < 0.6);
});

// s49 (calmeyes49): pcavs741 (a calm man with pale lids) reads .3-.45 of "white" above both irises at f72-79 and
// f124-148 of his first 6 s while the face mesh puts a lid .17-.40 over one iris; st_art_1 stared there (eyeWide .85).
test('whiteStareMeshGate: the white is no stare where the mesh puts either lid well over its iris; real stares kept', () => {
  assert.equal(whiteStareMeshGate(-0.15, -0.25), 0); // pcavs741 f73
  assert.equal(whiteStareMeshGate(-0.06, -0.17) < 0.2, true); // pcavs741 f77
  assert.equal(whiteStareMeshGate(0.17, -0.1), 1); // lp_d6 f55
  assert.equal(whiteStareMeshGate(0.08, 0.07), 1); // lp_d6 f101
  assert.equal(whiteStareMeshGate(NaN, 0.1), 1); // unread: the pixels decide
  const mk = () => new Map<RigControl, Float64Array>([['eyeWideLeft', Float64Array.of(0, 0)], ['eyeSquintLeft', Float64Array.of(0, 0)], ['eyeWideRight', Float64Array.of(0, 0)], ['eyeSquintRight', Float64Array.of(0, 0)]]);
  const out = mk();
  whiteStares(out, [[0.4, 0.4], [0.4, 0.4]], [Float64Array.of(1, 1), Float64Array.of(1, 1)], [0, 1], [Float64Array.of(-0.15, 0.08), Float64Array.of(-0.25, 0.07)]);
  assert.equal(out.get('eyeWideLeft')![0], 0);
  assert.equal(out.get('eyeWideLeft')![1], 1);
});
