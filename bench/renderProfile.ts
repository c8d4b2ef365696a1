// Where a frame's CPU goes: renders bench/render.ts's 120 varied frames (after 20 warm-up frames) under the
// V8 sampling profiler and prints each function's self time per frame, the top N. Prints; never asserts.
// With --heap, the bytes allocated per frame by each function instead (V8's sampling heap profiler).
//   node --import tsx bench/renderProfile.ts [--portrait lp_s10.jpg] [--top 25] [--root OTHER_CHECKOUT] [--out prof.cpuprofile] [--heap]
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { pathToFileURL } from 'node:url';
import type { MotionFrame } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const root = path.resolve(opt('--root', path.resolve(import.meta.dirname, '..')));
const top = Number(opt('--top', '25'));
const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, opt('--portrait', 'lp_s42.jpg')));
const { buildAvatar } = await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href);
const { createRenderer } = await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href);
const renderer = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });

/** bench/render.ts's frames: jaw, smile, yaw ±20, pitch, roll, gaze and a blink every 40 frames */
export function variedFrames(neutral: MotionFrame, count = 120): MotionFrame[] {
  return Array.from({ length: count }, (_, i) => {
    const t = i / count;
    return {
      w: { ...neutral.w, jawOpen: 0.5 + 0.5 * Math.sin(t * 20), mouthSmileLeft: 0.3 * (1 + Math.sin(t * 7)), mouthSmileRight: 0.3 * (1 + Math.sin(t * 7)) },
      pose: { yaw: 20 * Math.sin(t * 6.28), pitch: 10 * Math.sin(t * 9), roll: 5 * Math.sin(t * 4), tx: 0, ty: 0, tz: 0 },
      gaze: [0.5 * Math.sin(t * 5), 0],
      blink: i % 40 < 4 ? 1 : 0,
    };
  });
}

const frames = variedFrames(renderer.neutralFrame());
for (const f of frames.slice(0, 20)) renderer.render(f);
const session = new Session();
session.connect();
if (args.includes('--heap')) {
  await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  for (const f of frames) renderer.render(f);
  const { profile } = await session.post('HeapProfiler.getSamplingProfile');
  const bytes = new Map<string, number>();
  const walk = (n: typeof profile.head): void => {
    const key = `${n.callFrame.functionName || '(anon)'} ${path.basename(n.callFrame.url)}`;
    bytes.set(key, (bytes.get(key) ?? 0) + n.selfSize);
    n.children.forEach(walk);
  };
  walk(profile.head);
  for (const [k, b] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(b / frames.length / 1024).toFixed(1).padStart(8)} KB/frame  ${k}`);
  process.exit(0);
}
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const cpu0 = process.cpuUsage();
for (const f of frames) renderer.render(f);
const cpu = process.cpuUsage(cpu0);
const { profile } = await session.post('Profiler.stop');
if (args.includes('--out')) writeFileSync(opt('--out', ''), JSON.stringify(profile));

// self time per function: each sample's leaf node, weighted by the time to the next sample
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
const deltas = profile.timeDeltas ?? [];
for (let i = 0; i < (profile.samples ?? []).length; i++) {
  const n = byId.get(profile.samples![i]!)!;
  const f = n.callFrame;
  const key = `${f.functionName || '(anon)'} ${path.basename(f.url)}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`${path.basename(root)}: CPU ${((cpu.user + cpu.system) / 1000 / frames.length).toFixed(2)} ms/frame (profiled), sampled ${(total / frames.length).toFixed(2)} ms/frame`);
for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(ms / frames.length).toFixed(3).padStart(7)} ms  ${(100 * ms / total).toFixed(1).padStart(5)} %  ${k}`);
process.exit(0);
