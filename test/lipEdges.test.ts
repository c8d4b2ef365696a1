// The silence gate's edge frames (lipGate.ts edgesTowardPause, lipnet22; a timing switch, off in the product: it shuts
// as many edge frames where real lips are apart as where they are shut, docs/lipsync/README.md lipnet22). The gate
// caps the frames just before and after a sound at its own ramp, so the network's output in silence comes through as
// lips apart on teeth: Obama clip1 f0 (-43 dBFS, real gap .019 IOD) opens to jawOpen .16 and f1 is shut by the
// closure of the "t" burst (open-shut-open); eng.wav 20.32 s opens wider after the last word than on it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { edgesTowardPause } from '../src/motion/lipGate.ts';
import { audioMouthCurves } from '../src/motion/audioMouth.ts';
import { lipAudio } from '../src/motion/lipFeatures.ts';
import { loadLipModel } from '../src/motion/lipModel.ts';
import { ffmpegPath } from '../src/io/ffmpeg.ts';
import { sharedData } from '../bench/sharedData.ts';

const media = (p: string) => sharedData(p);
const IOD_PER_JAW = 0.6;
/** the product's jaw curve over the whole file (the file gain reads all of its speech) */
async function jawOf(file: string): Promise<Float64Array> {
  const model = loadLipModel(), audio = await lipAudio(file);
  return audioMouthCurves(model, audio, 25, Math.round((audio.samples / 16000) * 25), { edgesTowardPause: 3, pauseRest: false, leadIn: 0 })[model.targets.indexOf('jawOpen')]!;
}

test('edge frames only move toward the pause: held to the frame nearer the sound, never raised, speech and far frames kept', () => {
  const speech = [0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0];
  const c = [0.5, 0.3, 0.2, 0.2, 0.3, 0.1, 0.4, 0.2, 0.3, 0.1, 0.2, 0.0, 0.5];
  const out = [...edgesTowardPause(c, speech, 3)];
  assert.deepEqual(out.slice(5, 8), [0.1, 0.4, 0.2], 'speech frames unchanged');
  assert.deepEqual(out.slice(2, 5), [0.1, 0.1, 0.1], 'lead frames held to the shut onset frame');
  assert.deepEqual(out.slice(8, 11), [0.2, 0.1, 0.1], 'trail frames no wider than the last sound');
  assert.deepEqual([out[0], out[1], out[11], out[12]], [0.5, 0.3, 0.0, 0.5], 'frames beyond the reach are the gate\'s');
  assert.ok(out.every((v, i) => v <= c[i]!), 'never raises a frame');
  assert.deepEqual([...edgesTowardPause(c, speech, 3, 1)].slice(8, 11), [0.3, 0.1, 0.2], 'lead side only: the trail kept');
});

test('with the switch on, Obama clip1 f0 (silent, real lips shut) does not open before the shut f1', async () => {
  const jaw = await jawOf(media('train/clips/styletalk_Obama_clip1.mp4'));
  assert.ok(jaw[0]! <= jaw[1]! + 1e-12, `f0 ${jaw[0]} over the closure at f1 ${jaw[1]}`);
  assert.ok(jaw[0]! * IOD_PER_JAW < 0.03, `f0 shut: gap ${jaw[0]! * IOD_PER_JAW} IOD`);
  assert.ok(Math.max(...jaw.slice(2, 12)) * IOD_PER_JAW > 0.05, 'the first word still opens');
});

test('with the switch on, eng.wav 20-30 s: the frame after the phrase is no wider than its last sound; a GRID onset before an open vowel stays open', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'lipedges-'));
  try {
    const cut = path.join(dir, 'eng20.wav');
    execFileSync(ffmpegPath(), ['-v', 'error', '-y', '-ss', '20', '-t', '10', '-i', media('audio/eng.wav'), cut]);
    const jaw = await jawOf(cut);
    assert.ok(jaw[8]! <= jaw[7]! + 1e-12, `f8 (silent, 20.32 s) ${jaw[8]} over f7 ${jaw[7]}`);
    // "lay green ...": real lips apart .116-.127 IOD in the two frames before the sound
    const grid = await jawOf(media('train/grid_s1/lgas2n.mp4'));
    assert.ok(grid[13]! * IOD_PER_JAW > 0.06 && grid[14]! * IOD_PER_JAW > 0.06, `onset lead kept open: ${grid[13]}, ${grid[14]}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
