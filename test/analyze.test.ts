// analyze on real portraits, in process (one model load for the whole file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { analyzePortrait, writeAnalysis, readAnalysis } from '../src/analyze/index.ts';
import { NoFaceError, FaceTooSmallError, InputError } from '../src/errors.ts';
import { REGION, type Portrait } from '../src/types.ts';
import { FOREHEAD_TOP, CHIN } from '../src/analyze/landmarks.ts';

const PORTRAITS = fileURLToPath(new URL('../../shared/data/portraits/', import.meta.url));
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
  // face centred, head about half the crop: forehead-to-chin is 1/2.7 of the ideal side (more when the photo is tight)
  const top = p.cropLandmarks[FOREHEAD_TOP]!, chin = p.cropLandmarks[CHIN]!;
  const cx = (top[0] + chin[0]) / 2 / 512, cy = (top[1] + chin[1]) / 2 / 512;
  assert.ok(Math.abs(cx - 0.5) < 0.12, `${name}: face centre x ${cx.toFixed(2)}`);
  assert.ok(Math.abs(cy - 0.47) < 0.12, `${name}: face centre y ${cy.toFixed(2)}`);
  const faceLength = Math.hypot(chin[0] - top[0], chin[1] - top[1]) / 512;
  assert.ok(faceLength > 0.3 && faceLength < 0.52, `${name}: face length ${faceLength.toFixed(2)} of the crop`);
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

for (const name of ['lp_s42.jpg', 'mt_man.png', 'lp_s0.jpg', 'lp_s2.jpg', 'lp_s9.jpg']) {
  test(`analyze ${name}: landmarks, centred crop, matte covering hair and shoulders`, async () => {
    const p = await analyzePortrait(portrait(name));
    checkPortrait(p, name);
    assert.equal(p.analysis.faces.count, 1);
  });
}

test('analyze: the small painted face of lp_s0 is framed from the full-resolution image', async () => {
  const p = await analyzePortrait(portrait('lp_s0.jpg'));
  // the source face is small, so the crop is an upscaled region much smaller than the image
  assert.ok(p.analysis.crop.side < 0.6 * p.analysis.source.width, `crop side ${p.analysis.crop.side}`);
});

test('analyze: a small face in a large image is found by the window search (auto-crop)', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'real3d-small-'));
  try {
    const file = path.join(dir, 'small.jpg');
    const face = await sharp(portrait('lp_s0.jpg')).toBuffer();
    await sharp({ create: { width: 4000, height: 4000, channels: 3, background: '#7a8a70' } }).composite([{ input: face, left: 2900, top: 300 }]).jpeg().toFile(file);
    const p = await analyzePortrait(file);
    assert.equal(p.analysis.detection?.search, 'windows');
    assert.equal(p.analysis.landmarks.length, 478);
    // the face lies in the pasted region
    const nose = p.analysis.landmarks[1]!;
    assert.ok(nose[0] > 2900 && nose[0] < 3500 && nose[1] > 300 && nose[1] < 1004, `nose at ${nose}`);
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

test('writeAnalysis / readAnalysis round trip', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'real3d-analysis-'));
  try {
    const p = await analyzePortrait(portrait('st_happy.png'));
    const out = path.join(dir, 'out');
    await writeAnalysis(p, out);
    for (const f of ['analysis.json', 'crop.png', 'matte.png', 'regions.png', 'background.png', 'debug.png']) assert.ok((await stat(path.join(out, f))).size > 0, f);
    const back = await readAnalysis(out);
    assert.deepEqual(back.analysis.landmarks, p.analysis.landmarks);
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
