// How bright, how crisp and how big the lower row looks in a small opening, driver | ours (issue #13, lowrow57: lp_s11 <- lieu's
// crisp white lower crescent where the driver shows soft, dim lower teeth). Read inside the inner-lip contour (MOUTH_LOOP), middle
// columns (within .6 of the half width), the lower half of each column's height: `row` the p90 luma over the lips' (lipReference),
// `lit` the share of the whole opening (same columns) lit over the lips' light (a bright crescent high, a dim row ~0),
// `step` per column the largest rise of luma over two pixels going down the lower half, over the lips' light (median; a crisp edge
// high) and `rise` the rows from 20 % to 80 % of that column's dark-to-row rise in milli-IOD (median; a soft edge wide). Driver
// frames are read with the face mesh, ours with the renderer's own landmarks. Sheet driver | roots, mouth at 3x. Never asserts.
//   node --import tsx bench/lowerRowLook.ts --portrait lp_s11.jpg --motion m.json --frames 0,10 --driver CLIP.mp4 --root /work/main,. [--out x.png]
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { SHARED_DATA } from './sharedData.ts';
import { detectFaces } from '../src/face/detect.ts';
import { lipReference } from '../src/motion/mouthDark.ts';
import { openingColumns } from './openingColumns.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { videoFrameAt, type Lm } from './openLowerLipFigures.ts';
import { mouthBox, mouthTile, rendererOfRoot, strip } from './mouthTiles.ts';
import { cachedPortrait } from './portraitCache.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const media = (f: string, dir: string) => (path.isAbsolute(f) ? f : path.join(SHARED_DATA, dir, f));
const SIZE = 512, TILE = 240, ZOOM = 3;
const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '--');
const median = (v: number[]) => { if (!v.length) return NaN; const s = [...v].sort((a, b) => a - b); return s[s.length >> 1]!; };
const quant = (v: number[], q: number) => { if (!v.length) return NaN; const s = [...v].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]!; };

export interface LowerRowLook { row: number; lit: number; step: number; rise: number; sat: number }

/** The lower row's look in one image with its face-mesh landmarks (flat x, y, z). */
export function lowerRowLook(img: RgbaImage, lm: ArrayLike<number>): LowerRowLook | null {
  const d = img.data, W = img.width, at = (k: number) => [lm[k * 3]!, lm[k * 3 + 1]!] as const;
  const ref = lipReference(img, lm), lip = ref.light;
  const iod = Math.hypot(at(33)[0] - at(263)[0], at(33)[1] - at(263)[1]);
  const { cx, half, cols } = openingColumns(lm);
  const L = (x: number, y: number) => { const i = (y * W + x) * 4; return (0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!) / Math.max(1, lip); };
  const sats: number[] = [], lower: number[] = [], steps: number[] = [], rises: number[] = [];
  let all = 0, lit = 0;
  for (const [x, [top, bottom]] of cols) {
    if (bottom - top < 3 || Math.abs(x - cx) > 0.6 * half) continue;
    const mid = Math.floor((top + bottom) / 2);
    for (let y = top; y <= bottom; y++) { all++; if (L(x, y) > 1) lit++; if (y >= mid) { lower.push(L(x, y)); if (L(x, y) > 1) { const i = (y * W + x) * 4, mx = Math.max(d[i]!, d[i + 1]!, d[i + 2]!), mn = Math.min(d[i]!, d[i + 1]!, d[i + 2]!); sats.push((mx - mn) / Math.max(1, mx)); } } }
    // (the sharpest rise going down the lower half, and its 20-80 % width between the column's darkest above it and its lightest below)
    let best = 0, bestY = -1;
    for (let y = Math.max(top, mid - 1); y + 2 <= bottom; y++) { const s = (L(x, y + 2) - L(x, y)) / 2; if (s > best) { best = s; bestY = y + 1; } }
    if (bestY < 0) continue;
    steps.push(best);
    let lo = Infinity, hi = -Infinity;
    for (let y = top; y <= bestY; y++) lo = Math.min(lo, L(x, y));
    for (let y = bestY; y <= bottom; y++) hi = Math.max(hi, L(x, y));
    if (hi - lo < 0.15) continue;
    let a = bestY, b = bestY;
    while (a > top && L(x, a) > lo + 0.2 * (hi - lo)) a--;
    while (b < bottom && L(x, b) < lo + 0.8 * (hi - lo)) b++;
    rises.push((1000 * (b - a)) / iod);
  }
  if (!lower.length) return null;
  return { row: quant(lower, 0.9), lit: lit / Math.max(1, all), step: median(steps), rise: median(rises), sat: median(sats) / Math.max(1e-3, ref.sat) };
}

const text = (f: LowerRowLook | null) => (f ? `row ${f2(f.row)} lit ${f2(f.lit)} step ${f2(f.step)} rise ${f.rise.toFixed(0)} sat ${f2(f.sat)}` : 'shut');
const flat = (lm: Lm) => Float32Array.from(Array.from(lm, (p) => [p[0]!, p[1]!, p[2] ?? 0]).flat());

async function tile(img: RgbaImage, lm: Lm): Promise<Buffer> {
  const box = mouthBox(lm, 1.5, 0.45);
  box.side = Math.min(box.side, img.width - Math.max(0, box.left), img.height - Math.max(0, box.top));
  return sharp(await mouthTile(img.data, img.width, box, ZOOM)).resize(TILE, TILE).png().toBuffer();
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('lowerRowLook.ts')) {
  const portrait = await cachedPortrait(media(opt('--portrait', 'lp_s11.jpg'), 'portraits'));
  const roots = opt('--root', '.').split(',').map((r) => path.resolve(r));
  const motion = JSON.parse(await readFile(opt('--motion', ''), 'utf8')) as { frames: MotionFrame[] };
  const frames = opt('--frames', '0').split(',').map(Number);
  const renderers = await Promise.all(roots.map((r) => rendererOfRoot(r, portrait, SIZE)));
  const driver = opt('--driver', '');
  const rows: Buffer[] = [];
  for (const f of frames) {
    const tiles: Buffer[] = [], line: string[] = [`f${f}`];
    if (driver) {
      const img = videoFrameAt(media(driver, 'video'), f / 25 + 0.001), face = (await detectFaces(img, { embedding: false }))[0];
      if (face) { line.push(`driver ${text(lowerRowLook(img, flat(face.landmarks as Lm)))}`); tiles.push(await tile(img, face.landmarks as Lm)); }
    }
    for (const [k, r] of renderers.entries()) {
      const img = r.render(motion.frames[f]!), copy = { width: SIZE, height: SIZE, data: Uint8ClampedArray.from(img.data) } as RgbaImage, lm = r.landmarks(motion.frames[f]!);
      line.push(`${path.basename(roots[k]!)} ${text(lowerRowLook(copy, flat(lm)))}`);
      tiles.push(await tile(copy, lm));
    }
    console.log(line.join(' | '));
    rows.push(await strip(tiles, TILE));
  }
  const out = opt('--out', '');
  if (out) {
    const width = (TILE + 4) * (renderers.length + (driver ? 1 : 0));
    await sharp({ create: { width, height: rows.length * (TILE + 4), channels: 3, background: '#000' } })
      .composite(rows.map((input, q) => ({ input, left: 0, top: q * (TILE + 4) }))).png().toFile(out);
    console.log(`wrote ${out}`);
  }
}
