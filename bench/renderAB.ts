// Render CPU time of two checkouts in one process, interleaved (6 rounds of 60 frames each, with
// blinks; with an argument also eyeWide varying), so a loaded machine slows both alike. REV=1 swaps
// the order. With `turn` (s50) the yaw swings ±20° (bench/render.ts's range: the far side's mirror path) instead of ±8°.
// With `--motion m.json` (s50) a saved motion's first 60 frames instead (e.g. a video-driven one on lp_s42), `--portrait`
// another portrait. Prints CPU ms per 512x512 frame; never asserts.
//   node --import tsx bench/renderAB.ts --base OTHER_CHECKOUT [wide] [turn] [--motion m.json] [--portrait p.jpg]      (REV=1 to run this checkout first)
// (OTHER_CHECKOUT: e.g. `git worktree add --detach /tmp/base main`, or a `git archive` of it with node_modules linked)
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { createRenderer as CreateRenderer } from '../src/render/renderer.ts';
import type { MotionFrame } from '../src/types.ts';
import { pathToFileURL } from 'node:url';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
const here = path.resolve(import.meta.dirname, '..');
const baseAt = process.argv.indexOf('--base');
if (baseAt < 0 || !process.argv[baseAt + 1]) {
  console.error('usage: bench/renderAB.ts --base OTHER_CHECKOUT [wide]');
  process.exit(2);
}
const base = path.resolve(process.argv[baseAt + 1]!);
const wide = process.argv.slice(2).includes('wide'), turn = process.argv.slice(2).includes('turn');
const roots = process.env.REV ? [here, base] : [base, here];
const argAt = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const motionFile = argAt('--motion');
const portrait = await cachedPortrait(`${SHARED_PORTRAITS}/${argAt('--portrait') ?? 'lp_s42.jpg'}`);
const rs: ReturnType<typeof CreateRenderer>[] = [];
for (const root of roots) {
  const { buildAvatar } = await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href);
  const { createRenderer } = await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href);
  rs.push(createRenderer(buildAvatar(portrait), { width: 512, height: 512 }));
}
const frames: MotionFrame[] = motionFile ? (JSON.parse(readFileSync(motionFile, 'utf8')).frames as MotionFrame[]).slice(0, 60) : Array.from({ length: 60 }, (_, i) => { const t = i / 25; const n = rs[0]!.neutralFrame();
  return { ...n, pose: { ...n.pose, yaw: (turn ? 20 : 8) * Math.sin(t * 3), pitch: 4 * Math.sin(t * 2) }, blink: 0, w: { ...n.w, jawOpen: 0.5 + 0.5 * Math.sin(t * 20), mouthSmileLeft: 0.3 * (1 + Math.sin(t * 7)), eyeWideLeft: wide ? 0.3 * (1 + Math.sin(t * 5)) : 0, eyeWideRight: wide ? 0.3 * (1 + Math.sin(t * 5)) : 0, eyeBlinkLeft: i % 20 < 4 ? i % 20 / 3 : 0, eyeBlinkRight: i % 20 < 4 ? i % 20 / 3 : 0 } }; });
const cpu = [0, 0];
for (let rep = 0; rep < 6; rep++) for (let k = 0; k < 2; k++) {
  const c0 = process.cpuUsage();
  for (const f of frames) rs[k]!.render(f);
  const c = process.cpuUsage(c0); cpu[k]! += (c.user + c.system) / 1000;
}
console.log(`CPU ms/frame: ${roots[0]} ${(cpu[0] / 360).toFixed(2)}, ${roots[1]} ${(cpu[1] / 360).toFixed(2)} (interleaved, 360 frames each, ${motionFile ? path.basename(motionFile) : 'blinks'}${wide ? ', eyeWide varying' : ''}${turn ? ', yaw ±20' : ''})`);
