// Decoding any kind of image file: colour spaces, bit depths, alpha, EXIF rotation, huge, broken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { loadImage, imageSize } from '../src/io/image.ts';
import { analyzePortrait } from '../src/analyze/index.ts';
import { analyzePortrait as sharedAnalysis } from './analyzedPortrait.ts';
import { InputError } from '../src/errors.ts';
import { sharedData } from '../bench/sharedData.ts';

const SOURCE = sharedData('portraits/lp_s42.jpg');

test('image variants of one portrait all decode and give the same face', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'real3d-img-'));
  try {
    // the original's analysis from the run's shared cache (lp_s42 is analysed there for many files); each variant fresh
    const reference = await sharedAnalysis(SOURCE);
    const refNose = reference.analysis.landmarks[1]!;
    const variants: Record<string, Buffer> = {
      grayscale: await sharp(SOURCE).grayscale().jpeg().toBuffer(),
      cmyk: await sharp(SOURCE).toColourspace('cmyk').jpeg().toBuffer(),
      png16: await sharp(SOURCE).toColourspace('rgb16').png().toBuffer(),
      // transparent background outside a disc around the head, as a cut-out PNG would have
      alpha: await sharp(SOURCE)
        .ensureAlpha()
        .composite([{ input: Buffer.from('<svg width="512" height="512"><circle cx="256" cy="300" r="240" fill="#fff"/></svg>'), blend: 'dest-in' }])
        .png()
        .toBuffer(),
      // pixels stored turned a quarter, EXIF orientation 6 turns them back for display
      exifRotated: await sharp(SOURCE).rotate(-90).withMetadata({ orientation: 6 }).jpeg().toBuffer(),
    };
    const meta16 = await sharp(variants.png16!).metadata();
    assert.equal(meta16.depth, 'ushort', 'the 16-bit variant really is 16-bit');
    assert.equal((await sharp(variants.cmyk!).metadata()).space, 'cmyk');
    for (const [name, bytes] of Object.entries(variants)) {
      const file = path.join(dir, `${name}.${name.startsWith('png') || name === 'alpha' ? 'png' : 'jpg'}`);
      await writeFile(file, bytes);
      const size = await imageSize(file);
      assert.deepEqual(size, { width: 512, height: 512 }, `${name}: displayed size`);
      const img = await loadImage(file);
      assert.equal(img.data.length, 512 * 512 * 4, `${name}: RGBA 8-bit`);
      const p = await analyzePortrait(file);
      const nose = p.analysis.landmarks[1]!;
      const off = Math.hypot(nose[0] - refNose[0], nose[1] - refNose[1]);
      assert.ok(off < 8, `${name}: nose tip within 8 px of the original's (${off.toFixed(1)})`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a 12000 x 12000 JPEG is downscaled on decode and analysed', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'real3d-huge-'));
  try {
    const file = path.join(dir, 'huge.jpg');
    await sharp(SOURCE).resize(12000, 12000, { kernel: 'nearest' }).jpeg({ quality: 70 }).toFile(file);
    const img = await loadImage(file);
    assert.ok(Math.max(img.width, img.height) <= 4096);
    const p = await analyzePortrait(file);
    assert.deepEqual({ width: p.analysis.source.width, height: p.analysis.source.height }, { width: 12000, height: 12000 });
    // landmarks are reported in the original file's pixels
    const nose = p.analysis.landmarks[1]!;
    assert.ok(nose[0] > 4000 && nose[0] < 8000 && nose[1] > 4000 && nose[1] < 9000, `nose at ${nose}`);
    assert.ok(process.memoryUsage().rss < 3e9, `memory stays bounded (${Math.round(process.memoryUsage().rss / 1e6)} MB)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('broken inputs give an InputError that says what to do', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'real3d-bad-'));
  try {
    const whole = await readFile(SOURCE);
    const cases: Record<string, Buffer> = {
      'empty.jpg': Buffer.alloc(0),
      'truncated.jpg': whole.subarray(0, Math.floor(whole.length / 2)),
      'notes.jpg': Buffer.from('this is a text file, not a photo\n'),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      const file = path.join(dir, name);
      await writeFile(file, bytes);
      await assert.rejects(analyzePortrait(file), (e: Error) => e instanceof InputError && /JPEG|PNG|image/.test(e.message) && !e.message.includes('\n'), name);
    }
    await assert.rejects(loadImage(path.join(dir, 'missing.jpg')), (e: Error) => e instanceof InputError && /does not exist/.test(e.message));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
