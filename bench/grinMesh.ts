// Where a grin's width and corner lift go between the mesh and the rendered frame: per portrait and
// control set (the photo's own frame + smile / jaw), the renderer's own landmarks (mesh) against the
// face mesh read back on the rendered frame (read), both over the read IOD: W = outer corners
// 61-291, Wi = inner corners 78-308, lift = the corners' height over the inner lips' middle
// (13/14 mean, + = up), G = inner gap 13-14. With --sheet OUT.png: the mouths 3x, green = mesh,
// red = read corners. Never asserts.
//   node --import tsx bench/grinMesh.ts [lp_s2.jpg,lp_s42.jpg] [--sheet /tmp/grin.png] [--sets 0,3] [--root /work/wt/before40,.]
// (s40 corner40: `--sets` picks GRIN_SETS by index, `--root` renders with each checkout's renderer in turn.)
import path from 'node:path';
import sharp from 'sharp';
import { SHARED_DATA } from './sharedData.ts';
import { detectFaces } from '../src/face/detect.ts';
import type { MotionFrame } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { rendererOfRoot } from './mouthTiles.ts';

const DATA = SHARED_DATA;
const args = process.argv.slice(2);
const opt = (n: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : undefined; };
const photos = (args.find((a, k) => !a.startsWith('--') && !args[k - 1]?.startsWith('--')) ?? 'lp_s2.jpg,lp_s42.jpg').split(',');
const sheet = opt('--sheet');
const setPick = opt('--sets')?.split(',').map(Number);
const roots = (opt('--root') ?? '.').split(',').map((r) => path.resolve(r));
export const GRIN_SETS: [string, Record<string, number>][] = [
  ['photo', {}],
  ['smile .6', { mouthSmileLeft: 0.6, mouthSmileRight: 0.6 }],
  ['jaw .3', { jawOpen: 0.3 }],
  ['jaw .3 + smile .6', { jawOpen: 0.3, mouthSmileLeft: 0.6, mouthSmileRight: 0.6 }],
  ['jaw .5 + smile .6', { jawOpen: 0.5, mouthSmileLeft: 0.6, mouthSmileRight: 0.6 }],
  ['jaw .3 + smile .8', { jawOpen: 0.3, mouthSmileLeft: 0.8, mouthSmileRight: 0.8 }],
  // Katie at 1.1 s (critic's f28) as her motion reaches lp_s2 (bench/smilePeaks.ts)
  ['Katie 1.1 s', { jawOpen: 0.44, mouthSmileLeft: 0.65, mouthSmileRight: 0.5, mouthStretchLeft: 0.23 }],
];
type P = ArrayLike<number>[];
const d = (lm: P, i: number, j: number) => Math.hypot(lm[i]![0]! - lm[j]![0]!, lm[i]![1]! - lm[j]![1]!);
/** W, Wi, lift, G over iod */
export function grinMeasures(lm: P, iod: number): { W: number; Wi: number; lift: number; G: number; up: number } {
  const mid = 0.5 * (lm[13]![1]! + lm[14]![1]!), corner = 0.5 * (lm[61]![1]! + lm[291]![1]!);
  const eyes = 0.5 * (lm[33]![1]! + lm[263]![1]!);
  return { W: d(lm, 61, 291) / iod, Wi: d(lm, 78, 308) / iod, lift: (mid - corner) / iod, G: d(lm, 13, 14) / iod, up: (eyes - corner) / iod };
}
const f3 = (x: number) => x.toFixed(3);
const tiles: Buffer[] = [];
const TILE_W = 420, TILE_H = 252;
let tileW = 0, tileH = 0;
console.log('portrait  set                 | mesh W   Wi    lift   G    | read W   Wi    lift   G     rise (corners toward the eyes vs the photo)');
for (const photo of photos) for (const root of roots) {
  const portrait = await cachedPortrait(path.join(DATA, 'portraits', photo));
  const size = portrait.image.width;
  const r = await rendererOfRoot(root, portrait, size);
  if (roots.length > 1) console.log(`root ${root}`);
  let photoUp = NaN;
  for (const [name, w] of GRIN_SETS.filter((_, k) => !setPick || setPick.includes(k))) {
    const base = r.neutralFrame();
    const frame: MotionFrame = { ...base, w: { ...base.w, ...w } };
    const mesh = r.landmarks(frame);
    const img = r.render(frame);
    const copy = { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) };
    const read = (await detectFaces(copy, { embedding: false }))[0]?.landmarks as P | undefined;
    if (!read) { console.log(`${photo} ${name}: no face`); continue; }
    const iod = d(read, 33, 263);
    const m = grinMeasures(mesh, iod), q = grinMeasures(read, iod);
    if (name === 'photo') photoUp = q.up;
    console.log(`${photo.padEnd(9)} ${name.padEnd(19)} | ${f3(m.W)} ${f3(m.Wi)} ${f3(m.lift).padStart(6)} ${f3(m.G)} | ${f3(q.W)} ${f3(q.Wi)} ${f3(q.lift).padStart(6)} ${f3(q.G)} ${f3(q.up - photoUp).padStart(6)}`);
    if (sheet) {
      const cx = 0.5 * (mesh[61]![0]! + mesh[291]![0]!), cy = 0.5 * (mesh[13]![1]! + mesh[14]![1]!);
      const half = Math.round(0.55 * iod), S = TILE_W / (2 * half), Sy = TILE_H / Math.round(1.2 * half);
      const left = Math.round(cx - half), top = Math.round(cy - 0.6 * half), wBox = 2 * half, hBox = Math.round(1.2 * half);
      const dots = (lm: P, ids: number[], colour: string) => ids.map((i) => `<circle cx="${(lm[i]![0]! - left) * S}" cy="${(lm[i]![1]! - top) * Sy}" r="3" fill="${colour}"/>`).join('');
      const svg = `<svg width="${TILE_W}" height="${TILE_H}">${dots(mesh, [61, 291, 78, 308, 13, 14, 0, 17, 81, 311, 178, 402], 'lime')}${dots(read, [61, 291, 78, 308, 13, 14], 'red')}<text x="4" y="16" font-size="14" fill="yellow">${photo} ${name}: W ${f3(m.W)}/${f3(q.W)} lift ${f3(m.lift)}/${f3(q.lift)}</text></svg>`;
      const tile = await sharp(Buffer.from(copy.data.buffer), { raw: { width: size, height: size, channels: 4 } })
        .extract({ left, top, width: wBox, height: hBox }).resize(TILE_W, TILE_H, { kernel: 'nearest', fit: 'fill' })
        .composite([{ input: Buffer.from(svg) }]).removeAlpha().raw().toBuffer();
      tileW = TILE_W; tileH = TILE_H;
      tiles.push(tile);
    }
  }
}
if (sheet && tiles.length) {
  const cols = setPick?.length ?? GRIN_SETS.length, rows = Math.ceil(tiles.length / cols);
  await sharp({ create: { width: cols * tileW, height: rows * tileH, channels: 3, background: '#000' } })
    .composite(tiles.map((t, k) => ({ input: t, raw: { width: tileW, height: tileH, channels: 3 as const }, left: (k % cols) * tileW, top: Math.floor(k / cols) * tileH })))
    .png().toFile(sheet);
  console.log(`sheet ${sheet}`);
}
