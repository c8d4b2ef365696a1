// The tests' shared track cache (test/trackedVideo.ts) and motionFromVideo split into tracking and
// videoMotionFromRaw: a cached track is the fresh one to the bit, and the motion made from it is motionFromVideo's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { motionFromVideo, videoMotionFromRaw } from '../src/motion/fromVideo.ts';
import { trackedVideo } from './trackedVideo.ts';
import { sharedData } from '../bench/sharedData.ts';

const clip = sharedData('video/lp_d0.mp4');

test('trackedVideo: tracked once into the run\'s folder, read back to the bit; videoMotionFromRaw of a track is motionFromVideo', async () => {
  const before = process.env.REAL3D_TEST_ANALYSES;
  const dir = await mkdtemp(path.join(tmpdir(), 'real3d-tracked-'));
  process.env.REAL3D_TEST_ANALYSES = dir;
  try {
    const o = { fps: 25, mapToInitPose: true, maxSide: 720, maxSeconds: 0.12 };
    const first = await trackedVideo(clip, o);
    assert.equal((await readdir(dir)).filter((f) => f.startsWith('track-lp_d0.mp4-') && f.endsWith('.v8')).length, 1, 'one entry written');
    const second = await trackedVideo(clip, o);
    assert.notEqual(second, first, 'the second call reads the entry');
    assert.equal(second.length, 3);
    // to the bit (the first call's is trackVideo's own): the landmarks' float32 arrays and every reading (NaN and null kept apart)
    assert.deepEqual(second, first);
    assert.ok(second.every((f) => f?.lm instanceof Float32Array), 'landmarks come back as float32 arrays');
    assert.deepEqual(videoMotionFromRaw(second, clip, o), await motionFromVideo(clip, { fps: 25, maxSeconds: 0.12 }));
  } finally {
    if (before === undefined) delete process.env.REAL3D_TEST_ANALYSES; else process.env.REAL3D_TEST_ANALYSES = before;
    await rm(dir, { recursive: true, force: true });
  }
});
