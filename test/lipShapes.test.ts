// The audio mouth's shape channels (src/motion/lipShapes.ts) and the audio path marking its lip
// shapes as changes on the photo's own mouth (rig/mouthBase.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shapeAudioMouth } from '../src/motion/lipShapes.ts';

test('the audio stretch has no side: both corners take the mean of the two curves, the others untouched', () => {
  const targets = ['jawOpen', 'mouthStretchLeft', 'mouthStretchRight', 'mouthLowerDown'];
  const curves = [Float64Array.of(0.34, 0.1), Float64Array.of(0.28, 0), Float64Array.of(0.49, 0.2), Float64Array.of(0.67, 0.05)];
  shapeAudioMouth(curves, targets);
  assert.ok(Math.abs(curves[1]![0]! - 0.385) < 1e-12 && curves[1]![0] === curves[2]![0], `stretch ${curves[1]![0]} / ${curves[2]![0]}`);
  assert.ok(Math.abs(curves[1]![1]! - 0.1) < 1e-12 && curves[2]![1] === curves[1]![1]);
  assert.deepEqual(Array.from(curves[0]!), [0.34, 0.1]);
  assert.deepEqual(Array.from(curves[3]!), [0.67, 0.05]);
  // a model without the stretch curves: nothing to do
  const jawOnly = [Float64Array.of(0.2)];
  shapeAudioMouth(jawOnly, ['jawOpen']);
  assert.deepEqual(Array.from(jawOnly[0]!), [0.2]);
});

test('a smiling photo driven by audio keeps its smile: the audio frames\' lip shapes go on the photo\'s own mouth', async () => {
  const path = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const { analyzePortrait } = await import('../src/analyze/index.ts');
  const { buildAvatar } = await import('../src/avatar/build.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const { MOUTH_ON_PHOTO } = await import('../src/rig/mouthBase.ts');
  const { CONTROL_INDEX } = await import('../src/rig/controls.ts');
  const file = path.join(fileURLToPath(new URL('../../shared/data/portraits/', import.meta.url)), 'lp_s1.jpg');
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
  const m = await motionFromAudio(fileURLToPath(new URL('../../shared/data/audio/eng.wav', import.meta.url)), { blink: 'none' });
  assert.ok(m.frames.every((f) => f.w[MOUTH_ON_PHOTO] === 1));
});
