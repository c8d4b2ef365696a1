// A photo padded with flat strips (lp_s1: 170 white columns each side of 1145) is analysed as if the strips
// lay past the photo (analyze/flatBorder.ts hooked into index.ts): the shoulder's matte continues into the
// right strip instead of ending at a straight cut, and the plate there is synthesised, not the strip's white.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { analyzePortrait } from './analyzedPortrait.ts';
import { sharedData } from '../bench/sharedData.ts';
import { paddingStripsSetting, validInsideBorder } from '../src/analyze/flatBorder.ts';
import { distancePastPhoto } from '../src/avatar/invented.ts';

test('validInsideBorder: the strips leave the valid rect, in crop px; no border leaves it as it was', () => {
  const box = { x: -10, y: 0, side: 200 }, image = { width: 180, height: 200 };
  assert.deepEqual(validInsideBorder([5, 0, 95, 100], box, 100, image, [0, 0, 0, 0]), [5, 0, 95, 100]);
  assert.deepEqual(validInsideBorder([5, 0, 95, 100], box, 100, image, [20, 0, 30, 0]), [15, 0, 80, 100]);
});

test('distancePastPhoto: a padded source counts its strips as past the photo', () => {
  const crop = { x: 0, y: 0, side: 100, size: 10 };
  const plain = distancePastPhoto(crop, { width: 100, height: 100 });
  const padded = distancePastPhoto(crop, { width: 100, height: 100, padding: [0, 0, 30, 0] });
  assert.equal(plain[9], 0);
  assert.ok(Math.abs(padded[9]! - 2.5) < 1e-6, `${padded[9]}`); // pixel centre 95, strip from 70: 25 source px = 2.5 crop px
  assert.equal(padded[6], 0);
});

test('lp_s1 with paddingStrips on: the shoulder continues past the right strip edge and the plate there is not the strip white', async () => {
  // the setting is off by default (the fill copies lp_s1's watermark into the strips): on here, and the photo passed
  // as bytes so the shared analysis cache (made with the setting off) is not read
  paddingStripsSetting.mode = 'pastPhoto';
  const p = await analyzePortrait(await readFile(sharedData('portraits/lp_s1.jpg'))).finally(() => { paddingStripsSetting.mode = 'frame'; });
  assert.deepEqual(p.analysis.source.padding, [170, 0, 170, 0]);
  const n = p.matte.width, edge = Math.round(((1145 - 170) * n) / 1145); // 436 of 512
  let rows = 0, continued = 0, white = 0, past = 0;
  for (let y = 0; y < n; y++) {
    if (p.matte.data[y * n + edge - 4]! >= 0.5) { rows++; if (p.matte.data[y * n + edge + 4]! >= 0.1) continued++; }
    for (let x = edge; x < n; x++) {
      const i = (y * n + x) * 4, bg = p.background.data;
      past++;
      if (Math.min(bg[i]!, bg[i + 1]!, bg[i + 2]!) >= 250) white++;
    }
  }
  // before the hook: 41 rows of shoulder at the edge, none continued (a straight cut); 98.9 % of the plate white
  assert.ok(rows >= 20 && continued >= 0.8 * rows, `shoulder rows at the strip edge ${rows}, continued past it ${continued}`);
  assert.ok(white < 0.2 * past, `white plate past the edge ${white} of ${past}`);
});
