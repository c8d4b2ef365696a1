// The lift of the audio mouth's small openings (audio18, lipLift.ts): the jaw's median in speech comes up
// toward its 90th percentile as real lip gaps' does (~0.65-0.75), while the dips the chain shut stay shut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { liftFactor, liftOpenings, liftShare, OPENING_LIFT_FLOOR, OPENING_LIFT_MAX } from '../src/motion/lipLift.ts';
import { audioMouthCurves } from '../src/motion/audioMouth.ts';
import { lipAudio, speechActivity } from '../src/motion/lipFeatures.ts';
import { loadLipModel } from '../src/motion/lipModel.ts';
import { percentile } from '../src/motion/restFace.ts';
import { BILABIAL_IDS, OPEN_VOWEL_IDS } from '../bench/phonemeTruth.ts';
import { sharedData } from '../bench/sharedData.ts';

test('lift factor: 1 at the pivot and under the floor, above 1 between, below 1 over the pivot, bounded; the lifted opening keeps its order', () => {
  const pivot = 0.24;
  assert.equal(liftFactor(pivot, pivot, 0.5), 1);
  assert.equal(liftFactor(OPENING_LIFT_FLOOR[0] * 0.9, pivot, 0.5), 1, 'a dip stays as it is');
  assert.ok(liftFactor(0.12, pivot, 0.5) > 1.3, 'half the pivot is lifted by ~sqrt 2');
  assert.ok(liftFactor(0.4, pivot, 0.5) < 1, 'over the pivot: compressed');
  assert.ok(liftFactor(0.06, pivot, 0.2) <= OPENING_LIFT_MAX);
  let last = -1;
  for (let v = 0; v <= 0.5; v += 0.002) {
    const out = v * liftFactor(v, pivot, 0.5);
    assert.ok(out >= last - 1e-12, `monotone at ${v.toFixed(3)}`);
    last = out;
  }
  const jaw = Float64Array.from([0.02, 0.12, 0.3]), lower = Float64Array.from([0.01, 0.1, 0.2]);
  liftOpenings(jaw, [lower], pivot, 0.5);
  assert.ok(Math.abs(lower[1]! / jaw[1]! - 0.1 / 0.12) < 1e-12, 'the lips keep their proportion to the jaw');
  assert.equal(jaw[0], 0.02);
});

test('eng.wav, imagine.wav, RD_Radio31: the jaw median in speech is over 0.55 of its p90 (old chain 0.39 / 0.46 / 0.39; real lip gaps 0.64-0.75), the shut speech frames as many as before', async () => {
  const model = loadLipModel(), at = model.targets.indexOf('jawOpen');
  for (const name of ['eng.wav', 'imagine.wav', 'RD_Radio31_000.wav']) {
    const audio = await lipAudio(sharedData(`audio/${name}`));
    const n = Math.min(200, Math.round((audio.samples / 16000) * 25));
    const sp = speechActivity(audio, 25, n);
    const inSpeech = (c: Float64Array) => [...c].filter((_, i) => sp[i]! >= 0.5);
    // the lift alone: the voiced floor (audio19, lipVoicing.ts) reads the lifted jaw's dips and is measured in lipVoicing.test.ts;
    // the eased closure releases (release36, lipRelease.test.ts) lower a release frame or two (RD_Radio31 f18, f76: p50/p90 .535)
    const alone = { voicedFloor: 0, releaseRise: 0 };
    const now = inSpeech(audioMouthCurves(model, audio, 25, n, alone)[at]!), unlifted = inSpeech(audioMouthCurves(model, audio, 25, n, { ...alone, lift: 1 })[at]!);
    const ratio = percentile(now, 50) / percentile(now, 90);
    assert.ok(ratio > 0.55, `${name}: p50/p90 ${ratio.toFixed(3)}`);
    const shut = (v: number[]) => v.filter((x) => x < 0.05).length;
    assert.ok(Math.abs(shut(now) - shut(unlifted)) <= 1, `${name}: shut ${shut(now)} (unlifted ${shut(unlifted)})`);
  }
});

test('bmp18: a dip well under its syllable peak is not lifted, a low stretch without a peak still is', () => {
  const pivot = 0.24;
  // a "b" between two wide vowels (0.11 at 0.24 of its peak) and a quiet stretch hovering at 0.12
  const jaw = Float64Array.from([0.45, 0.4, 0.11, 0.4, 0.45, 0.2, 0.12, 0.12, 0.12, 0.12, 0.12, 0.12, 0.12, 0.12]);
  const lower = Float64Array.from(jaw, (v) => v / 2);
  liftOpenings(jaw, [lower], pivot, 0.5);
  assert.equal(jaw[2], 0.11, 'the dip keeps its depth (the lift on every frame made it 0.16)');
  assert.equal(lower[2], 0.055);
  assert.ok(jaw[10]! > 0.16, `the hovering stretch is lifted: ${jaw[10]!.toFixed(3)}`);
  assert.equal(liftShare(0.11, 0.45), 0);
  assert.equal(liftShare(0.4, 0.45), 1);
});

test('bmp18: StyleTalk Kristi Noem (phoneme truth): the jaw at b/m/p stays near the unlifted chain while open vowels keep their lift', async () => {
  const model = loadLipModel(), at = model.targets.indexOf('jawOpen');
  const clip = sharedData('train/clips/styletalk_KristiNoem');
  const ph = JSON.parse(readFileSync(`${clip}.phonemes30fps.json`, 'utf8')) as number[];
  const audio = await lipAudio(`${clip}.mp4`);
  const n = Math.min(Math.floor((ph.length * 25) / 30), Math.round((audio.samples / 16000) * 25));
  const sp = speechActivity(audio, 25, n);
  const medianAt = (jaw: Float64Array, ids: ReadonlySet<number>) => percentile([...jaw].filter((_, i) => sp[i]! >= 0.5 && ids.has(ph[Math.floor((i * 30) / 25)]!)), 50);
  const now = audioMouthCurves(model, audio, 25, n)[at]!, unlifted = audioMouthCurves(model, audio, 25, n, { lift: 1 })[at]!;
  const bmp = medianAt(now, BILABIAL_IDS), bmpUnlifted = medianAt(unlifted, BILABIAL_IDS);
  assert.ok(bmp <= bmpUnlifted * 1.1, `b/m/p jaw ${bmp.toFixed(3)} (unlifted ${bmpUnlifted.toFixed(3)}; lifted on every frame 0.114)`);
  assert.ok(medianAt(now, OPEN_VOWEL_IDS) >= medianAt(unlifted, OPEN_VOWEL_IDS) * 1.2, 'open vowels keep the lift');
});
