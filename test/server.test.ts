// HTTP API of `real3d serve` with a fake job runner (queue, limits, cancellation, persistence,
// Range requests). The end-to-end run with the real generate is in server-e2e.test.ts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile, stat } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { avatarCacheKey } from '../src/pipeline/photoCache.ts';
import { startServer, type RunningServer } from '../src/server/app.ts';
import { fakeRunner, readEvents, waitForState, httpFetch as fetch } from '../src/server/testing.ts';
import { parseRange } from '../src/server/range.ts';
import { ffmpegPath, probe } from '../src/io/ffmpeg.ts';
import { FileFormatError, NoFaceError } from '../src/errors.ts';
import type { JobRecord } from '../src/server/jobs.ts';
import type { JobQueue, JobRunner } from '../src/server/queue.ts';
import { cutSpeech } from './speechClip.ts';
import { SHARED_DATA_URL } from '../bench/sharedData.ts';

const DATA = SHARED_DATA_URL;
const PHOTO = new URL('portraits/lp_s42.jpg', DATA);
const DOG = new URL('portraits/lp_s25.jpg', DATA);

let tmp: string;
let photo: Buffer;
let audio: Buffer;
const servers: RunningServer[] = [];

before(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'real3d-server-test-'));
  photo = await readFile(PHOTO);
  audio = await readFile(cutSpeech(path.join(tmp, 'short.wav'), 1));
});

after(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await rm(tmp, { recursive: true, force: true });
});

async function serve(opts: Parameters<typeof startServer>[0], deps: Parameters<typeof startServer>[1]): Promise<RunningServer> {
  const s = await startServer({ port: 0, host: '127.0.0.1', ttlHours: 0, ...opts }, deps);
  servers.push(s);
  return s;
}

function jobForm(fields: Record<string, string> = {}, files: { photo?: Buffer; audio?: Buffer; video?: Buffer; names?: Record<string, string> } = {}): FormData {
  const form = new FormData();
  const p = files.photo ?? photo;
  form.append('photo', new Blob([new Uint8Array(p)], { type: 'image/jpeg' }), files.names?.photo ?? 'me.jpg');
  const a = files.audio === undefined ? audio : files.audio;
  if (a.length) form.append('audio', new Blob([new Uint8Array(a)], { type: 'audio/wav' }), files.names?.audio ?? 'voice.wav');
  if (files.video) form.append('video', new Blob([new Uint8Array(files.video)], { type: 'video/mp4' }), 'drive.mp4');
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}

async function submit(base: string, form: FormData): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(`${base}/api/jobs`, { method: 'POST', body: form });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

test('range parsing: single ranges, suffixes, unsatisfiable', () => {
  assert.deepEqual(parseRange(undefined, 100), { kind: 'full' });
  assert.deepEqual(parseRange('bytes=0-9', 100), { kind: 'partial', start: 0, end: 9 });
  assert.deepEqual(parseRange('bytes=90-', 100), { kind: 'partial', start: 90, end: 99 });
  assert.deepEqual(parseRange('bytes=-10', 100), { kind: 'partial', start: 90, end: 99 });
  assert.deepEqual(parseRange('bytes=50-500', 100), { kind: 'partial', start: 50, end: 99 });
  assert.deepEqual(parseRange('bytes=100-', 100), { kind: 'unsatisfiable' });
  assert.deepEqual(parseRange('bytes=0-1,5-6', 100), { kind: 'full' });
});

test('job round trip: upload, events, state, result with Range requests', async () => {
  const runner = fakeRunner({ frames: 6, frameMs: 20 });
  const s = await serve({ dataDir: path.join(tmp, 'roundtrip') }, { runner });
  // a hostile client file name must never become a path
  const { status, body } = await submit(s.url, jobForm({ mouthAmp: '0.8', pose: 'auto', blink: 'natural', size: '256', bg: '#203040' }, { names: { photo: '../../../evil.jpg', audio: '/etc/passwd' } }));
  assert.equal(status, 202, JSON.stringify(body));
  assert.match(body.id, /^[A-Za-z0-9_-]{22}$/);
  assert.ok(['queued', 'running'].includes(body.state));
  assert.equal(body.inputs.photo.width, 512);
  assert.ok(Math.abs(body.inputs.audio.duration - 1) < 0.05, `audio duration ${body.inputs.audio.duration}`);

  const events = await readEvents(`${s.url}${body.links.events}`, (e) => ['done', 'failed', 'cancelled'].includes(JSON.parse(e.data).state));
  const states = events.map((e) => JSON.parse(e.data));
  assert.equal(states.at(-1).state, 'done', JSON.stringify(states.at(-1)));
  assert.ok(states.some((j) => j.state === 'running' && j.progress.stage === 'render'), 'progress events while rendering');
  const fractions = states.map((j) => j.progress.fraction);
  assert.deepEqual(fractions, [...fractions].sort((a, b) => a - b), 'progress never goes back');

  // what the runner was asked to do: server paths only, the client's options
  const input = runner.calls[0]!;
  const jobDir = path.join(tmp, 'roundtrip', 'jobs', body.id);
  assert.equal(input.output, path.join(jobDir, 'result.mp4'));
  assert.equal(input.image ?? input.avatar ? true : false, true);
  if (input.image) assert.equal(input.image, path.join(jobDir, 'photo.jpg'));
  assert.equal(input.audio, path.join(jobDir, 'audio.media'));
  assert.equal(input.mouthAmp, 0.8);
  assert.equal(input.pose, 'auto');
  assert.equal(input.size, 256);
  assert.equal(input.bg, '#203040');
  const names = await readdir(jobDir);
  assert.ok(!names.some((n) => n.includes('evil') || n.includes('passwd')), names.join(','));
  const record = JSON.parse(await readFile(path.join(jobDir, 'job.json'), 'utf8')) as JobRecord;
  assert.equal(record.state, 'done');

  const job = (await (await fetch(`${s.url}/api/jobs/${body.id}`)).json()) as Record<string, any>;
  assert.equal(job.state, 'done');
  assert.equal(job.progress.fraction, 1);
  assert.equal(job.result.contentType, 'video/mp4');

  const full = await fetch(`${s.url}${job.result.url}`);
  assert.equal(full.status, 200);
  assert.equal(full.headers.get('content-type'), 'video/mp4');
  assert.equal(full.headers.get('accept-ranges'), 'bytes');
  const bytes = Buffer.from(await full.arrayBuffer());
  assert.equal(bytes.length, job.result.bytes);
  const saved = path.join(tmp, 'downloaded.mp4');
  await writeFile(saved, bytes);
  const info = await probe(saved);
  assert.ok(info.streams.some((st) => st.codec_type === 'video' && st.width === 64), 'the download is a real video');

  const part = await fetch(`${s.url}${job.result.url}`, { headers: { range: 'bytes=100-199' } });
  assert.equal(part.status, 206);
  assert.equal(part.headers.get('content-range'), `bytes 100-199/${bytes.length}`);
  assert.deepEqual(Buffer.from(await part.arrayBuffer()), bytes.subarray(100, 200));
  const tail = await fetch(`${s.url}${job.result.url}`, { headers: { range: 'bytes=-16' } });
  assert.equal(tail.status, 206);
  assert.deepEqual(Buffer.from(await tail.arrayBuffer()), bytes.subarray(bytes.length - 16));
  const beyond = await fetch(`${s.url}${job.result.url}`, { headers: { range: `bytes=${bytes.length}-` } });
  assert.equal(beyond.status, 416);
  assert.equal(beyond.headers.get('content-range'), `bytes */${bytes.length}`);
  const download = await fetch(`${s.url}${job.result.url}?download=1`, { method: 'HEAD' });
  assert.match(download.headers.get('content-disposition') ?? '', /^attachment; filename="real3d-[A-Za-z0-9_-]{8}\.mp4"$/);

  // deleting a finished job removes its files
  const del = await fetch(`${s.url}/api/jobs/${body.id}`, { method: 'DELETE' });
  assert.deepEqual(await del.json(), { id: body.id, state: 'deleted' });
  await assert.rejects(stat(jobDir));
  assert.equal((await fetch(`${s.url}/api/jobs/${body.id}`)).status, 404);
});

test('driving video and transparent background: validated video, pose from it, webm result', async () => {
  const runner = fakeRunner({ frames: 2 });
  const s = await serve({ dataDir: path.join(tmp, 'video') }, { runner });
  const clip = path.join(tmp, 'drive.mp4');
  const r = spawnSync(ffmpegPath(), ['-v', 'error', '-y', '-t', '1', '-i', new URL('video/lp_d0.mp4', DATA).pathname, '-an', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', clip]);
  assert.equal(r.status, 0, String(r.stderr));
  const noAudio = await submit(s.url, jobForm({ pose: 'auto' }, { audio: Buffer.alloc(0), video: await readFile(clip) }));
  assert.equal(noAudio.status, 400, 'pose=auto needs speech');
  const { status, body } = await submit(s.url, jobForm({ pose: 'video', bg: 'transparent' }, { audio: Buffer.alloc(0), video: await readFile(clip) }));
  assert.equal(status, 202, JSON.stringify(body));
  assert.ok(body.inputs.video.width > 0 && Math.abs(body.inputs.video.duration - 1) < 0.1, JSON.stringify(body.inputs.video));
  const job = await waitForState(s.url, body.id, ['done', 'failed']);
  assert.equal(job.state, 'done', job.error);
  const input = runner.calls[0]!;
  const jobDir = path.join(tmp, 'video', 'jobs', body.id);
  assert.equal(input.video, path.join(jobDir, 'video.media'));
  assert.equal(input.pose, input.video, 'pose=video uses the uploaded video');
  assert.equal(input.audio, undefined);
  assert.equal(input.output, path.join(jobDir, 'result.webm'));
  const res = await fetch(`${s.url}${job.result.url}`);
  assert.equal(res.headers.get('content-type'), 'video/webm');
  // a background image: required with bg=image, decoded, passed by its server path
  const noBg = await submit(s.url, jobForm({ bg: 'image' }));
  assert.equal(noBg.status, 400);
  assert.match(noBg.body.error, /background image/);
  const withBg = jobForm({ bg: 'image' });
  withBg.append('background', new Blob([new Uint8Array(await readFile(DOG))]), 'bg.exe');
  const bg = await submit(s.url, withBg);
  assert.equal(bg.status, 202, JSON.stringify(bg.body));
  await waitForState(s.url, bg.body.id, ['done', 'failed']);
  const bgInput = runner.calls.at(-1)!;
  assert.match(String(bgInput.bg), new RegExp(`jobs/${bg.body.id}/background\\.(png|jpg)$`));
  // a video given as the photo is refused: content is decoded, not trusted
  const videoAsPhoto = await submit(s.url, jobForm({}, { photo: await readFile(clip) }));
  assert.equal(videoAsPhoto.status, 400);
  assert.match(videoAsPhoto.body.error, /photo is not an image/);
});

test('media longer than the limit: 413; a busy port or unusable data folder: clear errors', async () => {
  const s = await serve({ dataDir: path.join(tmp, 'long'), limits: { photoBytes: 1e7, audioBytes: 1e7, videoBytes: 1e7, backgroundBytes: 1e7, maxSeconds: 0.5 } }, { runner: fakeRunner() });
  const long = await submit(s.url, jobForm());
  assert.equal(long.status, 413);
  assert.match(long.body.error, /The audio is 1 s long; the limit is 0\.5 s/);
  const port = Number(new URL(s.url).port);
  await assert.rejects(startServer({ port, host: '127.0.0.1', dataDir: path.join(tmp, 'long2') }, { runner: fakeRunner() }), /Port \d+ on 127\.0\.0\.1 is already in use/);
  const notADir = path.join(tmp, 'a-file');
  await writeFile(notADir, 'x');
  await assert.rejects(startServer({ port: 0, host: '127.0.0.1', dataDir: notADir }, { runner: fakeRunner() }), /Cannot use the data folder .*choose a writable folder with --data/);
});

test('limits: 413 too big, 400 not an image / not audio / bad option, 404 unknown, 429 queue full', async () => {
  const runner = fakeRunner();
  const s = await serve({ dataDir: path.join(tmp, 'limits'), maxQueued: 1, limits: { photoBytes: 200_000, audioBytes: 100_000, videoBytes: 1000, backgroundBytes: 1000, maxSeconds: 600 } }, { runner });
  (s.queue as JobQueue).pause(); // keep submitted jobs waiting so the queue can fill up

  const bigPhoto = await submit(s.url, jobForm({}, { photo: Buffer.concat([photo, Buffer.alloc(250_000)]) }));
  assert.equal(bigPhoto.status, 413);
  assert.match(bigPhoto.body.error, /photo is too large: the limit is 0\.2 MB/);
  const bigAudio = await submit(s.url, jobForm({}, { audio: Buffer.concat([audio, audio]) }));
  assert.equal(bigAudio.status, 413);
  assert.match(bigAudio.body.error, /audio is too large/);

  // content decides, not the name or MIME type
  const notImage = await submit(s.url, jobForm({}, { photo: Buffer.from('this is a text file, not a photo\n'.repeat(50)) }));
  assert.equal(notImage.status, 400);
  assert.match(notImage.body.error, /photo is not an image/);
  assert.doesNotMatch(notImage.body.error, /limits\/jobs|\/tmp\//, 'no server paths in messages');
  const notAudio = await submit(s.url, jobForm({}, { audio: photo.subarray(0, 15_000) }));
  assert.equal(notAudio.status, 400);
  assert.match(notAudio.body.error, /audio is not audio/);
  assert.doesNotMatch(notAudio.body.error, /limits\/jobs|\/tmp\//);

  const noDriver = await submit(s.url, jobForm({}, { audio: Buffer.alloc(0) }));
  assert.equal(noDriver.status, 400);
  assert.match(noDriver.body.error, /audio|video/);
  const badOption = await submit(s.url, jobForm({ mouthAmp: '5' }));
  assert.equal(badOption.status, 400);
  assert.match(badOption.body.error, /mouthAmp/);
  const pathOption = await submit(s.url, jobForm({ output: '/etc/cron.d/x' }));
  assert.equal(pathOption.status, 400);
  assert.match(pathOption.body.error, /Unknown option/);
  const pathBg = await submit(s.url, jobForm({ bg: '/etc/passwd' }));
  assert.equal(pathBg.status, 400);
  // nothing of the refused uploads is left behind
  assert.deepEqual(await readdir(path.join(tmp, 'limits', 'jobs')), []);

  assert.equal((await fetch(`${s.url}/api/jobs/AAAAAAAAAAAAAAAAAAAAAA`)).status, 404);
  assert.equal((await fetch(`${s.url}/api/jobs/..%2F..%2Fetc`)).status, 404);
  assert.equal((await fetch(`${s.url}/api/jobs/AAAAAAAAAAAAAAAAAAAAAA/result`)).status, 404);
  assert.equal((await fetch(`${s.url}/api/jobs/AAAAAAAAAAAAAAAAAAAAAA`, { method: 'DELETE' })).status, 404);

  const first = await submit(s.url, jobForm());
  assert.equal(first.status, 202);
  const notReady = await fetch(`${s.url}/api/jobs/${first.body.id}/result`);
  assert.equal(notReady.status, 409);
  const full = await submit(s.url, jobForm());
  assert.equal(full.status, 429);
  assert.match(full.body.error, /queue is full/);
  (s.queue as JobQueue).resume();
  const done = await waitForState(s.url, first.body.id, ['done', 'failed']);
  assert.equal(done.state, 'done');
  const health = (await (await fetch(`${s.url}/api/health`)).json()) as Record<string, any>;
  assert.equal(health.ok, true);
  assert.equal(health.queued, 0);
});

test('cancel: a running job is aborted and its files removed; a queued one never runs', async () => {
  const runner = fakeRunner({ frames: 1000, frameMs: 20 });
  const s = await serve({ dataDir: path.join(tmp, 'cancel') }, { runner });
  const a = await submit(s.url, jobForm());
  const b = await submit(s.url, jobForm());
  assert.equal(b.body.state, 'queued');
  assert.equal(b.body.position, 1);
  await waitForState(s.url, a.body.id, ['running']);
  const events = readEvents(`${s.url}/api/jobs/${a.body.id}/events`, (e) => JSON.parse(e.data).state === 'cancelled');
  await new Promise((r) => setTimeout(r, 100));
  const del = await fetch(`${s.url}/api/jobs/${a.body.id}`, { method: 'DELETE' });
  assert.deepEqual(await del.json(), { id: a.body.id, state: 'cancelled' });
  assert.equal(runner.aborted, 1, 'the runner saw the abort signal');
  assert.equal(JSON.parse((await events).at(-1)!.data).state, 'cancelled', 'event stream reports the cancel');
  await assert.rejects(stat(path.join(tmp, 'cancel', 'jobs', a.body.id)));
  assert.equal((await fetch(`${s.url}/api/jobs/${a.body.id}`)).status, 404);
  // b starts after a is gone; cancel it too
  await waitForState(s.url, b.body.id, ['running']);
  await fetch(`${s.url}/api/jobs/${b.body.id}`, { method: 'DELETE' });
  assert.equal(runner.calls.length, 2);
  const c = await submit(s.url, jobForm());
  const d = await submit(s.url, jobForm());
  await fetch(`${s.url}/api/jobs/${d.body.id}`, { method: 'DELETE' }); // queued: removed before it runs
  await fetch(`${s.url}/api/jobs/${c.body.id}`, { method: 'DELETE' });
  assert.equal(runner.calls.length, 3, 'the cancelled queued job never ran');
  assert.deepEqual(await readdir(path.join(tmp, 'cancel', 'jobs')), []);
});

test('a failing job reports its error without server paths; the server keeps serving', async () => {
  const runner = fakeRunner({ fail: (input) => (input.seed === 7 ? new NoFaceError(`No face found in ${input.image}. Use a photo with a visible face.`) : input.seed === 8 ? new TypeError('boom') : undefined) });
  const s = await serve({ dataDir: path.join(tmp, 'fail'), avatarCache: false }, { runner });
  const bad = await submit(s.url, jobForm({ seed: '7' }, { photo: await readFile(DOG) }));
  const failed = await waitForState(s.url, bad.body.id, ['failed', 'done']);
  assert.equal(failed.state, 'failed');
  assert.equal(failed.error, 'No face found in the uploaded photo. Use a photo with a visible face.');
  const crash = await submit(s.url, jobForm({ seed: '8' }));
  const crashed = await waitForState(s.url, crash.body.id, ['failed', 'done']);
  assert.match(crashed.error, /Internal error while generating: boom/);
  const good = await submit(s.url, jobForm());
  assert.equal((await waitForState(s.url, good.body.id, ['failed', 'done'])).state, 'done');
  assert.equal((await fetch(`${s.url}/api/jobs/${bad.body.id}/result`)).status, 409);
});

test('restart: queued and interrupted jobs survive; a job interrupted too often is marked failed', async () => {
  const dataDir = path.join(tmp, 'restart');
  const slow = fakeRunner({ frames: 100000, frameMs: 50 });
  const s1 = await serve({ dataDir }, { runner: slow });
  const a = await submit(s1.url, jobForm({ seed: '1' }));
  const b = await submit(s1.url, jobForm({ seed: '2' }));
  await waitForState(s1.url, a.body.id, ['running']);
  await s1.close();
  assert.equal(slow.aborted, 1);
  const onDisk = JSON.parse(await readFile(path.join(dataDir, 'jobs', a.body.id, 'job.json'), 'utf8')) as JobRecord;
  assert.equal(onDisk.state, 'queued', 'a job stopped by shutdown is queued again');

  // a crash leaves jobs "running" on disk: simulate one that already crashed the server twice
  const crashed = { ...onDisk, id: 'C'.repeat(22), state: 'running' as const, attempts: 2 };
  await rm(path.join(dataDir, 'jobs', crashed.id), { recursive: true, force: true });
  await import('node:fs/promises').then((fs) => fs.cp(path.join(dataDir, 'jobs', a.body.id), path.join(dataDir, 'jobs', crashed.id), { recursive: true }));
  await writeFile(path.join(dataDir, 'jobs', crashed.id, 'job.json'), JSON.stringify(crashed));

  // and one that crashed it once: it is given another run
  const crashedOnce = { ...onDisk, id: 'D'.repeat(22), state: 'running' as const, attempts: 1, createdAt: new Date(Date.now() + 1000).toISOString() };
  await import('node:fs/promises').then((fs) => fs.cp(path.join(dataDir, 'jobs', a.body.id), path.join(dataDir, 'jobs', crashedOnce.id), { recursive: true }));
  await writeFile(path.join(dataDir, 'jobs', crashedOnce.id, 'job.json'), JSON.stringify(crashedOnce));

  // an upload cut off by the stop (never accepted, no job.json) is cleaned up
  await import('node:fs/promises').then((fs) => fs.mkdir(path.join(dataDir, 'jobs', 'P'.repeat(22))));
  await writeFile(path.join(dataDir, 'jobs', 'P'.repeat(22), 'photo.upload'), 'partial');

  const fast = fakeRunner();
  const s2 = await serve({ dataDir }, { runner: fast });
  await assert.rejects(stat(path.join(dataDir, 'jobs', 'P'.repeat(22))));
  assert.deepEqual(s2.recovered, { requeued: 3, failed: 1, broken: 0 });
  const retried = await waitForState(s2.url, crashedOnce.id, ['done', 'failed']);
  assert.equal(retried.state, 'done');
  assert.match(retried.note, /restarted while this job was running; it was queued again/);
  const doneA = await waitForState(s2.url, a.body.id, ['done', 'failed']);
  const doneB = await waitForState(s2.url, b.body.id, ['done', 'failed']);
  assert.equal(doneA.state, 'done');
  assert.equal(doneB.state, 'done');
  assert.match(doneA.note, /shut down while this job was running/);
  assert.deepEqual(fast.calls.map((c) => c.seed), [1, 2, 1], 'submission order kept');
  const gaveUp = (await (await fetch(`${s2.url}/api/jobs/${crashed.id}`)).json()) as Record<string, any>;
  assert.equal(gaveUp.state, 'failed');
  assert.match(gaveUp.error, /server stopped while this job was running \(2 times\)/);
  assert.equal((await fetch(`${s2.url}${doneA.result.url}`)).status, 200);
});

test('avatar cache: the second job of a photo gets the saved avatar; an unreadable one is rebuilt', async () => {
  // the fake runner "saves" an avatar file when asked and refuses one marked broken
  let brokenAvatar = false;
  const runner = fakeRunner({ fail: (input) => (input.avatar && brokenAvatar ? new FileFormatError(`${input.avatar} is not a usable real3d avatar: bad magic.`) : undefined) });
  const saving: JobRunner = async (input, control) => {
    if (input.saveAvatar) await writeFile(input.saveAvatar, 'avatar');
    return runner(input, control);
  };
  const s = await serve({ dataDir: path.join(tmp, 'avatars') }, { runner: saving });
  const first = await waitForState(s.url, (await submit(s.url, jobForm())).body.id, ['done', 'failed']);
  assert.equal(first.avatar, 'built');
  assert.ok(runner.calls[0]!.image && runner.calls[0]!.saveAvatar && !runner.calls[0]!.avatar);
  // named as generate's own cache names it: a new version of the avatar code never reuses an old avatar
  const photoSha256 = createHash('sha256').update(photo).digest('hex');
  assert.equal(path.basename(runner.calls[0]!.saveAvatar!), `${await avatarCacheKey(photoSha256, { face: 0, minFaceArea: 0.1 })}.avatar`);
  const second = await waitForState(s.url, (await submit(s.url, jobForm({ seed: '5' }))).body.id, ['done', 'failed']);
  assert.equal(second.avatar, 'cached');
  assert.equal(runner.calls[1]!.avatar, runner.calls[0]!.saveAvatar);
  assert.equal(runner.calls[1]!.image, undefined);
  // the debug view needs the photo itself: no cached avatar there
  const debug = await waitForState(s.url, (await submit(s.url, jobForm({ mode: 'debug' }))).body.id, ['done', 'failed']);
  assert.equal(debug.avatar, undefined);
  assert.ok(runner.calls[2]!.image && !runner.calls[2]!.avatar);
  brokenAvatar = true;
  const third = await waitForState(s.url, (await submit(s.url, jobForm({ seed: '6' }))).body.id, ['done', 'failed']);
  assert.equal(third.state, 'done', third.error);
  assert.equal(third.avatar, 'built', 'rebuilt from the photo after the cached avatar failed to load');
  assert.deepEqual(runner.calls.slice(-2).map((c) => [!!c.avatar, !!c.image]), [[true, false], [false, true]]);
});

test('an upload cut off midway leaves nothing behind and the server keeps serving', async () => {
  const s = await serve({ dataDir: path.join(tmp, 'cutoff') }, { runner: fakeRunner() });
  const { request } = await import('node:http');
  const u = new URL(s.url);
  const boundary = 'x-real3d-test-boundary';
  await new Promise<void>((resolve) => {
    const req = request({ host: u.hostname, port: u.port, path: '/api/jobs', method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.write(`--${boundary}\r\ncontent-disposition: form-data; name="photo"; filename="a.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`);
    req.write(photo.subarray(0, 40_000));
    setTimeout(() => req.destroy(), 200);
  });
  // the server notices the closed connection and removes the partial upload
  const jobsDir = path.join(tmp, 'cutoff', 'jobs');
  for (let i = 0; i < 50 && (await readdir(jobsDir)).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(await readdir(jobsDir), []);
  const ok = await submit(s.url, jobForm());
  assert.equal(ok.status, 202);
  assert.equal((await waitForState(s.url, ok.body.id, ['done', 'failed'])).state, 'done');
});

test('old finished jobs are deleted after the time to live', async () => {
  const s = await serve({ dataDir: path.join(tmp, 'ttl'), ttlHours: 1 }, { runner: fakeRunner() });
  const a = await submit(s.url, jobForm());
  await waitForState(s.url, a.body.id, ['done']);
  assert.equal(await s.queue.sweep(Date.now()), 0, 'a fresh result is kept');
  assert.equal(await s.queue.sweep(Date.now() + 2 * 3_600_000), 1);
  assert.equal((await fetch(`${s.url}/api/jobs/${a.body.id}`)).status, 404);
  assert.deepEqual(await readdir(path.join(tmp, 'ttl', 'jobs')), []);
});

test('page, OpenAPI document, health, Host check', async () => {
  const s = await serve({ dataDir: path.join(tmp, 'misc') }, { runner: fakeRunner() });
  const page = await fetch(`${s.url}/`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  assert.match(await page.text(), /<form id="job-form"/);
  assert.equal((await fetch(`${s.url}/app.js`)).status, 200);
  const doc = (await (await fetch(`${s.url}/openapi.json`)).json()) as Record<string, any>;
  assert.equal(doc.openapi, '3.0.3');
  for (const p of ['/api/jobs', '/api/jobs/{id}', '/api/jobs/{id}/events', '/api/jobs/{id}/result', '/api/health']) assert.ok(doc.paths[p], p);
  assert.ok(doc.paths['/api/jobs/{id}'].delete);
  const health = (await (await fetch(`${s.url}/api/health`)).json()) as Record<string, any>;
  assert.equal(health.ok, true);
  assert.equal(health.workers, 1);
  // a page on another site resolving its name to 127.0.0.1 (DNS rebinding) is refused
  const { request } = await import('node:http');
  const status = await new Promise<number>((resolve, reject) => {
    const u = new URL(s.url);
    request({ host: u.hostname, port: u.port, path: '/api/health', headers: { host: 'evil.example:80' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
  assert.equal(status, 403);
  assert.equal((await fetch(`${s.url}/etc/passwd`)).status, 404);
  assert.equal((await fetch(`${s.url}/../package.json`)).status, 404);
});

test('photo preview finds the face with the real face models', async () => {
  const s = await serve({ dataDir: path.join(tmp, 'analyze') }, { runner: fakeRunner() });
  const form = new FormData();
  form.append('photo', new Blob([new Uint8Array(photo)]), 'x.png');
  const res = await fetch(`${s.url}/api/analyze`, { method: 'POST', body: form });
  const a = (await res.json()) as Record<string, any>;
  assert.equal(res.status, 200, JSON.stringify(a));
  assert.equal(a.width, 512);
  assert.ok(a.faces.length >= 1);
  const [x, y, w, h] = a.faces[0].box as number[];
  // lp_s42 is a frontal portrait: the face is large and central
  assert.ok(w > 100 && h > 100 && x > 0 && y > 0 && x + w < 512 && y + h < 512, `box ${a.faces[0].box}`);
  assert.ok(Math.abs(x + w / 2 - 256) < 80, `face centred horizontally, box ${a.faces[0].box}`);
  const bad = new FormData();
  bad.append('photo', new Blob([Buffer.from('GIF89a-but-not-really')]), 'x.gif');
  const r2 = await fetch(`${s.url}/api/analyze`, { method: 'POST', body: bad });
  assert.equal(r2.status, 400);
  assert.deepEqual(await readdir(path.join(tmp, 'analyze', 'tmp')), [], 'previews leave no files');
});
