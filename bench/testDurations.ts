// Where the test suite's time goes: reads a TAP log of `npm test` (CI log or `npm test > log`), sums the
// top-level tests' durations per test file (a test is placed in the file whose text holds its name) and
// prints the total and the files by cost. The summed durations are the suite's CPU cost on an idle
// machine (wall time with two files at a time is about half); on a loaded one both grow.
// --analyses FILE: the REAL3D_TEST_ANALYSES_LOG of the run (test/analyzedPortrait.ts): calls (each one an
// analysis before s34) against misses (the analyses the shared cache still makes); and the same for avatars
// (test/builtAvatar.ts, s59).
// The run's slot-seconds (wall x --concurrency, default 2) less the summed durations is what the tests do not
// count: process start-up, top-level setup, idle slots (s39: ~400 s of 1888 in s38's CI, most of it ~235 starts).
// node --import tsx bench/testDurations.ts LOG [--top 40] [--analyses FILE] [--concurrency 2]
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const log = args[0]?.startsWith('--') ? undefined : args[0];
if (!log) throw new Error('usage: bench/testDurations.ts LOG [--top N]');
const top = Number(args[args.indexOf('--top') + 1] ?? 40) || 40;
const testDir = path.resolve('test');
const files = readdirSync(testDir).filter((f) => f.endsWith('.test.ts')).map((f) => ({ name: f, text: readFileSync(path.join(testDir, f), 'utf8') }));

/** The top-level tests of a TAP log: name and duration in ms (subtests are indented, so skipped). */
function topLevelTests(tap: string): { name: string; ms: number }[] {
  const out: { name: string; ms: number }[] = [];
  let name: string | undefined;
  for (const line of tap.split('\n')) {
    const ok = /^(?:not )?ok \d+ - (.*?)(?: # (?:SKIP|TODO).*)?$/.exec(line);
    if (ok) name = ok[1];
    const d = /^ {2}duration_ms: ([\d.]+)/.exec(line);
    if (d && name !== undefined) { out.push({ name, ms: Number(d[1]) }); name = undefined; }
  }
  return out;
}

/** The file a test's name comes from: the first holding its first 30 characters, else its first 12. */
function fileOf(name: string): string {
  for (const n of [30, 12]) {
    const hit = files.find((f) => f.text.includes(name.slice(0, n)));
    if (hit) return hit.name;
  }
  return '(unplaced)';
}

const tests = topLevelTests(readFileSync(log, 'utf8'));
const perFile = new Map<string, { ms: number; n: number }>();
for (const t of tests) {
  const f = fileOf(t.name);
  const e = perFile.get(f) ?? { ms: 0, n: 0 };
  e.ms += t.ms; e.n++;
  perFile.set(f, e);
}
const total = tests.reduce((s, t) => s + t.ms, 0);
const wall = /^# duration_ms ([\d.]+)/m.exec(readFileSync(log, 'utf8'));
const slots = Number(args[args.indexOf('--concurrency') + 1] ?? 2) || 2;
const outside = wall ? `; ${slots} x wall - summed = ${((slots * Number(wall[1]) - total) / 1000).toFixed(0)} s outside the tests (start-up, setup, idle)` : '';
console.log(`${tests.length} tests, summed ${(total / 1000).toFixed(0)} s${wall ? `, run ${(Number(wall[1]) / 1000).toFixed(0)} s wall` : ''}${outside}`);
for (const [f, e] of [...perFile].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)) console.log(`${(e.ms / 1000).toFixed(1).padStart(7)} s ${String(e.n).padStart(3)} ${f}`);

const analyses = args.includes('--analyses') ? args[args.indexOf('--analyses') + 1] : undefined;
if (analyses) {
  const all = readFileSync(analyses, 'utf8').split('\n').filter(Boolean);
  const isAvatar = (l: string) => l.split(' ')[2]!.startsWith('avatar-');
  const lines = all.filter((l) => !isAvatar(l));
  const misses = lines.filter((l) => l.startsWith('miss'));
  const portraits = new Set(lines.map((l) => l.split(' ')[2]));
  console.log(`analyzePortrait through the shared cache: ${lines.length} calls, ${misses.length} analysed (${portraits.size} distinct photo+options), ${lines.length - misses.length} read from the cache`);
  // test/builtAvatar.ts (s59): its miss lines carry the build's ms, so the hits' saving is the mean build times the hits
  const avatars = all.filter(isAvatar);
  const built = avatars.filter((l) => l.startsWith('miss'));
  const buildMs = built.map((l) => Number(l.split(' ')[3]));
  const mean = buildMs.reduce((a, b) => a + b, 0) / Math.max(1, buildMs.length);
  const hits = avatars.length - built.length;
  console.log(`buildAvatar through the shared cache: ${avatars.length} calls, ${built.length} built (mean ${(mean / 1000).toFixed(1)} s), ${hits} read from the cache (~${((hits * mean) / 1000).toFixed(0)} s saved)`);
}
