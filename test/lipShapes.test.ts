// The audio mouth's shape channels (src/motion/lipShapes.ts) and the audio path marking its lip
// shapes as changes on the photo's own mouth (rig/mouthBase.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AUDIO_SPREAD_GAIN, audioJaw, audioStretch, JAW_ABOVE_KNEE, JAW_KNEE, RIG_STRETCH_WIDENING, shapeAudioMouth, TEACHER_STRETCH_WIDENING } from '../src/motion/lipShapes.ts';
import { buildBasis } from '../src/rig/basis.ts';
import { deform, meanFace } from '../src/rig/canonical.ts';
import { CONTROL_COUNT, CONTROL_INDEX } from '../src/rig/controls.ts';
import { mouthWidthRatio } from '../src/rig/mouthPrior.ts';
import { sharedData } from '../bench/sharedData.ts';

test('the audio stretch widens the rig\'s mouth as much as the teacher\'s unit says (1 = 25 % wider than at rest), spread by AUDIO_SPREAD_GAIN', () => {
  const neutral = meanFace();
  const basis = buildBasis(neutral);
  const widthAt = (stretch: number) => {
    const w = new Float64Array(CONTROL_COUNT);
    w[CONTROL_INDEX.mouthStretchLeft] = w[CONTROL_INDEX.mouthStretchRight] = stretch;
    return mouthWidthRatio(deform(neutral, basis, w), neutral);
  };
  // the constant is the basis's own widening (it fails if the basis's stretch changes)
  assert.ok(Math.abs(widthAt(1) - 1 - RIG_STRETCH_WIDENING) < 0.01, `rig widening ${(widthAt(1) - 1).toFixed(3)} vs ${RIG_STRETCH_WIDENING}`);
  for (const teacher of [0.2, 0.5]) {
    const widening = widthAt(audioStretch(teacher, teacher)) - 1;
    const want = TEACHER_STRETCH_WIDENING * teacher * AUDIO_SPREAD_GAIN;
    assert.ok(Math.abs(widening - want) < 0.01, `teacher stretch ${teacher}: ${(widening * 100).toFixed(1)} % wider, wanted ${(want * 100).toFixed(1)} %`);
  }
});

test('the audio stretch has no side: both corners take the mean of the two curves in the rig\'s unit, the others untouched', () => {
  const targets = ['jawOpen', 'mouthStretchLeft', 'mouthStretchRight', 'mouthLowerDown'];
  const curves = [Float64Array.of(0.34, 0.1), Float64Array.of(0.28, 0), Float64Array.of(0.49, 0.2), Float64Array.of(0.67, 0.05)];
  shapeAudioMouth(curves, targets);
  const unit = (TEACHER_STRETCH_WIDENING / RIG_STRETCH_WIDENING) * AUDIO_SPREAD_GAIN;
  assert.ok(Math.abs(curves[1]![0]! - 0.385 * unit) < 1e-12 && curves[1]![0] === curves[2]![0], `stretch ${curves[1]![0]} / ${curves[2]![0]}`);
  assert.ok(Math.abs(curves[1]![1]! - 0.1 * unit) < 1e-12 && curves[2]![1] === curves[1]![1]);
  // the jaw: its peak above JAW_KNEE raised, the small opening as it was
  assert.ok(Math.abs(curves[0]![0]! - (JAW_KNEE + JAW_ABOVE_KNEE * (0.34 - JAW_KNEE))) < 1e-12, `jaw ${curves[0]![0]}`);
  assert.equal(curves[0]![1], 0.1);
  assert.deepEqual(Array.from(curves[3]!), [0.67, 0.05]);
  // a model without the stretch curves: the jaw alone
  const jawOnly = [Float64Array.of(JAW_KNEE, 0.6)];
  shapeAudioMouth(jawOnly, ['jawOpen']);
  assert.deepEqual(Array.from(jawOnly[0]!), [JAW_KNEE, audioJaw(0.6)]);
});

test('the audio jaw keeps closures and small openings and raises the peaks, monotone and continuous', () => {
  for (const j of [0, 0.02, 0.05, JAW_KNEE]) assert.equal(audioJaw(j), j);
  // a loud vowel at 0.3 (held-out speakers' peaks rise above the model's): raised, by less than a third
  assert.ok(audioJaw(0.3) > 0.3 + 0.03 && audioJaw(0.3) < 0.4, `0.3 -> ${audioJaw(0.3)}`);
  assert.equal(audioJaw(1), 1);
  let last = 0;
  for (let j = 0; j <= 1.2; j += 0.01) {
    const v = audioJaw(j);
    assert.ok(v >= last && v <= 1 && v - last < 0.014, `${j.toFixed(2)} -> ${v}`);
    last = v;
  }
});

test('a smiling photo driven by audio keeps its smile: the audio frames\' lip shapes go on the photo\'s own mouth', async () => {
  const path = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const { analyzePortrait } = await import('./analyzedPortrait.ts');
  const { buildAvatar } = await import('./builtAvatar.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const { MOUTH_ON_PHOTO } = await import('../src/rig/mouthBase.ts');
  const { CONTROL_INDEX } = await import('../src/rig/controls.ts');
  const file = path.join(sharedData('portraits/'), 'lp_s1.jpg');
  const avatar = buildAvatar(await analyzePortrait(file));
  const smile = avatar.rig.photoWeights[CONTROL_INDEX.mouthSmileLeft]!;
  assert.ok(smile > 0.3, `lp_s1 fits a smile: ${smile.toFixed(2)}`);
  const r = createRenderer(avatar, { width: 256, height: 256 });
  const n = r.neutralFrame();
  const width = (w: Record<string, number>) => {
    const lm = r.landmarks({ ...n, w });
    return Math.hypot(lm[291]![0] - lm[61]![0], lm[291]![1] - lm[61]![1]) / Math.hypot(lm[263]![0] - lm[33]![0], lm[263]![1] - lm[33]![1]);
  };
  const rest = width(n.w);
  // a silent audio frame: no lip weight at all
  const absolute = width({ jawOpen: 0 }), onPhoto = width({ jawOpen: 0, [MOUTH_ON_PHOTO]: 1 });
  assert.ok(Math.abs(onPhoto - rest) < 0.005, `marked: the photo's mouth (${onPhoto.toFixed(3)} vs rest ${rest.toFixed(3)})`);
  assert.ok(absolute < rest - 0.02, `unmarked, the smile was taken away: ${absolute.toFixed(3)} vs ${rest.toFixed(3)}`);
  // and the audio path marks its frames
  const { motionFromAudio } = await import('../src/motion/fromAudio.ts');
  const m = await motionFromAudio(sharedData('audio/eng.wav'), { blink: 'none' });
  assert.ok(m.frames.every((f) => f.w[MOUTH_ON_PHOTO] === 1));
});

test('the audio mouth spreads as well as rounds: over eng.wav\'s speech the width\'s upper tail is what real speakers show', async () => {
  const { lipAudio, speechActivity } = await import('../src/motion/lipFeatures.ts');
  const { loadLipModel } = await import('../src/motion/lipModel.ts');
  const { audioMouthCurves } = await import('../src/motion/audioMouth.ts');
  const audio = await lipAudio(sharedData('audio/eng.wav'));
  const model = loadLipModel();
  const n = Math.round((audio.samples / 16000) * 25);
  const speech = speechActivity(audio, 25, n);
  const c = audioMouthCurves(model, audio, 25, n);
  const at = (k: string, i: number) => c[model.targets.indexOf(k)]![i]!;
  // the rig's width change (rig/basis, mean face: stretch 0.338, pucker 0.45, funnel 0.34 at 1)
  const w = [...Array(n).keys()].filter((i) => speech[i]! >= 0.5).map((i) => RIG_STRETCH_WIDENING * at('mouthStretchLeft', i) - 0.45 * at('mouthPucker', i) - 0.34 * at('mouthFunnel', i)).sort((a, b) => a - b);
  const q = (p: number) => w[Math.floor(p * (w.length - 1))]!;
  // p90 - p50: 16 training read-backs' real mouths 0.086 of the median, the model's own 0.074 there; eng.wav 0.061 before the spread gain
  assert.ok(q(0.9) - q(0.5) > 0.066, `upper tail ${(q(0.9) - q(0.5)).toFixed(4)}`);
  // both corners alike and inside the rig's range
  for (let i = 0; i < n; i++) assert.ok(at('mouthStretchLeft', i) === at('mouthStretchRight', i) && at('mouthStretchLeft', i) <= 1);
});
