// Audio-only jobs move the head by default (the lead's s33 decision: a still head reads as frozen);
// --pose static keeps it still, and video-driven jobs keep the video's pose. Checked on every way
// in: the library, generate's drive plan and motion stage, the CLI's motion command and the server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { motionFromAudio } from '../src/motion/fromAudio.ts';
import { loadMotion } from '../src/motion/record.ts';
import { planDrive } from '../src/pipeline/plan.ts';
import { driveMotion } from '../src/pipeline/motionStage.ts';
import { GenerateOptionsSchema } from '../src/config.ts';
import { parseJobOptions } from '../src/server/options.ts';
import type { Motion } from '../src/types.ts';
import { SHARED_DATA } from '../bench/sharedData.ts';

const audio = path.join(SHARED_DATA, 'audio', 'imagine.wav');
const sd = (v: number[]) => {
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  return Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length);
};
const spread = (m: Motion) => ({ yaw: sd(m.frames.map((f) => f.pose.yaw)), pitch: sd(m.frames.map((f) => f.pose.pitch)) });
const still = (m: Motion) => m.frames.every((f) => f.pose.yaw === 0 && f.pose.pitch === 0 && f.pose.roll === 0);

test('motionFromAudio: the head moves by default, --pose static keeps it still', async () => {
  const moving = await motionFromAudio(audio, { seed: 1 });
  assert.equal(moving.options.pose, 'auto');
  const s = spread(moving);
  assert.ok(s.yaw > 0.3 && s.pitch > 0.1, `default audio motion turns the head (yaw sd ${s.yaw.toFixed(2)}°, pitch sd ${s.pitch.toFixed(2)}°)`);
  // the default is exactly the explicit auto: an old --pose auto job is unchanged
  assert.deepEqual((await motionFromAudio(audio, { seed: 1, pose: 'auto' })).frames, moving.frames);
  const fixed = await motionFromAudio(audio, { seed: 1, pose: 'static' });
  assert.ok(still(fixed), 'pose static: zero yaw, pitch and roll');
  // only the head differs: mouth, blinks and gaze are the same
  assert.deepEqual(fixed.frames.map((f) => [f.w, f.blink, f.gaze]), moving.frames.map((f) => [f.w, f.blink, f.gaze]));
});

test('generate: an audio-only job plans and makes head motion; static and video jobs do not change', async () => {
  const opts = (o: Record<string, string>) => GenerateOptionsSchema.parse({ image: 'p.jpg', output: 'o.mp4', ...o });
  assert.deepEqual(planDrive(opts({ audio })).pose, { kind: 'auto' });
  assert.deepEqual(planDrive(opts({ audio, pose: 'static' })).pose, { kind: 'static' });
  assert.deepEqual(planDrive(opts({ audio, video: 'v.mp4' })).pose, { kind: 'video', file: 'v.mp4' });
  assert.deepEqual(planDrive(opts({ video: 'v.mp4' })).pose, { kind: 'video', file: 'v.mp4' });
  const o = opts({ audio });
  const m = await driveMotion(o, planDrive(o), undefined, {});
  assert.ok(spread(m).yaw > 0.3, 'the motion stage of an audio-only generate moves the head');
  const os = opts({ audio, pose: 'static' });
  assert.ok(still(await driveMotion(os, planDrive(os), undefined, {})), 'generate --pose static: a still head');
});

test('real3d motion --audio: auto without --pose, still with --pose static', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'pose-default-'));
  try {
    const bin = new URL('../bin/real3d.mjs', import.meta.url).pathname;
    const run = async (...extra: string[]) => {
      const out = path.join(dir, `m${extra.length}.json`);
      execFileSync(process.execPath, [bin, 'motion', '--audio', audio, '-o', out, '-q', ...extra], { encoding: 'utf8' });
      return loadMotion(out);
    };
    const moving = await run();
    assert.equal(moving.options.pose, 'auto');
    assert.ok(spread(moving).yaw > 0.3 && spread(moving).pitch > 0.1);
    assert.ok(still(await run('--pose', 'static')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('server: an unset pose follows the uploads; an explicit one is kept', () => {
  assert.equal(parseJobOptions({}, { video: false }).pose, 'auto');
  assert.equal(parseJobOptions({ pose: '' }, { video: false }).pose, 'auto', 'an empty form field means the default');
  assert.equal(parseJobOptions({}, { video: true }).pose, 'video');
  assert.equal(parseJobOptions({ pose: 'static' }, { video: false }).pose, 'static');
  assert.equal(parseJobOptions({ pose: 'static' }, { video: true }).pose, 'static');
});
