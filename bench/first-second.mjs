#!/usr/bin/env node
// End-to-end time of `real3d generate` as a user runs it (a fresh process, from start to exit):
// the first video of a photo (empty cache: face models, analysis, avatar) and the second video of
// the same photo (avatar from the cache), as a ratio to the clip's length. Each pair uses a fresh
// cache folder. Usage: node bench/first-second.mjs [pairs=3] [seconds=5]
// Set REAL3D_DIST=1 to run the compiled dist/ (what an installed package runs); REAL3D_BIN=path to
// time another checkout's bin/real3d.mjs (e.g. one without the cache: both runs are then first runs).
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pairs = Number(process.argv[2] ?? 3);
const seconds = Number(process.argv[3] ?? 5);
const work = mkdtempSync(path.join(tmpdir(), 'real3d-bench-'));
const ffmpeg = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg').path;
const audio = path.join(work, `speech${seconds}s.wav`);
execFileSync(ffmpeg, ['-v', 'error', '-y', '-i', path.join(root, 'samples', 'speech.mp3'), '-t', String(seconds), audio]);
const photo = path.join(root, 'samples', 'astronaut.jpg');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function run(cacheDir, label) {
  const out = path.join(work, 'out.mp4');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [process.env.REAL3D_BIN ?? path.join(root, 'bin', 'real3d.mjs'), 'generate', '-i', photo, '-a', audio, '-o', out, '-q'], {
    env: { ...process.env, REAL3D_CACHE_DIR: cacheDir },
    encoding: 'utf8',
  });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${label} failed: ${r.stderr}`);
  return s;
}

console.log(`${seconds} s clip, 512x512, ${pairs} pairs; REAL3D_DIST=${process.env.REAL3D_DIST ?? ''}; load average at start: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const first = [];
const second = [];
for (let i = 0; i < pairs; i++) {
  const cache = path.join(work, `cache${i}`);
  first.push(run(cache, 'first'));
  second.push(run(cache, 'second'));
  console.log(`pair ${i + 1}: first ${first.at(-1).toFixed(1)} s (${(first.at(-1) / seconds).toFixed(2)}x), second ${second.at(-1).toFixed(1)} s (${(second.at(-1) / seconds).toFixed(2)}x)  load ${loadavg()[0].toFixed(1)}`);
}
console.log(`median: first run ${median(first).toFixed(1)} s = ${(median(first) / seconds).toFixed(2)}x the clip; second run ${median(second).toFixed(1)} s = ${(median(second) / seconds).toFixed(2)}x; load average at end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
rmSync(work, { recursive: true, force: true });
