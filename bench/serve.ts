// Load test of `real3d serve`: N jobs (short clips, ~1 s of speech) submitted at once over HTTP to
// a local server on 127.0.0.1 running the real generate. Checks every job completes (none lost)
// and prints throughput, p50/p95 job latency and peak memory.
// With --redis: a throw-away redis-server, the server queueing in BullMQ, and --workers separate
// `real3d worker` processes (one job at a time each); also prints queue latency and each process's
// peak memory.
//   node --import tsx bench/serve.ts [--jobs 20] [--workers 2] [--size 256] [--seconds 1] [--redis]
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../src/server/app.ts';
import { ffmpegPath } from '../src/io/ffmpeg.ts';
import { startLocalRedis, type LocalRedis } from '../src/server/distributed/localRedis.ts';
import { SHARED_DATA_URL } from './sharedData.ts';

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '20' },
    workers: { type: 'string', default: '2' },
    size: { type: 'string', default: '256' },
    seconds: { type: 'string', default: '1' },
    redis: { type: 'boolean', default: false },
  },
});
const JOBS = Number(values.jobs);
const WORKERS = Number(values.workers);
const DATA = SHARED_DATA_URL;
const httpFetch = globalThis.fetch;

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

const tmp = await mkdtemp(path.join(tmpdir(), 'real3d-bench-serve-'));
const wav = path.join(tmp, 'speech.wav');
const cut = spawnSync(ffmpegPath(), ['-v', 'error', '-y', '-ss', '1', '-t', values.seconds!, '-i', new URL('audio/RD_Radio31_000.wav', DATA).pathname, wav]);
if (cut.status !== 0) throw new Error(String(cut.stderr));
const photo = await readFile(new URL('portraits/lp_s42.jpg', DATA));
const audio = await readFile(wav);

const dataDir = path.join(tmp, 'data');
let redis: LocalRedis | undefined;
const workerProcs: ChildProcess[] = [];
if (values.redis) {
  redis = await startLocalRedis(tmp);
  const bin = new URL('../bin/real3d.mjs', import.meta.url).pathname;
  for (let i = 0; i < WORKERS; i++) {
    const proc = spawn(process.execPath, [bin, 'worker', '--redis', redis.url, '--store', dataDir], { stdio: ['ignore', 'ignore', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      proc.stderr!.on('data', (d: Buffer) => String(d).includes('taking jobs') && resolve());
      proc.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    });
    workerProcs.push(proc);
  }
}
/** Peak resident memory of another process (Linux), MB. */
const peakMbOf = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, workers: WORKERS, ttlHours: 0, maxQueued: JOBS + 5, ...(redis ? { redis: redis.url } : {}) });
const baseRss = process.memoryUsage().rss;
let peakRss = baseRss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

console.log(`real3d serve bench: ${JOBS} jobs of ${values.seconds} s speech, size ${values.size}, ${WORKERS} ${redis ? 'worker process(es) on Redis' : 'render thread(s)'}, server ${server.url}`);

async function submitOne(i: number): Promise<{ id: string; start: number }> {
  const form = new FormData();
  form.append('photo', new Blob([new Uint8Array(photo)]), 'photo.jpg');
  form.append('audio', new Blob([new Uint8Array(audio)]), 'speech.wav');
  form.append('size', values.size!);
  form.append('seed', String(i));
  form.append('pose', 'auto');
  const start = performance.now();
  const res = await httpFetch(`${server.url}/api/jobs`, { method: 'POST', body: form });
  const body = (await res.json()) as { id: string; error?: string };
  if (res.status !== 202) throw new Error(`job ${i}: HTTP ${res.status} ${body.error}`);
  return { id: body.id, start };
}

async function waitDone(id: string, limitMs: number): Promise<string> {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    const job = (await (await httpFetch(`${server.url}/api/jobs/${id}`)).json()) as { state: string };
    if (job.state === 'done' || job.state === 'failed' || job.state === 'cancelled') return job.state;
    await new Promise((r) => setTimeout(r, 100));
  }
  return 'timeout';
}

// one job alone first: thread start, model loading, avatar built and cached
const lone = await submitOne(-1);
const loneState = await waitDone(lone.id, 5 * 60_000);
const loneS = (performance.now() - lone.start) / 1000;
const lone2 = await submitOne(-2);
const lone2State = await waitDone(lone2.id, 5 * 60_000);
const lone2S = (performance.now() - lone2.start) / 1000;
console.log(`a job alone: first (cold thread, avatar built) ${loneS.toFixed(2)} s [${loneState}], second (warm, cached avatar) ${lone2S.toFixed(2)} s [${lone2State}]`);

const t0 = performance.now();
const submitted = await Promise.all(
  Array.from({ length: JOBS }, async (_, i) => {
    return submitOne(i);
  }),
);
const submitMs = performance.now() - t0;

// follow every job until it finishes (bounded: 20 min in all)
const deadline = Date.now() + 20 * 60_000;
const finished = new Map<string, { state: string; end: number; error?: string; avatar?: string; waitedS?: number }>();
// memory as jobs complete: flat means it does not grow with the number of jobs served
const rssAt: string[] = [];
while (finished.size < submitted.length && Date.now() < deadline) {
  for (const s of submitted) {
    if (finished.has(s.id)) continue;
    const job = (await (await httpFetch(`${server.url}/api/jobs/${s.id}`)).json()) as { state: string; error?: string; avatar?: string; createdAt: string; startedAt?: string };
    if (job.state === 'done' || job.state === 'failed' || job.state === 'cancelled') {
      const waitedS = job.startedAt ? (Date.parse(job.startedAt) - Date.parse(job.createdAt)) / 1000 : undefined;
      finished.set(s.id, { state: job.state, end: performance.now(), error: job.error, avatar: job.avatar, waitedS });
      if (finished.size % 5 === 0) rssAt.push(`${finished.size} done: ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
    }
  }
  await new Promise((r) => setTimeout(r, 250));
}
const wallS = (performance.now() - t0) / 1000;
clearInterval(sampler);

const done = submitted.filter((s) => finished.get(s.id)?.state === 'done');
const failed = [...finished.values()].filter((f) => f.state !== 'done');
const lost = submitted.length - finished.size;
const latencies = done.map((s) => (finished.get(s.id)!.end - s.start) / 1000).sort((a, b) => a - b);
const results = (await readdir(path.join(tmp, 'data', 'jobs'))).length - 2; // minus the two lone jobs
const cached = [...finished.values()].filter((f) => f.avatar === 'cached').length;

console.log(`submit: ${JOBS} uploads accepted in ${submitMs.toFixed(0)} ms`);
console.log(`completed: ${done.length}/${JOBS}, failed: ${failed.length}, lost (never finished): ${lost}, job folders on disk: ${results}`);
if (failed.length) console.log(`  first failure: ${failed[0]!.state}: ${failed[0]!.error}`);
console.log(`avatar cache: ${cached} of ${finished.size} jobs reused the cached avatar`);
console.log(`throughput: ${(done.length / wallS).toFixed(2)} jobs/s, ${((done.length * Number(values.seconds)) / wallS).toFixed(2)} s of video per s (wall ${wallS.toFixed(1)} s)`);
console.log(`job latency (submit -> done): p50 ${percentile(latencies, 50).toFixed(2)} s, p95 ${percentile(latencies, 95).toFixed(2)} s, max ${percentile(latencies, 100).toFixed(2)} s`);
const waits = [...finished.values()].map((f) => f.waitedS ?? NaN).filter(Number.isFinite).sort((a, b) => a - b);
console.log(`queue latency (accepted -> started): p50 ${percentile(waits, 50).toFixed(2)} s, p95 ${percentile(waits, 95).toFixed(2)} s (all ${JOBS} submitted at once)`);
if (redis) console.log(`worker processes, peak rss: ${workerProcs.map((p) => `${peakMbOf(p.pid!).toFixed(0)} MB`).join(', ')}`);
console.log(`memory (rss, server${redis ? '' : ' + render threads'}): start ${(baseRss / 1048576).toFixed(0)} MB, peak ${(peakRss / 1048576).toFixed(0)} MB; ${rssAt.join(', ')}`);

await server.close();
for (const p of workerProcs) p.kill('SIGTERM');
await Promise.all(workerProcs.map((p) => new Promise((r) => (p.exitCode === null ? p.once('exit', r) : r(null)))));
await redis?.stop();
await rm(tmp, { recursive: true, force: true });
if (done.length !== JOBS) process.exitCode = 1;
