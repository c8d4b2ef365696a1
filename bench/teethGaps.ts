// How bright the teeth are against the skin, and how dark and wide the lines between them, at the
// most open frames of an audio motion on a speaker's own frame 0 (session 21, critic20: Katie's
// rendered teeth grey, dark gaps between them; mt_sun brown gaps), beside the real video's most
// open frames. Every frame (real or ours) is read the same way: the face found on the image
// (src/eval/frames.ts detectOne), inside its inner-lip polygon (bench/mouthInterior.ts):
//   teeth/skin  the teeth pixels' mean luma over the skin's (the critic's figure)
//   gaps        per row, a pixel with teeth on both sides within 0.035 IOD that is darker than the
//               dimmer of the two brightest of them by over GAP_DIP: `share` of the teeth band's
//               pixels that are such gaps, `dark` their mean luma over the skin's
// Sheet: real | root1 | root2 ... mouths at 3x (real only with --clip). Never asserts.
//   node --import tsx bench/teethGaps.ts --clip katie --motion m.json [--root a,b] [--frames 5] [--out x.jpg]
//   node --import tsx bench/teethGaps.ts --portrait lp_s1.jpg --motion m.json [--root a,b]
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { mouthBox, mouthTile, rendererOfRoot, strip } from './mouthTiles.ts';
import { VIDEOS } from './mouthBase.ts';
import { interiorStats, skinLuma } from './mouthInterior.ts';
import { stripeIndex } from './stripeIndex.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { loadImage } from '../src/io/image.ts';
import { analyzePortrait } from '../src/analyze/index.ts';
import { extractCrop } from '../src/analyze/crop.ts';
import { detectOne } from '../src/eval/frames.ts';
import { polygonMask } from '../src/eval/masks.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

type Img = { width: number; height: number; data: Uint8ClampedArray };
type Lm = ArrayLike<ArrayLike<number>>;
const CLIPS: Record<string, string> = { ...VIDEOS, obama1: VIDEOS.obama2!.replace('clip2', 'clip1') };
const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const clip = opt('--clip', ''), portraitName = opt('--portrait', '');
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const count = Number(opt('--frames', '5')), noReal = args.includes('--no-real');
const out = opt('--out', '/tmp/teethGaps.jpg');
const DATA = SHARED_PORTRAITS;
const ZOOM = 3;
/** a row's dip this far under the teeth beside it is a line between teeth */
const GAP_DIP = 0.15;

const luma = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;
const median = (v: number[]) => { const s = v.filter((x) => x === x).sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };

/** The lines between teeth inside the inner lips: their share of the teeth band and their luma over the skin's. */
export function gapFigures(d: ArrayLike<number>, size: number, lm: Lm): { share: number; dark: number } | null {
  const poly = [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]);
  const mask = polygonMask(poly, size, size);
  const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
  const sk = skinLuma(d, size, lm, iod), w = Math.max(2, Math.round(0.035 * iod));
  const L = new Float32Array(size * size), tooth = new Uint8Array(size * size);
  for (let q = 0; q < L.length; q++) {
    if (!mask[q]) continue;
    const o = q * 4, mx = Math.max(d[o]!, d[o + 1]!, d[o + 2]!), mn = Math.min(d[o]!, d[o + 1]!, d[o + 2]!);
    L[q] = luma(d, o);
    tooth[q] = L[q]! > 1.05 * sk && mx - mn < 0.35 * mx ? 1 : 0;
  }
  let band = 0, gaps = 0, gapL = 0;
  for (let y = 0; y < size; y++) for (let x = w; x < size - w; x++) {
    const q = y * size + x;
    if (!mask[q]) continue;
    let left = 0, right = 0;
    for (let k = 1; k <= w; k++) {
      if (tooth[q - k]) left = Math.max(left, L[q - k]!);
      if (tooth[q + k]) right = Math.max(right, L[q + k]!);
    }
    if (!left || !right) continue;
    band++;
    if (L[q]! < (1 - GAP_DIP) * Math.min(left, right)) { gaps++; gapL += L[q]!; }
  }
  return band < 30 ? null : { share: gaps / band, dark: gaps ? gapL / gaps / sk : NaN };
}

interface Read { teeth: number; teethY: number; share: number; dark: number; gap: number; stripes: number }
async function readImage(img: Img): Promise<{ read: Read | null; lm: Lm | null }> {
  const face = await detectOne({ ...img, data: new Uint8ClampedArray(img.data) }, false);
  if (!face) return { read: null, lm: null };
  const lm = face.landmarks as Lm, s = interiorStats(img.data, img.width, lm), g = gapFigures(img.data, img.width, lm);
  const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
  const gap = Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / iod;
  return { lm, read: { teeth: s?.teethLuma ?? NaN, teethY: s?.teethY ?? NaN, share: g?.share ?? NaN, dark: g?.dark ?? NaN, gap, stripes: stripeIndex(img.data, img.width, lm) ?? NaN } };
}
const line = (rs: (Read | null)[]) => {
  const r = rs.filter((x): x is Read => x !== null), m = (k: keyof Read, dg = 2) => median(r.map((x) => x[k])).toFixed(dg);
  return `teeth/skin ${m('teeth')} teeth luma ${m('teethY', 0)} gaps share ${m('share', 3)} dark ${m('dark')} stripes ${m('stripes', 1)} (lip gap ${m('gap')}, ${r.length} frames) | per frame teeth/skin ${r.map((x) => x.teeth.toFixed(2)).join(' ')} stripes ${r.map((x) => x.stripes.toFixed(1)).join(' ')} gap dark ${r.map((x) => x.dark.toFixed(2)).join(' ')}`;
};
const around = (lm: Lm, side: number) => {
  const b = mouthBox(lm, 1.5, 0.42);
  return { side, left: Math.round(b.left + b.side / 2 - side / 2), top: Math.round(b.top + 0.42 * (b.side - side)) };
};
/** the `n` most open of frames scored by `open`, at least `apart` frames apart */
function mostOpen(open: number[], n: number, apart: number): number[] {
  const order = open.map((v, i) => [i, v] as const).filter(([, v]) => v === v).sort((a, b) => b[1] - a[1]);
  const at: number[] = [];
  for (const [i] of order) if (at.length < n && at.every((j) => Math.abs(j - i) >= apart)) at.push(i);
  return at.sort((a, b) => a - b);
}

const motion = JSON.parse(await readFile(opt('--motion', ''), 'utf8')) as { frames: { w: Record<string, number> }[] };
const rows: Buffer[] = [];
let portrait, size: number, side = 0;
if (clip) {
  // the real video: frame 0 is the photo; its most open frames (read lip gap) cut as the photo was
  const frames: Img[] = [];
  for await (const img of decodeVideoFrames(CLIPS[clip]!, { fps: 25, maxSide: 1024, maxFrames: noReal ? 1 : motion.frames.length })) frames.push(img as Img);
  portrait = await analyzePortrait(frames[0] as never);
  const c = portrait.analysis.crop;
  size = c.size;
  const box = { x: Math.round(c.x), y: Math.round(c.y), side: Math.round(c.side) };
  const crops: Img[] = [], reads: Awaited<ReturnType<typeof readImage>>[] = [];
  for (let i = 0; i < frames.length && !noReal; i += 2) {
    const crop = await extractCrop(frames[i] as never, box, size) as any;
    crops[i] = 'image' in crop ? crop.image : crop;
    reads[i] = await readImage(crops[i]!);
  }
  const at = mostOpen(reads.map((r) => r?.read?.gap ?? NaN), count, 6);
  if (at.length) {
  side = mouthBox(reads[at[0]!]!.lm!, 1.5, 0.42).side;
  console.log(`${clip} real   frames ${at.join(',')}: ${line(at.map((i) => reads[i]!.read))}`);
  rows.push(await strip(await Promise.all(at.map((i) => mouthTile(crops[i]!.data, size, around(reads[i]!.lm!, side), ZOOM))), side * ZOOM));
  }
} else {
  portrait = await analyzePortrait(await loadImage(portraitName.startsWith('/') ? portraitName : path.join(DATA, portraitName)));
  size = 512;
}
// ours: the motion's most open frames (jawOpen + 0.3 mouthLowerDown), read off the render
const at = mostOpen(motion.frames.map((f) => (f.w.jawOpen ?? 0) + 0.3 * (f.w.mouthLowerDown ?? 0)), count, 6);
for (const root of roots) {
  const r = await rendererOfRoot(root, portrait, size);
  const tiles: Buffer[] = [], reads: (Read | null)[] = [];
  for (const i of at) {
    const f = motion.frames[i] as Parameters<typeof r.render>[0];
    const img = r.render(f) as Img, { read, lm } = await readImage(img);
    const mlm = lm ?? r.landmarks(f);
    if (!side) side = mouthBox(mlm, 1.5, 0.42).side;
    tiles.push(await mouthTile(img.data, size, around(mlm, side), ZOOM));
    reads.push(read);
  }
  console.log(`${(clip || path.basename(portraitName)).padEnd(8)} ${path.basename(root).padEnd(8)} frames ${at.join(',')}: ${line(reads)}`);
  rows.push(await strip(tiles, side * ZOOM));
}
const W = side * ZOOM * count, H = side * ZOOM;
const sheet = await sharp({ create: { width: W, height: rows.length * (H + 4), channels: 3, background: '#000' } })
  .composite(rows.map((input, q) => ({ input, left: 0, top: q * (H + 4) }))).png().toBuffer();
await sharp(sheet).resize(Math.min(W, 1500)).jpeg({ quality: 85 }).toFile(out);
console.log(`wrote ${out} (rows: ${clip ? 'real, ' : ''}${roots.map((r) => path.basename(r)).join(', ')})`);
