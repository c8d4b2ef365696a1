// Avatar: built from a real analyzed portrait, saved and loaded bit-exactly, bad files rejected clearly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { saveAvatar, loadAvatar } from '../src/avatar/build.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { FileFormatError } from '../src/errors.ts';
import { LANDMARK_COUNT } from '../src/rig/topology.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

test('avatar: build, save, load round trip (bit-exact arrays, identical renders), clear errors on bad files', async () => {
  const portrait = await analyzePortrait(path.join(PORTRAITS, 'lp_s42.jpg'));
  const avatar = buildAvatar(portrait);
  assert.ok(avatar.vertexCount > LANDMARK_COUNT + 500, `vertices ${avatar.vertexCount}`);
  assert.ok(avatar.triangles.length / 3 > 1500);
  assert.ok(avatar.rig.residual < 0.01, `the photo's own fit residual ${avatar.rig.residual}`);
  // every triangle index is a vertex; head weights are in [0, 1]; the face itself is all head
  for (const i of avatar.triangles) assert.ok(i < avatar.vertexCount);
  for (const h of avatar.headWeight) assert.ok(h >= 0 && h <= 1);
  for (let i = 0; i < LANDMARK_COUNT; i++) assert.equal(avatar.headWeight[i], 1);

  const dir = await mkdtemp(path.join(tmpdir(), 'real3d-avatar-'));
  try {
    const file = path.join(dir, 'person.avatar');
    await saveAvatar(avatar, file);
    assert.deepEqual((await readdir(dir)).sort(), ['person.avatar'], 'no temporary file left behind');
    const loaded = await loadAvatar(file);
    for (const key of ['rest', 'uv', 'headWeight', 'influence', 'influenceWeight', 'triangles', 'material', 'normal', 'photoFacing', 'uvMirror', 'mirrorFacing', 'mirrorGain', 'mirrorReach'] as const) {
      assert.deepEqual(Buffer.from(loaded[key].buffer, loaded[key].byteOffset, loaded[key].byteLength), Buffer.from(avatar[key].buffer, avatar[key].byteOffset, avatar[key].byteLength), key);
    }
    assert.deepEqual(Buffer.from(loaded.texture.data), Buffer.from(avatar.texture.data));
    assert.deepEqual(Array.from(loaded.rig.photoWeights), Array.from(avatar.rig.photoWeights));
    assert.deepEqual(loaded.rig.angles, avatar.rig.angles);
    assert.deepEqual(loaded.head, avatar.head);
    const a = createRenderer(avatar, { width: 256, height: 256 }), b = createRenderer(loaded, { width: 256, height: 256 });
    const frame = { ...a.neutralFrame(), pose: { yaw: 15, pitch: -5, roll: 2, tx: 0, ty: 0, tz: 0 }, w: { jawOpen: 0.7 } };
    assert.deepEqual(Buffer.from(a.render(frame).data), Buffer.from(b.render(frame).data));

    // damaged files
    const bytes = await readFile(file);
    const truncated = path.join(dir, 'truncated.avatar');
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await assert.rejects(loadAvatar(truncated), (e: unknown) => e instanceof FileFormatError && /truncated/.test((e as Error).message));
    const wrong = path.join(dir, 'photo.avatar');
    await writeFile(wrong, await readFile(path.join(PORTRAITS, 'lp_s42.jpg')));
    await assert.rejects(loadAvatar(wrong), (e: unknown) => e instanceof FileFormatError && /signature/.test((e as Error).message));
    const future = Buffer.from(bytes);
    future.writeUInt32LE(99, 8);
    const futureFile = path.join(dir, 'future.avatar');
    await writeFile(futureFile, future);
    await assert.rejects(loadAvatar(futureFile), (e: unknown) => e instanceof FileFormatError && /version 99/.test((e as Error).message));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
