// Which frames the audio mouth opens, against phoneme timing truth (issue #13, audio18: "the per-file gain
// lands on the wrong frames"). The StyleTalk clips of train/clips carry one phoneme id per 30 fps frame
// (phindex.json of FuxiVirtualHuman/styletalk: SIL 31, B 6, M 21, P 27, open vowels AA AE AH AO AW AY 0-5).
// No face tracking: per clip, the jawOpen at each stage of the chain (network = smoothed + calibrated;
// gain = after the per-file gain; final = the product's curve) on
//   - bilabial runs (B/M/P): closed when the jaw's minimum over the run +-1 frame is under SHUT_JAW;
//   - open-vowel frames: how many are shut (< SHUT_JAW) or under half the file's speech median ("low");
//   - r against a phoneme openness curve (open vowels 1, other vowels .6, consonants .3, bilabials and SIL 0),
//     at lag 0 and the best lag in -3..3 (+ = ours late).
// These speakers were heard in training (the shipped model's pool): the figures say where the chain
// loses the vowels, not how well it generalises.
//   node --import tsx bench/lipPhonemes.ts [--variants 'base;pooled;{"lift":0.5}']  (names or AudioMouthTiming JSON, ';'-separated)
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { lipAudio, speechActivity } from '../src/motion/lipFeatures.ts';
import { loadLipModel, mapLipCurves, rawLipCurves, smoothLipCurves } from '../src/motion/lipModel.ts';
import { pearson } from '../src/motion/filters.ts';
import { audioMouthCurves, type AudioMouthTiming } from '../src/motion/audioMouth.ts';
import { DATA } from '../src/motion/train/teacher.ts';
import { BILABIAL_IDS, OPEN_VOWEL_IDS, phonemeOpenness, SIL_ID } from './phonemeTruth.ts';

const FPS = 25, SHUT_JAW = 0.05;
const argv = process.argv.slice(2);
const arg = (n: string, d: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1]! : d);
const VARIANTS: Record<string, Partial<AudioMouthTiming>> = { base: {}, pooled: { fileMatch: 0 }, noclose: { closures: false } };

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;
function lagR(a: ArrayLike<number>, b: ArrayLike<number>, lag: number): number {
  const x: number[] = [], y: number[] = [];
  for (let i = 0; i < a.length; i++) if (i - lag >= 0 && i - lag < b.length) { x.push(a[i]!); y.push(b[i - lag]!); }
  return pearson(x, y);
}

interface Row { runs: number; closed: number; vowels: number; vShut: number; vLow: number; falseShut: number; r0: number; lag: number; vMed: number }

function score(jaw: ArrayLike<number>, ph: number[], speech: ArrayLike<number>): Row {
  const n = jaw.length;
  const sp = [...Array(n).keys()].filter((i) => speech[i]! >= 0.5);
  const med = median(sp.map((i) => jaw[i]!));
  const row: Row = { runs: 0, closed: 0, vowels: 0, vShut: 0, vLow: 0, falseShut: 0, r0: 0, lag: 0, vMed: 0 };
  for (let i = 0; i < n; i++) {
    if (!BILABIAL_IDS.has(ph[i]!) || (i > 0 && BILABIAL_IDS.has(ph[i - 1]!))) continue;
    let j = i;
    while (j + 1 < n && BILABIAL_IDS.has(ph[j + 1]!)) j++;
    row.runs++;
    let m = Infinity;
    for (let k = Math.max(0, i - 1); k <= Math.min(n - 1, j + 1); k++) m = Math.min(m, jaw[k]!);
    if (m < SHUT_JAW) row.closed++;
  }
  const vj: number[] = [];
  for (let i = 0; i < n; i++) {
    if (OPEN_VOWEL_IDS.has(ph[i]!)) {
      row.vowels++;
      vj.push(jaw[i]! / Math.max(1e-3, med));
      if (jaw[i]! < SHUT_JAW) row.vShut++;
      if (jaw[i]! < 0.5 * med) row.vLow++;
    }
    if (jaw[i]! < SHUT_JAW && ph[i] !== SIL_ID && !BILABIAL_IDS.has(ph[i]!) && speech[i]! >= 0.5) row.falseShut++;
  }
  row.vMed = median(vj);
  const open = phonemeOpenness(ph);
  row.r0 = lagR(jaw, open, 0);
  let best = -Infinity;
  for (let l = -3; l <= 3; l++) { const r = lagR(jaw, open, l); if (r > best) [best, row.lag] = [r, l]; }
  return row;
}

const model = loadLipModel();
const jawAt = model.targets.indexOf('jawOpen');
const dir = path.join(DATA, 'train/clips');
const clips = readdirSync(dir).filter((f) => f.endsWith('.phonemes30fps.json')).sort();
const variants = arg('--variants', 'base').split(';');
const totals = new Map<string, Row[]>();
const fmt = (r: Row) => `r0 ${r.r0.toFixed(3)} lag ${r.lag >= 0 ? '+' : ''}${r.lag} | b/m/p closed ${r.closed}/${r.runs} | open vowels shut ${r.vShut}/${r.vowels}, low ${r.vLow}, median ${r.vMed.toFixed(2)} of speech median | shut on other speech ${r.falseShut}`;
for (const f of clips) {
  const ph30 = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as number[];
  const audio = await lipAudio(path.join(dir, f.replace('.phonemes30fps.json', '.mp4')));
  const n = Math.min(Math.round((audio.samples / 16000) * FPS), Math.floor((ph30.length * FPS) / 30));
  const ph = Array.from({ length: n }, (_, i) => ph30[Math.floor((i * 30) / FPS)]!);
  const speech = speechActivity(audio, FPS, n);
  const stages: [string, ArrayLike<number>][] = [['network', mapLipCurves(model, smoothLipCurves(model, rawLipCurves(model, audio, FPS, n), FPS))[jawAt]!]];
  for (const v of variants) stages.push([v, audioMouthCurves(model, audio, FPS, n, VARIANTS[v] ?? JSON.parse(v))[jawAt]!]);
  console.log(f.replace(/^styletalk_|\.phonemes30fps\.json$/g, ''));
  for (const [name, jaw] of stages) {
    const r = score(jaw, ph, speech);
    totals.set(name, [...(totals.get(name) ?? []), r]);
    console.log(`  ${name.padEnd(10)} ${fmt(r)}`);
  }
}
console.log('all clips (r0: median; counts summed)');
for (const [name, rows] of totals) {
  const s = (k: keyof Row) => rows.reduce((a, r) => a + r[k], 0);
  console.log(`  ${name.padEnd(10)} r0 ${median(rows.map((r) => r.r0)).toFixed(3)} lags ${rows.map((r) => r.lag).join(',')} | b/m/p closed ${s('closed')}/${s('runs')} | open vowels shut ${s('vShut')}/${s('vowels')}, low ${s('vLow')}, median ${median(rows.map((r) => r.vMed)).toFixed(2)} | shut on other speech ${s('falseShut')}`);
}
