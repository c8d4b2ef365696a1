// The floor under the jaw on loud voiced frames (audio19, lipVoicing.ts): the network's curve shut
// whole vowels while the voice was loud (Obama clip1 f33-34, real gap .19/.20); a loud frame that does
// not hiss and follows a loud frame keeps the lips apart, the closures from the sound still shut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { floorFactor, floorVoicedFrames, frameVoicing, VOICED_FLOOR, voicedWeight, voicedWeights } from '../src/motion/lipVoicing.ts';
import { audioMouthCurves } from '../src/motion/audioMouth.ts';
import { lipAudio, speechActivity } from '../src/motion/lipFeatures.ts';
import { loadLipModel } from '../src/motion/lipModel.ts';
import { percentile } from '../src/motion/restFace.ts';
import { BILABIAL_IDS, OPEN_VOWEL_IDS, OTHER_VOWEL_IDS } from '../bench/phonemeTruth.ts';
import { sharedData } from '../bench/sharedData.ts';

const media = (p: string) => sharedData(p);

test('voiced weight: loud and low-pitched 1, quiet or hissing 0; a burst after a closure (quiet frame before) is not voiced', () => {
  assert.equal(voicedWeight(0, -1), 1);
  assert.equal(voicedWeight(-4, -1), 0, 'a nasal murmur or a stop gap, 15 dB down');
  assert.equal(voicedWeight(0, 3), 0, 'a fricative');
  const w = voicedWeights([-6, 0, 0], [-1, -1, -1]);
  assert.equal(w[1], 0, 'the burst frame reads the closure before it');
  assert.equal(w[2], 1);
});

test('the floor raises the jaw and the lips with it, never lowers a frame, and is bounded', () => {
  const jaw = Float64Array.from([0.01, 0.2, 0.03]), lower = Float64Array.from([0.02, 0.3, 0.03]);
  floorVoicedFrames(jaw, [lower], [1, 1, 0.5], 0.08, 0);
  assert.deepEqual([...jaw], [0.08, 0.2, 0.04]);
  assert.ok(Math.abs(lower[0]! - 0.02 * floorFactor(0.01, 0.08)) < 1e-12 && floorFactor(0.01, 0.08) <= 2.5, 'the lips rise by the bounded factor');
  assert.equal(lower[1], 0.3);
  assert.ok(Math.abs(lower[2]! - 0.04) < 1e-12);
});

test('a dip of the network jaw under its syllable peak keeps its depth; a low stretch without a peak is floored', () => {
  const jaw = Float64Array.from([0.4, 0.4, 0.02, 0.4, 0.4, 0.03, 0.03, 0.03, 0.03, 0.03, 0.03, 0.03]);
  floorVoicedFrames(jaw, [], Array(jaw.length).fill(1), 0.08);
  assert.equal(jaw[2], 0.02, 'a closure the network made between two vowels');
  assert.equal(jaw[9], 0.08);
});

test('eng.wav, imagine.wav, japanese.wav: loud voiced speech frames shut at most half as often (old chain 5, 1, 4; now 3, 0, 1, in dips of the network jaw), the shut speech frames fewer (old 20, 17, 12; now 17, 16, 9)', async () => {
  const model = loadLipModel(), at = model.targets.indexOf('jawOpen');
  let loud = 0, loudOld = 0;
  for (const name of ['eng.wav', 'imagine.wav', 'japanese.wav']) {
    const audio = await lipAudio(media(`audio/${name}`));
    const n = Math.min(200, Math.round((audio.samples / 16000) * 25));
    const sp = speechActivity(audio, 25, n), v = frameVoicing(audio, 25, n), w = voicedWeights(v.energy, v.tilt);
    const now = audioMouthCurves(model, audio, 25, n)[at]!, old = audioMouthCurves(model, audio, 25, n, { voicedFloor: 0 })[at]!;
    const loudShut = (jaw: Float64Array) => [...jaw].filter((x, i) => sp[i]! >= 0.5 && w[i]! >= 0.9 && x < 0.05).length;
    const shut = (jaw: Float64Array) => [...jaw].filter((x, i) => sp[i]! >= 0.5 && x < 0.05).length;
    assert.ok(loudShut(now) <= loudShut(old), `${name}: loud voiced frames shut ${loudShut(now)} (old ${loudShut(old)})`);
    assert.ok(shut(now) <= shut(old), `${name}: shut ${shut(now)} (old ${shut(old)})`);
    loud += loudShut(now);
    loudOld += loudShut(old);
  }
  assert.ok(loud * 2 <= loudOld, `loud voiced frames shut ${loud} (old ${loudOld})`);
});

test('StyleTalk Obama clip1 and Kristi Noem (phoneme truth): fewer vowel frames shut (20 -> 17), the jaw at b/m/p as before', async () => {
  const model = loadLipModel(), at = model.targets.indexOf('jawOpen');
  let vowelsShut = 0, vowelsShutOld = 0;
  for (const name of ['styletalk_Obama_clip1', 'styletalk_KristiNoem']) {
    const clip = media(`train/clips/${name}`);
    const ph = JSON.parse(readFileSync(`${clip}.phonemes30fps.json`, 'utf8')) as number[];
    const audio = await lipAudio(`${clip}.mp4`);
    const n = Math.min(200, Math.floor((ph.length * 25) / 30), Math.round((audio.samples / 16000) * 25));
    const sp = speechActivity(audio, 25, n);
    const of = (i: number) => ph[Math.floor((i * 30) / 25)]!;
    const now = audioMouthCurves(model, audio, 25, n)[at]!, old = audioMouthCurves(model, audio, 25, n, { voicedFloor: 0 })[at]!;
    const vowelShut = (jaw: Float64Array) => [...jaw].filter((x, i) => sp[i]! >= 0.5 && (OPEN_VOWEL_IDS.has(of(i)) || OTHER_VOWEL_IDS.has(of(i))) && x < 0.05).length;
    vowelsShut += vowelShut(now);
    vowelsShutOld += vowelShut(old);
    const bmp = (jaw: Float64Array) => percentile([...jaw].filter((_, i) => sp[i]! >= 0.5 && BILABIAL_IDS.has(of(i))), 50);
    assert.ok(bmp(now) <= bmp(old) + 0.01, `${name}: b/m/p jaw ${bmp(now).toFixed(3)} (old ${bmp(old).toFixed(3)})`);
  }
  assert.ok(vowelsShut < vowelsShutOld, `vowel frames shut ${vowelsShut} (old ${vowelsShutOld})`);
  assert.ok(VOICED_FLOOR * 0.6 >= 0.03, 'the floor reads as apart (0.03 IOD: the critic\'s shut)');
});
