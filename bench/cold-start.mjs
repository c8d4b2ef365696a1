#!/usr/bin/env node
// Where the first video of a photo spends its time: runs `real3d generate --json --no-cache` in a
// fresh process, stamps each progress line as it arrives, and prints the time from one step to the
// next (process start -> first event = loading the code). Usage: node bench/cold-start.mjs [seconds=5] [runs=3]
// Set REAL3D_DIST=1 to run the compiled dist/.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.argv[2] ?? 5);
const runs = Number(process.argv[3] ?? 3);
const work = mkdtempSync(path.join(tmpdir(), 'real3d-cold-'));
const ffmpeg = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg').path;
const audio = path.join(work, 'speech.wav');
execFileSync(ffmpeg, ['-v', 'error', '-y', '-i', path.join(root, 'samples', 'speech.mp3'), '-t', String(seconds), audio]);

function once() {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const steps = [];
    const child = spawn(process.execPath, [path.join(root, 'bin', 'real3d.mjs'), 'generate', '-i', path.join(root, 'samples', 'astronaut.jpg'), '-a', audio, '-o', path.join(work, 'out.mp4'), '--json', '--no-cache']);
    let buf = '';
    child.stdout.on('data', (d) => {
      const t = (performance.now() - t0) / 1000;
      buf += d;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        const e = JSON.parse(line);
        const label = e.type === 'result' ? 'result' : `${e.stage}: ${e.message ?? 'progress'}`;
        // consecutive render/motion progress lines are one step
        if (steps.at(-1)?.label !== label) steps.push({ label, t });
        else steps.at(-1).end = t;
      }
    });
    child.on('close', (code) => (code === 0 ? resolve({ steps, total: (performance.now() - t0) / 1000 }) : reject(new Error(`exit ${code}`))));
  });
}

console.log(`${seconds} s clip, 512x512, --no-cache, ${runs} runs; REAL3D_DIST=${process.env.REAL3D_DIST ?? ''}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const all = [];
for (let r = 0; r < runs; r++) all.push(await once());
// the time until each step starts, then the median duration of each step over the runs
const labels = all[0].steps.map((s) => s.label);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let prev = 'process start -> first event (loading code)';
let prevTimes = all.map(() => 0);
for (const label of labels) {
  const times = all.map((run) => run.steps.find((s) => s.label === label)?.t ?? NaN);
  console.log(`${prev.padEnd(58)} ${median(times.map((t, i) => t - prevTimes[i])).toFixed(2).padStart(6)} s`);
  prev = label;
  prevTimes = times;
}
console.log(`${'whole run'.padEnd(58)} ${median(all.map((a) => a.total)).toFixed(2).padStart(6)} s  (load average now ${loadavg()[0].toFixed(1)})`);
rmSync(work, { recursive: true, force: true });
