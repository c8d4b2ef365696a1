// s44 (lids44): the blink read-back under invisible grain (bench/readNoise.ts). One face-mesh reading of a shut render
// moves by up to .1 under a +-2-level grain nobody can see (st_art_1 .44 -> .55, mt_man .24 -> .27), so the benches
// read a shut frame back as each eye's median over a few seeded grains (bench/blink.ts / blinkAblate.ts --grain n).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { eyeOpenings } from '../src/eval/eyes.ts';
import { median, medianReading, withGrain } from '../bench/readNoise.ts';
import { sharedData } from '../bench/sharedData.ts';
import type { RgbaImage } from '../src/types.ts';

const flat = (v: number): RgbaImage => ({ width: 40, height: 30, data: new Uint8ClampedArray(40 * 30 * 4).fill(v) });

test('withGrain: seed 0 is the frame; other seeds an invisible, seeded, grey grain', () => {
  const img = flat(120);
  assert.deepEqual(withGrain(img, 0).data, img.data);
  const a = withGrain(img, 3), b = withGrain(img, 3), c = withGrain(img, 4);
  assert.deepEqual(a.data, b.data, 'the same seed, the same grain');
  assert.notDeepEqual(a.data, c.data, 'another seed, another grain');
  let moved = 0;
  for (let o = 0; o < a.data.length; o += 4) {
    const d = a.data[o]! - 120;
    assert.ok(Math.abs(d) <= 2, `grain ${d} past +-2`);
    assert.equal(a.data[o + 1], a.data[o], 'grey: R = G');
    assert.equal(a.data[o + 3], img.data[o + 3], 'alpha kept');
    if (d) moved++;
  }
  assert.ok(moved > a.data.length / 8, 'most pixels carry grain');
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 2, 3]), 2.5);
});

test('a shut render read back as the median over grains: lp_s42 reads shut (<= .25), the grain changes no pixel by more than 2', async () => {
  const portrait = await analyzePortrait(path.join(sharedData('portraits/'), 'lp_s42.jpg'));
  const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
  const n = r.neutralFrame();
  const rendered = r.render({ ...n, w: { ...n.w, eyeBlinkLeft: 1, eyeBlinkRight: 1 } });
  const shut: RgbaImage = { width: rendered.width, height: rendered.height, data: new Uint8ClampedArray(rendered.data) };
  const open = eyeOpenings((await detectFaces(portrait.image, { embedding: false }))[0]!.landmarks);
  const read = await medianReading(shut, 3, async (im) => {
    let worst = 0;
    for (let o = 0; o < im.data.length; o++) worst = Math.max(worst, Math.abs(im.data[o]! - shut.data[o]!));
    assert.ok(worst <= 2, `grain changed a pixel by ${worst}`);
    const f = (await detectFaces(im, { embedding: false }))[0];
    return f ? eyeOpenings(f.landmarks) : undefined;
  });
  assert.ok(read, 'a face on the shut render');
  const ratio = Math.max(read.left / open.left, read.right / open.right);
  assert.ok(ratio <= 0.25, `lp_s42 closed/open (median of 3 grains) ${ratio.toFixed(2)}`);
});
