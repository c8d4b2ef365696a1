// A phrase's near-silent first frames are a closure (src/motion/lipLeadIn.ts, s44 closure44): the frames from a phrase
// onset to its first frame over the closures' quiet gate take a closure weight of their quietness; on real GRID s1
// phrases starting on "bin"/"place" (whose real lips are shut until the burst) the audio mouth stays shut before the
// word's burst, where the chain without the rule opened .08-.16 IOD; a phrase starting on a loud /s/ still opens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { leadInClosures, LEAD_IN_FRAMES } from '../src/motion/lipLeadIn.ts';
import { phraseOnsets } from '../src/motion/lipOnset.ts';
import { lipAudio, speechActivity } from '../src/motion/lipFeatures.ts';
import { loadLipModel } from '../src/motion/lipModel.ts';
import { audioMouthCurves } from '../src/motion/audioMouth.ts';
import { sharedData } from '../bench/sharedData.ts';

test('lead-in weights: from each onset up to its first loud frame, by quietness; nothing elsewhere', () => {
  const speech = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 1];
  const energy = [-9, -9, -9, -9, -9, -9, -6, -4.5, -1, -6, -1, -1, -9, -6];
  const w = leadInClosures(speech, energy, null, [-3.5, -5.5], 10);
  assert.deepEqual(Array.from(w), [0, 0, 0, 0, 0, 0, 1, 0.5, 0, 0, 0, 0, 0, 0], 'a quiet frame after the first loud one is not a lead-in');
  assert.deepEqual(Array.from(leadInClosures(speech, energy, null, [-3.5, -5.5], 1)).slice(6, 8), [1, 0], 'at most maxFrames');
  assert.ok(leadInClosures(speech, energy, null, [-3.5, -5.5], 0).every((v) => v === 0), 'off');
  const hiss = speech.map(() => 3);
  assert.ok(leadInClosures(speech, energy, hiss, [-3.5, -5.5], 10).every((v) => v === 0), 'a hissing lead-in (a breath, an /s/) is no closure');
});

const model = loadLipModel();
const jawAt = model.targets.indexOf('jawOpen');
/** the audio motion's lip gap (jawOpen x .6 IOD) of a GRID s1 sentence, with and without the lead-in rule; its first word's start frame */
async function grid(name: string) {
  const audio = await lipAudio(sharedData(`train/grid_s1/${name}.mp4`));
  const n = Math.floor((audio.samples / 16000) * 25);
  const words = readFileSync(sharedData(`train/grid_s1/align/${name}.align`), 'utf8').trim().split('\n').map((l) => l.trim().split(/\s+/));
  const first = words.find((w) => w[2] !== 'sil' && w[2] !== 'sp')!;
  const gap = (o: object) => Array.from(audioMouthCurves(model, audio, 25, n, o)[jawAt]!, (x) => x * 0.6);
  return { onset: phraseOnsets(speechActivity(audio, 25, n))[0]!, word: first[2]!, wordStart: Math.floor(Number(first[0]) / 1000), after: gap({ leadIn: LEAD_IN_FRAMES }), before: gap({ leadIn: 0 }) };
}

test('GRID "bin"/"place" phrases: shut from the onset to the word, where the chain without the rule opened', async () => {
  for (const name of ['brag1a', 'prax1a']) {
    const g = await grid(name);
    assert.ok(g.onset < g.wordStart, `${name}: the speech gate opens before "${g.word}" (f${g.onset} < f${g.wordStart})`);
    const frames = [...Array(g.wordStart - g.onset).keys()].map((k) => g.onset + k);
    const after = Math.max(...frames.map((i) => g.after[i]!)), before = Math.max(...frames.map((i) => g.before[i]!));
    assert.ok(after < 0.03, `${name} f${g.onset}-${g.wordStart - 1}: shut before "${g.word}" (max ${after.toFixed(3)} IOD)`);
    assert.ok(before > 0.06, `${name}: without the rule it opened there (max ${before.toFixed(3)}): the test can fail`);
    assert.ok(Math.max(...g.after.slice(g.wordStart, g.wordStart + 8)) > 0.08, `${name}: the word itself still opens`);
  }
});

test('a phrase starting on a loud /s/ ("set", GRID sgiv3a) opens at its onset as before', async () => {
  const g = await grid('sgiv3a');
  for (let i = g.onset; i < g.onset + 3; i++) assert.ok(Math.abs(g.after[i]! - g.before[i]!) < 0.005, `f${i}: ${g.after[i]!.toFixed(3)} vs ${g.before[i]!.toFixed(3)}`);
  assert.ok(g.after[g.onset + 1]! > 0.1);
});
