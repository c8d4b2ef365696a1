// The loudest voiced frames' higher floor (slit26, lipLoudPeak.ts): japanese.wav's two loudest syllables came out
// at the voiced floor's jaw .08 (a dark slit on every face); real speakers' lips are well apart there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LOUD_PEAK_FLOOR, loudPeakWeight, neighbourMean, withLoudPeaks } from '../src/motion/lipLoudPeak.ts';
import { audioMouthCurves } from '../src/motion/audioMouth.ts';
import { lipAudio, speechActivity } from '../src/motion/lipFeatures.ts';
import { loadLipModel } from '../src/motion/lipModel.ts';
import { BILABIAL_IDS } from '../bench/phonemeTruth.ts';
import { sharedData } from '../bench/sharedData.ts';

const media = (p: string) => sharedData(p);

test('loud-peak weight: at the loud level 1, 2 dB under it partly, 4 dB under or hissing 0; a burst after a quiet closure is not loud', () => {
  assert.equal(loudPeakWeight(0, -1), 1);
  assert.ok(loudPeakWeight(-0.25, -1) > 0.3 && loudPeakWeight(-0.25, -1) < 0.7);
  assert.equal(loudPeakWeight(-1, -1), 0);
  assert.equal(loudPeakWeight(0.5, 3), 0, 'a loud fricative');
  assert.ok(neighbourMean([-6, 0.2, 0.2], 1) < -1, 'the closure before the burst pulls its loudness down');
  const w = withLoudPeaks([0.5, 0.5, 0.5], [0, 0, 0], [-1, -1, -1], 0.08);
  assert.ok(w.every((x) => Math.abs(x - LOUD_PEAK_FLOOR / 0.08) < 1e-12), 'the weight that makes .08 x w reach the peak floor');
  assert.deepEqual([...withLoudPeaks([0.7], [-3], [-1], 0.08)], [0.7], 'a quieter frame keeps its voiced weight');
});

test('japanese.wav: the loudest syllable (2.32-2.60 s) opens to at least .14 (was the floor .08-.10); frames without speech unchanged', async () => {
  const model = loadLipModel(), at = model.targets.indexOf('jawOpen');
  const audio = await lipAudio(media('audio/japanese.wav'));
  const n = 200, sp = speechActivity(audio, 25, n);
  const now = audioMouthCurves(model, audio, 25, n)[at]!, old = audioMouthCurves(model, audio, 25, n, { loudPeakFloor: 0 })[at]!;
  for (let i = 59; i <= 64; i++) {
    assert.ok(old[i]! < 0.11, `f${i} before ${old[i]!.toFixed(3)}`);
    assert.ok(now[i]! >= 0.14, `f${i} now ${now[i]!.toFixed(3)}`);
  }
  for (let i = 0; i < n; i++) {
    assert.ok(now[i]! >= old[i]! - 1e-12, `f${i} never lowered`);
    if (sp[i]! < 0.5) assert.equal(now[i], old[i], `f${i} without speech`);
  }
  assert.ok([...now].filter((x, i) => x !== old[i]).length <= 12, 'only the loudest frames move');
});

test('StyleTalk Obama clip3 and Andrew clip2 (phoneme truth): the frames raised are few and none is b/m/p', async () => {
  const model = loadLipModel(), at = model.targets.indexOf('jawOpen');
  let raised = 0;
  for (const name of ['styletalk_Obama_clip3', 'styletalk_andrew_clip_2']) {
    const clip = media(`train/clips/${name}`);
    const ph = JSON.parse(readFileSync(`${clip}.phonemes30fps.json`, 'utf8')) as number[];
    const audio = await lipAudio(`${clip}.mp4`);
    const n = Math.min(Math.floor((ph.length * 25) / 30), Math.round((audio.samples / 16000) * 25));
    const now = audioMouthCurves(model, audio, 25, n)[at]!, old = audioMouthCurves(model, audio, 25, n, { loudPeakFloor: 0 })[at]!;
    for (let i = 0; i < n; i++) if (now[i]! - old[i]! > 0.005) {
      raised++;
      assert.ok(!BILABIAL_IDS.has(ph[Math.floor((i * 30) / 25)]!), `${name} f${i}: a b/m/p frame raised`);
    }
  }
  assert.ok(raised > 0 && raised < 40, `raised ${raised} frames`);
});
