// The package as a user gets it: `npm pack` (which builds dist/ on prepare), install the tarball
// into an empty project (from the local npm cache where it can: --prefer-offline), then in plain `node` (no tsx, no loader) import
// the public API, run generate() on the bundled samples, and run the installed `real3d` command.
// Slow (a build, an install, one short video): about 1-2 min on an idle 2-core machine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile, stat, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ffmpegPath, probe } from '../src/io/ffmpeg.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let dir = '';
let tarball = '';
let packedFiles: string[] = [];
const seconds: Record<string, number> = {};

/** Runs a command, records its wall time under `label`, and returns stdout+stderr (throws with both on failure). */
function timed(label: string, cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  seconds[label] = (performance.now() - t0) / 1000;
  const out = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${out.slice(-4000)}`);
  return out;
}

/** The environment of a user's shell: no loader (tsx) from the test runner, no npm lifecycle variables. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('npm_') && k !== 'NODE_OPTIONS') env[k] = v;
  // the cache of analysed photos stays in the test's folder
  env.REAL3D_CACHE_DIR = path.join(dir, 'cache');
  return env;
}

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'real3d-pkg-'));
  const json = timed('npm pack', npm, ['pack', '--json', '--pack-destination', dir], root);
  const info = JSON.parse(json.slice(json.indexOf('['), json.lastIndexOf(']') + 1)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = path.join(dir, info[0]!.filename);
  packedFiles = info[0]!.files.map((f) => f.path);
});

after(async () => {
  console.log(`package test timings (s): ${Object.entries(seconds).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
  await rm(dir, { recursive: true, force: true });
});

test('the tarball holds the compiled code, declarations, samples and notices, and nothing for developers', () => {
  for (const f of ['package.json', 'bin/real3d.mjs', 'dist/index.js', 'dist/index.d.ts', 'dist/index.js.map', 'dist/cli/main.js', 'dist/server/generate-thread.mjs', 'dist/server/public/index.html', 'dist/motion/model/mouth.json', 'dist/rig/mean-face.json', 'samples/astronaut.jpg', 'samples/speech.mp3', 'LICENSE', 'NOTICE.md', 'docs/api.md']) {
    assert.ok(packedFiles.includes(f), `${f} is in the tarball`);
  }
  const devOnly = packedFiles.filter((f) => (/^(src|test|bench|scripts|\.ci)\//.test(f) && f !== 'scripts/build.mjs') || /\.png$/.test(f) || f.startsWith('tsconfig'));
  assert.deepEqual(devOnly, [], 'no sources, tests, benches, build scripts or images');
});

test('installed from the tarball, plain node imports the API, generate() makes a video, and the command runs', async () => {
  const app = path.join(dir, 'app');
  execFileSync('mkdir', ['-p', app]);
  await writeFile(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  const install = timed('npm install', npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], app, userEnv());
  // Every install warning must be one the README explains (see "Install warnings" there).
  const explained = [/EBADENGINE/, /required: \{ node: '>=22' \}/, /current: \{ node:/, /package: 'cookie@2/, /install-scripts/, /^npm warn\s*$/];
  const unexplained = install.split('\n').filter((l) => /^npm warn/i.test(l) && !explained.some((re) => re.test(l)));
  const warnings = install.split('\n').filter((l) => /^npm warn/i.test(l));
  console.log(`install warnings (${warnings.length}):\n${warnings.join('\n')}`);
  assert.deepEqual(unexplained, [], 'install warnings not explained in the README');
  assert.ok(!existsSync(path.join(app, 'node_modules', 'tsx')), 'tsx is not installed for users');
  assert.ok(!existsSync(path.join(app, 'node_modules', 'playwright-core')), 'playwright-core is not installed for users');

  // a 2 s cut of the bundled speech keeps the run short
  const samples = path.join(app, 'node_modules', 'real3d', 'samples');
  const audio = path.join(dir, 'speech2s.wav');
  execFileSync(ffmpegPath(), ['-v', 'error', '-y', '-i', path.join(samples, 'speech.mp3'), '-t', '2', audio]);
  const out = path.join(dir, 'talk.mp4');
  await writeFile(
    path.join(app, 'main.mjs'),
    `import { generate, GenerateOptionsSchema, InputError } from 'real3d';
const stages = new Set();
const result = await generate(
  { image: ${JSON.stringify(path.join(samples, 'astronaut.jpg'))}, audio: ${JSON.stringify(audio)}, output: ${JSON.stringify(out)}, size: 128 },
  { onProgress: (e) => stages.add(e.stage) },
);
let refused = '';
try { await generate({ image: 'nope.jpg', audio: ${JSON.stringify(audio)}, output: 'x.mp4' }); } catch (e) { refused = e instanceof InputError ? 'InputError' : String(e); }
console.log(JSON.stringify({ frames: result.frames, stages: [...stages], defaultSize: GenerateOptionsSchema.shape.size.parse(undefined), refused }));
`,
  );
  const ran = timed('node main.mjs (generate)', process.execPath, ['main.mjs'], app, userEnv());
  const report = JSON.parse(ran.trim().split('\n').find((l) => l.startsWith('{'))!) as { frames: number; stages: string[]; defaultSize: number; refused: string };
  assert.equal(report.frames, 50, '2 s at 25 fps');
  for (const s of ['analyze', 'motion', 'render', 'done']) assert.ok(report.stages.includes(s), `progress stage ${s}`);
  assert.equal(report.defaultSize, 512);
  assert.equal(report.refused, 'InputError', 'a missing photo is an InputError, exported by the package');
  const v = (await probe(out)).streams.find((s) => s.codec_type === 'video')!;
  assert.equal(v.width, 128);
  assert.ok((await stat(out)).size > 1000);

  // npm may run the package's `prepare` on a tarball install (when allowed): it must find nothing to build
  assert.match(timed('prepare in the installed package', process.execPath, ['scripts/build.mjs'], path.join(app, 'node_modules', 'real3d'), userEnv()), /nothing to build|already built/);

  // a TypeScript user (with Node's types, as the declarations use Buffer) type-checks against the
  // installed declarations (this checkout's tsc and @types/node, the user's project)
  await writeFile(
    path.join(app, 'check.ts'),
    `import { generate, type GenerateInput, type ProgressEvent } from 'real3d';
const input: GenerateInput = { image: 'a.jpg', audio: 'b.wav', output: 'c.mp4', mouthAmp: 0.5 };
const result = await generate(input, { onProgress: (e: ProgressEvent) => e.stage === 'render' });
export const frames: number = result.frames;
// @ts-expect-error: size is a number of pixels
await generate({ output: 'x.mp4', size: 'big' });
`,
  );
  await writeFile(path.join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], strict: true, noEmit: true, skipLibCheck: false, typeRoots: [path.join(root, 'node_modules', '@types')], types: ['node'] }, files: ['check.ts'] }));
  timed('tsc on a user project', process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app], app, userEnv());

  // the installed command: compiled code, help at once, a usage error with exit code 2
  const bin = path.join(app, 'node_modules', '.bin', 'real3d');
  const help = timed('real3d --help', bin, ['--help'], app, userEnv());
  assert.match(help, /generate/);
  const bad = spawnSync(bin, ['generate', '--bogus'], { cwd: app, env: userEnv(), encoding: 'utf8' });
  assert.equal(bad.status, 2, bad.stderr);
  assert.match(bad.stderr, /unknown option/);
  const version = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')).version as string;
  assert.equal(spawnSync(bin, ['--version'], { cwd: app, env: userEnv(), encoding: 'utf8' }).stdout.trim(), version);
});
