// The command line as a new or careless user meets it (issue 11, "Low and usability"): every case
// spawns bin/real3d.mjs the way a person would and checks the message, the exit code, that nothing
// is left on disk, and that it ends in bounded time (a spawn timeout; figures are never asserted).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rename, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { ffmpegPath, probe } from '../src/io/ffmpeg.ts';
import { fullFrameSize } from '../src/pipeline/generate.ts';
import { formatLine, linePrinter } from '../src/cli/progress.ts';
import { buildProgram } from '../src/cli/main.ts';
import { SHARED_DATA } from '../bench/sharedData.ts';

const repo = new URL('..', import.meta.url).pathname;
const cli = path.join(repo, 'bin', 'real3d.mjs');
const data = `${SHARED_DATA}/`;
const photo = path.join(data, 'portraits', 'lp_s42.jpg');
const speech = path.join(data, 'audio', 'RD_Radio31_000.wav');
const pkg = JSON.parse(await readFile(path.join(repo, 'package.json'), 'utf8')) as { version: string };

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with stderr not a terminal (as in a log or a pipe); killed after `timeoutMs`. */
function run(args: string[], o: { cwd?: string; timeoutMs?: number; env?: Record<string, string | undefined>; node?: string[] } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...o.env };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
    const child = spawn(process.execPath, [...(o.node ?? [cli]), ...args], { cwd: o.cwd ?? repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`real3d ${args.join(' ')} did not end within ${o.timeoutMs ?? 30_000} ms\n${stderr}`));
    }, o.timeoutMs ?? 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** stderr without the notices tfjs may print on its own. */
const lines = (text: string) => text.split('\n').filter((l) => l.trim() && !/tensorflow|tfjs|wasm/i.test(l));
const errorLine = (r: Run) => lines(r.stderr).find((l) => l.startsWith('error: ')) ?? '';

let dir = '';
let shortAudio = ''; // 1.5 s of speech
let otherAudio = ''; // 3 s of other speech from the same recording
let avatarFile = '';
let avatarRun: Run;

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'real3d-cli-hard-'));
  shortAudio = path.join(dir, 'speech.wav');
  otherAudio = path.join(dir, 'other.wav');
  execFileSync(ffmpegPath(), ['-v', 'error', '-y', '-ss', '0.5', '-t', '1.5', '-i', speech, shortAudio]);
  execFileSync(ffmpegPath(), ['-v', 'error', '-y', '-ss', '4', '-t', '3', '-i', speech, otherAudio]);
  // one avatar for the reuse flow; its run is also the progress check of `avatar`
  avatarFile = path.join(dir, 'person.avatar');
  avatarRun = await run(['avatar', photo, '-o', avatarFile], { timeoutMs: 120_000 });
  assert.equal(avatarRun.code, 0, avatarRun.stderr);
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A fresh folder inside the test folder; `left()` lists what a run left in it. */
async function workDir(name: string): Promise<{ path: string; left: () => Promise<string[]> }> {
  const p = path.join(dir, name);
  await mkdir(p);
  return { path: p, left: async () => (await readdir(p)).sort() };
}

async function streams(file: string) {
  const info = await probe(file);
  return { video: info.streams.find((s) => s.codec_type === 'video'), audio: info.streams.find((s) => s.codec_type === 'audio') };
}

test('--version prints the version of package.json', async () => {
  for (const flag of ['--version', '-V']) {
    const r = await run([flag]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), pkg.version);
  }
});

test('a usage error is the error and one hint line, always exit code 2', async () => {
  const cases: Array<{ args: string[]; error: RegExp; hint: string }> = [
    { args: ['generate', '-i', photo, '-a', shortAudio], error: /required option '-o, --output <file>' not specified/, hint: '(run real3d generate --help for the options)' },
    { args: ['generate', '--frobnicate'], error: /unknown option '--frobnicate'/, hint: '(run real3d generate --help for the options)' },
    { args: ['generate', '--blink', 'sometimes', '-o', 'x.mp4'], error: /--blink.*Allowed choices are none, periodic, natural/, hint: '(run real3d generate --help for the options)' },
    { args: ['generate', '--size', 'big', '-o', 'x.mp4'], error: /--size.*needs a number/, hint: '(run real3d generate --help for the options)' },
    { args: ['view'], error: /missing required argument 'input'/, hint: '(run real3d view --help for the options)' },
    { args: ['avatar', photo, '--face', '-1'], error: /--face needs a whole number >= 0/, hint: '(run real3d avatar --help for the options)' },
    { args: ['serve', '--port', 'x'], error: /--port needs a number >= 0/, hint: '(run real3d serve --help for the options)' },
    { args: ['motion', '--fps', '2x', '-o', 'm.json'], error: /--fps needs a number/, hint: '(run real3d motion --help for the options)' },
    { args: ['frobnicate'], error: /unknown command 'frobnicate'/, hint: '(run real3d --help for the commands)' },
  ];
  for (const c of cases) {
    const r = await run(c.args);
    const what = `real3d ${c.args.join(' ')}`;
    assert.equal(r.code, 2, `${what}: exit code\n${r.stderr}`);
    assert.deepEqual(lines(r.stderr).length, 2, `${what}: two lines, not the whole help\n${r.stderr}`);
    assert.match(lines(r.stderr)[0]!, c.error, what);
    assert.equal(lines(r.stderr)[1], c.hint, what);
    assert.equal(r.stdout, '', what);
  }
});

test('the output option is spelled the same on every command: -o, --output and --out', async () => {
  // every command that writes declares the three spellings
  const program = await buildProgram();
  for (const name of ['analyze', 'avatar', 'view', 'motion', 'generate', 'eval', 'demo']) {
    const cmd = program.commands.find((c) => c.name() === name)!;
    const flags = cmd.options.flatMap((o) => [o.short, o.long]);
    for (const flag of ['-o', '--output', '--out']) assert.ok(flags.includes(flag), `real3d ${name} accepts ${flag}`);
  }
  // and each spelling gets past option parsing to the real check (a missing photo), not "unknown/required option"
  const missing = path.join(dir, 'no-such-photo.jpg');
  for (const [args, flag, out] of [
    [['analyze', missing], '--output', path.join(dir, 'a-out')],
    [['generate', '-i', missing, '-a', shortAudio], '--out', path.join(dir, 'x.mp4')],
    [['motion', '--audio', missing], '--out', path.join(dir, 'm.json')],
  ] as const) {
    const r = await run([...args, flag, out]);
    assert.equal(r.code, 2, `real3d ${args[0]} ${flag}\n${r.stderr}`);
    assert.match(errorLine(r), /no-such-photo/, `real3d ${args[0]} ${flag}`);
  }
  const both = await run(['view', avatarFile, '-o', path.join(dir, 'a.png'), '--out', path.join(dir, 'b.png')]);
  assert.equal(both.code, 2);
  assert.match(errorLine(both), /--out and -o\/--output are the same option; give it once/);
  assert.deepEqual((await readdir(dir)).filter((f) => /^(a-out|x\.|m\.json|a\.png|b\.png)/.test(f) || f.startsWith('.')), [], 'nothing written');

  // and it really writes: `view -o x.png` (the case that failed)
  const w = await workDir('view-o');
  const r = await run(['view', avatarFile, '-o', path.join(w.path, 'front.png'), '--size', '64']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /wrote .*front\.png: one frame 64x64/);
  assert.deepEqual(await w.left(), ['front.png']);
});

test('an output that is an existing folder, or in a missing folder, is refused before any work', async () => {
  const w = await workDir('out-dir');
  const folder = path.join(w.path, 'talk.mp4');
  await mkdir(folder);
  const aFile = path.join(w.path, 'notes.txt'); // a file where a folder is expected (root can write anywhere, so this stands for "unwritable")
  await writeFile(aFile, 'not a folder');
  const cases: Array<{ args: string[]; error: RegExp }> = [
    { args: ['generate', '-i', photo, '-a', shortAudio, '--size', '64', '-o', folder], error: /Cannot write .*talk\.mp4: it is a folder\. Give a file name/ },
    { args: ['generate', '-i', photo, '-a', shortAudio, '--size', '64', '-o', path.join(w.path, 'missing', 'talk.mp4')], error: /folder .*missing does not exist or is not writable/ },
    { args: ['generate', '-i', photo, '-a', shortAudio, '--size', '64', '-o', path.join(aFile, 'talk.mp4')], error: /notes\.txt is not a directory/ },
    { args: ['avatar', photo, '-o', folder], error: /it is a folder/ },
    { args: ['view', avatarFile, '-o', folder], error: /it is a folder/ },
    { args: ['motion', '--audio', shortAudio, '-o', folder], error: /it is a folder/ },
    { args: ['generate', '-i', photo, '-a', shortAudio, '--size', '64', '--save-motion', folder, '-o', path.join(w.path, 'ok.mp4')], error: /it is a folder/ },
  ];
  for (const c of cases) {
    const r = await run(c.args, { timeoutMs: 20_000 });
    const what = `real3d ${c.args.join(' ')}`;
    assert.equal(r.code, 2, `${what}\n${r.stderr}`);
    assert.match(errorLine(r), c.error, what);
    assert.ok(!/^(analyze|avatar|motion|render) /m.test(r.stderr), `${what}: stopped before any stage started\n${r.stderr}`);
    assert.ok(!/\n\s+at /.test(r.stderr), `${what}: no stack trace`);
    assert.deepEqual(await w.left(), ['notes.txt', 'talk.mp4'], `${what}: nothing left on disk`);
    assert.deepEqual(await readdir(folder), [], `${what}: nothing written into the folder`);
  }
});

test('--pose with an unknown value names the valid choices', async () => {
  const w = await workDir('pose');
  const r = await run(['generate', '-i', photo, '-a', shortAudio, '--pose', 'auot', '--size', '64', '-o', path.join(w.path, 'x.mp4')], { timeoutMs: 20_000 });
  assert.equal(r.code, 2, r.stderr);
  assert.equal(errorLine(r), 'error: --pose must be static, auto or a video file that exists; got "auot".');
  assert.deepEqual(await w.left(), []);
});

test('generate --avatar --motion keeps the soundtrack the motion was made from; -a beside --motion sets another', async () => {
  const w = await workDir('reuse');
  // made from a relative path in another working folder: the reference must survive that
  await copyFile(shortAudio, path.join(w.path, 'speech.wav'));
  const motionFile = path.join(w.path, 'm.json');
  const m = await run([cli, 'motion', '--audio', 'speech.wav', '-o', 'm.json'], { cwd: w.path, node: [] });
  assert.equal(m.code, 0, m.stderr);
  const saved = JSON.parse(await readFile(motionFile, 'utf8'));
  assert.equal(saved.source.file, path.join(w.path, 'speech.wav'), 'absolute path of the audio');
  assert.match(saved.source.sha256, /^[0-9a-f]{64}$/, 'content hash of the audio');
  const frames = saved.frameCount as number;

  // 1. the motion's own audio, from another working folder
  const own = path.join(w.path, 'own.mp4');
  const r1 = await run(['generate', '--avatar', avatarFile, '--motion', motionFile, '--size', '64', '-o', own], { cwd: tmpdir(), timeoutMs: 60_000 });
  assert.equal(r1.code, 0, r1.stderr);
  assert.match(r1.stderr, /sound from speech\.wav/);
  const s1 = await streams(own);
  assert.ok(s1.audio, 'the video has the soundtrack of the motion');
  assert.equal(Number(s1.video!.nb_frames), frames);
  assert.ok(Math.abs(Number(s1.audio!.duration) - frames / 25) < 0.1, `audio lasts the motion (${s1.audio!.duration} s)`);

  // 2. -a beside --motion: the motion as is, the given audio as the soundtrack (cut to the motion)
  const other = path.join(w.path, 'other.mp4');
  const r2 = await run(['generate', '--avatar', avatarFile, '--motion', motionFile, '-a', otherAudio, '--size', '64', '--json', '-o', other], { timeoutMs: 60_000 });
  assert.equal(r2.code, 0, r2.stderr);
  const result = r2.stdout.trim().split('\n').map((l) => JSON.parse(l)).find((e) => e.type === 'result');
  assert.equal(result.soundtrack, otherAudio);
  assert.equal(result.frames, frames, 'the motion is used as is');
  const s2 = await streams(other);
  assert.ok(s2.audio, 'the given audio is the soundtrack');
  assert.ok(Math.abs(Number(s2.audio!.duration) - frames / 25) < 0.1, `3 s audio cut to the motion's ${frames / 25} s (${s2.audio!.duration})`);

  // 3. the recording changed since: not used, one note says so and how to give one
  await writeFile(path.join(w.path, 'speech.wav'), await readFile(otherAudio));
  const changed = path.join(w.path, 'changed.mp4');
  const r3 = await run(['generate', '--avatar', avatarFile, '--motion', motionFile, '--size', '64', '-q', '-o', changed], { timeoutMs: 60_000 });
  assert.equal(r3.code, 0, r3.stderr);
  assert.deepEqual(lines(r3.stderr), [`note: ${path.join(w.path, 'speech.wav')} has changed since m.json was made from it (content hash differs), so it was not used and the video is silent; give --audio FILE to set the soundtrack`]);
  assert.equal((await streams(changed)).audio, undefined);

  // 4. the recording is gone: silent, with the note
  await rename(path.join(w.path, 'speech.wav'), path.join(w.path, 'moved.wav'));
  const gone = path.join(w.path, 'gone.mp4');
  const r4 = await run(['generate', '--avatar', avatarFile, '--motion', motionFile, '--size', '64', '-o', gone], { timeoutMs: 60_000 });
  assert.equal(r4.code, 0, r4.stderr);
  assert.match(r4.stderr, /note: the audio .*speech\.wav that m\.json was made from is missing, so the video is silent; give --audio FILE/);
  assert.equal((await streams(gone)).audio, undefined);
  assert.deepEqual(await w.left(), ['changed.mp4', 'gone.mp4', 'm.json', 'moved.wav', 'other.mp4', 'own.mp4']);

  // --video beside --motion is still refused, with the way to set a soundtrack
  const r5 = await run(['generate', '--avatar', avatarFile, '--motion', motionFile, '--video', otherAudio, '-o', path.join(w.path, 'v.mp4')]);
  assert.equal(r5.code, 2);
  assert.match(errorLine(r5), /do not combine it with --video \(give --audio to set its soundtrack\)/);
});

test('progress when stderr is not a terminal: plain lines at a modest rate, also in avatar and view', async () => {
  // avatar (run in before): the analyze steps and the avatar stage, each on its own line
  const avatarLines = lines(avatarRun.stderr);
  for (const step of ['decoding', 'loading the face models', 'finding faces', 'landmarks on the crop', 'matting', 'inpainting the background']) {
    assert.ok(avatarLines.some((l) => l.startsWith('analyze ') && l.includes(step)), `avatar shows "${step}"\n${avatarRun.stderr}`);
  }
  assert.ok(avatarLines.some((l) => /^avatar .*building the 3D avatar/.test(l)));

  // view: a 60-frame turntable reports its frames, about every 10% (not every frame)
  const w = await workDir('progress');
  const r = await run(['view', avatarFile, '--yaw', '-20:20', '--frames', '60', '--size', '64', '-o', path.join(w.path, 'turn.mp4')], { timeoutMs: 60_000 });
  assert.equal(r.code, 0, r.stderr);
  const renderLines = lines(r.stderr).filter((l) => l.startsWith('render ') && !l.includes(' done in '));
  assert.ok(renderLines.length >= 3 && renderLines.length <= 12, `render lines: ${renderLines.length}\n${r.stderr}`);
  assert.match(renderLines.at(-1)!, /^render 60\/60 \(100%\)/);
  assert.ok(lines(r.stderr).some((l) => /^render done in \d/.test(l)));

  // -q: nothing
  const q = await run(['view', avatarFile, '--size', '64', '-q', '-o', path.join(w.path, 'q.png')]);
  assert.equal(q.code, 0, q.stderr);
  assert.deepEqual(lines(q.stderr), []);
});

/**
 * One photo-driven run serves two checks (analysis is the slow part of a run): a 474x266 photo
 * (the portrait letterboxed into a wide frame), --crop full --size 512, progress as JSON lines.
 */
let fullRun: Promise<{ r: Run; out: string; left: () => Promise<string[]> }> | undefined;
function wideFullJsonRun() {
  fullRun ??= (async () => {
    const w = await workDir('full');
    const wide = path.join(w.path, 'wide.png');
    await sharp(photo).resize(474, 266, { fit: 'contain', background: '#406080' }).png().toFile(wide);
    const out = path.join(w.path, 'full.mp4');
    const r = await run(['generate', '-i', wide, '-a', shortAudio, '--crop', 'full', '--size', '512', '--json', '-o', out], { timeoutMs: 120_000 });
    return { r, out, left: w.left };
  })();
  return fullRun;
}

test('generate --json reports the analyze substeps, not one event then silence', async () => {
  const { r } = await wideFullJsonRun();
  assert.equal(r.code, 0, r.stderr);
  const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const analyze = events.filter((e) => e.type === 'progress' && e.stage === 'analyze').map((e) => e.message);
  for (const step of ['loading the face models', 'finding faces', 'landmarks on the crop', 'matting', 'regions and inpainting the background'])
    assert.ok(analyze.includes(step), `--json has "${step}": ${JSON.stringify(analyze)}`);
  assert.ok(events.some((e) => e.stage === 'motion' && e.done > 0), 'motion progress');
  assert.ok(events.filter((e) => e.stage === 'render').length >= 5, 'render progress');
  assert.equal(events.at(-1).type, 'result');
});

test('--crop full: --size is the longer side of the video, both sides even (a small wide photo grows)', async () => {
  const { r, out, left } = await wideFullJsonRun();
  assert.equal(r.code, 0, r.stderr);
  const v = (await streams(out)).video!;
  assert.equal(v.width, 512);
  assert.equal(v.height, 288, '266 * 512 / 474 = 287.3, rounded to even');
  assert.deepEqual(await left(), ['full.mp4', 'wide.png']);
});

test('fullFrameSize: longer side = size, even sides, aspect kept within a pixel', () => {
  assert.deepEqual(fullFrameSize(1024, 1536, 256), { width: 170, height: 256 });
  assert.deepEqual(fullFrameSize(474, 266, 512), { width: 512, height: 288 });
  assert.deepEqual(fullFrameSize(512, 512, 64), { width: 64, height: 64 });
  for (const [wd, ht, s] of [[333, 777, 301], [1920, 1081, 1000], [600, 4000, 64]] as const) {
    const f = fullFrameSize(wd, ht, s);
    assert.equal(f.width % 2 + (f.height % 2), 0);
    assert.ok(Math.abs(Math.max(f.width, f.height) - s) <= 1);
    assert.ok(Math.abs(f.width / f.height - wd / ht) < (2 / Math.min(f.width, f.height)) * (wd / ht) + 1e-9);
  }
});

test('linePrinter: stage start and end, every 10% or 5 s, nothing in between', () => {
  const out: string[] = [];
  let t = 0;
  const print = linePrinter((l) => out.push(l), () => t);
  for (let i = 1; i <= 200; i++) {
    t += 5; // 200 frames at 200 fps: 1 s in all, so only the 10% steps print
    print({ stage: 'render', done: i, total: 200 });
  }
  print({ stage: 'encode', done: 200, total: 200, message: 'finishing the file' });
  t += 3000;
  print({ stage: 'done', done: 200, total: 200 });
  const renderLines = out.filter((l) => l.startsWith('render ') && !l.includes('done in'));
  assert.deepEqual(renderLines.map((l) => Number(l.split(/[ /]/)[1])), [1, 21, 41, 61, 81, 101, 121, 141, 161, 181, 200]);
  assert.equal(out[0], 'render 1/200 (1%)');
  assert.ok(out.includes('render done in 1.0 s'));
  assert.equal(out.at(-1), 'encode done in 3.0 s');
  // a slow stage (one frame a second, 1000 frames): a line every 5 s
  const slow: string[] = [];
  const printSlow = linePrinter((l) => slow.push(l), () => t);
  for (let i = 1; i <= 30; i++) {
    t += 1000;
    printSlow({ stage: 'render', done: i, total: 1000 });
  }
  assert.deepEqual(slow.map((l) => Number(l.split(/[ /]/)[1])), [1, 6, 11, 16, 21, 26]);
  assert.equal(formatLine({ stage: 'render', done: 50, total: 250, fps: 12.34, eta: 16.2 }), 'render 50/250 (20%)  12.3 fps  ETA 17s');
});

test('npm test without Chromium: the browser test is skipped with one line saying how to enable it; with CI=true it fails', async () => {
  const browserTest = ['--import', 'tsx', '--test', '--test-reporter=tap', path.join(repo, 'test', 'browser.test.ts')];
  // NODE_TEST_CONTEXT would make the inner runner report to this one instead of printing
  const missing = { REAL3D_CHROMIUM: path.join(dir, 'no-chromium'), CI: undefined, REAL3D_UPDATE_DOCS: undefined, NODE_TEST_CONTEXT: undefined };
  const skipped = await run([], { node: browserTest, env: missing, timeoutMs: 60_000 });
  assert.equal(skipped.code, 0, skipped.stdout + skipped.stderr);
  const skipLines = skipped.stdout.split('\n').filter((l) => l.includes('# SKIP'));
  assert.equal(skipLines.length, 1, skipped.stdout);
  assert.match(skipLines[0]!, /# SKIP no Chromium at .*no-chromium: install it \(apt-get install -y chromium\) or set REAL3D_CHROMIUM=\/path\/to\/chromium; with CI=true this test is required/);
  const required = await run([], { node: browserTest, env: { ...missing, CI: 'true' }, timeoutMs: 60_000 });
  assert.equal(required.code, 1, 'CI=true: a missing Chromium fails the suite');
  assert.match(required.stdout, /CI=true requires it/);
});
