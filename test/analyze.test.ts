// analyze on real portraits, in process (one model load for the whole file).
// The five portraits' checks and the file round trip read the run's shared analyses (test/analyzedPortrait.ts:
// the analyser's own output, bit-exact through its cache, test/cacheExact.test.ts): other files analyse
// the same photos, so a run analyses each once instead of once more here (s39). The other tests here
// (windows, groups, dogs, RGBA, abort) analyse fresh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { analyzePortrait, writeAnalysis, readAnalysis } from '../src/analyze/index.ts';
import { analyzePortrait as sharedAnalysis } from './analyzedPortrait.ts';
import { NoFaceError, FaceTooSmallError, InputError, CancelledError } from '../src/errors.ts';
import { inpaintBackground } from '../src/analyze/inpaint.ts';
import { judgeHumanFace } from '../src/analyze/human-check.ts';
import { REGION, type Portrait } from '../src/types.ts';
import { FOREHEAD_TOP, CHIN } from '../src/analyze/landmarks.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');
const portrait = (name: string) => path.join(PORTRAITS, name);

/** Mean matte over a rectangle of the crop given in fractions of its side. */
function matteMean(p: Portrait, x0: number, y0: number, x1: number, y1: number): number {
  const s = p.matte.width;
  let sum = 0, n = 0;
  for (let y = Math.round(y0 * s); y < Math.round(y1 * s); y++) {
    for (let x = Math.round(x0 * s); x < Math.round(x1 * s); x++) {
      sum += p.matte.data[y * s + x]!;
      n++;
    }
  }
  return sum / n;
}

function checkPortrait(p: Portrait, name: string): void {
  const a = p.analysis;
  assert.equal(a.landmarks.length, 478, name);
  assert.ok(a.landmarks.every((q) => q.every(Number.isFinite)), `${name}: finite landmarks`);
  assert.equal(a.embedding.length, 1024, `${name}: identity embedding`);
  assert.equal(p.image.width, 512);
  assert.equal(p.image.height, 512);
  // face centred, head about half the crop: forehead-to-chin is 1/3.2 of the ideal side (up to 1/2.4 when the photo is tight)
  const top = p.cropLandmarks[FOREHEAD_TOP]!, chin = p.cropLandmarks[CHIN]!;
  const cx = (top[0] + chin[0]) / 2 / 512, cy = (top[1] + chin[1]) / 2 / 512;
  assert.ok(Math.abs(cx - 0.5) < 0.12, `${name}: face centre x ${cx.toFixed(2)}`);
  // (the crop prefers real pixels to invented ones: it may shift or tighten, issue 15)
  assert.ok(Math.abs(cy - 0.47) < 0.15, `${name}: face centre y ${cy.toFixed(2)}`);
  const faceLength = Math.hypot(chin[0] - top[0], chin[1] - top[1]) / 512;
  assert.ok(faceLength > 0.28 && faceLength < 0.53, `${name}: face length ${faceLength.toFixed(2)} of the crop`);
  // matte: hair above the forehead, shoulders at the bottom, background in the top corners
  const hairY = top[1] / 512 - 0.06;
  assert.ok(matteMean(p, cx - 0.06, hairY - 0.03, cx + 0.06, hairY) > 0.8, `${name}: hair above the forehead is in the matte`);
  assert.ok(matteMean(p, 0.3, 0.92, 0.7, 1) > 0.8, `${name}: shoulders/torso are in the matte`);
  assert.ok(matteMean(p, 0, 0, 0.1, 0.1) < 0.2 && matteMean(p, 0.9, 0, 1, 0.1) < 0.2, `${name}: top corners are background`);
  // regions: every label present
  const counts = new Array(6).fill(0);
  for (const v of p.regions.data) counts[v]++;
  for (const [label, value] of Object.entries(REGION)) assert.ok(counts[value] > 20, `${name}: region ${label} present (${counts[value]} px)`);
  // background plate: the face is gone (the plate differs strongly from the crop inside the face)
  let diff = 0, n = 0;
  for (let i = 0; i < p.regions.data.length; i++) {
    if (p.regions.data[i] !== REGION.skin) continue;
    for (let c = 0; c < 3; c++) diff += Math.abs(p.background.data[i * 4 + c]! - p.image.data[i * 4 + c]!);
    n += 3;
  }
  assert.ok(diff / n > 12, `${name}: background differs from the face (${(diff / n).toFixed(1)})`);
}

for (const name of ['lp_s42.jpg', 'mt_man.png', 'lp_s0.jpg', 'lp_s2.jpg', 'lp_s7.jpg']) {
  test(`analyze ${name}: landmarks, centred crop, matte covering hair and shoulders`, async () => {
    const p = await sharedAnalysis(portrait(name));
    checkPortrait(p, name);
    assert.equal(p.analysis.faces.count, 1);
    // lp_s0's painted face is small: the crop is a region much smaller than the image, upscaled
    if (name === 'lp_s0.jpg') assert.ok(p.analysis.crop.side < 0.6 * p.analysis.source.width, `crop side ${p.analysis.crop.side}`);
  });
}

test('analyze: a small face in a large image is found by the window search (auto-crop)', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'real3d-small-'));
  try {
    const file = path.join(dir, 'small.jpg');
    // lp_s0 at 480 px wide: its face box is too small for the detector on a 1024 px overview of 3000 px
    const face = await sharp(portrait('lp_s0.jpg')).resize(480).toBuffer();
    await sharp({ create: { width: 3000, height: 3000, channels: 3, background: '#7a8a70' } }).composite([{ input: face, left: 2200, top: 300 }]).jpeg().toFile(file);
    const p = await analyzePortrait(file);
    assert.equal(p.analysis.detection?.search, 'windows');
    assert.equal(p.analysis.landmarks.length, 478);
    // the face lies in the pasted region
    const nose = p.analysis.landmarks[1]!;
    assert.ok(nose[0] > 2200 && nose[0] < 2680 && nose[1] > 300 && nose[1] < 863, `nose at ${nose}`);
    assert.ok(p.analysis.crop.side < 400);
    // and the min-face-area option turns it away clearly
    await assert.rejects(analyzePortrait(file, { minFaceArea: 1 }), (e: Error) => e instanceof FaceTooSmallError && /too small/.test(e.message));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('analyze: the dog is not a human face', async () => {
  await assert.rejects(analyzePortrait(portrait('lp_s25.jpg')), (e: Error) => e instanceof NoFaceError && /face/.test(e.message) && /dog/.test(e.message));
});

test('analyze: several faces: the largest is chosen and said so; --face picks another', async () => {
  const big = await sharp(portrait('lp_s42.jpg')).resize(400, 400).toBuffer();
  const small = await sharp(portrait('mt_man.png')).resize(200, 300).toBuffer();
  const group = await sharp({ create: { width: 900, height: 500, channels: 3, background: '#808080' } })
    .composite([{ input: big, left: 20, top: 50 }, { input: small, left: 600, top: 100 }])
    .png()
    .toBuffer();
  const first = await analyzePortrait(group);
  assert.equal(first.analysis.faces.count, 2);
  assert.equal(first.analysis.faces.chosen, 0);
  assert.match(first.analysis.faces.reason, /largest of 2/);
  assert.ok(first.analysis.landmarks[1]![0] < 450, 'the big face is on the left');
  const second = await analyzePortrait(group, { face: 1 });
  assert.ok(second.analysis.landmarks[1]![0] > 600, 'face 1 is the small one on the right');
  await assert.rejects(analyzePortrait(group, { face: 2 }), (e: Error) => e instanceof InputError && /out of range/.test(e.message));
});

test('analyze: a dog beside a person: the dog\'s larger "face" is skipped for the person\'s', async () => {
  const dog = await sharp(portrait('lp_s25.jpg')).resize(500, 500).toBuffer();
  const man = await sharp(portrait('mt_man.png')).resize(260, 390).toBuffer();
  const photo = await sharp({ create: { width: 900, height: 560, channels: 3, background: '#808080' } })
    .composite([{ input: dog, left: 20, top: 30 }, { input: man, left: 600, top: 100 }])
    .png()
    .toBuffer();
  const p = await analyzePortrait(photo);
  assert.equal(p.analysis.faces.count, 2);
  assert.equal(p.analysis.faces.chosen, 1);
  assert.match(p.analysis.faces.reason, /largest human face.*dog/);
  assert.ok(p.analysis.landmarks[1]![0] > 600, 'the man on the right');
});

test('writeAnalysis / readAnalysis round trip', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'real3d-analysis-'));
  try {
    const p = await sharedAnalysis(portrait('st_happy.png'));
    const out = path.join(dir, 'out');
    await writeAnalysis(p, out);
    for (const f of ['analysis.json', 'crop.png', 'matte.png', 'regions.png', 'background.png', 'debug.png']) assert.ok((await stat(path.join(out, f))).size > 0, f);
    const back = await readAnalysis(out);
    assert.deepEqual(back.analysis.landmarks, p.analysis.landmarks);
    // a 256 px photo with the face filling it: the crop reaches past its edges, and says how much
    assert.ok(p.analysis.invented && p.analysis.invented.share > 0.1 && p.analysis.invented.share < 0.6, `invented share ${p.analysis.invented?.share}`);
    assert.equal(back.analysis.invented?.share, p.analysis.invented.share);
    assert.deepEqual(Array.from(back.regions.data), Array.from(p.regions.data));
    assert.equal(back.image.width, 512);
    let err = 0;
    for (let i = 0; i < p.matte.data.length; i++) err = Math.max(err, Math.abs(back.matte.data[i]! - p.matte.data[i]!));
    assert.ok(err <= 1 / 255 + 1e-6, `matte survives 8-bit storage (${err})`);
    for (let k = 0; k < 478; k++) for (let c = 0; c < 2; c++) assert.ok(Math.abs(back.cropLandmarks[k]![c]! - p.cropLandmarks[k]![c]!) < 0.05);
    // st_happy is 256 px: the crop is an upscale, still a valid portrait
    checkPortrait(back, 'st_happy (reloaded)');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('inpaintBackground: no person colour survives and the fill follows the background', () => {
  const size = 128;
  const img = { width: size, height: size, data: new Uint8ClampedArray(size * size * 4) };
  const matte = { width: size, height: size, data: new Float32Array(size * size) };
  const backgroundAt = (x: number, y: number) => [40 + x, 80, 200 - y + ((x * 7 + y * 13) % 5)];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = y * size + x;
      // a red "person" disc with a soft 3 px edge
      const alpha = Math.max(0, Math.min(1, (30 - Math.hypot(x - 64, y - 70)) / 3));
      matte.data[i] = alpha;
      const bg = backgroundAt(x, y);
      img.data.set([bg[0]! * (1 - alpha) + 250 * alpha, bg[1]! * (1 - alpha) + 10 * alpha, bg[2]! * (1 - alpha) + 10 * alpha, 255], i * 4);
    }
  }
  const out = inpaintBackground(img, matte);
  let worstRed = 0, err = 0, n = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (Math.hypot(x - 64, y - 70) > 31) continue;
      const i = y * size + x;
      const bg = backgroundAt(x, y);
      worstRed = Math.max(worstRed, out.data[i * 4]! - bg[0]!);
      err += Math.abs(out.data[i * 4 + 2]! - bg[2]!);
      n++;
    }
  }
  assert.ok(worstRed < 30, `no red left from the person (${worstRed})`);
  assert.ok(err / n < 20, `blue follows the vertical gradient (mean error ${(err / n).toFixed(1)})`);
  // outside the hole the plate is the photo
  assert.deepEqual(Array.from(out.data.subarray(0, 16)), Array.from(img.data.subarray(0, 16)));
});

test('judgeHumanFace: animal boxes and muzzle proportions reject, person boxes accept', () => {
  const lm: [number, number, number][] = Array.from({ length: 478 }, () => [100, 100, 0]);
  const set = (k: number, x: number, y: number) => (lm[k] = [x, y, 0]);
  set(10, 100, 40); set(152, 100, 170);
  set(33, 60, 90); set(133, 80, 90); set(362, 120, 90); set(263, 140, 90);
  const mouth = (y: number) => { set(13, 100, y); set(14, 100, y + 4); };
  mouth(133); // eye-mouth 45 px over 60 px between the eyes: 0.78, a muzzle-like ratio
  const person = { label: 'person', score: 0.6, box: [0, 0, 200, 200] as [number, number, number, number] };
  const dog = { label: 'dog', score: 0.5, box: [0, 0, 200, 200] as [number, number, number, number] };
  assert.equal(judgeHumanFace(lm, [dog]).human, false);
  assert.equal(judgeHumanFace(lm, []).human, false, 'muzzle proportions with no person box');
  assert.equal(judgeHumanFace(lm, [person, dog]).human, true, 'a person box that outscores the animal vouches');
  mouth(158); // human proportions: 1.2
  assert.equal(judgeHumanFace(lm, []).human, true);
  assert.equal(judgeHumanFace(lm, [dog]).human, false);
  // boxes that do not hold the face centre do not count
  assert.equal(judgeHumanFace(lm, [{ ...dog, box: [150, 150, 40, 40] }]).human, true);
});

test('analyzePortrait takes RGBA pixels and honours an aborted signal', async () => {
  const { data, info } = await sharp(portrait('st_happy.png')).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const rgba = { width: info.width, height: info.height, data: new Uint8ClampedArray(data) };
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(analyzePortrait(rgba, {}, { signal: controller.signal }), CancelledError);
  const events: string[] = [];
  const p = await analyzePortrait(rgba, {}, { onProgress: (e) => events.push(`${e.stage}:${e.done}/${e.total}`) });
  assert.equal(p.analysis.source.width, 256);
  assert.equal(p.analysis.source.file, undefined);
  assert.deepEqual(events.at(-1), 'analyze:7/7');
  assert.ok(events.includes('analyze:1/7'), 'the model load is a step of its own');
});
