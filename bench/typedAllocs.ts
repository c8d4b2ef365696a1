// (s59 speed59) Per-frame typed-array allocations of the renderer by call site: every typed-array constructor is wrapped
// (a Proxy on the global) while a saved motion's first 60 frames render (after one warm pass), and each allocation of 64 B
// or more (V8 keeps smaller ones on the heap) is counted at the line that made it. A view (new Uint32Array(buffer)) counts
// its full length though it copies nothing. Prints KB and count per frame by site; never asserts.
//   node --import tsx bench/typedAllocs.ts lp_s42.jpg m.json
import { readFileSync } from 'node:fs';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
const [portrait = 'lp_s42.jpg', motion] = process.argv.slice(2);
if (!motion) { console.error('usage: bench/typedAllocs.ts PORTRAIT m.json'); process.exit(2); }
const r = createRenderer(buildAvatar(await cachedPortrait(`${SHARED_PORTRAITS}/${portrait}`)), { width: 512, height: 512 });
const frames = JSON.parse(readFileSync(motion!, 'utf8')).frames.slice(0, 60);
for (const f of frames) r.render(f);
const sites = new Map<string, [number, number]>();
let on = true;
for (const name of ['Float32Array', 'Float64Array', 'Uint8Array', 'Int32Array', 'Uint32Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array'] as const) {
  const C = (globalThis as any)[name];
  const P = new Proxy(C, { construct(target, args, nt) { const o = Reflect.construct(target, args, nt); if (on && o.byteLength >= 64) { on = false; const st = (new Error().stack ?? '').split('\n')[2]?.trim() ?? '?'; on = true; const k = `${name} ${st.replace(/\(.*\/(src|bench)\//, '(').replace(/file:\/\/\S*\/(src|bench)\//, '')}`; const v = sites.get(k) ?? [0, 0]; v[0]++; v[1] += o.byteLength; sites.set(k, v); } return o; } });
  (globalThis as any)[name] = P;
}
for (const f of frames) r.render(f);
on = false;
let n = 0, b = 0;
for (const [, v] of sites) { n += v[0]; b += v[1]; }
console.log(`typed arrays >= 64 B per frame: ${(n / frames.length).toFixed(1)}, ${(b / frames.length / 1024).toFixed(1)} KB`);
for (const [k, v] of [...sites].sort((a, b) => b[1][1] - a[1][1]).slice(0, 30)) console.log(`${(v[1] / frames.length / 1024).toFixed(1).padStart(8)} KB ${(v[0] / frames.length).toFixed(1).padStart(6)} x  ${k}`);
process.exit(0);
