// The audio mouth's width at the pace of syllables (width19, lipWidthDetail.ts): the width channels are
// smoothed lightly (sigma 0.75 frames) where the model's 1.5 kept a sixth of a 5 Hz swing; the jaw and the
// other channels as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { smoothAudioLips, WIDTH_CHANNELS } from '../src/motion/lipWidthDetail.ts';
import { audioMouthCurves } from '../src/motion/audioMouth.ts';
import { lipAudio, speechActivity } from '../src/motion/lipFeatures.ts';
import { loadLipModel, smoothLipCurves } from '../src/motion/lipModel.ts';
import { sharedData } from '../bench/sharedData.ts';

const amplitude = (c: ArrayLike<number>) => Math.max(...Array.from(c).slice(20, 80)) - Math.min(...Array.from(c).slice(20, 80));

test('a 5 Hz swing keeps over half its size on the width channels; every other channel is smoothed as by smoothLipCurves', () => {
  const model = loadLipModel();
  const swing = () => model.targets.map(() => Float64Array.from({ length: 100 }, (_, i) => Math.sin((2 * Math.PI * 5 * i) / 25)));
  const light = smoothAudioLips(model, swing(), 25), old = smoothLipCurves(model, swing(), 25);
  model.targets.forEach((k, t) => {
    if ((WIDTH_CHANNELS as readonly string[]).includes(k)) {
      assert.ok(amplitude(light[t]!) > 0.5 * amplitude(swing()[t]!), `${k}: ${amplitude(light[t]!).toFixed(2)} of 2`);
      assert.ok(amplitude(old[t]!) < 0.25 * amplitude(swing()[t]!), `${k}: the model's own smoothing flattens it`);
    } else assert.deepEqual(light[t], old[t], k);
  });
});

/** The rig's width change (stretch widens 0.338, pucker narrows 0.45, funnel 0.34 at 1) of frame i. */
const rigWidth = (curves: Float64Array[], targets: readonly string[], i: number) => {
  const at = (k: string) => curves[targets.indexOf(k)]![i]!;
  return (0.338 * (at('mouthStretchLeft') + at('mouthStretchRight'))) / 2 - 0.45 * at('mouthPucker') - 0.34 * at('mouthFunnel');
};
/** sd over speech frames of the width less its +-6-frame running mean: the syllables' swing */
function fastSd(w: number[], speech: ArrayLike<number>): number {
  const fast = w.map((v, i) => {
    const near = w.slice(Math.max(0, i - 6), i + 7);
    return v - near.reduce((a, b) => a + b, 0) / near.length;
  }).filter((_, i) => speech[i]! >= 0.5);
  const m = fast.reduce((a, b) => a + b, 0) / fast.length;
  return Math.sqrt(fast.reduce((a, b) => a + (b - m) ** 2, 0) / fast.length);
}

test('eng.wav, RD_Radio31: the width swings over 1.15 times as much from syllable to syllable as with the model smoothing, the mean width the same', async () => {
  const model = loadLipModel();
  for (const name of ['eng.wav', 'RD_Radio31_000.wav']) {
    const audio = await lipAudio(sharedData(`audio/${name}`));
    const n = Math.min(200, Math.round((audio.samples / 16000) * 25));
    const sp = speechActivity(audio, 25, n);
    const width = (sigma?: number) => {
      const c = audioMouthCurves(model, audio, 25, n, sigma === undefined ? {} : { widthSigma: sigma });
      return Array.from({ length: n }, (_, i) => rigWidth(c, model.targets, i));
    };
    const now = width(), old = width(1.5);
    const ratio = fastSd(now, sp) / fastSd(old, sp);
    assert.ok(ratio > 1.15, `${name}: fast swing ${ratio.toFixed(2)} x the old`);
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    assert.ok(Math.abs(mean(now) - mean(old)) < 0.01, `${name}: mean width ${mean(now).toFixed(3)} vs ${mean(old).toFixed(3)}`);
  }
});
