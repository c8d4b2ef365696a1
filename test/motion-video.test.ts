// The video path (reenactment) on real driving videos, its bad inputs, and lip sync of the audio
// path against the video path on the same clip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { motionFromVideo } from '../src/motion/fromVideo.ts';
import { motionFromAudio } from '../src/motion/fromAudio.ts';
import { bestLagPearson } from '../src/motion/filters.ts';
import { ffmpegPath } from '../src/io/ffmpeg.ts';
import { NoFaceError, VideoError } from '../src/errors.ts';

const data = (p: string) => new URL(`../../shared/data/${p}`, import.meta.url).pathname;
const katie = data('video/WDA_KatieHill_000.mp4');

test('lip sync: jawOpen from the audio follows jawOpen read off the video (Katie, own soundtrack)', async () => {
  const video = await motionFromVideo(katie, { fps: 25 });
  assert.equal(video.stats.frames, 200);
  assert.equal(video.stats.missing, 0);
  assert.equal(video.relativePose, true);
  assert.deepEqual(video.frames[0]!.pose, { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 }, 'pose relative to the first frame');
  const audio = await motionFromAudio(katie, { fps: 25 });
  assert.equal(audio.frameCount, 200);
  const { r } = bestLagPearson(audio.frames.map((f) => f.w.jawOpen!), video.frames.map((f) => f.w.jawOpen!), 3);
  // measured 0.28 with the untrained F1-loudness jaw mapping (src/motion/README.md); the clip's
  // soundtrack leads its picture by ~200 ms, beyond the +-3 frame window, and she laughs silently
  assert.ok(r > 0.2, `jawOpen r = ${r}`);
});

test('reenactment follows a grin and stays still on a still head (lp_d0, first 3 s)', async () => {
  const m = await motionFromVideo(data('video/lp_d0.mp4'), { fps: 25, maxSeconds: 3 });
  const smile = m.frames.map((f) => (f.w.mouthSmileLeft! + f.w.mouthSmileRight!) / 2);
  assert.ok(smile[0]! < 0.1, `neutral start: smile ${smile[0]}`);
  assert.ok(Math.max(...smile.slice(25, 60)) > 0.5, 'the grin in the middle is read as a smile');
  // head barely moves in this clip: frame-to-frame yaw change stays small
  let jitter = 0;
  for (let i = 1; i < m.frames.length; i++) jitter += Math.abs(m.frames[i]!.pose.yaw - m.frames[i - 1]!.pose.yaw);
  jitter /= m.frames.length - 1;
  assert.ok(jitter < 0.3, `mean |d yaw| per frame ${jitter}`);
  const abs = await motionFromVideo(data('video/lp_d0.mp4'), { fps: 25, maxSeconds: 0.4, mapToInitPose: false });
  assert.equal(abs.relativePose, false);
  assert.equal(abs.frameCount, 10);
});

test('video bad input: no face, corrupt file, empty file', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'motion-video-'));
  try {
    const blank = path.join(dir, 'blank.mp4');
    execFileSync(ffmpegPath(), ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=gray:s=320x240:r=25', '-t', '0.6', '-pix_fmt', 'yuv420p', blank]);
    await assert.rejects(motionFromVideo(blank), (e: Error) => e instanceof NoFaceError && /No face/.test(e.message));
    const corrupt = path.join(dir, 'corrupt.mp4');
    await writeFile(corrupt, Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)));
    await assert.rejects(motionFromVideo(corrupt), (e: Error) => e instanceof VideoError);
    const empty = path.join(dir, 'empty.mp4');
    await writeFile(empty, '');
    await assert.rejects(motionFromVideo(empty), (e: Error) => e instanceof VideoError && /empty/.test(e.message));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
