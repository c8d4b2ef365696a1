// End-to-end: the eval harness on a short real clip (reenact through the CLI, audio and cross
// through the API). The engine rows appear when the engine is in; the baseline rows always.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { evaluate, loadEngine, DEFAULT_EVAL_OPTIONS } from '../src/eval/harness.ts';
import { lipGap } from '../src/eval/mouthRegion.ts';
import { reportMarkdown, summaryMarkdown } from '../src/eval/report.ts';
import { SHARED_DATA } from '../bench/sharedData.ts';

const run = promisify(execFile);
const data = `${SHARED_DATA}/`;
const katie = path.join(data, 'video/WDA_KatieHill_000.mp4');
const repo = new URL('../', import.meta.url).pathname;
const cli = path.join(repo, 'bin/real3d.mjs');

test('eval reenact on 1.2 s of a real talking video: report, Markdown, contact sheet, baseline and engine rows', async () => {
  const out = await mkdtemp(path.join(tmpdir(), 'real3d-eval-'));
  try {
    const dir = path.join(out, 'katie');
    const { stdout } = await run(process.execPath, [cli, 'eval', '--video', katie, '--max-seconds', '1.2', '--out', dir, '--json', '--quiet'], { cwd: repo, maxBuffer: 64 << 20 });
    const report = JSON.parse(stdout);
    assert.equal(report.mode, 'reenact');
    assert.equal(report.frames, 29); // 30 frames at 25 fps, the source frame not scored
    const b = report.methods.baseline;
    // frame 0 repeated against the next 29 frames of a moving speaker: clearly imperfect, far from random
    assert.ok(b.psnr.mean > 12 && b.psnr.mean < 35, `baseline PSNR ${b.psnr.mean}`);
    assert.ok(b.ssim.mean > 0.3 && b.ssim.mean < 0.98, `baseline SSIM ${b.ssim.mean}`);
    assert.ok(b.psnrFace.n >= 9, 'face-region metrics on every 3rd frame');
    assert.ok(Math.abs(b.csim.mean - 1) < 1e-9, 'the photo is its own identity');
    assert.ok(b.apd.mean > 0 && b.apd.mean < 20, `baseline APD ${b.apd.mean}`);
    assert.ok(b.nme.mean > 0 && b.nme.mean < 0.5, `baseline NME ${b.nme.mean}`);
    assert.equal(report.perFrame.baseline.psnr.length, 29);
    // the engine is in: its rows must be there (a broken import would otherwise pass silently)
    const e = report.methods.engine;
    assert.ok(e, `engine rows present (${report.engineUnavailable ?? ''})`);
    assert.ok(e.faceFound.mean > 0.5, `a face is found in the generated frames (${e.faceFound.mean})`);
    assert.ok(e.psnr.mean > 10, `engine PSNR ${e.psnr.mean}`);
    assert.ok(e.csim.mean > 0.3, `engine CSIM ${e.csim.mean}`);
    assert.ok(e.apd.n >= 9 && e.aedRig.n >= 9 && e.nme.n >= 9);
    // the avatar at rest reproduces the photo far better than any moving frame does
    assert.ok(report.reconstruction.psnrFace > e.psnrFace.mean, `rest ${report.reconstruction.psnrFace} vs moving ${e.psnrFace.mean}`);
    // the mouth region: a box around the real lips on every detection frame, engine and baseline
    assert.ok(b.psnrMouth.n >= 9 && e.psnrMouth.n >= 9 && e.ssimMouth.n >= 9, 'mouth-box metrics on the detection frames');
    assert.ok(e.psnrMouth.mean > 8 && e.psnrMouth.mean < 40, `engine mouth PSNR ${e.psnrMouth.mean}`);
    assert.equal(report.perFrame.engine.psnrMouthOpen.length, report.perFrame.engine.psnrMouth.length);
    // how far our mouth opens against the real one: a ratio on the open frames and one r over the clip
    assert.ok(e.lipGapR.n === 1 && e.lipGapR.mean > -1 && e.lipGapR.mean <= 1, `lip gap r ${JSON.stringify(e.lipGapR)}`);
    assert.ok(e.lipGapRatio.n <= b.lipGapRatio.n, 'engine ratios on the open frames where the generated face is found');
    if (e.lipGapRatio.n) assert.ok(e.lipGapRatio.mean > 0.2 && e.lipGapRatio.mean < 5, `lip gap / real ${e.lipGapRatio.mean}`);
    assert.deepEqual((await readdir(dir)).sort(), ['mouth.png', 'report.json', 'report.md', 'sheet.png']);
    const md = await readFile(path.join(dir, 'report.md'), 'utf8');
    assert.match(md, /\| baseline \| \d+\.\d\d \|/);
    const meta = await sharp(path.join(dir, 'sheet.png')).metadata();
    assert.equal(meta.width, 90 + 8 * (DEFAULT_EVAL_OPTIONS.thumb + 4));
    assert.ok((meta.height ?? 0) > 3 * DEFAULT_EVAL_OPTIONS.thumb);
    assert.match(summaryMarkdown([report], { maxSeconds: 1.2 }), /WDA_KatieHill_000\.mp4 \| 1\.2 \|/);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test('eval audio on 1.6 s: the real mouth moves, the baseline has no lip sync, loudness is a reference row', async () => {
  const engine = await loadEngine();
  const { report, sheet } = await evaluate({ ...DEFAULT_EVAL_OPTIONS, video: katie, mode: 'audio', maxSeconds: 1.6 }, engine);
  assert.equal(report.audio, katie);
  const real = report.perFrame.real!.mouthOpening!.filter((v): v is number => v !== null);
  assert.ok(real.length >= 36, `real mouth measured on ${real.length} frames`);
  assert.ok(Math.max(...real) - Math.min(...real) > 0.05, 'the speaker opens and closes her mouth');
  assert.equal(report.methods.baseline!.lipR!.n, 0, 'constant mouth: correlation undefined');
  assert.equal(report.methods.loudness!.lipR!.n, 1);
  assert.ok(report.notes.some((n) => /STATIC head pose/.test(n)));
  assert.ok(engine.makeRenderer && engine.motionFromAudio, engine.missing.join('; '));
  assert.ok(report.methods.engine!.faceFound!.mean > 0.5);
  assert.equal(report.methods.engine!.lipR!.n, 1, 'the rendered mouth moves');
  assert.equal(report.methods.motion!.lipR!.n, 1);
  assert.match(reportMarkdown(report), /\| loudness \|/);
  assert.ok((await sharp(sheet).metadata()).height! > 3 * DEFAULT_EVAL_OPTIONS.thumb + 100, 'sheet with the mouth plot below');
});

test('eval cross: another photo driven by the video; the baseline keeps identity 1 and has the driver\'s full motion as error', async () => {
  const engine = await loadEngine();
  const { report } = await evaluate({ ...DEFAULT_EVAL_OPTIONS, video: katie, mode: 'cross', image: path.join(data, 'portraits/lp_s42.jpg'), maxSeconds: 0.8, detectEvery: 5 }, engine);
  assert.equal(report.frames, 20);
  assert.equal(report.methods.baseline!.csim!.mean, 1);
  assert.ok(report.methods.baseline!.aedRig!.n >= 3);
  assert.ok(report.methods.baseline!.aedRig!.mean > 0);
  assert.ok(report.methods.engine!.csim!.mean > 0.3);
  assert.ok(report.methods.engine!.apd!.n >= 3);
});

test('lipGap (the audio mode\'s mouth opening) is the inner-lip gap over the outer-eye-corner distance', () => {
  const lm = Array.from({ length: 478 }, () => [0, 0, 0]);
  lm[33] = [100, 100, 0];
  lm[263] = [200, 100, 0];
  lm[13] = [150, 180, 0];
  lm[14] = [150, 195, 0];
  assert.equal(lipGap(lm), 0.15);
});

test('eval CLI: clear errors for missing inputs', async () => {
  await assert.rejects(run(process.execPath, [cli, 'eval'], { cwd: repo }), (e: any) => e.code === 2 && /--video/.test(e.stderr));
  await assert.rejects(run(process.execPath, [cli, 'eval', '--video', katie, '--mode', 'cross'], { cwd: repo }), (e: any) => e.code === 2 && /--image/.test(e.stderr));
});
