// Where a frame's CPU goes: renders bench/render.ts's 120 varied frames (after 20 warm-up frames) under the
// V8 sampling profiler and prints each function's self time per frame, the top N. Prints; never asserts.
// With --heap, the bytes allocated per frame by each function instead (V8's sampling heap profiler).
// With --passes, the frame's CPU split by render pass instead (each sample goes to the innermost pass on its stack;
// a pass V8 inlined into rasterize counts as 'triangle loop': smoothAndFeather, ~1.4-1.9 ms, is one, bench/README.md).
//   node --import tsx bench/renderProfile.ts [--portrait lp_s10.jpg] [--top 25] [--warm-all] [--motion m.json] [--root OTHER_CHECKOUT] [--out prof.cpuprofile] [--heap | --passes]
import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { Profiler } from 'node:inspector';
import { pathToFileURL } from 'node:url';
import type { MotionFrame } from '../src/types.ts';
import { variedFrames } from './variedFrames.ts';
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


/** Render passes by the function that runs them (the innermost one on a sample's stack wins). */
const PASSES: [string, string[]][] = [
  ['geometry (deform, skin, project)', ['update deform.ts']],
  ['face textures (lids, brows, gaze)', ['updateFaceTextures renderer.ts']],
  ['mouth placement', ['placeMouth renderer.ts']],
  ['raster: textured triangles', ['textureTriangle raster.ts', 'textureTriangleAffineInside raster.ts', 'rasterMeshTriangle raster.ts', 'setupTriangle raster.ts']],
  ['raster: shaded (mouth, eyeballs)', ['shadeTriangle raster.ts']],
  ['raster: far side (mirror)', ['rasterTriangleMirror raster.ts', 'rasterTriangleMirror rasterFarSide.ts']],
  ['raster: back of head', ['rasterTriangleUnder raster.ts', 'rasterTriangleUnder rasterFarSide.ts']],
  ['shut eyes', ['draw overlay.ts']],
  ['lip line', ['softenLipLine edge.ts']],
  ['edges: depth steps + silhouette feather', ['smoothDepthEdges edgePasses.ts', 'featherSilhouette edgePasses.ts', 'smoothAndFeather edgePasses.ts']],
  ['edges: far seam', ['farSeamPass farSeam.ts']],
  ['compose over plate', ['compositeOver composite.ts', 'unpremultiply composite.ts', 'blendPixel composite.ts']],
  ['garbage collector', ['(garbage collector) ']],
];

/** Each sample's CPU share (CPU per frame / samples per frame) added to the innermost pass on its stack. */
function printPasses(profile: Profiler.Profile, cpuPerFrame: number): void {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const passOf = new Map<string, string>();
  for (const [pass, fns] of PASSES) for (const f of fns) passOf.set(f, pass);
  const count = new Map<string, number>();
  let total = 0;
  for (const id of profile.samples ?? []) {
    let pass = 'other', inRaster = false;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      const key = `${f.functionName || '(anon)'} ${path.basename(f.url)}`;
      if (pass === 'other' && passOf.has(key)) pass = passOf.get(key)!;
      if (key === 'rasterize renderer.ts') inRaster = true;
      if (key === '(program) ' || key === '(idle) ') { pass = 'idle'; break; }
    }
    if (pass === 'idle') continue;
    if (pass === 'other' && inRaster) pass = 'raster: triangle loop, clears';
    count.set(pass, (count.get(pass) ?? 0) + 1);
    total++;
  }
  for (const [pass, n] of [...count].sort((a, b) => b[1] - a[1])) console.log(`${(cpuPerFrame * n / total).toFixed(2).padStart(6)} ms  ${(100 * n / total).toFixed(1).padStart(5)} %  ${pass}`);
}

// (--motion m.json: a saved motion's first 120 frames instead, e.g. a video-driven one)
const motionFile = opt('--motion', '');
const frames: MotionFrame[] = motionFile ? (JSON.parse(readFileSync(motionFile, 'utf8')).frames as MotionFrame[]).slice(0, 120) : variedFrames(renderer.neutralFrame());
// (--warm-all: warmed on every frame first, so what is measured is the optimised steady state, not the first turned frames run in the interpreter)
for (const f of args.includes('--warm-all') ? frames : frames.slice(0, 20)) renderer.render(f);
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

if (args.includes('--passes')) {
  printPasses(profile, (cpu.user + cpu.system) / 1000 / frames.length);
  process.exit(0);
}

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


