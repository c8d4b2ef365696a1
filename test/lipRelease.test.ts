// Closure releases rise over a few frames (src/motion/lipRelease.ts, release36): the frames after a closure
// are held to a rise per frame, the closure frames stay shut, and on real speech the audio jaw no longer
// jumps from a closure to past half its p95 in one frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { easeReleases, releaseStarts, RELEASE_RISE, speechQuantile } from '../src/motion/lipRelease.ts';
import { lipAudio, speechActivity } from '../src/motion/lipFeatures.ts';
import { loadLipModel } from '../src/motion/lipModel.ts';
import { audioMouthCurves } from '../src/motion/audioMouth.ts';
import { closureWeights } from '../src/motion/lipClosures.ts';
import { sharedData } from '../bench/sharedData.ts';

test('a release after a closure rises by at most maxRise a frame, the closure and later frames untouched', () => {
  const jaw = Float64Array.from([0.3, 0, 0, 0.3, 0.3, 0.3, 0.3]);
  const lower = Float64Array.from([0.2, 0, 0, 0.2, 0.2, 0.2, 0.2]);
  const w = [0, 1, 0.9, 0, 0, 0, 0];
  assert.deepEqual(releaseStarts(w), [3]);
  easeReleases(jaw, [lower], w, 0.12);
  assert.deepEqual([...jaw].map((v) => +v.toFixed(3)), [0.3, 0, 0, 0.12, 0.24, 0.3, 0.3]);
  // the lower lip keeps its share of the jaw
  assert.equal(+lower[3]!.toFixed(3), 0.08);
  assert.equal(lower[5], 0.2);
  // off: nothing moves
  const j2 = Float64Array.from([0, 0.4]);
  easeReleases(j2, [], [1, 0], 0);
  assert.equal(j2[1], 0.4);
});

test('a new closure inside the release window stops the limit there', () => {
  const jaw = Float64Array.from([0, 0.3, 0, 0.3]);
  easeReleases(jaw, [], [1, 0, 1, 0], 0.1);
  assert.deepEqual([...jaw].map((v) => +v.toFixed(3)), [0, 0.1, 0, 0.1]);
});

test('on real speech the jaw opens out of a closure over frames, closures still shut', async () => {
  const audio = await lipAudio(sharedData('audio/RD_Radio31_000.wav'));
  const fps = 25, n = 200;
  const model = loadLipModel();
  const at = model.targets.indexOf('jawOpen');
  const before = audioMouthCurves(model, audio, fps, n, { releaseRise: 0 })[at]!;
  const after = audioMouthCurves(model, audio, fps, n)[at]!;
  const w = closureWeights(audio, fps, n);
  const p95 = speechQuantile(after, speechActivity(audio, fps, n), 0.95);
  const starts = releaseStarts(w);
  assert.ok(starts.length >= 5, `releases ${starts.length}`);
  // before, some release jumped past the limit in one frame (this clip: f76, f18)
  assert.ok(starts.some((i) => before[i]! - before[i - 1]! > RELEASE_RISE * p95 + 0.02));
  for (const i of starts) assert.ok(after[i]! - after[i - 1]! <= RELEASE_RISE * p95 + 1e-9, `f${i}: ${after[i - 1]} -> ${after[i]}`);
  for (let i = 0; i < n; i++) {
    if (w[i]! >= 0.5) assert.equal(after[i], before[i], `closure frame ${i}`);
    assert.ok(after[i]! <= before[i]! + 1e-12);
  }
});
