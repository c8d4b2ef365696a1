// Experiment only (not the product's features yet): voicing and pitch per 100 Hz frame of every
// clip exportLipData.ts wrote, to test whether they help the lip model before porting them to the
// streaming front end. Frame j covers samples [160 j, 160 j + 400) at 16 kHz, as LogMelStream's.
//   voicing: the normalised autocorrelation's peak over lags 2.5..12.5 ms (80..400 Hz), 0..1;
//   pitch: log(f0) minus the clip's median over voiced frames (0 where unvoiced).
//
//   node --import tsx src/motion/train/exportVoicing.ts [--dir /tmp/lipseq] [--grid 32]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeAudio } from '../../io/decodeAudio.ts';
import { DEFAULT_GRID, HELDOUT_CLIPS, trainingClips } from './teacher.ts';

const HOP = 160;
const WIN = 400;
const MIN_LAG = 40;
const MAX_LAG = 200;
const VOICED = 0.5;

/** [voicing, lag] of one window: the best normalised autocorrelation in the pitch lag range */
export function voicingOf(x: Float32Array, at: number): [number, number] {
  let mean = 0;
  for (let i = 0; i < WIN; i++) mean += x[at + i] ?? 0;
  mean /= WIN;
  const v = new Float64Array(WIN);
  for (let i = 0; i < WIN; i++) v[i] = (x[at + i] ?? 0) - mean;
  let best = 0;
  let bestLag = 0;
  for (let lag = MIN_LAG; lag <= MAX_LAG; lag++) {
    let s = 0;
    let e0 = 0;
    let e1 = 0;
    for (let i = 0; i + lag < WIN; i++) {
      s += v[i]! * v[i + lag]!;
      e0 += v[i]! * v[i]!;
      e1 += v[i + lag]! * v[i + lag]!;
    }
    const r = e0 > 1e-12 && e1 > 1e-12 ? s / Math.sqrt(e0 * e1) : 0;
    if (r > best) [best, bestLag] = [r, lag];
  }
  return [best, bestLag];
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--dir');
  const dir = i >= 0 ? process.argv[i + 1]! : '/tmp/lipseq';
  const g = process.argv.indexOf('--grid');
  const grid = g >= 0 ? Number(process.argv[g + 1]) : DEFAULT_GRID;
  const index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as { clips: { name: string; n100: number }[] };
  const byName = new Map([...trainingClips(grid), ...HELDOUT_CLIPS].map((c) => [c.name, c]));
  const out: number[] = [];
  for (const c of index.clips) {
    const samples = await decodeAudio(byName.get(c.name)!.audio, { sampleRate: 16000 });
    const voicing = new Float32Array(c.n100);
    const logF0 = new Float32Array(c.n100);
    for (let j = 0; j < c.n100; j++) {
      const [v, lag] = voicingOf(samples, j * HOP);
      voicing[j] = v;
      logF0[j] = v >= VOICED ? Math.log(16000 / lag) : NaN;
    }
    const voiced = [...logF0].filter(Number.isFinite).sort((a, b) => a - b);
    const med = voiced.length ? voiced[voiced.length >> 1]! : 0;
    for (let j = 0; j < c.n100; j++) out.push(voicing[j]!, Number.isFinite(logF0[j]!) ? logF0[j]! - med : 0);
  }
  writeFileSync(path.join(dir, 'voicing.f32'), new Uint8Array(Float32Array.from(out).buffer));
  console.log(`[voicing] ${index.clips.length} clips, ${out.length / 2} frames -> ${dir}/voicing.f32`);
}

await main();
