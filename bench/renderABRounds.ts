// (s59 speed59) Render CPU time of two checkouts, robust to a loaded machine: per case (portrait x saved motion) both
// checkouts' renderers draw the same frames in alternating short rounds (ABAB.., the order swapped every round), every
// frame rendered once first (warm-up, not timed); prints per case the median over rounds of each one's CPU ms/frame
// and the median of the per-round ratios ours/base (renderAB.ts sums all rounds: one slow stretch of a shared machine
// moved its figure by 10 %). Never asserts.
//   node --import tsx bench/renderABRounds.ts --base OTHER_CHECKOUT --cases "m.json:lp_s42.jpg;m2.json:st_art_1.png" [--frames 60] [--rounds 16] [--per 10]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { MotionFrame } from '../src/types.ts';
import type { createRenderer as CreateRenderer } from '../src/render/renderer.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const here = path.resolve(import.meta.dirname, '..');
const base = path.resolve(opt('--base', ''));
const frameCount = Number(opt('--frames', '60')), rounds = Number(opt('--rounds', '16')), per = Number(opt('--per', '10'));
const cases = opt('--cases', '').split(';').filter(Boolean).map((c) => { const [m, p] = c.split(':'); return { motion: m!, portrait: p ?? 'lp_s42.jpg' }; });
if (!opt('--base', '') || !cases.length) { console.error('usage: bench/renderABRounds.ts --base OTHER_CHECKOUT --cases "m.json:portrait;..."'); process.exit(2); }

const median = (a: number[]) => { const s = [...a].sort((x, y) => x - y); return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2; };
const mods = await Promise.all([base, here].map(async (root) => ({
  build: (await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href)).buildAvatar,
  create: (await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href)).createRenderer as typeof CreateRenderer,
})));

/** CPU ms per frame of `per` frames from `from` (wrapping) on renderer r. */
function timeRound(r: ReturnType<typeof CreateRenderer>, frames: MotionFrame[], from: number): number {
  const c0 = process.cpuUsage();
  for (let k = 0; k < per; k++) r.render(frames[(from + k) % frames.length]!);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000 / per;
}

console.log(`base ${base}, ours ${here}; ${rounds} rounds of ${per} frames each, alternating, after a warm-up over the first ${frameCount} frames`);
for (const { motion, portrait } of cases) {
  const p = await cachedPortrait(path.join(SHARED_PORTRAITS, portrait));
  const frames = (JSON.parse(readFileSync(motion, 'utf8')).frames as MotionFrame[]).slice(0, frameCount);
  const rs = mods.map((m) => m.create(m.build(p), { width: 512, height: 512 }));
  for (const r of rs) for (const f of frames) r.render(f);
  const ms: number[][] = [[], []], ratio: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const from = (round * per) % frames.length, t = [0, 0];
    for (const k of round % 2 ? [1, 0] : [0, 1]) t[k] = timeRound(rs[k]!, frames, from);
    ms[0]!.push(t[0]!); ms[1]!.push(t[1]!); ratio.push(t[1]! / t[0]!);
  }
  console.log(`${portrait} <- ${path.basename(path.dirname(motion))}/${path.basename(motion)}: base ${median(ms[0]!).toFixed(2)}, ours ${median(ms[1]!).toFixed(2)} CPU ms/frame (medians over rounds); ours/base median ${median(ratio).toFixed(3)} (rounds ${Math.min(...ratio).toFixed(2)}-${Math.max(...ratio).toFixed(2)})`);
}
process.exit(0);
