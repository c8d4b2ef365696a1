// What fills the open mouth, against the driver at the same frames (s59 fill59, #13 "cartoon holes": black-rimmed
// ovals, maroon slabs). Per chosen frame of a saved video motion, the driver's frame and each --root's render of the
// portrait are read by the same face mesh; inside the inner-lip polygon, against the lips' median luma L (the ring
// between the outer and inner polygons):
//   dark   share of the opening under .5 L (the cavity)      teeth  share over .85 L and near grey (chroma < .22)
//   tissue share at or over .5 L and red (R > 1.2 G: tongue, inner lip, lit lining)     (the rest: mid greys)
//   rimL   the mean luma of the opening's rim (within RIM IOD of its edge) / L   coreL  the same of the rest
//   rimDk  the rim's dark share        topL / botL  mean luma / L of the opening's upper / lower half
//   sd     the luma's standard deviation inside / L (a flat slab is low)
// A hard dark rim: rimL well under coreL and a high rimDk; a real mouth's rim is the lips turning in, lighter.
//   node --import tsx bench/openMix.ts --motion m.json --portrait lp_s1.jpg --video pcavs86.mp4 --frames 12,33
//     [--root a,b] [--crops DIR] (mouth crops: driver_f<i>.png, <root>_f<i>.png, 1.2 IOD at 240 px)
import path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { polygonMask } from '../src/eval/masks.ts';
import { detectFaces } from '../src/face/detect.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER, LIPS_OUTER_LOWER, LIPS_OUTER_UPPER } from '../src/rig/topology.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
type Lm = [number, number][];
const RIM = 0.03;
export interface Mix { dark: number; teeth: number; tissue: number; rimL: number; coreL: number; rimDk: number; topL: number; botL: number; sd: number }
const KEYS = ['dark', 'teeth', 'tissue', 'rimL', 'coreL', 'rimDk', 'topL', 'botL', 'sd'] as const;

const iodOf = (lm: Lm) => Math.hypot(lm[33]![0] - lm[263]![0], lm[33]![1] - lm[263]![1]);
const luma = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;
const loop = (up: number[], low: number[], lm: Lm) => [...up, ...[...low].reverse()].map((i) => lm[i]!);

/** City-block distance (px) of every mask pixel to the nearest pixel outside it (two passes). */
export function insideDistance(mask: Uint8Array, W: number, H: number): Float32Array {
  const d = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const q = y * W + x;
    d[q] = mask[q] ? Math.min(x > 0 ? d[q - 1]! + 1 : 1, y > 0 ? d[q - W]! + 1 : 1) : 0;
  }
  for (let y = H - 1; y >= 0; y--) for (let x = W - 1; x >= 0; x--) {
    const q = y * W + x;
    if (mask[q]) d[q] = Math.min(d[q]!, x < W - 1 ? d[q + 1]! + 1 : 1, y < H - 1 ? d[q + W]! + 1 : 1);
  }
  return d;
}

/** The opening's composition on one image with its face-mesh landmarks (null: no opening to read). */
export function mixOf(img: RgbaImage, lm: Lm): Mix | null {
  const W = img.width, H = img.height, iod = iodOf(lm), px = img.data;
  const inner = polygonMask(loop(LIPS_INNER_UPPER, LIPS_INNER_LOWER, lm), W, H);
  const outer = polygonMask(loop(LIPS_OUTER_UPPER, LIPS_OUTER_LOWER, lm), W, H);
  const lips: number[] = [];
  for (let q = 0; q < outer.length; q++) if (outer[q] && !inner[q]) lips.push(luma(px, q * 4));
  lips.sort((a, b) => a - b);
  const L = Math.max(1, lips[lips.length >> 1] ?? 128);
  const dist = insideDistance(inner, W, H), rim = RIM * iod;
  const midY = 0.5 * (lm[13]![1] + lm[14]![1]);
  let n = 0, dark = 0, teeth = 0, tissue = 0, s = 0, s2 = 0;
  let nr = 0, sr = 0, dr = 0, nc = 0, sc = 0, nt = 0, st = 0, nb = 0, sb = 0;
  for (let q = 0; q < inner.length; q++) {
    if (!inner[q]) continue;
    const o = q * 4, l = luma(px, o), r = px[o]!, g = px[o + 1]!, b = px[o + 2]!;
    const hi = Math.max(r, g, b), chroma = hi > 0 ? (hi - Math.min(r, g, b)) / hi : 0;
    n++; s += l; s2 += l * l;
    if (l < 0.5 * L) dark++;
    else if (l > 0.85 * L && chroma < 0.22) teeth++;
    else if (r > 1.2 * g) tissue++;
    if (dist[q]! <= rim) { nr++; sr += l; if (l < 0.5 * L) dr++; } else { nc++; sc += l; }
    if ((q / W | 0) + 0.5 < midY) { nt++; st += l; } else { nb++; sb += l; }
  }
  if (n < 20) return null;
  const mean = s / n;
  return { dark: dark / n, teeth: teeth / n, tissue: tissue / n, rimL: sr / Math.max(1, nr) / L, coreL: nc ? sc / nc / L : NaN, rimDk: dr / Math.max(1, nr), topL: st / Math.max(1, nt) / L, botL: sb / Math.max(1, nb) / L, sd: Math.sqrt(Math.max(0, s2 / n - mean * mean)) / L };
}

async function readBack(img: RgbaImage): Promise<Lm | null> {
  const f = (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) }, { embedding: false }))[0];
  return f ? (f.landmarks as number[][]).map((p) => [p[0]!, p[1]!] as [number, number]) : null;
}
async function saveCrop(img: RgbaImage, lm: Lm, file: string): Promise<void> {
  const { closeUp } = await import('../src/eval/mouthRegion.ts');
  const { encodePng } = await import('../src/io/image.ts');
  const cx = 0.25 * (lm[61]![0] + lm[291]![0] + lm[13]![0] + lm[14]![0]), cy = 0.25 * (lm[61]![1] + lm[291]![1] + lm[13]![1] + lm[14]![1]), h = 0.6 * iodOf(lm);
  await writeFile(file, await encodePng(closeUp(img, [cx - h, cy - h, cx + h, cy + h], 240)));
}

if (process.argv[1]?.endsWith('openMix.ts')) {
  const roots = arg('--root', '.').split(',').map((r) => path.resolve(r));
  const frames = arg('--frames', '').split(',').filter(Boolean).map(Number);
  const cropDir = arg('--crops', '');
  const motion = JSON.parse(await readFile(arg('--motion', ''), 'utf8')) as { frames: MotionFrame[] };
  const rows: Record<string, Record<number, Mix | null>> = { driver: {} };
  let i = 0;
  const last = Math.max(...frames);
  for await (const fr of decodeVideoFrames(arg('--video', ''), { fps: 25, maxSide: 512, maxFrames: last + 1 }) as AsyncGenerator<RgbaImage>) {
    if (frames.includes(i)) { const lm = await readBack(fr); rows.driver![i] = lm ? mixOf(fr, lm) : null; if (lm && cropDir) await saveCrop(fr, lm, path.join(cropDir, `driver_f${i}.png`)); }
    i++;
  }
  const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, arg('--portrait', 'lp_s1.jpg')));
  for (const root of roots) {
    const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
    const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
    const r = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
    const tag = path.basename(root), t: Record<number, Mix | null> = {};
    for (const f of frames) {
      const img: RgbaImage = r.render(motion.frames[f]!);
      const lm = await readBack(img);
      t[f] = lm ? mixOf(img, lm) : null;
      if (lm && cropDir) await saveCrop(img, lm, path.join(cropDir, `${tag}_f${f}.png`));
    }
    rows[tag] = t;
  }
  console.log(`${arg('--portrait', '')} <- ${path.basename(arg('--video', ''))}   ${KEYS.join(' ')}`);
  const mean: Record<string, number[]> = {};
  for (const f of frames) for (const [tag, t] of Object.entries(rows)) {
    const m = t[f];
    console.log(`f${String(f).padEnd(4)} ${tag.padEnd(10)} ${m ? KEYS.map((k) => m[k].toFixed(3)).join(' ') : '-'}`);
    if (m) { const a = (mean[tag] ??= KEYS.map(() => 0)); KEYS.forEach((k, j) => { a[j]! += m[k] / frames.length; }); }
  }
  for (const [tag, a] of Object.entries(mean)) console.log(`mean ${tag.padEnd(10)} ${a.map((v) => v.toFixed(3)).join(' ')}`);
  if (arg('--json', '')) await writeFile(arg('--json', ''), JSON.stringify(rows));
}
