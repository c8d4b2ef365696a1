// Phrase-initial closures (s44 closure44): a phrase that starts on /b p m/ keeps real lips shut over its first speech
// frames; does ours? Per GRID s1 sentence (32, gridSubsample) the first word from the align file, the first
// ONSET_FRAMES speech frames of the first phrase (lipOnset.ts phraseOnsets), ours = jawOpen x .6 IOD against the
// tracked real lip gap (bench/driverTracks.ts 25 fps; one measure), and the closure weight the sound gives there.
//   node --import tsx bench/phraseClosure.ts [--variants base,...] [--grid-tracks 32] [--detail] [--videos a.mp4,...]
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { lipAudio, speechActivity } from '../src/motion/lipFeatures.ts';
import { loadLipModel } from '../src/motion/lipModel.ts';
import { pearson } from '../src/motion/filters.ts';
import { audioMouthCurves, type AudioMouthTiming } from '../src/motion/audioMouth.ts';
import { closureWeights } from '../src/motion/lipClosures.ts';
import { phraseOnsets } from '../src/motion/lipOnset.ts';
import { gridSubsample } from '../src/motion/train/teacher.ts';
import { cachedTrack, trackFile } from './driverTracks.ts';
import { SHARED_DATA, sharedData } from './sharedData.ts';

const FPS = 25, GAP_PER_JAW = 0.6, ONSET_FRAMES = 5, SHUT = 0.03;
const argv = process.argv.slice(2);
const arg = (n: string, d: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1]! : d);
export const VARIANTS: Record<string, Partial<AudioMouthTiming>> = { base: {}, nolead: { leadIn: 0 }, lead5: { leadIn: 5 }, noonset: { onsetRise: 0 }, noclosures: { closures: false } };

const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)]! : NaN; };
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');

interface Case { name: string; word: string; words?: string[][]; audio: Awaited<ReturnType<typeof lipAudio>>; real: (number | null)[]; n: number }
async function realGaps(video: string) { return (await cachedTrack(video, FPS)).map((r) => (r && r.score >= 0.5 ? r.m.lipGap : null)); }

const cases: Case[] = [];
for (const f of gridSubsample(Number(arg('--grid-tracks', '32')))) {
  const v = path.join(SHARED_DATA, 'train/grid_s1', f);
  if (!existsSync(trackFile(v, FPS))) continue;
  const al = readFileSync(path.join(SHARED_DATA, 'train/grid_s1/align', f.replace(/\.mp4$/, '.align')), 'utf8').trim().split('\n').map((l) => l.trim().split(/\s+/));
  const first = al.find((w) => w[2] !== 'sil' && w[2] !== 'sp')!;
  const audio = await lipAudio(v), real = await realGaps(v);
  const n = Math.min(real.length, Math.round((audio.samples / 16000) * FPS));
  cases.push({ name: path.basename(f, '.mp4'), words: al, word: `${first[2]}@${(Number(first[0]) / 1000).toFixed(1)}`, audio, real: real.slice(0, n), n });
}
for (const v of arg('--videos', '').split(',').filter(Boolean)) {
  const audio = await lipAudio(sharedData(v)), real = await realGaps(sharedData(v));
  const n = Math.min(real.length, Math.round((audio.samples / 16000) * FPS));
  cases.push({ name: path.basename(v, '.mp4'), word: '?', audio, real: real.slice(0, n), n });
}
const model = loadLipModel(), jawAt = model.targets.indexOf('jawOpen');
const detail = argv.includes('--detail');
for (const v of arg('--variants', 'base').split(',')) {
  const opts = VARIANTS[v] ?? JSON.parse(v);
  let shutN = 0, shutOurs: number[] = [], openN = 0, openOurs: number[] = [], openReal: number[] = [], rs: number[] = [], shutRealAll: number[] = [];
  let lagRs: number[] = [];
  console.log(`variant ${v} ${JSON.stringify(opts)}`);
  for (const c of cases) {
    const sp = speechActivity(c.audio, FPS, c.n);
    const ours = Float64Array.from(audioMouthCurves(model, c.audio, FPS, c.n, opts)[jawAt]!, (x) => x * GAP_PER_JAW);
    const w = closureWeights(c.audio, FPS, c.n);
    const all = [...Array(c.n).keys()].filter((i) => c.real[i] != null);
    rs.push(pearson(all.map((i) => ours[i]!), all.map((i) => c.real[i]!)));
    if (!c.words) console.log(`  ${c.name} r ${f3(rs[rs.length - 1]!)}`);
    for (const on of phraseOnsets(sp)) {
      const fr = [...Array(ONSET_FRAMES).keys()].map((k) => on + k).filter((i) => i < c.n && c.real[i] != null);
      const rm = median(fr.map((i) => c.real[i]!)), om = median(fr.map((i) => ours[i]!));
      const shut = rm < SHUT;
      const t = on * 1000, wd = c.words?.find((w) => Number(w[0]) <= t + 1000 && Number(w[1]) > t + 1000);
      const label = c.words ? (wd ? wd[2]! : 'end') : '?';
      if (shut) { shutN++; shutOurs.push(om); shutRealAll.push(rm); } else { openN++; openOurs.push(om); openReal.push(rm); }
      if (detail || v === 'base') console.log(`  ${c.name} ${c.word.padEnd(10)} ${label.padEnd(6)} onset f${on} ${shut ? 'SHUT' : 'open'} ours ${f3(om)} [${f3(rm)}]` + (detail ? `  f${on - 3}..: ` + [...Array(9).keys()].map((k) => on - 3 + k).map((i) => `${f3(ours[i] ?? NaN)}[${f3(c.real[i] ?? NaN)}]w${(w[i] ?? 0).toFixed(1)}s${(sp[i] ?? 0).toFixed(1)}`).join(' ') : ''));
    }
  }
  console.log(`  ${v}: onsets real shut ${shutN}: ours median ${f3(median(shutOurs))} [${f3(median(shutRealAll))}], ours < .03 on ${shutOurs.filter((x) => x < SHUT).length}; real open ${openN}: ours ${f3(median(openOurs))} [${f3(median(openReal))}]; mean r ${f3(rs.reduce((a, b) => a + b, 0) / rs.length)} (GRID ${f3(cases.map((c, k) => (c.words ? rs[k]! : NaN)).filter(Number.isFinite).reduce((a, b, _, v) => a + b / v.length, 0))})`);
}
