// Wall time (median, p90) and process CPU per 512x512 frame of bench/render.ts's 120 varied frames on a
// cached portrait (no analysis, no rig-fit figures: render.ts --quick without its face-model work), or of a
// saved motion's frames (`--motion m.json`, first `--count` frames). Prints; never asserts.
//   node --import tsx bench/renderTime.ts [--root OTHER_CHECKOUT] [--portrait lp_s42.jpg] [--motion m.json] [--count 120] [--reps 1] [--warm-all]
// (--warm-all: every frame rendered once before timing, not the first 20: the optimised steady state)
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { MotionFrame } from '../src/types.ts';
import { variedFrames } from './variedFrames.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';



const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const root = path.resolve(opt('--root', path.resolve(import.meta.dirname, '..')));
const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, opt('--portrait', 'lp_s42.jpg')));
const { buildAvatar } = await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href);
const { createRenderer } = await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href);
const renderer = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
const count = Number(opt('--count', '120'));
const motion = opt('--motion', '');
const frames: MotionFrame[] = motion ? (JSON.parse(readFileSync(motion, 'utf8')).frames as MotionFrame[]).slice(0, count) : variedFrames(renderer.neutralFrame(), count);
for (const f of args.includes('--warm-all') ? frames : frames.slice(0, 20)) renderer.render(f);
const times: number[] = [];
const cpu0 = process.cpuUsage();
for (let rep = 0; rep < Number(opt('--reps', '1')); rep++) for (const f of frames) { const t0 = performance.now(); renderer.render(f); times.push(performance.now() - t0); }
const cpu = process.cpuUsage(cpu0);
const s = [...times].sort((a, b) => a - b);
console.log(`${path.basename(root)} ${motion ? path.basename(motion) : 'varied'}: median ${s[s.length >> 1]!.toFixed(2)} ms, p90 ${s[Math.floor(s.length * 0.9)]!.toFixed(2)} ms, CPU ${((cpu.user + cpu.system) / 1000 / times.length).toFixed(2)} ms/frame (${times.length} frames)`);
process.exit(0);
