// Whole-frame render CPU of two checkouts in one process on bench/render.ts's varied frames (yaw ±20,
// pitch, roll, jaw, smile, gaze, a blink): rounds of 40 frames alternating base/ours (the order flips
// each round), medians per round and the median of the per-round ratios; prints, never asserts.
//   node --import tsx bench/renderABFrames.ts --base OTHER_CHECKOUT [portrait.jpg]   (ROUNDS=16)
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { createRenderer as CreateRenderer } from '../src/render/renderer.ts';
import { variedFrames } from './variedFrames.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
const opt = (name: string) => { const i = process.argv.indexOf(name); if (i < 0) { console.error('usage: bench/renderABFrames.ts --base OTHER_CHECKOUT [portrait]'); process.exit(2); } return path.resolve(process.argv[i + 1]!); };
const roots = [opt('--base'), path.resolve(import.meta.dirname, '..')];
const file = process.argv.slice(2).find((a) => /\.(jpg|png)$/.test(a)) ?? 'lp_s42.jpg';
const p = await cachedPortrait(path.join(SHARED_PORTRAITS, file));
const rs: ReturnType<typeof CreateRenderer>[] = [];
for (const root of roots) {
  const { buildAvatar } = await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href);
  const { createRenderer } = await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href);
  rs.push(createRenderer(buildAvatar(p), { width: 512, height: 512 }));
}
const n = rs[0].neutralFrame();
const frames = variedFrames(n, 40);
for (let w = 0; w < 2; w++) for (const r of rs) for (const f of frames) r.render(f); // warm-up
const cpu: [number[], number[]] = [[], []];
const rounds = Number(process.env.ROUNDS ?? 16);
for (let rep = 0; rep < rounds; rep++) for (let k0 = 0; k0 < 2; k0++) { const k = rep % 2 ? 1 - k0 : k0; const c0 = process.cpuUsage(); for (const f of frames) rs[k]!.render(f); const c = process.cpuUsage(c0); cpu[k]!.push((c.user + c.system) / 1000 / frames.length); }
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
console.log(`${file}: CPU ms/frame median (min) base ${med(cpu[0]).toFixed(2)} (${Math.min(...cpu[0]).toFixed(2)}), ours ${med(cpu[1]).toFixed(2)} (${Math.min(...cpu[1]).toFixed(2)}); median ratio ${med(cpu[0].map((b, i) => cpu[1][i]! / b)).toFixed(3)}`);
process.exit(0);
