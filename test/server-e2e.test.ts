// API round trip with the REAL generate pipeline on the render thread: upload a photo and a short
// speech clip, follow the server-sent events, download the video and check it with ffprobe. A
// second job of the same photo reuses the cached avatar.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../src/server/app.ts';
import { readEvents, httpFetch as fetch } from '../src/server/testing.ts';
import { ffmpegPath, probe } from '../src/io/ffmpeg.ts';
import { SHARED_DATA_URL } from '../bench/sharedData.ts';

const DATA = SHARED_DATA_URL;

let tmp: string;
let server: RunningServer;
let photo: Buffer;
let audio: Buffer;

before(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'real3d-server-e2e-'));
  photo = await readFile(new URL('portraits/lp_s42.jpg', DATA));
  const wav = path.join(tmp, 'speech.wav');
  const r = spawnSync(ffmpegPath(), ['-v', 'error', '-y', '-ss', '1', '-t', '1.6', '-i', new URL('audio/RD_Radio31_000.wav', DATA).pathname, wav]);
  assert.equal(r.status, 0, String(r.stderr));
  audio = await readFile(wav);
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: path.join(tmp, 'data'), workers: 1, ttlHours: 0 });
});

after(async () => {
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

async function runJob(fields: Record<string, string>, video?: Buffer): Promise<{ job: Record<string, any>; events: Record<string, any>[] }> {
  const form = new FormData();
  form.append('photo', new Blob([new Uint8Array(photo)]), 'photo.jpg');
  if (video) form.append('video', new Blob([new Uint8Array(video)]), 'drive.mp4');
  else form.append('audio', new Blob([new Uint8Array(audio)]), 'speech.wav');
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const res = await fetch(`${server.url}/api/jobs`, { method: 'POST', body: form });
  const created = (await res.json()) as Record<string, any>;
  assert.equal(res.status, 202, JSON.stringify(created));
  const events = (await readEvents(`${server.url}${created.links.events}`, (e) => ['done', 'failed', 'cancelled'].includes(JSON.parse(e.data).state), 180_000)).map((e) => JSON.parse(e.data));
  const job = (await (await fetch(`${server.url}/api/jobs/${created.id}`)).json()) as Record<string, any>;
  return { job, events };
}

test('real generate through the API: a playable talking video with the speech muxed in', { timeout: 300_000 }, async () => {
  const { job, events } = await runJob({ size: '256', pose: 'auto', seed: '3' });
  assert.equal(job.state, 'done', job.error);
  const stages = new Set(events.map((e) => e.progress.stage));
  for (const s of ['analyze', 'render']) assert.ok(stages.has(s), `progress went through ${s}: ${[...stages]}`);
  assert.equal(job.avatar, 'built');
  assert.equal(job.result.frames, 40, '1.6 s at 25 fps');

  const res = await fetch(`${server.url}${job.result.url}`);
  assert.equal(res.status, 200);
  const file = path.join(tmp, 'result.mp4');
  await writeFile(file, Buffer.from(await res.arrayBuffer()));
  const info = await probe(file);
  const v = info.streams.find((s) => s.codec_type === 'video');
  assert.ok(v, 'has a video stream');
  assert.equal(v.width, 256);
  assert.equal(v.height, 256);
  assert.ok(info.streams.some((s) => s.codec_type === 'audio'), 'the speech is muxed in');
  assert.ok(Math.abs(Number(info.format.duration) - 1.6) < 0.15, `duration ${info.format.duration}`);

  // the rendered frames move: the mouth area differs between frames (not a frozen photo)
  const frames = spawnSync(ffmpegPath(), ['-v', 'error', '-i', file, '-vf', 'crop=96:48:80:130,format=gray', '-f', 'rawvideo', 'pipe:1'], { maxBuffer: 64 << 20 });
  assert.equal(frames.status, 0);
  const n = 96 * 48;
  const count = frames.stdout.length / n;
  let maxDiff = 0;
  for (let i = 1; i < count; i++) {
    let d = 0;
    for (let k = 0; k < n; k++) d += Math.abs(frames.stdout[i * n + k]! - frames.stdout[k]!);
    maxDiff = Math.max(maxDiff, d / n);
  }
  assert.ok(maxDiff > 1, `frames change over time (mean abs diff ${maxDiff.toFixed(2)})`);
});

test('a second job of the same photo reuses the cached avatar', { timeout: 300_000 }, async () => {
  const avatars = await readdir(path.join(tmp, 'data', 'avatars'));
  assert.equal(avatars.length, 1, `one cached avatar: ${avatars}`);
  const { job } = await runJob({ size: '256', seed: '4' });
  assert.equal(job.state, 'done', job.error);
  assert.equal(job.avatar, 'cached');
  const res = await fetch(`${server.url}${job.result.url}`, { headers: { range: 'bytes=0-1023' } });
  assert.equal(res.status, 206);
  assert.equal((await res.arrayBuffer()).byteLength, 1024);
});

test('a driving video through the API: expressions and pose from the video, its speech muxed in', { timeout: 300_000 }, async () => {
  const clip = path.join(tmp, 'drive.mp4');
  const r = spawnSync(ffmpegPath(), ['-v', 'error', '-y', '-ss', '2', '-t', '1.2', '-i', new URL('video/WDA_KatieHill_000.mp4', DATA).pathname, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', clip]);
  assert.equal(r.status, 0, String(r.stderr));
  const { job } = await runJob({ size: '128', pose: 'video' }, await readFile(clip));
  assert.equal(job.state, 'done', job.error);
  assert.ok(Math.abs(job.result.duration - 1.2) < 0.1, `duration ${job.result.duration}`);
  const file = path.join(tmp, 'video-result.mp4');
  await writeFile(file, Buffer.from(await (await fetch(`${server.url}${job.result.url}`)).arrayBuffer()));
  const info = await probe(file);
  assert.equal(info.streams.find((s) => s.codec_type === 'video')?.width, 128);
  assert.ok(info.streams.some((s) => s.codec_type === 'audio'), 'the driving video\'s speech is muxed in');
});
