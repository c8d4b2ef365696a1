// Render benchmark and rig/avatar quality figures (prints medians; never asserts):
//   node --import tsx bench/render.ts [--quick] [--portrait lp_s10.jpg]
// - avatar build time and 512x512 frame time on one core (median over varied frames)
// - reproduction PSNR (person region, matte > 0.5) of every portrait analyze accepts
// - rig fit NME on the KatieHill video (landmark error / inter-ocular distance)
import { SHARED_DATA } from './sharedData.ts';
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { analyzePortrait } from '../src/analyze/index.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { detectFaces } from '../src/face/detect.ts';
import { fitRig, estimateNeutral, type Landmarks } from '../src/rig/fit.ts';
import type { Portrait, RgbaImage } from '../src/types.ts';
import { variedFrames } from './variedFrames.ts';

const DATA = SHARED_DATA;
const quick = process.argv.includes('--quick');
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };

export function personPsnr(a: RgbaImage, b: RgbaImage, matte: { data: Float32Array }): number {
  let se = 0, n = 0;
  for (let i = 0; i < matte.data.length; i++) {
    if (matte.data[i]! <= 0.5) continue;
    for (let c = 0; c < 3; c++) { const d = a.data[i * 4 + c]! - b.data[i * 4 + c]!; se += d * d; }
    n += 3;
  }
  return n === 0 ? NaN : se === 0 ? 99 : 10 * Math.log10((255 * 255 * n) / se);
}

// ---- speed on lp_s42 (or --portrait: e.g. lp_s10.jpg, a turned head, where the far side's mirror path works most)
const portraitArg = process.argv.indexOf('--portrait');
const speedPortrait = portraitArg > 0 ? process.argv[portraitArg + 1]! : 'lp_s42.jpg';
const portrait = await analyzePortrait(path.join(DATA, 'portraits', speedPortrait));
buildAvatar(portrait); // warm (loads the mesh topology once per process)
const buildTimes: number[] = [];
for (let i = 0; i < 5; i++) { const t0 = performance.now(); buildAvatar(portrait); buildTimes.push(performance.now() - t0); }
const avatar = buildAvatar(portrait);
const renderer = createRenderer(avatar, { width: 512, height: 512 });
const neutral = renderer.neutralFrame();
const frames = variedFrames(neutral);
for (const f of frames.slice(0, 20)) renderer.render(f); // JIT warm-up
const frameTimes: number[] = [];
// CPU time too: on a shared machine wall time also counts the waits for a core
const cpu0 = process.cpuUsage();
for (const f of frames) { const t0 = performance.now(); renderer.render(f); frameTimes.push(performance.now() - t0); }
const cpu = process.cpuUsage(cpu0);
console.log(`avatar build: median ${median(buildTimes).toFixed(1)} ms (${avatar.vertexCount} vertices, ${avatar.triangles.length / 3} triangles)`);
console.log(`render 512x512 (${speedPortrait}): median ${median(frameTimes).toFixed(2)} ms/frame, p90 ${[...frameTimes].sort((a, b) => a - b)[Math.floor(frameTimes.length * 0.9)]!.toFixed(2)} ms (one core, ${frames.length} varied frames); CPU ${((cpu.user + cpu.system) / 1000 / frames.length).toFixed(2)} ms/frame`);

// ---- reproduction PSNR on every portrait analyze accepts
if (!quick) {
  for (const file of readdirSync(path.join(DATA, 'portraits')).sort()) {
    let p: Portrait;
    try { p = await analyzePortrait(path.join(DATA, 'portraits', file)); } catch (err) { console.log(`reproduction ${file}: not analyzed (${(err as Error).constructor.name})`); continue; }
    const av = buildAvatar(p);
    const r = createRenderer(av, { width: p.image.width, height: p.image.height });
    console.log(`reproduction ${file}: PSNR ${personPsnr(r.render(r.neutralFrame()), p.image, p.matte).toFixed(2)} dB (fit residual ${av.rig.residual.toFixed(4)})`);
  }
}

// ---- rig fit accuracy on the KatieHill video
const lms: Landmarks[] = [];
for await (const frame of decodeVideoFrames(path.join(DATA, 'video', 'WDA_KatieHill_000.mp4'), { maxFrames: quick ? 50 : 200 })) {
  const f = (await detectFaces(frame, { embedding: false }))[0];
  if (f) lms.push(f.landmarks);
}
const t0 = performance.now();
const generic = lms.map((l) => fitRig(l).residual);
const fitMs = (performance.now() - t0) / lms.length;
const own = estimateNeutral(lms);
const personal = lms.map((l) => fitRig(l, { neutral: own }).residual);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`fit NME on KatieHill (${lms.length} frames): ${mean(personal).toFixed(4)} with the driver's estimated neutral, ${mean(generic).toFixed(4)} with the generic mean face; ${fitMs.toFixed(2)} ms/fit`);
process.exit(0);
