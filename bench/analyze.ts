// Prints analyze timings: cold start (first call, models loading) and warm medians, on a 512 px
// and a 2000 px photo, plus peak memory. Run: node --import tsx bench/analyze.ts
import sharp from 'sharp';
import { analyzePortrait } from '../src/analyze/index.ts';
import { sharedData } from './sharedData.ts';

const SOURCE = sharedData('portraits/');
const RUNS = Number(process.env.RUNS ?? 5);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** per-step durations of the last warm runs, by step name */
const steps = new Map<string, number[]>();

async function time(input: Buffer): Promise<number> {
  const t0 = performance.now();
  let last = t0, current = '';
  await analyzePortrait(input, {}, {
    onProgress: (e) => {
      const now = performance.now();
      if (current) steps.set(current, [...(steps.get(current) ?? []), now - last]);
      current = e.message ?? '';
      last = now;
    },
  });
  return performance.now() - t0;
}

const photo512 = await sharp(SOURCE + 'lp_s42.jpg').jpeg().toBuffer();
const photo2000 = await sharp(SOURCE + 'lp_s2.jpg').resize(2000, 2000).jpeg().toBuffer();

const cold = await time(photo512);
console.log(`cold start (512 px, models loading): ${cold.toFixed(0)} ms`);
for (const [name, input] of [['512 px (lp_s42)', photo512], ['2000 px (lp_s2)', photo2000]] as const) {
  await time(input); // first call per size warms the kernels for it
  const runs: number[] = [];
  for (let k = 0; k < RUNS; k++) runs.push(await time(input));
  console.log(`warm ${name}: median ${median(runs).toFixed(0)} ms over ${RUNS} runs (min ${Math.min(...runs).toFixed(0)}, max ${Math.max(...runs).toFixed(0)})`);
}
const breakdown = [...steps].filter(([name]) => name !== 'done').map(([name, ms]) => `${name} ${median(ms).toFixed(0)}`);
console.log(`median per step (ms, both sizes): ${breakdown.join(', ')}`);
clearInterval(sampler);
console.log(`peak RSS: ${(peakRss / 1e6).toFixed(0)} MB`);
