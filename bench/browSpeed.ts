// Render CPU time with the brows moving every frame (raise <-> frown), so the brow folds update on
// every frame (bench/render.ts's frames keep the brows still), and the renderer's build time.
//   node --import tsx bench/browSpeed.ts [lp_s42.jpg]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
const p = await cachedPortrait(path.join(SHARED_PORTRAITS, process.argv[2] ?? 'lp_s42.jpg'));
const avatar = buildAvatar(p);
const ct: number[] = [];
let r = createRenderer(avatar, { width: 512, height: 512 });
for (let i = 0; i < 3; i++) { const c0 = process.cpuUsage(); r = createRenderer(avatar, { width: 512, height: 512 }); const c = process.cpuUsage(c0); ct.push((c.user + c.system) / 1000); }
const n = r.neutralFrame();
const frames = Array.from({ length: 80 }, (_, i) => { const s = Math.sin(i / 5); return { ...n, w: { ...n.w, jawOpen: 0.3 + 0.3 * Math.sin(i), browInnerUp: Math.max(0, s), browOuterUpLeft: Math.max(0, s), browOuterUpRight: Math.max(0, s), browDownLeft: Math.max(0, -s), browDownRight: Math.max(0, -s) } }; });
for (const f of frames.slice(0, 15)) r.render(f);
const c0 = process.cpuUsage();
for (const f of frames) r.render(f);
const c = process.cpuUsage(c0);
console.log(`createRenderer CPU ${ct.map((v) => v.toFixed(0)).join('/')} ms; render with brows moving every frame: CPU ${((c.user + c.system) / 1000 / frames.length).toFixed(2)} ms/frame`);
