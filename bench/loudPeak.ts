// The loudest voiced frames' higher floor (slit26, src/motion/lipLoudPeak.ts), printed, never asserted:
//  1. per sound, the frames whose jawOpen it raises (without -> with), the product chain (audioMouthCurves);
//  2. the StyleTalk clips with phoneme truth: the phoneme class of every raised frame (vowel, b/m/p, other);
//  3. real speakers: the read-back lip gap (IOD) of real videos by loudness band, as lipLoudPeak.ts reads loudness
//     (the mean energy of a frame and its neighbours, not hissing); read-backs as critic25's tools/measure.ts writes them.
//   node --import tsx bench/loudPeak.ts [--sounds a.wav,b.wav] [--real readback.json=media.mp4,...]
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { lipAudio } from '../src/motion/lipFeatures.ts';
import { loadLipModel } from '../src/motion/lipModel.ts';
import { audioMouthCurves } from '../src/motion/audioMouth.ts';
import { frameVoicing } from '../src/motion/lipVoicing.ts';
import { neighbourMean } from '../src/motion/lipLoudPeak.ts';
import { BILABIAL_IDS, OPEN_VOWEL_IDS, OTHER_VOWEL_IDS, SIL_ID } from './phonemeTruth.ts';
import { DATA } from '../src/motion/train/teacher.ts';

const arg = (n: string) => { const i = process.argv.indexOf(n); return i > 0 ? process.argv[i + 1] : undefined; };
const model = loadLipModel(), J = model.targets.indexOf('jawOpen');
const soundsArg = arg('--sounds');
const sounds = soundsArg ? soundsArg.split(',') : readdirSync(path.join(DATA, 'audio')).filter((f) => f.endsWith('.wav')).map((f) => path.join(DATA, 'audio', f));

async function raised(file: string, frames?: number): Promise<{ n: number; at: number[]; old: Float64Array; now: Float64Array }> {
  const audio = await lipAudio(file);
  const n = Math.min(frames ?? Infinity, Math.round((audio.samples / 16000) * 25));
  const old = audioMouthCurves(model, audio, 25, n, { loudPeakFloor: 0 })[J]!, now = audioMouthCurves(model, audio, 25, n)[J]!;
  return { n, at: [...old.keys()].filter((i) => now[i]! - old[i]! > 0.005), old, now };
}

console.log('1. frames raised (jawOpen without -> with the loud-peak floor)');
for (const f of sounds) {
  const r = await raised(f);
  console.log(`  ${path.basename(f).padEnd(22)} ${r.n} frames, ${r.at.length} raised: ${r.at.map((i) => `f${i} ${r.old[i]!.toFixed(3)}->${r.now[i]!.toFixed(3)}`).join(' ')}`);
}

console.log('2. StyleTalk phoneme truth: the class of each raised frame');
const clips = path.join(DATA, 'train/clips');
const total: Record<string, number> = {};
for (const p of readdirSync(clips).filter((f) => f.endsWith('.phonemes30fps.json')).sort()) {
  const ph = JSON.parse(readFileSync(path.join(clips, p), 'utf8')) as number[];
  const r = await raised(path.join(clips, p.replace('.phonemes30fps.json', '.mp4')), Math.floor((ph.length * 25) / 30));
  const cls: Record<string, number> = {};
  for (const i of r.at) {
    const id = ph[Math.floor((i * 30) / 25)]!;
    const c = OPEN_VOWEL_IDS.has(id) ? 'open vowel' : OTHER_VOWEL_IDS.has(id) ? 'other vowel' : BILABIAL_IDS.has(id) ? 'b/m/p' : id === SIL_ID ? 'silence' : 'other consonant';
    cls[c] = (cls[c] ?? 0) + 1;
    total[c] = (total[c] ?? 0) + 1;
  }
  console.log(`  ${p.replace('.phonemes30fps.json', '').padEnd(32)} ${r.n} frames: ${JSON.stringify(cls)}`);
}
console.log(`  total ${JSON.stringify(total)}`);

console.log('3. real speakers: lip gap (IOD) by loudness band (nat-log under the file\'s loud level; tilt < .5)');
const S = '/work/review/s25';
const reals = (arg('--real') ?? `${S}/ref/WDA_KatieHill_000.json=${S}/media/v8_WDA_KatieHill_000.mp4,${S}/ref/mt_sun.json=${S}/media/a8_mt_sun.wav,${S}/ref/lp_d11.json=${S}/media/v8_lp_d11.mp4`).split(',');
const bands: [string, number, number][] = [['>= 0', 0, Infinity], ['-.5..0', -0.5, 0], ['-1..-.5', -1, -0.5], ['-2.5..-1', -2.5, -1]];
for (const pair of reals) {
  const [rb, media] = pair.split('=');
  const rows = JSON.parse(readFileSync(rb!, 'utf8')) as { i: number; face: boolean; gap: number }[];
  const v = frameVoicing(await lipAudio(media!), 25, rows.length);
  const txt = bands.map(([name, lo, hi]) => {
    const g = rows.filter((r) => r.face && v.tilt[r.i]! < 0.5 && neighbourMean(v.energy, r.i) >= lo && neighbourMean(v.energy, r.i) < hi).map((r) => r.gap).sort((a, b) => a - b);
    return g.length ? `${name}: n${g.length} p10 ${g[Math.floor(0.1 * (g.length - 1))]!.toFixed(3)} p50 ${g[Math.floor(0.5 * (g.length - 1))]!.toFixed(3)} under .06 ${g.filter((x) => x < 0.06).length}` : `${name}: -`;
  });
  console.log(`  ${path.basename(rb!).padEnd(22)} ${txt.join(' | ')}`);
}
