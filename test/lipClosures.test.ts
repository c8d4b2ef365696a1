// Closures from the sound (src/motion/lipClosures.ts): a short deep energy valley inside speech shuts
// the lips, a hiss (fricative) or a shallow dip does not, a stop after a pause stays shut until its
// burst; on real speech the audio mouth is shut at the closures the sound shows and stays open at
// loud vowels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LIP_FRAME_DIM, lipAudio, type LipAudio } from '../src/motion/lipFeatures.ts';
import { closureWeights, shutClosures, CLOSURE_PRESS, CLOSURE_QUIET_FROM, quietness } from '../src/motion/lipClosures.ts';
import { frameEnergy } from '../src/motion/lipRounding.ts';
import { motionFromAudio } from '../src/motion/fromAudio.ts';
import { sharedData } from '../bench/sharedData.ts';

const data = (p: string) => sharedData(p);

/** A normalised 100 Hz stream: per frame the relative energy, the low bands' and the high bands' value. */
function stream(frames: [number, number, number][]): LipAudio {
  const out = new Float32Array(frames.length * LIP_FRAME_DIM);
  frames.forEach(([e, low, high], j) => {
    out[j * LIP_FRAME_DIM] = e;
    for (let b = 0; b < 24; b++) out[j * LIP_FRAME_DIM + 1 + b] = b < 12 ? low : high;
  });
  return { frames: out, n100: frames.length, samples: frames.length * 160, silent: false };
}
const repeat = (n: number, f: [number, number, number]) => Array.from({ length: n }, () => f);
const vowel: [number, number, number] = [0, 0, 0];

test('closure weights: a 80 ms silent valley between vowels shuts; a hiss, a shallow dip and the middle of a long pause do not; a voiceless stop after a pause shuts until its burst, a vowel after a pause does not', () => {
  // 100 Hz: vowel 0.3 s | closure 80 ms (-6, dull) | vowel 0.3 s | fricative 80 ms (-6, hissy) | vowel 0.3 s | dip 80 ms (-1) | vowel 0.3 s
  // | pause 0.6 s | burst 30 ms (hissy) + vowel 0.3 s | pause 0.6 s | vowel 0.3 s
  const burst: [number, number, number] = [-2, -3, 1];
  const a = stream([
    ...repeat(30, vowel), ...repeat(8, [-6, -2, -6]), ...repeat(30, vowel), ...repeat(8, [-6, -6, 2]), ...repeat(30, vowel),
    ...repeat(8, [-1, 0, 0]), ...repeat(30, vowel), ...repeat(60, [-8, -8, -8]), ...repeat(3, burst), ...repeat(30, vowel),
    ...repeat(60, [-8, -8, -8]), ...repeat(30, vowel),
  ]);
  const fps = 25;
  const w = closureWeights(a, fps, Math.floor(a.n100 / 4));
  // frame i at 25 fps is centred at 100 Hz frame 4i - 1.25
  const at = (j100: number) => w[Math.round((j100 + 1.25) / 4)]!;
  assert.ok(at(34) > 0.95, `closure: ${at(34)}`);
  assert.ok(at(15) === 0 && at(52) === 0, `vowels untouched: ${at(15)} ${at(52)}`);
  assert.ok(at(72) < 0.05, `fricative: ${at(72)}`);
  assert.ok(at(110) === 0, `shallow dip: ${at(110)}`);
  assert.ok(at(174) === 0, `middle of the pause: ${at(174)}`);
  assert.ok(at(199) > 0.95 && at(202) > 0.5, `just before the burst after the pause: ${at(199)} ${at(202)}`);
  assert.ok(at(295) === 0 && at(291) === 0, `before a vowel after the pause: ${at(291)} ${at(295)}`);
});

test('closure weights (sync15): a quiet open vowel between loud ones ("uh", -3.4) is no closure though its valley is as deep as a stop\'s; a silent stop gap still is; no loud frame is ever one', () => {
  // 100 Hz: vowel 0.3 s | quiet dull vowel 80 ms (-3.4, 15 dB under) | vowel 0.3 s | stop gap 80 ms (-6, dull) | vowel 0.3 s
  const a = stream([...repeat(30, vowel), ...repeat(8, [-3.4, -3, -5]), ...repeat(30, vowel), ...repeat(8, [-6, -2, -6]), ...repeat(30, vowel)]);
  const n = Math.floor(a.n100 / 4);
  const w = closureWeights(a, 25, n);
  const at = (j100: number) => w[Math.round((j100 + 1.25) / 4)]!;
  // the valley's depth alone (closures14) half shut the quiet vowel: its 3.4 is inside CLOSURE_FROM..CLOSURE_FULL
  const depthOnly = closureWeights(a, 25, n, undefined, undefined, undefined, null);
  assert.ok(depthOnly[Math.round((34 + 1.25) / 4)]! > 0.35, `the depth alone: ${depthOnly[Math.round((34 + 1.25) / 4)]}`);
  assert.ok(at(34) < 0.05, `quiet vowel: ${at(34)}`);
  assert.ok(at(72) > 0.95, `stop gap: ${at(72)}`);
  const energy = frameEnergy(a, 25, n);
  for (let i = 0; i < n; i++) if (energy[i]! > CLOSURE_QUIET_FROM) assert.equal(w[i], 0, `loud frame ${i} (energy ${energy[i]}): ${w[i]}`);
  for (let i = 0; i < n; i++) assert.ok(w[i]! <= quietness(energy[i]!) + 1e-9, `frame ${i}: weight ${w[i]} over its quietness ${quietness(energy[i]!)}`);
});

test('shutClosures: the opening controls keep 1 - w, the press rises to w x CLOSURE_PRESS, rounding stays', () => {
  const targets = ['jawOpen', 'mouthPucker', 'mouthPress', 'mouthUpperUp', 'mouthLowerDown'];
  const curves = [[0.2, 0.2, 0.2], [0.3, 0.3, 0.3], [0, 0, 0.5], [0.15, 0.15, 0.15], [0.3, 0.3, 0.3]].map((c) => Float64Array.from(c));
  shutClosures(curves, targets, [0, 1, 0.5]);
  const r = (c: Float64Array) => [...c].map((v) => Math.round(v * 1e6) / 1e6);
  assert.deepEqual(r(curves[0]!), [0.2, 0, 0.1]);
  assert.deepEqual(r(curves[1]!), [0.3, 0.3, 0.3]);
  assert.deepEqual(r(curves[2]!), [0, CLOSURE_PRESS, 0.5]);
  assert.deepEqual(r(curves[3]!), [0.15, 0, 0.075]);
  assert.deepEqual(r(curves[4]!), [0.3, 0, 0.15]);
});

test('audio mouth on real speech (Katie, never trained on): shut at the closures its sound shows (her "p" at 1.32 s), loud vowels still open', async () => {
  const file = data('video/WDA_KatieHill_000.mp4');
  const m = await motionFromAudio(file, { blink: 'none', fps: 25 });
  const audio = await lipAudio(file);
  const n = m.frames.length;
  const w = closureWeights(audio, 25, n);
  const energy = frameEnergy(audio, 25, n);
  // the lips' opening the motion asks for: jaw (0.6 iod per unit) plus the lower lip's own drop
  const opening = m.frames.map((f) => 0.6 * f.w.jawOpen! + 0.1 * f.w.mouthLowerDown!);
  const shut = [...Array(n).keys()].filter((i) => w[i]! > 0.95);
  // closures14 also shut frame 156 (energy -2.2, her real lips 0.13 IOD apart): the quiet gate (sync15) leaves it open
  assert.ok(shut.length >= 1 && shut.length < 0.1 * n, `closures found in 8 s of speech: ${shut.length}`);
  assert.ok(w[156]! < 0.05, `frame 156 (an open vowel 9 dB under her loud level): ${w[156]}`);
  // before: jawOpen 0.18 and mouthLowerDown 0.30 at frame 33 (read back 0.12 iod with teeth; her real lips 0.01)
  assert.ok(shut.includes(33), `the "p" at frame 33: ${shut.join(',')}`);
  for (const i of shut) assert.ok(opening[i]! < 0.005, `frame ${i}: opening ${opening[i]} at a closure`);
  // partly closing sounds are partly shut: over the frames the sound marks, the opening falls with the mark
  const half = [...Array(n).keys()].filter((i) => w[i]! > 0.5 && w[i]! <= 0.95);
  for (const i of half) assert.ok(opening[i]! <= 0.6 * (1 - w[i]!) + 0.1 * (1 - w[i]!) + 1e-9, `frame ${i}: opening ${opening[i]} at closure weight ${w[i]}`);
  const loud = [...Array(n).keys()].filter((i) => energy[i]! > -0.5);
  const loudOpen = loud.filter((i) => m.frames[i]!.w.jawOpen! > 0.1).length / loud.length;
  assert.ok(loud.length > 20 && loudOpen > 0.75, `loud frames open: ${loudOpen} of ${loud.length}`);
});

test('audio mouth on Obama clip1 (sync15): his "uh" at 0.56 s stays open (real lips 0.20 IOD apart; closures14 shut it to jawOpen 0.02)', async () => {
  const m = await motionFromAudio(data('train/clips/styletalk_Obama_clip1.mp4'), { blink: 'none', fps: 25 });
  for (const i of [14, 15]) assert.ok(m.frames[i]!.w.jawOpen! >= 0.08, `frame ${i}: jawOpen ${m.frames[i]!.w.jawOpen}`);
});
