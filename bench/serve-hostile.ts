// Hostile uploads against `real3d serve` (issue 11): image-bomb photos sent to the preview, and
// stalled uploads. Prints the answers, the time they took, the server process's peak memory and
// what was left on disk. The job runner and the face preview are stand-ins: this measures the
// HTTP server itself.
// With --hang, a job the real pipeline cannot finish (a float WAV of NaN samples) is sent to a
// server with the real render thread and a wall-clock limit: prints how it ended and when.
//   node --import tsx bench/serve-hostile.ts [--bombs 5] [--stalled 50] [--body-timeout-ms 2000] [--hang] [--job-seconds 20]
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDeflate } from 'node:zlib';
import { startServer } from '../src/server/app.ts';
import { fakeRunner, pngWithHeader } from '../src/server/testing.ts';
import { sharedData } from './sharedData.ts';

const { values } = parseArgs({
  options: {
    bombs: { type: 'string', default: '5' },
    stalled: { type: 'string', default: '50' },
    'body-timeout-ms': { type: 'string', default: '2000' },
    hang: { type: 'boolean', default: false },
    'job-seconds': { type: 'string', default: '20' },
  },
});
const BOMBS = Number(values.bombs);
const STALLED = Number(values.stalled);
const BODY_TIMEOUT_MS = Number(values['body-timeout-ms']);

/** A real decompression bomb: a 16000x16000 RGB PNG of zeros (768 MB decoded), ~0.8 MB on disk. */
async function pngBomb(side: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (d: Buffer) => parts.push(d));
  const done = new Promise((r) => deflate.on('end', r));
  const row = Buffer.alloc(side * 3 + 1);
  for (let y = 0; y < side; y++) if (!deflate.write(row)) await new Promise((r) => deflate.once('drain', r));
  deflate.end();
  await done;
  return pngWithHeader(side, side, Buffer.concat(parts));
}

const tmp = await mkdtemp(path.join(tmpdir(), 'real3d-bench-hostile-'));
const dataDir = path.join(tmp, 'data');
const bomb = await pngBomb(16000);
global.gc?.();
const server = await startServer(
  { port: 0, host: '127.0.0.1', dataDir, ttlHours: 0, bodyTimeoutMs: BODY_TIMEOUT_MS },
  { runner: fakeRunner(), analyze: async () => ({ width: 0, height: 0, faces: [], crop: null, pose: null }) },
);
const u = new URL(server.url);
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
const mb = (b: number) => `${Math.round(b / 1048576)} MB`;

// ---- bombs to the preview, all at once
const base = process.memoryUsage().rss;
peak = base;
let t0 = performance.now();
const answers = await Promise.all(
  Array.from({ length: BOMBS }, async () => {
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array(bomb)]), 'bomb.png');
    const res = await fetch(`${server.url}/api/analyze`, { method: 'POST', body: form });
    return `${res.status} ${((await res.json()) as { error?: string }).error ?? ''}`.slice(0, 110);
  }),
);
console.log(`${BOMBS} image bombs (16000x16000 PNG, ${mb(bomb.length)} each) to POST /api/analyze: ${Math.round(performance.now() - t0)} ms`);
for (const a of new Set(answers)) console.log(`  answer x${answers.filter((x) => x === a).length}: ${a}`);
console.log(`  server process RSS ${mb(base)} before, peak ${mb(peak)} (+${mb(peak - base)})`);
console.log(`  left in data/tmp: ${(await readdir(path.join(dataDir, 'tmp'))).length}`);

// ---- stalled uploads: headers and 20 kB of a photo, then nothing
const fds = async () => (await readdir('/proc/self/fd')).length;
const fdsBefore = await fds();
t0 = performance.now();
const stalled = await Promise.all(
  Array.from(
    { length: STALLED },
    () =>
      new Promise<{ status: number; ms: number }>((resolve) => {
        const started = performance.now();
        const req = request({ host: u.hostname, port: u.port, path: '/api/jobs', method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=b', 'content-length': '9000000' } }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
        });
        req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
        req.write('--b\r\ncontent-disposition: form-data; name="photo"; filename="a.jpg"\r\n\r\n');
        req.write(Buffer.alloc(20_000, 1));
      }),
  ),
);
const held = (await readdir(path.join(dataDir, 'jobs'))).length;
const statuses = [...new Set(stalled.map((s) => s.status))].join(',');
await new Promise((r) => setTimeout(r, 200));
console.log(`${STALLED} stalled uploads (body timeout ${BODY_TIMEOUT_MS} ms): all answered in ${Math.round(performance.now() - t0)} ms, status ${statuses}, slowest ${Math.round(Math.max(...stalled.map((s) => s.ms)))} ms; job folders left: ${held}; open descriptors ${fdsBefore} before, ${await fds()} after`);

clearInterval(sampler);
await server.close();

/** A 32-bit float WAV, 16 kHz mono, whose samples are all NaN. */
function nanWav(seconds: number): Buffer {
  const n = seconds * 16000;
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(36 + n * 4, 4);
  h.write('WAVEfmt ', 8, 'latin1');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(3, 20); // IEEE float
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(16000, 24);
  h.writeUInt32LE(16000 * 4, 28);
  h.writeUInt16LE(4, 32);
  h.writeUInt16LE(32, 34);
  h.write('data', 36, 'latin1');
  h.writeUInt32LE(n * 4, 40);
  return Buffer.concat([h, Buffer.from(new Float32Array(n).fill(NaN).buffer)]);
}

if (values.hang) {
  const limit = Number(values['job-seconds']);
  const real = await startServer({ port: 0, host: '127.0.0.1', dataDir: path.join(tmp, 'hang'), ttlHours: 0, maxJobSeconds: limit, avatarCache: false });
  const form = new FormData();
  form.append('photo', new Blob([new Uint8Array(await readFile(sharedData('portraits/lp_s42.jpg')))]), 'me.jpg');
  form.append('audio', new Blob([new Uint8Array(nanWav(2))]), 'nan.wav');
  const started = performance.now();
  const res = await fetch(`${real.url}/api/jobs`, { method: 'POST', body: form });
  const job = (await res.json()) as { id?: string; error?: string };
  let state = `${res.status} ${job.error ?? ''}`;
  if (job.id) {
    for (;;) {
      const j = (await (await fetch(`${real.url}/api/jobs/${job.id}`)).json()) as { state: string; error?: string };
      state = `${j.state}: ${j.error ?? ''}`;
      if (!['queued', 'running'].includes(j.state) || performance.now() - started > (limit + 60) * 1000) break;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  console.log(`NaN WAV job, real render thread, time limit ${limit} s: after ${Math.round((performance.now() - started) / 100) / 10} s: ${state}`);
  await real.close();
}
await rm(tmp, { recursive: true, force: true });
