// When do audio-driven blinks happen? Per clip of ../shared/data/audio (and any --audio files): the
// blink onsets (s), blinks per minute, the intervals' median and spread, how many fall within 0.4 s
// after a phrase end, how many start in the middle of speech (loud 0.1 s before and after: mid-word),
// and the first blink's time in each clip (same seed). Runs the motion code of
// --root (default this checkout), so an older checkout gives the before figures. Never asserts.
//   node --import tsx bench/blinkTimes.ts [--root /work/main] [--blink natural] [--seed 0]
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const root = path.resolve(arg('--root') ?? path.join(import.meta.dirname, '..'));
const blink = arg('--blink') as 'natural' | 'periodic' | undefined;
const seed = arg('--seed') !== undefined ? Number(arg('--seed')) : undefined;
const DATA = sharedData('audio');
const { motionFromAudio } = await import(pathToFileURL(path.join(root, 'src/motion/fromAudio.ts')).href);
// the speech energy as the blink generator reads it (this checkout's features; the same in older ones)
import { contextVector, lipAudio, LIP_FRAME_DIM } from '../src/motion/lipFeatures.ts';
import { phraseEnds } from '../src/motion/generators.ts';
import { sharedData } from './sharedData.ts';
async function energyOf(file: string, fps: number, n: number): Promise<Float64Array> {
  const audio = await lipAudio(file);
  const here = new Float32Array(LIP_FRAME_DIM);
  return Float64Array.from({ length: n }, (_, i) => { contextVector(audio, i / fps, [0], here); return here[0]!; });
}
const LOUD = -4.6;

const files = readdirSync(DATA).filter((f) => /\.(wav|mp3|m4a)$/i.test(f)).sort().map((f) => path.join(DATA, f));
const onsetsOf: number[][] = [];
const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };
const totals = { blinks: 0, afterEnd: 0, midWord: 0, ends: 0 };
console.log(`root ${root}, blink ${blink ?? 'default'}, seed ${seed ?? 'default'}`);
for (const file of files) {
  const m = await motionFromAudio(file, { ...(blink ? { blink } : {}), ...(seed !== undefined ? { seed } : {}) });
  const fps = m.fps;
  const b = m.frames.map((f: { blink: number }) => f.blink);
  // onsets of full blinks (not the lid following a downward look, which stays below 0.5)
  const onsets: number[] = [];
  for (let i = 1; i < b.length; i++) if (b[i]! > 0.6 && !(b[i - 1]! > 0.6)) onsets.push(i);
  // the blink starts closing ~2 frames before it passes 0.6
  const starts = onsets.map((i) => Math.max(0, i - 2));
  onsetsOf.push(starts.map((i) => i / fps));
  const energy = await energyOf(file, fps, b.length);
  const ends = phraseEnds(energy, fps);
  const afterEnd = starts.filter((i) => ends.some((e: number) => i >= e && i <= e + 0.4 * fps)).length;
  const d = Math.round(0.1 * fps);
  const midWord = starts.filter((i) => energy[i]! > LOUD && energy[Math.max(0, i - d)]! > LOUD && energy[Math.min(b.length - 1, i + d)]! > LOUD).length;
  const ivals = starts.slice(1).map((o, k) => (o - starts[k]!) / fps);
  const minutes = b.length / fps / 60;
  totals.blinks += starts.length; totals.afterEnd += afterEnd; totals.midWord += midWord; totals.ends += ends.length;
  console.log(`${path.basename(file).padEnd(20)} ${(b.length / fps).toFixed(1)} s  blinks ${starts.length} (${(starts.length / minutes).toFixed(0)}/min)  after a phrase end ${afterEnd} (of ${ends.length} ends)  mid-word ${midWord}  interval median ${median(ivals).toFixed(2)} s (${ivals.length ? Math.min(...ivals).toFixed(2) : '-'}-${ivals.length ? Math.max(...ivals).toFixed(2) : '-'})`);
  console.log(`${''.padEnd(20)} starts ${starts.map((i) => (i / fps).toFixed(2)).join(' ')}`);
}
// the first blink of each clip (before: 2.52 s in every clip with the default seed)
const firsts = onsetsOf.map((a) => a[0] ?? NaN);
const mean = firsts.reduce((x, y) => x + y, 0) / firsts.length;
console.log(`first blink per clip: ${firsts.map((t) => t.toFixed(2)).join(' ')} s (sd ${Math.sqrt(firsts.reduce((x, t) => x + (t - mean) ** 2, 0) / firsts.length).toFixed(2)} s)`);
