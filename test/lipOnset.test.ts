// A phrase's first opening out of a pause rises over frames (src/motion/lipOnset.ts, onset37): the onset's
// frames are held to a rise per frame, a lead-in (an option) only lifts frames before a phrase, onsets that
// start on a closure are left to it, and on real speech (mt_sun.wav f288, RD_Radio31 f1) the jaw no longer jumps
// from the pause's rest to the vowel in one frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { easeOnsets, ONSET_RISE, phraseOnsets } from '../src/motion/lipOnset.ts';
import { speechQuantile } from '../src/motion/lipRelease.ts';
import { lipAudio, speechActivity } from '../src/motion/lipFeatures.ts';
import { loadLipModel } from '../src/motion/lipModel.ts';
import { audioMouthCurves } from '../src/motion/audioMouth.ts';
import { closureWeights } from '../src/motion/lipClosures.ts';
import { sharedData } from '../bench/sharedData.ts';

const r3 = (a: ArrayLike<number>) => Array.from(a, (v) => +v.toFixed(3));

test('onsets: speech after five silent frames or a silent start; short gaps are not onsets', () => {
  assert.deepEqual(phraseOnsets([0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1]), [1, 11]);
  assert.deepEqual(phraseOnsets([1, 1, 0, 0, 0, 0, 0, 1]), [7]);
});

test('an onset rises by at most maxRise a frame, the frames before and after its first four untouched', () => {
  const speech = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1];
  const jaw = Float64Array.from([0, 0, 0, 0, 0, 0.016, 0.3, 0.3, 0.3, 0.3, 0.4, 0.3, 0.3, 0.3]);
  const lower = Float64Array.from(jaw, (v) => v / 2);
  easeOnsets(jaw, [lower], speech, null, 0.12, 0);
  assert.deepEqual(r3(jaw), [0, 0, 0, 0, 0, 0.016, 0.136, 0.256, 0.3, 0.3, 0.4, 0.3, 0.3, 0.3]);
  assert.equal(+lower[6]!.toFixed(3), 0.068, 'the lower lip keeps its share of the jaw');
  const off = Float64Array.from([0, 0, 0, 0, 0, 0, 0.5]);
  easeOnsets(off, [], [0, 0, 0, 0, 0, 0, 1], null, 0);
  assert.equal(off[6], 0.5, 'off: nothing moves');
});

test('a lead-in lifts the frame before a phrase, not before a blip; a closure at the onset keeps it untouched', () => {
  const speech = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1];
  const jaw = Float64Array.from([0, 0, 0, 0, 0, 0, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3]);
  easeOnsets(jaw, [], speech, null, 0.5, 1);
  assert.ok(Math.abs(jaw[5]! - 0.1) < 1e-9, `a third of the onset's opening the frame before: ${jaw[5]}`);
  assert.equal(jaw[4], 0);
  const blip = Float64Array.from([0, 0, 0, 0, 0, 0, 0.3, 0.3, 0, 0, 0]);
  easeOnsets(blip, [], [0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0], null, 0.5, 1);
  assert.equal(blip[5], 0, 'two speech frames (a click after a sentence): no lead-in');
  const shut = Float64Array.from([0, 0, 0, 0, 0, 0, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3]);
  easeOnsets(shut, [], speech, [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0], 0.05, 1);
  assert.deepEqual(r3(shut), [0, 0, 0, 0, 0, 0, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3], 'a phrase starting on a closure is its release\'s');
});

test('on real speech a phrase opens out of the pause over frames (mt_sun.wav f288, RD_Radio31 f1), closures untouched (onset37 alone: the lead-in rule, lipLeadIn.ts, off)', async () => {
  const model = loadLipModel(), at = model.targets.indexOf('jawOpen'), fps = 25;
  for (const [file, n, onset] of [['audio/mt_sun.wav', 320, 288], ['audio/RD_Radio31_000.wav', 200, 1]] as const) {
    const audio = await lipAudio(sharedData(file));
    const sp = speechActivity(audio, fps, n);
    const before = audioMouthCurves(model, audio, fps, n, { onsetRise: 0, leadIn: 0 })[at]!;
    const after = audioMouthCurves(model, audio, fps, n, { leadIn: 0 })[at]!;
    const p95 = speechQuantile(after, sp, 0.95);
    assert.ok(phraseOnsets(sp).includes(onset), `${file}: onset f${onset}`);
    assert.ok(before[onset]! - before[onset - 1]! > 0.7 * p95, `${file} before: f${onset} ${before[onset - 1]} -> ${before[onset]}`);
    // the cap acts before the peak shaping (lipShapes.ts stretches openings above .15 by 1.3): a little over ONSET_RISE
    for (let k = onset; k < onset + 4; k++) assert.ok(after[k]! - after[k - 1]! < 1.25 * ONSET_RISE * p95, `${file} after: f${k} ${after[k - 1]} -> ${after[k]}`);
    const w = closureWeights(audio, fps, n);
    for (let i = 0; i < n; i++) {
      if (w[i]! >= 0.5) assert.equal(after[i], before[i], `${file}: closure frame ${i}`);
      assert.ok(after[i]! <= before[i]! + 1e-12, `${file}: f${i} only lowered`);
    }
  }
});
