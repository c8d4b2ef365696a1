// The "murmuring" check of the audio mouth (#12), printed, never asserted: how far the jaw opens
// at the loudest 20 % of speech frames (10th, 50th and 90th percentiles of jawOpen), for the product's
// sounds, and for the clips with a real video (Katie, mt_sun) against the real speaker's jaw (the
// teacher: our tracker on the real frames) at the same frames. Also the syllable swing (std of the
// jaw minus its 0.2 s moving average over speech frames) and the mean jaw where there is no speech.
//
// Also the share of those loud frames nearly shut (lip gap jawOpen x 0.6 under 0.03 eye-corner distances).
//
//   node --import tsx bench/lipLoud.ts [--model src/motion/models/lips.json] [--share S (rounded-vowel opening, lipRounding.ts)]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ACTIVITY_GATE, contextVector, lipAudio, LIP_FRAME_DIM } from '../src/motion/lipFeatures.ts';
import { calibrateLips, loadLipModel, postprocessLips, rawLipCurves } from '../src/motion/lipModel.ts';
import { DATA, DEFAULT_CACHE, HELDOUT_CLIPS, readCachedFaces, TEACHER_FPS } from '../src/motion/train/teacher.ts';
import { JAW_SCALE, loadClipData, LIP_TARGETS } from '../src/motion/train/lipData.ts';
import { gaussianSmooth } from '../src/motion/filters.ts';
import { openRoundedVowels, ROUNDED_OPEN_SHARE } from '../src/motion/lipRounding.ts';

const FPS = TEACHER_FPS;
const LOUD_SHARE = 0.2;
const arg = (n: string) => {
  const i = process.argv.indexOf(n);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const modelFile = arg('--model');
const model = loadLipModel(modelFile ? pathToFileURL(path.resolve(modelFile)) : undefined);
const roundedShare = Number(arg('--share') ?? ROUNDED_OPEN_SHARE);
/** a lip gap under this (eye-corner distances) reads as nearly shut */
const NEAR_SHUT = 0.03;

/** jawOpen as the product makes it (default mouthAmp), the pooled relative energy and speech activity per frame */
async function productJaw(file: string): Promise<{ jaw: Float64Array; energy: Float64Array; speech: Float64Array }> {
  const audio = await lipAudio(file);
  const n = Math.round((audio.samples / 16000) * FPS);
  const energy = new Float64Array(n);
  const speech = new Float64Array(n);
  const here = new Float32Array(LIP_FRAME_DIM);
  for (let i = 0; i < n; i++) {
    contextVector(audio, i / FPS, [0], here);
    energy[i] = here[0]!;
    speech[i] = audio.silent ? 0 : Math.max(0, Math.min(1, (here[0]! + ACTIVITY_GATE) / 1.5));
  }
  const curves = calibrateLips(model, rawLipCurves(model, audio, FPS, n), FPS);
  openRoundedVowels(curves, model.targets, energy, roundedShare);
  const mouth = postprocessLips(curves, speech, FPS, 0.45);
  return { jaw: mouth[model.targets.indexOf('jawOpen')]!, energy, speech };
}

function quantile(v: number[], q: number): number {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.round(q * (s.length - 1)))]! : NaN;
}

/** the loudest LOUD_SHARE of the frames where `use` holds */
function loudFrames(energy: ArrayLike<number>, use: (i: number) => boolean): number[] {
  const idx = Array.from({ length: energy.length }, (_, i) => i).filter(use);
  const cut = quantile(idx.map((i) => energy[i]!), 1 - LOUD_SHARE);
  return idx.filter((i) => energy[i]! >= cut);
}

function swing(jaw: ArrayLike<number>, frames: number[]): number {
  const avg = gaussianSmooth(Float64Array.from(jaw), 5);
  const d = frames.map((i) => jaw[i]! - avg[i]!);
  const m = d.reduce((a, b) => a + b, 0) / Math.max(1, d.length);
  return Math.sqrt(d.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, d.length));
}

const fmt = (v: number[]) => `p10 ${quantile(v, 0.1).toFixed(3)} median ${quantile(v, 0.5).toFixed(3)} p90 ${quantile(v, 0.9).toFixed(3)} shut ${(100 * v.filter((j) => j * JAW_SCALE < NEAR_SHUT).length / Math.max(1, v.length)).toFixed(1)} %`;

async function main(): Promise<void> {
  console.log(`loudest ${LOUD_SHARE * 100} % of speech frames, jawOpen (model ${modelFile ?? 'lips.json'}, rounded-vowel share ${roundedShare}):`);
  for (const name of ['eng.wav', 'japanese.wav', 'imagine.wav', 'mt_sun.wav', 'RD_Radio31_000.wav']) {
    const { jaw, energy, speech } = await productJaw(path.join(DATA, 'audio', name));
    const loud = loudFrames(energy, (i) => speech[i]! >= 0.5);
    const speechFrames = [...speech.keys()].filter((i) => speech[i]! >= 0.5);
    const quiet = [...speech.keys()].filter((i) => speech[i]! < 0.1);
    const quietMean = quiet.reduce((a, i) => a + jaw[i]!, 0) / Math.max(1, quiet.length);
    console.log(`  ${name.padEnd(20)} ours ${fmt(loud.map((i) => jaw[i]!))}; syllable swing ${swing(jaw, speechFrames).toFixed(3)}; no-speech mean ${quietMean.toFixed(3)}`);
  }
  const T = LIP_TARGETS.length;
  for (const clip of HELDOUT_CLIPS) {
    const faces = readCachedFaces(DEFAULT_CACHE, clip);
    if (!faces) continue;
    const c = await loadClipData(clip, faces, [0]);
    const { jaw, energy } = await productJaw(clip.audio);
    const use = (i: number) => i < jaw.length && c.valid[i]! > 0 && c.speech[i]! >= 0.5;
    const loud = loudFrames(energy, use);
    const speechFrames = [...c.speech.keys()].filter(use);
    const real = Float64Array.from({ length: c.n }, (_, i) => c.Y[i * T]!);
    console.log(`  ${clip.name.padEnd(20)} ours ${fmt(loud.map((i) => jaw[i]!))} | real ${fmt(loud.map((i) => real[i]!))}; syllable swing ours ${swing(jaw, speechFrames).toFixed(3)} real ${swing(real, speechFrames).toFixed(3)}`);
  }
}

await main();
