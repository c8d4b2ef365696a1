// The speaker's rest in the audio mouth's pauses (lipRest.ts, lipedge23): frames without speech rest at the photo's own
// gap (up to AUDIO_REST_GAP, the motion's REST_LIP_GAP entry, capped by the renderer at the photo's gap) and open past
// it by little, so the gate's edge frames no longer open on teeth where the real lips are shut (the critic's Obama
// clip1 f0: jawOpen .159, .095 IOD [real .019]), while a parted photo rests parted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AUDIO_REST_GAP, EDGE_GAP_CAP, capEdgesToRest, pauseRestGaps } from '../src/motion/lipRest.ts';
import { audioMouthCurves, audioRestGaps } from '../src/motion/audioMouth.ts';
import { lipAudio } from '../src/motion/lipFeatures.ts';
import { loadLipModel } from '../src/motion/lipModel.ts';
import { RENDER_GAP_PER_JAW } from '../src/render/mouth/opening.ts';
import { sharedData } from '../bench/sharedData.ts';

const media = (p: string) => sharedData(p);

test('pauses get the rest gap, less a closure; speech frames none', () => {
  const speech = [0, 0, 1, 1, 0.2, 0.6];
  const closure = [0, 1, 0, 0, 0.5, 0];
  assert.deepEqual([...pauseRestGaps(speech, closure)], [AUDIO_REST_GAP, 0, 0, 0, AUDIO_REST_GAP / 2, 0]);
});

test('edge frames: capped, the rest taken off, the other opening controls scaled alike; speech frames kept', () => {
  const cap = EDGE_GAP_CAP / RENDER_GAP_PER_JAW, rest = AUDIO_REST_GAP / RENDER_GAP_PER_JAW;
  const jaw = Float64Array.from([0.3, 0.05, 0.3, 0.0]), lower = Float64Array.from([0.2, 0.2, 0.2, 0.1]);
  capEdgesToRest(jaw, [lower], [0, 0, 1, 0]);
  assert.ok(Math.abs(jaw[0]! - (cap - rest)) < 1e-12, `a wide edge frame opens past the rest by the cap only: ${jaw[0]}`);
  assert.ok(Math.abs(lower[0]! - (0.2 * (cap - rest)) / 0.3) < 1e-12, 'lower lip scaled with the jaw');
  assert.equal(jaw[1], 0, 'a frame under the rest is left to the rest');
  assert.equal(lower[1], 0);
  assert.deepEqual([jaw[2], lower[2]], [0.3, 0.2], 'speech frame unchanged');
  assert.deepEqual([jaw[3], lower[3]], [0, 0.1], 'a shut frame untouched');
});

test('Obama clip1 f0 (silent, real lips shut .019 IOD, a shut photo): no longer open on teeth; the first word still opens; his pauses rest at the slit', async () => {
  const model = loadLipModel(), audio = await lipAudio(media('train/clips/styletalk_Obama_clip1.mp4'));
  const n = Math.round((audio.samples / 16000) * 25);
  const jaw = audioMouthCurves(model, audio, 25, n)[model.targets.indexOf('jawOpen')]!;
  const rest = audioRestGaps(audio, 25, n);
  const photoGap = 0.019; // his frame 0, the photo of `eval --mode audio`
  const gap = (i: number) => jaw[i]! * RENDER_GAP_PER_JAW + Math.min(rest[i]!, photoGap);
  assert.ok(gap(0) < 0.03, `f0 gap ${gap(0).toFixed(3)} IOD (was .10 with teeth)`);
  assert.ok(Math.max(...jaw.slice(2, 12)) * RENDER_GAP_PER_JAW > 0.05, 'the first word still opens');
  // the pause f80-85 (real .08-.10): the rest entry is there for a parted photo to use
  for (let i = 80; i <= 85; i++) assert.equal(rest[i], AUDIO_REST_GAP, `f${i} rest`);
  for (let i = 0; i < n; i++) assert.ok(rest[i] === 0 || jaw[i]! * RENDER_GAP_PER_JAW + rest[i]! <= EDGE_GAP_CAP + 1e-9, `f${i}: a pause frame over the cap on a parted photo`);
});
