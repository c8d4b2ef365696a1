// Hostile and unlucky requests to `real3d serve` (issue 11, server part): each ends with one clear
// HTTP answer, in bounded time, with nothing left on disk. A fake job runner stands in for generate.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { deflateSync } from 'node:zlib';
import { startServer, type RunningServer, type ServerDeps } from '../src/server/app.ts';
import { fakeRunner, pngWithHeader, readEvents, waitForState, httpFetch as fetch } from '../src/server/testing.ts';
import { budgetRefusal, crossSiteRefusal, jobWork } from '../src/server/guards.ts';
import { SnapshotWriter, type StreamSink } from '../src/server/events.ts';
import { DEFAULT_SERVER_OPTIONS, type ServerOptionsInput } from '../src/server/options.ts';
import type { JobFile, JobOptions } from '../src/server/jobs.ts';
import type { JobRunner } from '../src/server/queue.ts';
import { cutSpeech } from './speechClip.ts';
import { SHARED_DATA_URL } from '../bench/sharedData.ts';

const DATA = SHARED_DATA_URL;

let tmp: string;
let photo: Buffer;
let audio: Buffer;
const servers: RunningServer[] = [];

before(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'real3d-hardening-'));
  photo = await readFile(new URL('portraits/lp_s42.jpg', DATA));
  audio = await readFile(cutSpeech(path.join(tmp, 'one-second.wav'), 1));
});

after(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await rm(tmp, { recursive: true, force: true });
});

async function serve(name: string, opts: ServerOptionsInput = {}, deps: ServerDeps = {}): Promise<RunningServer & { dataDir: string }> {
  const dataDir = path.join(tmp, name);
  const s = await startServer({ port: 0, host: '127.0.0.1', ttlHours: 0, dataDir, ...opts }, { runner: fakeRunner(), analyze: async () => ({ width: 1, height: 1, faces: [], crop: null, pose: null }), ...deps });
  servers.push(s);
  return Object.assign(s, { dataDir });
}

function jobForm(fields: Record<string, string> = {}, p: Buffer = photo): FormData {
  const form = new FormData();
  form.append('photo', new Blob([new Uint8Array(p)]), 'me.jpg');
  form.append('audio', new Blob([new Uint8Array(audio)]), 'voice.wav');
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, any>;
  ms: number;
}

/** One HTTP request with any headers (fetch will not send Origin or Sec-Fetch-Site as given). */
async function send(base: string, method: string, route: string, o: { headers?: Record<string, string>; form?: FormData } = {}): Promise<Answer> {
  let body: Buffer | undefined;
  const headers: Record<string, string> = { ...o.headers };
  if (o.form) {
    const r = new Request('http://x/', { method: 'POST', body: o.form });
    body = Buffer.from(await r.arrayBuffer());
    headers['content-type'] = r.headers.get('content-type')!;
    headers['content-length'] = String(body.length);
  }
  const u = new URL(base);
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: route, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, any>) : {}, ms: Date.now() - t0 }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const jobsIn = (s: { dataDir: string }) => readdir(path.join(s.dataDir, 'jobs'));

/** Every file under a folder (relative paths), to show what a refused request left. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

test('work budget: a job over frames x pixels is refused with 422 before it is queued, saying what fits', { timeout: 30_000 }, async () => {
  // the case with the default budget: 600 s at 60 fps of the 2048 debug view (ETA 22 hours)
  const info = (d: Record<string, number>): JobFile => ({ name: 'x', bytes: 1, sha256: '', info: d });
  const files = { photo: info({ width: 512, height: 512 }), audio: info({ duration: 600 }) };
  const huge = { size: 2048, fps: 60, mode: 'debug', crop: 'head' } as const satisfies Partial<JobOptions>;
  const work = jobWork(huge, files);
  assert.deepEqual([work.frames, work.width, work.height], [36000, 8192, 2048]);
  assert.match(budgetRefusal(work, huge, DEFAULT_SERVER_OPTIONS.maxJobPixels) ?? '', /too much work .*600 s at 60 fps of 8192x2048 frames is 604 billion frame pixels; the limit is 786 million/);
  // the default budget is a 120 s 512x512 job at 25 fps: that fits, a second more does not
  const final = { size: 512, fps: 25, mode: 'final', crop: 'head' } as const;
  assert.equal(budgetRefusal(jobWork(final, { ...files, audio: info({ duration: 120 }) }), final, DEFAULT_SERVER_OPTIONS.maxJobPixels), undefined);
  assert.match(budgetRefusal(jobWork(final, { ...files, audio: info({ duration: 121 }) }), final, DEFAULT_SERVER_OPTIONS.maxJobPixels) ?? '', /at most 120 s at these settings/);

  // over HTTP: 1 s at 25 fps of 512x512 is 6.6 M frame pixels; the debug view's 2048x512 is 26 M
  const runner = fakeRunner();
  const s = await serve('budget', { maxJobPixels: 10e6 }, { runner });
  const debug = await send(s.url, 'POST', '/api/jobs', { form: jobForm({ mode: 'debug' }) });
  assert.equal(debug.status, 422, JSON.stringify(debug.body));
  assert.equal(debug.body.code, 'too_much_work');
  assert.match(debug.body.error, /1 s at 25 fps of 2048x512 frames is 26 million frame pixels; the limit is 10 million/);
  assert.match(debug.body.error, /mode=final/);
  const fps = await send(s.url, 'POST', '/api/jobs', { form: jobForm({ fps: '60' }) });
  assert.equal(fps.status, 422);
  assert.match(fps.body.error, /a lower fps/);
  assert.deepEqual(await jobsIn(s), [], 'refused jobs leave no folder');
  assert.equal(runner.calls.length, 0);
  assert.equal(s.queue.counts().total, 0);
  const ok = await send(s.url, 'POST', '/api/jobs', { form: jobForm() });
  assert.equal(ok.status, 202, JSON.stringify(ok.body));
  assert.equal((await waitForState(s.url, ok.body.id, ['done', 'failed'], 20_000)).state, 'done');
});

test('wall-clock limit: a job running too long is stopped, marked failed with the reason, its temporaries removed', { timeout: 30_000 }, async () => {
  const slow = fakeRunner({ frames: 100_000, frameMs: 20 });
  // a render that has begun writing its output, as generate does through a temporary sibling
  const runner: JobRunner = async (input, control) => {
    await writeFile(path.join(path.dirname(input.output), '.result.0badcafe.tmp.mp4'), 'half a video');
    return slow(input, control);
  };
  const s = await serve('wallclock', { maxJobSeconds: 0.5 }, { runner });
  const t0 = Date.now();
  const { body } = await send(s.url, 'POST', '/api/jobs', { form: jobForm() });
  const job = await waitForState(s.url, body.id, ['failed', 'done', 'cancelled'], 10_000);
  assert.ok(Date.now() - t0 < 5000, `stopped in ${Date.now() - t0} ms`);
  assert.equal(job.state, 'failed');
  assert.match(job.error, /^Stopped: the job ran longer than this server's limit of 0\.5 s \(--max-job-minutes\)/);
  assert.equal(slow.aborted, 1, 'the runner saw the abort');
  // the record is written right after the state changes in memory
  const stateOnDisk = async () => (JSON.parse(await readFile(path.join(s.dataDir, 'jobs', body.id, 'job.json'), 'utf8')) as { state: string }).state;
  for (let i = 0; i < 40 && (await stateOnDisk()) !== 'failed'; i++) await new Promise((r) => setTimeout(r, 50));
  assert.equal(await stateOnDisk(), 'failed', 'the failure is persisted (not re-run after a restart)');
  // (checked once the record is written: job.json itself is written through a temporary file)
  assert.deepEqual((await readdir(path.join(s.dataDir, 'jobs', body.id))).filter((n) => n.startsWith('.')), [], 'no temporary output left');
});

test('CSRF: state-changing requests from another site are refused with 403; same origin, plain clients and --allow-origin pass', { timeout: 30_000 }, async () => {
  const runner = fakeRunner({ frames: 100_000, frameMs: 20 });
  const s = await serve('csrf', {}, { runner });
  const host = new URL(s.url).host;
  const evil = await send(s.url, 'POST', '/api/jobs', { headers: { origin: 'http://evil.example' }, form: jobForm() });
  assert.equal(evil.status, 403);
  assert.equal(evil.body.code, 'cross_site');
  assert.match(evil.body.error, /came from a page at http:\/\/evil\.example, not from this server's own page .*--allow-origin http:\/\/evil\.example/);
  const fetchMeta = await send(s.url, 'POST', '/api/jobs', { headers: { 'sec-fetch-site': 'cross-site' }, form: jobForm() });
  assert.equal(fetchMeta.status, 403);
  // same host, another port: another origin
  const otherPort = await send(s.url, 'POST', '/api/analyze', { headers: { origin: 'http://127.0.0.1:1' }, form: jobForm() });
  assert.equal(otherPort.status, 403);
  const sandboxed = await send(s.url, 'POST', '/api/jobs', { headers: { origin: 'null' }, form: jobForm() });
  assert.equal(sandboxed.status, 403);
  assert.deepEqual(await jobsIn(s), []);
  assert.equal(runner.calls.length, 0);

  // the server's own page, and clients that are not browsers (no Origin), are accepted
  const own = await send(s.url, 'POST', '/api/jobs', { headers: { origin: `http://${host}`, 'sec-fetch-site': 'same-origin' }, form: jobForm() });
  assert.equal(own.status, 202, JSON.stringify(own.body));
  const curl = await send(s.url, 'POST', '/api/jobs', { form: jobForm() });
  assert.equal(curl.status, 202);
  // a cross-site DELETE does not cancel; reads are not state changes
  const del = await send(s.url, 'DELETE', `/api/jobs/${own.body.id}`, { headers: { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' } });
  assert.equal(del.status, 403);
  assert.ok(['queued', 'running'].includes(s.queue.get(own.body.id)?.state ?? ''), 'the job still runs');
  assert.equal((await send(s.url, 'GET', `/api/jobs/${own.body.id}`, { headers: { origin: 'http://evil.example' } })).status, 200);
  assert.equal((await send(s.url, 'DELETE', `/api/jobs/${own.body.id}`, { headers: { origin: `http://${host}` } })).status, 200);
  assert.equal((await send(s.url, 'DELETE', `/api/jobs/${curl.body.id}`)).status, 200);

  // opting in: pages of a named origin may submit and read the answer (CORS)
  const open = await serve('csrf-allowed', { allowOrigins: ['http://localhost:3000/'] }, { runner: fakeRunner() });
  const allowed = await send(open.url, 'POST', '/api/jobs', { headers: { origin: 'http://localhost:3000', 'sec-fetch-site': 'cross-site' }, form: jobForm() });
  assert.equal(allowed.status, 202, JSON.stringify(allowed.body));
  assert.equal(allowed.headers['access-control-allow-origin'], 'http://localhost:3000');
  const preflight = await send(open.url, 'OPTIONS', `/api/jobs/${allowed.body.id}`, { headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'DELETE' } });
  assert.equal(preflight.status, 204);
  assert.match(String(preflight.headers['access-control-allow-methods']), /DELETE/);
  assert.equal((await send(open.url, 'POST', '/api/jobs', { headers: { origin: 'http://localhost:3001' }, form: jobForm() })).status, 403);
  await assert.rejects(startServer({ port: 0, dataDir: path.join(tmp, 'csrf-bad'), allowOrigins: ['localhost:3000'] }, { runner: fakeRunner() }), /--allow-origin: "localhost:3000" is not an origin/);
  // the rule itself, on headers as browsers send them
  assert.equal(crossSiteRefusal('POST', { host: 'a.test:80', origin: 'http://a.test' }, new Set()), undefined, 'the default port is implied');
  assert.ok(crossSiteRefusal('PUT', { host: 'a.test', origin: 'https://a.test.evil' }, new Set()));
  assert.ok(crossSiteRefusal('POST', { host: 'a.test', 'sec-fetch-site': 'same-site' }, new Set()));
  assert.equal(crossSiteRefusal('POST', { host: 'a.test', 'sec-fetch-site': 'none' }, new Set()), undefined, 'typed by the user');
});

test('submit is all or nothing: job.json not written (disk full) -> 507, no job in memory, nothing on disk', { timeout: 30_000 }, async () => {
  let diskFull = true;
  const runner = fakeRunner();
  const { writeFileAtomic } = await import('../src/io/atomic.ts');
  const s = await serve('submit-enospc', {}, {
    runner,
    storage: {
      writeFileAtomic: async (file, data) => {
        if (diskFull) throw Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), { code: 'ENOSPC', syscall: 'write' });
        return writeFileAtomic(file, data);
      },
    },
  });
  const res = await send(s.url, 'POST', '/api/jobs', { form: jobForm() });
  assert.equal(res.status, 507, JSON.stringify(res.body));
  assert.equal(res.body.code, 'disk_full');
  assert.match(res.body.error, /^The server's disk is full: nothing of this request was kept/);
  assert.doesNotMatch(res.body.error, /real3d-hardening|jobs\//, 'no server paths');
  assert.deepEqual(s.queue.counts(), { queued: 0, running: 0, total: 0 }, 'no ghost job in the queue');
  assert.deepEqual(await filesUnder(path.join(s.dataDir, 'jobs')), []);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(runner.calls.length, 0, 'the ghost never ran');
  diskFull = false;
  const later = await send(s.url, 'POST', '/api/jobs', { form: jobForm() });
  assert.equal(later.status, 202);
  assert.equal((await waitForState(s.url, later.body.id, ['done', 'failed'], 20_000)).state, 'done');
});

test('disk full during an upload: 507 (the server\'s fault, not 400), nothing kept', { timeout: 30_000 }, async () => {
  const full = () =>
    new Writable({
      write(_chunk, _enc, cb) {
        cb(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write', errno: -28 }));
      },
    });
  const s = await serve('upload-enospc', {}, { storage: { createUploadStream: full } });
  for (const route of ['/api/jobs', '/api/analyze']) {
    const form = route === '/api/jobs' ? jobForm() : (() => {
      const f = new FormData();
      f.append('photo', new Blob([new Uint8Array(photo)]), 'me.jpg');
      return f;
    })();
    const res = await send(s.url, 'POST', route, { form });
    assert.equal(res.status, 507, `${route}: ${JSON.stringify(res.body)}`);
    assert.match(res.body.error, /disk is full/);
  }
  assert.deepEqual(await filesUnder(s.dataDir), []);
  assert.equal(s.queue.counts().total, 0);
});

test('too many form fields: says so (not "file too large"), nothing kept', { timeout: 30_000 }, async () => {
  const s = await serve('fields');
  const form = jobForm();
  for (let i = 0; i < 45; i++) form.append(`x${i}`, 'y');
  const res = await send(s.url, 'POST', '/api/jobs', { form });
  assert.equal(res.status, 400, JSON.stringify(res.body));
  assert.match(res.body.error, /^Too many form fields: at most 40 option fields/);
  assert.doesNotMatch(res.body.error, /too large/);
  const files = new FormData();
  for (let i = 0; i < 6; i++) files.append('photo', new Blob([new Uint8Array(photo.subarray(0, 100))]), 'p.jpg');
  const manyFiles = await send(s.url, 'POST', '/api/jobs', { form: files });
  assert.equal(manyFiles.status, 400);
  assert.match(manyFiles.body.error, /Send only one photo file|Too many files/);
  assert.deepEqual(await jobsIn(s), []);
});

test('start-up removes the temporary files a crash left mid-render (job folders and the avatar cache)', { timeout: 30_000 }, async () => {
  const dataDir = path.join(tmp, 'crash-tmp');
  const s1 = await serve('crash-tmp');
  const { body } = await send(s1.url, 'POST', '/api/jobs', { form: jobForm() });
  await waitForState(s1.url, body.id, ['done'], 20_000);
  await s1.close();
  const jobDir = path.join(dataDir, 'jobs', body.id);
  const leftovers = [path.join(jobDir, '.result.0123abcd.tmp.mp4'), path.join(jobDir, '.job.89abcdef.tmp.json'), path.join(dataDir, 'avatars', '.0f0f-f0-head.0011aabb.tmp.avatar')];
  await mkdir(path.join(dataDir, 'avatars'), { recursive: true });
  for (const f of leftovers) await writeFile(f, 'partial');
  const before = await readdir(jobDir);
  const s2 = await serve('crash-tmp');
  const after = await readdir(jobDir);
  assert.deepEqual(after.filter((n) => n.startsWith('.')), [], `left: ${after.join(', ')}`);
  assert.deepEqual(after.sort(), before.filter((n) => !n.startsWith('.')).sort(), 'the finished job keeps its files');
  assert.deepEqual(await readdir(path.join(dataDir, 'avatars')), []);
  assert.equal((await fetch(`${s2.url}/api/jobs/${body.id}/result`)).status, 200);
});

/** Starts a multipart upload, sends part of the photo and then nothing more. */
function stalledUpload(base: string, route: string): Promise<{ status: number; body: string; ms: number; closed: boolean }> {
  const u = new URL(base);
  const boundary = 'stall-boundary';
  const t0 = Date.now();
  return new Promise((resolve) => {
    const req = request({ host: u.hostname, port: u.port, path: route, method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': '5000000' } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        // the server closes the connection: the rest of the body never came
        req.socket?.once('close', () => resolve({ status: res.statusCode ?? 0, body: text, ms: Date.now() - t0, closed: true }));
        if (req.socket?.destroyed) resolve({ status: res.statusCode ?? 0, body: text, ms: Date.now() - t0, closed: true });
      });
    });
    req.on('error', () => resolve({ status: 0, body: '', ms: Date.now() - t0, closed: true }));
    req.write(`--${boundary}\r\ncontent-disposition: form-data; name="photo"; filename="a.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`);
    req.write(photo.subarray(0, 20_000));
  });
}

test('a stalled upload times out: 408 with the reason, its folder removed, the connection closed', { timeout: 30_000 }, async () => {
  const s = await serve('stall', { bodyTimeoutMs: 1000 });
  const uploads = await Promise.all([...Array.from({ length: 5 }, () => stalledUpload(s.url, '/api/jobs')), stalledUpload(s.url, '/api/analyze')]);
  for (const r of uploads) {
    assert.equal(r.status, 408, r.body);
    assert.match(JSON.parse(r.body).error, /^The upload stalled: no data for 1 s\. Nothing was kept; send it again\./);
    assert.ok(r.ms < 5000, `answered after ${r.ms} ms`);
    assert.ok(r.closed);
  }
  assert.deepEqual(await jobsIn(s), []);
  assert.deepEqual(await readdir(path.join(s.dataDir, 'tmp')), []);
  // a slow but moving upload is not cut: 6 pieces 300 ms apart take longer than the idle limit
  const form = jobForm();
  const r = new Request('http://x/', { method: 'POST', body: form });
  const bytes = Buffer.from(await r.arrayBuffer());
  const u = new URL(s.url);
  const status = await new Promise<number>((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: '/api/jobs', method: 'POST', headers: { 'content-type': r.headers.get('content-type')!, 'content-length': bytes.length } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    const step = Math.ceil(bytes.length / 6);
    let at = 0;
    const next = () => {
      req.write(bytes.subarray(at, at + step));
      at += step;
      if (at >= bytes.length) req.end();
      else setTimeout(next, 300);
    };
    next();
  });
  assert.equal(status, 202);
});

/** A PNG whose header says width x height; its pixel data is a stub (the header is all a size check reads). */
const pngHeader = (width: number, height: number) => pngWithHeader(width, height, deflateSync(Buffer.alloc(width * 3 + 1)));

test('image bombs: a 16000x16000 photo is refused from its header (413) on the preview and job routes, never decoded', { timeout: 30_000 }, async () => {
  const analyzed: string[] = [];
  const s = await serve('bomb', {}, { analyze: async (f) => (analyzed.push(f), { width: 1, height: 1, faces: [], crop: null, pose: null }) });
  const bomb = pngHeader(16000, 16000);
  const preview = new FormData();
  preview.append('photo', new Blob([new Uint8Array(bomb)]), 'bomb.png');
  const t0 = Date.now();
  const res = await send(s.url, 'POST', '/api/analyze', { form: preview });
  assert.equal(res.status, 413, JSON.stringify(res.body));
  assert.equal(res.body.code, 'too_many_pixels');
  assert.match(res.body.error, /^The photo is 16000x16000 pixels \(256 megapixels\); the limit is 50 megapixels\. Resize it/);
  assert.ok(Date.now() - t0 < 3000, `answered in ${Date.now() - t0} ms`);
  assert.deepEqual(analyzed, [], 'the preview thread never saw it');
  const job = await send(s.url, 'POST', '/api/jobs', { form: jobForm({}, bomb) });
  assert.equal(job.status, 413);
  assert.match(job.body.error, /16000x16000 pixels/);
  const bg = jobForm({ bg: 'image' });
  bg.append('background', new Blob([new Uint8Array(bomb)]), 'bg.png');
  const background = await send(s.url, 'POST', '/api/jobs', { form: bg });
  assert.equal(background.status, 413);
  assert.match(background.body.error, /^The background is 16000x16000/);
  assert.deepEqual(await jobsIn(s), []);
  assert.deepEqual(await readdir(path.join(s.dataDir, 'tmp')), []);
  // within the limit the header-only check still finds a broken file by decoding it small
  const broken = await send(s.url, 'POST', '/api/jobs', { form: jobForm({}, pngHeader(4000, 3000)) });
  assert.equal(broken.status, 400);
  assert.match(broken.body.error, /photo is not an image this server can read/);
  const truncated = await send(s.url, 'POST', '/api/jobs', { form: jobForm({}, photo.subarray(0, photo.length >> 1)) });
  assert.equal(truncated.status, 400, 'a JPEG cut in half');
  assert.deepEqual(await jobsIn(s), []);
});

test('event streams: bounded in number (429 beyond), and a client that does not read holds one snapshot, not a queue', { timeout: 30_000 }, async () => {
  const s = await serve('sse', { maxEventStreams: 2 }, { runner: fakeRunner({ frames: 100_000, frameMs: 20 }) });
  const { body } = await send(s.url, 'POST', '/api/jobs', { form: jobForm() });
  await waitForState(s.url, body.id, ['running'], 10_000);
  const streams = [1, 2].map(() => readEvents(`${s.url}/api/jobs/${body.id}/events`, (e) => JSON.parse(e.data).state === 'cancelled', 20_000));
  await new Promise((r) => setTimeout(r, 300));
  const third = await send(s.url, 'GET', `/api/jobs/${body.id}/events`);
  assert.equal(third.status, 429);
  assert.match(third.body.error, /^Too many open event streams \(2\)\. Close some, or poll GET \/api\/jobs\//);
  assert.equal((await send(s.url, 'DELETE', `/api/jobs/${body.id}`)).status, 200);
  for (const events of await Promise.all(streams)) assert.equal(JSON.parse(events.at(-1)!.data).state, 'cancelled');

  // the writer against a socket that stops reading after the first write
  const written: string[] = [];
  let ended = false;
  let destroyed = false;
  let drain = () => {};
  const sink: StreamSink = {
    write: (t) => (written.push(t), false),
    end: () => (ended = true),
    destroy: () => (destroyed = true),
    on: (_e, l) => (drain = l),
  };
  const w = new SnapshotWriter(sink);
  for (let i = 0; i < 1000; i++) w.snapshot(`event ${i}\n\n`);
  w.ping(': ping\n\n');
  assert.deepEqual(written, ['event 0\n\n'], 'nothing more is written while the socket is full');
  w.end(50);
  assert.equal(ended, false, 'the last snapshot is still to be written');
  drain();
  assert.deepEqual(written, ['event 0\n\n', 'event 999\n\n'], 'on drain: only the latest snapshot');
  drain();
  assert.equal(ended, true);
  const stuck = new SnapshotWriter({ ...sink, on: () => undefined });
  stuck.snapshot('a');
  stuck.end(50);
  await new Promise((r) => setTimeout(r, 120));
  assert.equal(destroyed, true, 'a client that never reads is dropped');
});

test('result route: a result deleted behind the server is a 404, not a 500', { timeout: 30_000 }, async () => {
  const s = await serve('result-race');
  const { body } = await send(s.url, 'POST', '/api/jobs', { form: jobForm() });
  const job = await waitForState(s.url, body.id, ['done'], 20_000);
  // the descriptor opened per request is closed however the request ends
  const openFds = async () => (await readdir('/proc/self/fd')).length;
  const fdsBefore = await openFds();
  for (let i = 0; i < 10; i++) {
    assert.equal((await fetch(`${s.url}${job.result.url}`, { method: 'HEAD' })).status, 200);
    assert.equal((await fetch(`${s.url}${job.result.url}`, { headers: { range: 'bytes=999999999-' } })).status, 416);
    const part = await fetch(`${s.url}${job.result.url}`, { headers: { range: 'bytes=0-99' } });
    assert.equal((await part.arrayBuffer()).byteLength, 100);
    const dropped = new AbortController();
    const res = await fetch(`${s.url}${job.result.url}`, { signal: dropped.signal });
    dropped.abort(); // the client goes away before reading the video
    await res.body?.cancel().catch(() => {});
  }
  await new Promise((r) => setTimeout(r, 300));
  assert.ok((await openFds()) - fdsBefore <= 2, `descriptors ${fdsBefore} -> ${await openFds()}`);
  await rm(path.join(s.dataDir, 'jobs', body.id, 'result.mp4'));
  const res = await send(s.url, 'GET', job.result.url);
  assert.equal(res.status, 404, JSON.stringify(res.body));
  assert.match(res.body.error, /result of job .* is gone/);
});

test('the serve command passes --max-job-pixels and --allow-origin to the server', { timeout: 60_000 }, async () => {
  const { spawn } = await import('node:child_process');
  const bin = new URL('../bin/real3d.mjs', import.meta.url).pathname;
  const args = ['serve', '--port', '0', '--data', path.join(tmp, 'cli'), '--max-job-pixels', '1', '--max-job-minutes', '5', '--allow-origin', 'http://localhost:3000'];
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let err = '';
      child.stderr.on('data', (d) => {
        err += d;
        const m = /real3d serve: (http:\/\/\S+)/.exec(err);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
    });
    // 1 s at 25 fps of 512x512 is 6.6 million frame pixels: over a budget of 1 million
    const over = await send(url, 'POST', '/api/jobs', { headers: { origin: 'http://localhost:3000' }, form: jobForm() });
    assert.equal(over.status, 422, JSON.stringify(over.body));
    assert.match(over.body.error, /is 7 million frame pixels; the limit is 1 million \(--max-job-pixels\)/);
    const evil = await send(url, 'POST', '/api/jobs', { headers: { origin: 'http://evil.example' }, form: jobForm() });
    assert.equal(evil.status, 403);
    assert.deepEqual(await readdir(path.join(tmp, 'cli', 'jobs')), []);
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
