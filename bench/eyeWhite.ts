// The picture's white as the teeth take it (render/mouth/eyeWhite.ts), per portrait and per
// reenact clip's frame 0: the colour each checkout reads, and a strip of both eyes (4x) with the
// pixels the current checkout takes as sclera marked in magenta.
//   node --import tsx bench/eyeWhite.ts [--root before,.] [--out x.png] [--only a,b]
// Avatars are cached in $REAL3D_EYEWHITE (default /tmp/real3d-eyewhite).
import path from 'node:path';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import sharp from 'sharp';
import { decodeVideoFrames } from '../src/io/media.ts';
import { analyzePortrait } from '../src/analyze/index.ts';
import { buildAvatar, loadAvatar, saveAvatar } from '../src/avatar/build.ts';
import { eyeWhiteReading } from '../src/render/mouth/eyeWhite.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../src/rig/topology.ts';
import { VIDEOS } from './mouthBase.ts';
import type { Avatar } from '../src/avatar/types.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const roots = opt('--root', '.').split(',').map((r) => path.resolve(r));
const out = opt('--out', '/tmp/eyeWhite.png');
const only = opt('--only', '');
const CACHE = process.env.REAL3D_EYEWHITE ?? '/tmp/real3d-eyewhite';
const PORTRAITS = SHARED_PORTRAITS;
mkdirSync(CACHE, { recursive: true });

async function avatarOf(name: string): Promise<Avatar> {
  const file = `${CACHE}/${name}.avatar`;
  if (existsSync(file)) return loadAvatar(file);
  let src: string | object;
  if (VIDEOS[name]) {
    for await (const img of decodeVideoFrames(VIDEOS[name]!, { fps: 25, maxSide: 1024, maxFrames: 1 })) { src = img; break; }
  } else src = path.join(PORTRAITS, readdirSync(PORTRAITS).find((f) => f.replace(/\.\w+$/, '') === name)!);
  const av = buildAvatar(await analyzePortrait(src! as never));
  await saveAvatar(av, file);
  return av;
}

/** Both eyes cut out of the texture, 4x, the taken pixels magenta. */
async function eyeStrip(av: Avatar, taken: Set<number>): Promise<Buffer> {
  const tex = av.texture, data = Buffer.from(tex.data);
  for (const q of taken) { data[q * 4] = 255; data[q * 4 + 1] = 0; data[q * 4 + 2] = 255; }
  const pts = [...EYE_L_LOOP, ...EYE_R_LOOP].map((i) => [av.uv[i * 2]!, av.uv[i * 2 + 1]!]);
  const xs = pts.map((p) => p[0]!), ys = pts.map((p) => p[1]!);
  const w = Math.max(...xs) - Math.min(...xs), pad = 0.08 * w;
  const left = Math.max(0, Math.floor(Math.min(...xs) - pad)), top = Math.max(0, Math.floor(Math.min(...ys) - 2 * pad));
  const width = Math.min(tex.width - left, Math.ceil(w + 2 * pad)), height = Math.min(tex.height - top, Math.ceil(Math.max(...ys) - Math.min(...ys) + 4 * pad));
  return sharp(data, { raw: { width: tex.width, height: tex.height, channels: 4 } }).extract({ left, top, width, height })
    .resize(600, Math.round(600 * height / width), { kernel: 'nearest' }).png().toBuffer();
}

const names = only ? only.split(',') : [...readdirSync(PORTRAITS).map((f) => f.replace(/\.\w+$/, '')).sort(), ...Object.keys(VIDEOS)];
const readers = await Promise.all(roots.map(async (r) => (await import(path.join(r, 'src/render/mouth/eyeWhite.ts'))).eyeWhite));
const strips: Buffer[] = [];
const fmt = (c: number[] | null) => c ? `(${c.map((v) => Math.round(v)).join(',')})` : 'none';
for (const name of names) {
  let av: Avatar;
  try { av = await avatarOf(name); } catch (e) { console.log(`${name.padEnd(18)} no avatar: ${(e as Error).message.slice(0, 60)}`); continue; }
  const reads = readers.map((f) => fmt(f(av)));
  const r = eyeWhiteReading(av);
  console.log(`${name.padEnd(18)} ${reads.map((s, k) => `${path.basename(roots[k]!)} ${s.padEnd(15)}`).join(' ')} ${r.why}`);
  strips.push(await eyeStrip(av, new Set(r.pixels)));
}
const heights = await Promise.all(strips.map(async (s) => (await sharp(s).metadata()).height!));
let y = 0;
const comp = strips.map((input, k) => { const c = { input, left: 0, top: y }; y += heights[k]! + 4; return c; });
const sheet = sharp({ create: { width: 600, height: y, channels: 3, background: '#000' } }).composite(comp);
await (out.endsWith('.jpg') ? sheet.jpeg({ quality: 82 }) : sheet.png()).toFile(out);
console.log(`wrote ${out}`);
