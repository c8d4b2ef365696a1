// The audio mouth's opening matched per file (audio17, lipFileScale.ts): a file whose calibrated jaw
// opens less than the training pool's is raised to it, closures and silence stay shut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { FILE_GAIN_RANGE, FILE_MATCH_MIN_SPEECH, fileOpeningGain } from '../src/motion/lipFileScale.ts';
import { audioMouthCurves } from '../src/motion/audioMouth.ts';
import { lipAudio, speechActivity } from '../src/motion/lipFeatures.ts';
import { loadLipModel } from '../src/motion/lipModel.ts';
import { silentStretchMask, bridgeShortPauses, LIP_BRIDGED_PAUSE, LIP_SILENT_STRETCH } from '../src/motion/lipGate.ts';
import { sharedData } from '../bench/sharedData.ts';

const p90 = (v: number[]) => [...v].sort((a, b) => a - b)[Math.round(0.9 * (v.length - 1))]!;

test('file gain: the pool p90 over the file p90 in speech; a file scaled down gets the scale back; few speech frames shrink it toward 1; bounded', () => {
  const n = 200;
  const jaw = Float64Array.from({ length: n }, (_, i) => 0.1 + 0.1 * Math.sin(i / 3));
  const speech = Float64Array.from({ length: n }, () => 1);
  const g = fileOpeningGain(jaw, speech, 0.25);
  assert.ok(Math.abs(g - 0.25 / p90([...jaw])) < 1e-9, `gain ${g}`);
  const g2 = fileOpeningGain(jaw.map((v) => v * 0.9), speech, 0.25);
  assert.ok(g2 < FILE_GAIN_RANGE[1] && Math.abs(g2 * 0.9 - g) < 1e-9, 'a file 0.9 as open gets 1/0.9 the gain');
  // only speech frames count: loud values in silence change nothing
  const noisy = Float64Array.from(jaw, (v, i) => (i < 20 ? 0.9 : v)), sp2 = Float64Array.from(speech, (v, i) => (i < 20 ? 0 : v));
  assert.ok(Math.abs(fileOpeningGain(noisy, sp2, 0.25) - fileOpeningGain(jaw.slice(20), speech.slice(20), 0.25)) < 1e-9);
  // half the speech frames it needs: half way to the full gain
  const short = Math.floor(FILE_MATCH_MIN_SPEECH / 2);
  const gs = fileOpeningGain(jaw.slice(0, short), speech.slice(0, short), 0.25), full = Math.min(FILE_GAIN_RANGE[1], 0.25 / p90([...jaw.slice(0, short)]));
  assert.ok(Math.abs(gs - (1 + (short / FILE_MATCH_MIN_SPEECH) * (full - 1))) < 1e-9);
  assert.equal(fileOpeningGain(jaw.map((v) => v * 0.1), speech, 0.25), FILE_GAIN_RANGE[1]);
  assert.equal(fileOpeningGain(jaw, Float64Array.from(speech, () => 0), 0.25), 1, 'no speech, no gain');
});

test('the bundled speech and japanese.wav open as far as the training videos at their widest tenth (old chain: jawOpen p90 0.170 and 0.215); silence stays shut, and what the old chain shut (silence, complete closures) stays shut', async () => {
  const model = loadLipModel();
  const files: [string, number][] = [[fileURLToPath(new URL('../samples/speech.mp3', import.meta.url)), 0.22], [sharedData('audio/japanese.wav'), 0.24]];
  for (const [file, least] of files) {
    const audio = await lipAudio(file);
    const n = Math.round((audio.samples / 16000) * 25);
    const sp = speechActivity(audio, 25, n);
    // the pause rest off in both (lipRest.ts: it shuts an edge frame under the rest, so the pooled chain's lower edge
    // frames shut where the gained ones keep a sliver; this checks the file gain alone)
    const jaw = audioMouthCurves(model, audio, 25, n, { pauseRest: false })[model.targets.indexOf('jawOpen')]!;
    const pooled = audioMouthCurves(model, audio, 25, n, { fileMatch: 0, pauseRest: false })[model.targets.indexOf('jawOpen')]!;
    const speech = [...Array(n).keys()].filter((i) => sp[i]! >= 0.5);
    assert.ok(p90(speech.map((i) => jaw[i]!)) >= least, `${file}: jaw p90 in speech ${p90(speech.map((i) => jaw[i]!)).toFixed(3)} < ${least}`);
    const silent = silentStretchMask(bridgeShortPauses(sp, Math.round(LIP_BRIDGED_PAUSE * 25)), Math.round(LIP_SILENT_STRETCH * 25));
    let silentFrames = 0, shutBefore = 0;
    for (let i = 0; i < n; i++) {
      if (silent[i]) {
        silentFrames++;
        assert.equal(jaw[i], 0, `${file}: frame ${i} in silence opens`);
      }
      if (pooled[i] === 0) assert.equal(jaw[i], 0, `${file}: frame ${i} was shut and opens`);
      shutBefore += pooled[i] === 0 ? 1 : 0;
    }
    assert.ok(silentFrames > 5 && shutBefore > silentFrames, `${file}: the check saw silence (${silentFrames}) and closures in speech (${shutBefore - silentFrames})`);
  }
});
