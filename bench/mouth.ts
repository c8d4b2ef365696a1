// Render time with the mouth interior, against another checkout's renderer on the same frames.
// Prints medians; never asserts.
//   node --import tsx bench/mouth.ts [--before /work/wt/mouth-before] [--portrait lp_s42.jpg]
import path from 'node:path';
import { analyzePortrait } from '../src/analyze/index.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import type { MotionFrame } from '../src/types.ts';
import { variedFrames } from './variedFrames.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const DATA = SHARED_DATA;
const portraitName = opt('--portrait') ?? 'lp_s42.jpg';
const before = opt('--before');
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };

const avatar = buildAvatar(await analyzePortrait(path.join(DATA, 'portraits', portraitName)));
const renderers: [string, { render(f: MotionFrame): unknown; neutralFrame(): MotionFrame }][] = [['this checkout', createRenderer(avatar, { width: 512, height: 512 })]];
if (before) renderers.push([`${before}`, (await import(path.join(path.resolve(before), 'src/render/renderer.ts'))).createRenderer(avatar, { width: 512, height: 512 })]);

const neutral = renderers[0]![1].neutralFrame();
// the render bench's varied frames (jaw 0..1, smiles, head turns, blinks), and the same with the mouth wide open
const varied = variedFrames(neutral);
const open: MotionFrame[] = varied.map((f) => ({ ...f, w: { ...f.w, jawOpen: 1 } }));
// Process CPU time per frame (user + system) rather than wall time: the shared machine's load
// stretches wall time by whatever else runs. Each renderer on its own passes (alternating would
// share one renderer's garbage collection with the other).
for (const [name, frames] of [['varied frames', varied], ['jawOpen 1', open]] as const) {
  for (const [label, r] of renderers) {
    for (const f of frames) r.render(f); // JIT warm-up
    const passes: number[] = [];
    for (let rep = 0; rep < 5; rep++) {
      const c0 = process.cpuUsage();
      for (const f of frames) r.render(f);
      const c = process.cpuUsage(c0);
      passes.push((c.user + c.system) / 1000 / frames.length);
    }
    console.log(`${name}: ${label}: ${median(passes).toFixed(2)} ms CPU/frame (512x512, median of 5 passes of ${frames.length})`);
  }
}
process.exit(0);
