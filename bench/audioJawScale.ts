// Is the audio jaw's opening the right size, at phrase onsets and mid-phrase? (s44 audiojaw44, critic43's "mt_man's
// onset slab": mt_man + mt_sun.wav f5/f10 part .121/.139 IOD where mt_sun's own frames part .069.) No rendering: the
// audio motion's jawOpen x 0.6 (the renderer's lip gap per unit, IOD) against the real speaker's tracked lip gap of the
// same sound (25 fps driver tracks, bench/driverTracks.ts; every speaker here is one the shipped lip model never heard).
// Per clip, over speech frames (lipFeatures.ts speechActivity >= .5) with a real reading:
//   - size: ours / real as the ratio of medians, on onset frames (the first ONSET_FRAMES speech frames of a phrase out
//     of a pause, lipOnset.ts phraseOnsets) and on mid-phrase frames (the rest), and the median per-frame ratio on
//     open frames (real gap >= OPEN_GAP);
//   - r at lag 0 over all frames with a real reading.
//   node --import tsx bench/audioJawScale.ts [--videos WDA_KatieHill_000.mp4,lp_d6.mp4,...] [--grid-tracks 16]
//     [--cut mt_sun.mp4=/path/cut.wav] [--variants base,...] [--frames mt_sun_0-6:5,10]
// Real tracks are made (and cached) as needed: ~1 s a frame on the shared machine.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { lipAudio, speechActivity, type LipAudio } from '../src/motion/lipFeatures.ts';
import { loadLipModel } from '../src/motion/lipModel.ts';
import { pearson } from '../src/motion/filters.ts';
import { audioMouthCurves, type AudioMouthTiming } from '../src/motion/audioMouth.ts';
import { phraseOnsets } from '../src/motion/lipOnset.ts';
import { gridSubsample } from '../src/motion/train/teacher.ts';
import { cachedTrack, trackFile } from './driverTracks.ts';
import { SHARED_DATA, sharedData } from './sharedData.ts';

const FPS = 25;
/** IOD of lip gap per unit jawOpen (the renderer's, lipTiming.ts) */
const GAP_PER_JAW = 0.6;
/** speech frames from a phrase onset counted as its onset */
export const ONSET_FRAMES = 5;
/** a real gap at least this (IOD) is an open frame */
const OPEN_GAP = 0.03;

const argv = process.argv.slice(2);
const arg = (n: string, d: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1]! : d);

const VARIANTS: Record<string, Partial<AudioMouthTiming>> = {
  base: {},
  noonset: { onsetRise: 0 },
  norelease: { releaseRise: 0 },
  pooled: { fileMatch: 0 },
  nolift: { lift: 1 },
};

interface Case { name: string; audio: LipAudio; real: (number | null)[]; n: number; cut?: boolean }

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};

/** Frames from each phrase onset to its ONSET_FRAMES-th speech frame (the phrase's opening). */
export function onsetFrames(speech: ArrayLike<number>): Set<number> {
  const out = new Set<number>();
  for (const i of phraseOnsets(speech)) for (let k = i; k < Math.min(speech.length, i + ONSET_FRAMES); k++) if (speech[k]! >= 0.5) out.add(k);
  return out;
}

export interface ScaleFigures { onsetOpen: number; midOpen: number; onsetOpenN: number; onsetPairs: number[]; midPairs: number[]; p90Ratio: number; onsetRatio: number; midRatio: number; openRatio: number; r: number; onsets: number; onsetN: number; midN: number; oursOnset: number; realOnset: number; oursMid: number; realMid: number }

/** The figures above for one clip: `ours` gap (IOD) and `real` gap per frame (null: no reading), `speech` activity. */
export function scaleFigures(ours: ArrayLike<number>, real: (number | null)[], speech: ArrayLike<number>): ScaleFigures {
  const on = onsetFrames(speech);
  const sp = [...Array(Math.min(ours.length, real.length)).keys()].filter((i) => speech[i]! >= 0.5 && real[i] != null);
  const o = sp.filter((i) => on.has(i)), m = sp.filter((i) => !on.has(i));
  const med = (idx: number[], v: (i: number) => number) => median(idx.map(v));
  const oursOnset = med(o, (i) => ours[i]!), realOnset = med(o, (i) => real[i]!), oursMid = med(m, (i) => ours[i]!), realMid = med(m, (i) => real[i]!);
  const open = sp.filter((i) => real[i]! >= OPEN_GAP).map((i) => ours[i]! / real[i]!);
  // per-frame ours/real where the real lips are apart: an onset whose real lips are still shut (a phrase on /b p m/) is a closure missed, not a size
  const onsetPairs = o.filter((i) => real[i]! >= OPEN_GAP).map((i) => ours[i]! / real[i]!), midPairs = m.filter((i) => real[i]! >= OPEN_GAP).map((i) => ours[i]! / real[i]!);
  const q90 = (v: number[]) => [...v].sort((a, b) => a - b)[Math.round(0.9 * (v.length - 1))] ?? NaN;
  const all = [...Array(Math.min(ours.length, real.length)).keys()].filter((i) => real[i] != null);
  return {
    onsetOpen: median(onsetPairs), midOpen: median(midPairs), onsetOpenN: onsetPairs.length, onsetPairs, midPairs,
    p90Ratio: q90(sp.map((i) => ours[i]!)) / q90(sp.map((i) => real[i]!)), onsetRatio: oursOnset / realOnset, midRatio: oursMid / realMid, openRatio: median(open),
    r: pearson(all.map((i) => ours[i]!), all.map((i) => real[i]!)), onsets: phraseOnsets(speech).length, onsetN: o.length, midN: m.length,
    oursOnset, realOnset, oursMid, realMid,
  };
}

async function realGaps(video: string): Promise<(number | null)[]> {
  return (await cachedTrack(video, FPS)).map((r) => (r && r.score >= 0.5 ? r.m.lipGap : null));
}

async function cases(): Promise<{ held: Case[]; grid: Case[] }> {
  const held: Case[] = [], grid: Case[] = [];
  for (const v of arg('--videos', 'WDA_KatieHill_000.mp4,lp_d6.mp4,lp_d10.mp4,lp_d11.mp4,lp_d14.mp4,mt_sun.mp4').split(',').filter(Boolean)) {
    // mt_sun.mp4 is silent: its sound is audio/mt_sun.wav
    const audio = await lipAudio(v === 'mt_sun.mp4' ? sharedData('audio/mt_sun.wav') : sharedData(`video/${v}`));
    const real = await realGaps(v);
    const n = Math.min(real.length, Math.round((audio.samples / 16000) * FPS));
    held.push({ name: v.replace(/\.mp4$/, '').replace(/^WDA_KatieHill_000$/, 'katie'), audio, real: real.slice(0, n), n });
  }
  // a cut of a clip's sound (the review's mt_sun_0-6.wav): its own per-file normalisation and gain, the clip's real frames from 0
  for (const spec of arg('--cut', '').split(',').filter(Boolean)) {
    const [v, wav] = spec.split('=') as [string, string];
    const audio = await lipAudio(wav);
    const real = await realGaps(v);
    const n = Math.min(real.length, Math.round((audio.samples / 16000) * FPS));
    held.push({ name: path.basename(wav, '.wav'), audio, real: real.slice(0, n), n, cut: true });
  }
  for (const f of gridSubsample(Number(arg('--grid-tracks', '0')))) {
    const v = path.join(SHARED_DATA, 'train/grid_s1', f);
    if (!existsSync(trackFile(v, FPS))) continue;
    const audio = await lipAudio(v);
    const real = await realGaps(v);
    const n = Math.min(real.length, Math.round((audio.samples / 16000) * FPS));
    grid.push({ name: `grid_${path.basename(f, '.mp4')}`, audio, real: real.slice(0, n), n });
  }
  return { held, grid };
}

const model = loadLipModel();
const jawAt = model.targets.indexOf('jawOpen');
const { held, grid } = await cases();
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '  - ');
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
const frameList = arg('--frames', '').split(';').filter(Boolean).map((s) => s.split(':') as [string, string]);
console.log(`ours = jawOpen x ${GAP_PER_JAW} IOD; onset = first ${ONSET_FRAMES} speech frames of a phrase; ratios ours/real of medians [ours | real]`);
for (const v of arg('--variants', 'base').split(',')) {
  const opts = VARIANTS[v];
  if (!opts) throw new Error(`unknown variant ${v}`);
  console.log(`${v} ${JSON.stringify(opts)}`);
  const row = (c: Case) => {
    const jaw = audioMouthCurves(model, c.audio, FPS, c.n, opts)[jawAt]!;
    const ours = Float64Array.from(jaw, (x) => x * GAP_PER_JAW);
    const f = scaleFigures(ours, c.real, speechActivity(c.audio, FPS, c.n));
    for (const [name, frames] of frameList) if (name === c.name) console.log(`  ${c.name} frames ${frames.split(',').map((k) => `f${k} ${f3(ours[Number(k)]!)} [${f3(c.real[Number(k)] ?? NaN)}]`).join(' ')}`);
    return f;
  };
  const log = (x: number) => Math.log(x);
  const geo = (fs: ScaleFigures[], k: 'onsetRatio' | 'midRatio' | 'openRatio' | 'p90Ratio') => {
    const l = fs.filter((f) => f.realMid >= OPEN_GAP).map((f) => f[k]).filter((x) => x > 0 && Number.isFinite(x)).map(log);
    return Math.exp(l.reduce((a, b) => a + b, 0) / Math.max(1, l.length));
  };
  const line = (c: Case, f: ScaleFigures) =>
    console.log(`  ${c.name.padEnd(12)} onsets ${String(f.onsets).padStart(2)} (${String(f.onsetN).padStart(3)} fr) onset ${f2(f.onsetRatio)} [${f3(f.oursOnset)} | ${f3(f.realOnset)}]  mid ${f2(f.midRatio)} [${f3(f.oursMid)} | ${f3(f.realMid)}] (${f.midN} fr)  open frames ${f2(f.openRatio)} (onset ${f2(f.onsetOpen)} n${f.onsetOpenN}, mid ${f2(f.midOpen)})  p90 ${f2(f.p90Ratio)}  r ${f3(f.r)}  onset/mid ${f2(f.onsetRatio / f.midRatio)}`);
  const hf: ScaleFigures[] = [];
  for (const c of held) {
    const f = row(c);
    hf.push(f);
    line(c, f);
  }
  // clips whose real lips stay shut mid-phrase (lp_d14's closed smile: median gap .007) say nothing about size: left out of the means
  const sum = (name: string, fs: ScaleFigures[]) => {
    const onMid = fs.filter((f) => f.realMid >= OPEN_GAP).map((f) => f.onsetRatio / f.midRatio).filter((x) => Number.isFinite(x) && x > 0).map(log);
    const pool = (k: 'onsetPairs' | 'midPairs') => fs.filter((f) => f.realMid >= OPEN_GAP).flatMap((f) => f[k]);
    const po = pool('onsetPairs'), pm = pool('midPairs');
    console.log(`  ${name}: pooled frames with real lips apart: onset ours/real median ${f2(median(po))} (${po.length} fr), mid-phrase ${f2(median(pm))} (${pm.length} fr), onset/mid ${f2(median(po) / median(pm))}`);
    console.log(`  ${name}, ${fs.filter((f) => f.realMid >= OPEN_GAP).length} with real lips apart mid-phrase: geometric mean onset ${f2(geo(fs, 'onsetRatio'))} mid ${f2(geo(fs, 'midRatio'))} open frames ${f2(geo(fs, 'openRatio'))} p90 ${f2(geo(fs, 'p90Ratio'))} onset/mid ${f2(Math.exp(onMid.reduce((a, b) => a + b, 0) / Math.max(1, onMid.length)))} mean r ${f3(fs.reduce((a, f) => a + f.r, 0) / Math.max(1, fs.length))}`);
  };
  // a cut repeats its clip (left out of the means); --frozen names clips whose real mouth does not speak (mt_sun: a
  // frozen toothy smile, gap .08-.11 in pauses and speech alike, r with any audio mouth ~0), summed apart
  const frozen = arg('--frozen', 'mt_sun').split(',');
  const whole = held.map((c, k) => [c, hf[k]!] as const).filter(([c]) => !c.cut);
  sum(`videos (${whole.length})`, whole.map(([, f]) => f));
  const speaking = whole.filter(([c]) => !frozen.includes(c.name));
  if (speaking.length < whole.length) sum(`videos without ${frozen.join(', ')} (${speaking.length})`, speaking.map(([, f]) => f));
  if (grid.length) {
    const gf = grid.map(row);
    if (argv.includes('--sentences')) grid.forEach((c, k) => line(c, gf[k]!));
    // GRID sentences are one speaker: pooled medians over the sentences' frames as well as per-sentence means
    sum(`GRID s1 (${gf.length} sentences)`, gf);
  }
}
