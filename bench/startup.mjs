#!/usr/bin/env node
// Start-up time of the CLI: median and fastest wall time of `--help`, a usage error and `--version`,
// each run N times (default 15). On a loaded machine the fastest run is the best guide to the cost
// itself; the median shows what a user waits. Usage: node bench/startup.mjs [path/to/bin/real3d.mjs] [N]
// Set REAL3D_DIST=1 to time the compiled dist/ from a development checkout (after npm run build).
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'real3d.mjs');
const runs = Number(process.argv[3] ?? 15);
const cases = [['--help'], ['generate', '--bogus'], ['--version']];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`bin: ${bin}  REAL3D_DIST=${process.env.REAL3D_DIST ?? ''}  runs: ${runs}  load average: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const args of [['-e', ''], ...cases]) {
  const wall = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args[0] === '-e' ? args : [bin, ...args], { encoding: 'utf8' });
    wall.push(performance.now() - t0);
    if (r.error) throw r.error;
  }
  const label = args[0] === '-e' ? '(node, empty)' : args.join(' ');
  console.log(`${label.padEnd(18)} median ${median(wall).toFixed(0).padStart(5)} ms   fastest ${Math.min(...wall).toFixed(0).padStart(5)} ms`);
}
