// How much teeth a video-driven (or audio) frame shows against its driver (issue #13, teeth27): per
// picked frame, read back with the face mesh on the driver's frame and on each --root's render, the
// teeth share of the inner-lip polygon (motion/mouthDark.ts isTeethPixel against each image's own
// lips: brighter than 1.15 x the lips' luma and less saturated than them), the share of it in the
// opening's outer third (a row that narrows toward the corners has little there), and on ours the
// separations figure (teethFigures.ts renderedTeeth line energy: mean |dx| across the teeth band over
// the skin's luma); on ours the same inside the rendered mesh's own inner lips too ("mesh": the
// read-back misreads a thin opening). Sheet: driver | each root, the mouth at ~3x. Never asserts.
//   node --import tsx bench/teethDriven.ts --photo lp_s5.jpg --motion m.json [--video v8_lp_d10.mp4]
//        --frames 130,170,183 [--root before,after] [--out sheet.jpg]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { polygonMask } from '../src/eval/masks.ts';
import { cropImage, labelledGrid, squareBox, type GridCell } from '../src/eval/eyes.ts';
import { isTeethPixel } from '../src/motion/mouthDark.ts';
import { saturation } from '../src/math/colour.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { rendererOfRoot } from './mouthTiles.ts';
import { renderedTeeth } from './teethFigures.ts';
import { skinLuma } from './mouthInterior.ts';
import { luma, dist, median, readLandmarks, type Lm } from './readBack.ts';
import { driverPicks, renderedPick } from './pickedFrames.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const opt = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const photo = opt('--photo', 'lp_s5.jpg'), video = opt('--video', ''), motionPath = opt('--motion', '');
const picks = opt('--frames', '130').split(',').map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const out = opt('--out', '/tmp/teethDriven.jpg');
const SIZE = 512, CELL = 260;


/** the lips' bodies: halfway between outer and inner lip landmarks (as motion/mouthDark.ts) */
const LIP_PAIRS: [number, number][] = [[0, 13], [37, 82], [267, 312], [39, 81], [269, 311], [17, 14], [84, 87], [314, 317], [181, 178], [405, 402]];

interface TeethRead { share: number; outer: number; lineE: number; text: string }

/** Teeth share of the opening, its outer third's share of them, the line energy of the teeth band. */
function teethRead(img: RgbaImage, lm: Lm): TeethRead | null {
  const d = img.data, W = img.width;
  const px = (x: number, y: number) => (Math.round(y) * W + Math.round(x)) * 4;
  const lips = LIP_PAIRS.map(([o, n]) => px((lm[o]![0] + lm[n]![0]) / 2, (lm[o]![1] + lm[n]![1]) / 2));
  const lipLight = median(lips.map((o) => luma(d, o))), lipSat = median(lips.map((o) => saturation(d[o]!, d[o + 1]!, d[o + 2]!)));
  const poly = [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((i) => lm[i]!);
  const mask = polygonMask(poly, W, img.height);
  const cx = (lm[78]![0] + lm[308]![0]) / 2, half = Math.max(1, Math.abs(lm[308]![0] - lm[78]![0]) / 2);
  let inside = 0, teeth = 0, outer = 0;
  for (let q = 0; q < mask.length; q++) {
    if (!mask[q]) continue;
    inside++;
    const o = q * 4;
    if (!isTeethPixel(d[o]!, d[o + 1]!, d[o + 2]!, lipLight, lipSat)) continue;
    teeth++;
    if (Math.abs((q % W) + 0.5 - cx) / half > 2 / 3) outer++;
  }
  if (inside < 30) return null;
  const sk = skinLuma(d, W, lm, dist(lm, 33, 263));
  const fig = renderedTeeth(d, W, img.height, mask, sk, 0);
  const lineE = fig?.lineEnergy ?? NaN, share = teeth / inside, outerShare = teeth ? outer / teeth : 0;
  return { share, outer: outerShare, lineE, text: `teeth ${share.toFixed(3)} outer ${outerShare.toFixed(2)} lineE ${lineE.toFixed(3)}` };
}

const LIP = [61, 291, 0, 17, 13, 14, 40, 270, 91, 321];
const crop = (img: RgbaImage, lm: Lm) => cropImage(img, squareBox(LIP.map((i) => lm[i]!), 1.5, img.width, img.height));

const motion = JSON.parse(readFileSync(motionPath, 'utf8')) as { frames: MotionFrame[] };
const rows: GridCell[][] = [], labels: string[] = [];
const sums = new Map<string, number[][]>();
const add = (tag: string, r: TeethRead) => sums.set(tag, [...(sums.get(tag) ?? []), [r.share, r.outer, r.lineE]]);
if (video) {
  const cells: GridCell[] = [];
  for await (const { k, img, lm } of driverPicks(video, picks)) {
    const r = lm ? teethRead(img, lm) : null;
    console.log(`driver     f${k}: ${r?.text ?? 'shut / no face'}`);
    if (r) add('driver', r);
    if (lm) cells.push({ label: `f${k} teeth ${r ? r.share.toFixed(3) : '-'}`, image: crop(img, lm) });
  }
  rows.push(cells); labels.push('driver');
}
const portrait = await cachedPortrait(photo.startsWith('/') ? photo : path.join(DATA, 'portraits', photo));
for (const root of roots) {
  const r = await rendererOfRoot(root, portrait, SIZE), tag = path.basename(root), cells: GridCell[] = [];
  for (const i of picks) {
    const { f, img, meshLm } = renderedPick(r, motion.frames, i);
    const lm = await readLandmarks(img), t = lm ? teethRead(img, lm) : null;
    // (the same figures inside the rendered mesh's own inner lips: a read-back misreads a thin opening)
    const tm = teethRead(img, meshLm);
    if (tm) add(`${tag}-mesh`, tm);
    const w = f.w as Record<string, number>, f2 = (v: number | undefined) => (v ?? 0).toFixed(2);
    console.log(`${tag.padEnd(10)} f${i}: ${t?.text ?? 'shut / no face'} | mesh ${tm?.text ?? 'shut'} | jaw ${f2(w.jawOpen)} smile ${f2(((w.mouthSmileLeft ?? 0) + (w.mouthSmileRight ?? 0)) / 2)} dark ${f2(f.mouthDark)} driverTeeth ${w.driverTeeth?.toFixed(2) ?? "-"}`);
    if (t) add(tag, t);
    if (lm) cells.push({ label: `f${i} teeth ${t ? t.share.toFixed(3) : '-'}`, image: crop(img, lm) });
  }
  rows.push(cells); labels.push(tag);
}
for (const [tag, v] of sums) {
  const mean = (k: number) => (v.reduce((s, r) => s + (Number.isFinite(r[k]!) ? r[k]! : 0), 0) / v.length).toFixed(3);
  console.log(`mean ${tag.padEnd(10)} teeth ${mean(0)} outer ${mean(1)} lineE ${mean(2)} (n ${v.length})`);
}
const png = await labelledGrid(rows, { title: `${photo} <- ${video || path.basename(motionPath)} (mouth ~3x; teeth share of the opening)`, cellW: CELL, cellH: CELL, rowLabels: labels });
await sharp(png).jpeg({ quality: 85 }).toFile(out);
console.log(`wrote ${out}`);
process.exit(0);
