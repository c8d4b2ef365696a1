// Where a frame's CPU goes by source line: renders bench/render.ts's varied frames (or a saved motion's first
// 120) with a tsc-compiled copy of the renderer (--dist DIR: `tsc -p tsconfig.build.json --outDir DIR` plus the
// assets; tsx's output is one line per file, so V8's line ticks are only readable on tsc's) under the V8 sampling
// profiler and prints the hottest lines (self ticks, share of all non-idle ticks) with their text. Never asserts.
//   node --import tsx bench/lineProfile.ts --dist /tmp/dist [--portrait lp_s42.jpg] [--motion m.json] [--top 40] [--fn name]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { MotionFrame } from '../src/types.ts';
import { variedFrames } from './variedFrames.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const dist = path.resolve(opt('--dist', ''));
const top = Number(opt('--top', '40')), onlyFn = opt('--fn', '');
const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, opt('--portrait', 'lp_s42.jpg')));
const { buildAvatar } = await import(pathToFileURL(path.join(dist, 'avatar/build.js')).href);
const { createRenderer } = await import(pathToFileURL(path.join(dist, 'render/renderer.js')).href);
const renderer = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
const motionFile = opt('--motion', '');
const frames: MotionFrame[] = motionFile ? (JSON.parse(readFileSync(motionFile, 'utf8')).frames as MotionFrame[]).slice(0, 120) : variedFrames(renderer.neutralFrame());
for (const f of frames) renderer.render(f);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
for (let rep = 0; rep < 2; rep++) for (const f of frames) renderer.render(f);
const { profile } = await session.post('Profiler.stop');
const lines = new Map<string, number>();
let total = 0;
for (const n of profile.nodes) {
  const fn = n.callFrame.functionName;
  if (fn === '(idle)' || fn === '(program)') continue;
  total += n.hitCount ?? 0;
  if (onlyFn && fn !== onlyFn) continue;
  for (const t of n.positionTicks ?? []) {
    const key = `${n.callFrame.url}\t${t.line}\t${fn}`;
    lines.set(key, (lines.get(key) ?? 0) + t.ticks);
  }
}
const text = new Map<string, string[]>();
for (const [k, ticks] of [...lines].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  const [url, line, fn] = k.split('\t') as [string, string, string];
  if (!text.has(url)) text.set(url, url.startsWith('file:') ? readFileSync(fileURLToPath(url), 'utf8').split('\n') : []);
  const src = (text.get(url)![Number(line) - 1] ?? '').trim().slice(0, 110);
  console.log(`${(100 * ticks / total).toFixed(2).padStart(6)} %  ${path.basename(url)}:${line} ${fn}  ${src}`);
}
process.exit(0);
