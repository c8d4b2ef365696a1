// The upper row's structure (rowStructureFigures.ts: gaps between teeth, fall-off to the sides, the dark
// corridors) on a driver's real frames and on each --root's render of the same motion frames (issue #13,
// slab28: the white slab on pictures without teeth). Ours read inside the rendered mesh's own inner lips.
// Sheet: driver | each root, the mouth at --zoom x (output pixels of ours). Figures only; never asserts.
//   node --import tsx bench/rowStructure.ts --photo st_art_1.png --motion m.json [--video v8_WDA_KatieHill_000.mp4]
//        --frames 11,23,24,26 [--root before,after] [--zoom 4] [--out sheet.jpg] [--profile: the luma across the mouth in 12 bins]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { rendererOfRoot } from './mouthTiles.ts';
import { dist, type Lm } from './readBack.ts';
import { driverPicks, renderedPick } from './pickedFrames.ts';
import { SHARED_DATA } from './sharedData.ts';
import { binnedProfile, incisalEdge, rowStructure, rowStructureText, spread, type RowStructure } from './rowStructureFigures.ts';

const DATA = SHARED_DATA;
const opt = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const photo = opt('--photo', 'st_art_1.png'), video = opt('--video', ''), motionPath = opt('--motion', '');
const picks = opt('--frames', '23').split(',').map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const zoom = Number(opt('--zoom', '4')), out = opt('--out', '/tmp/rowStructure.jpg');
const SIZE = 512;

/** A box 1.5 mouth widths wide, 0.75 tall, around the lips' centre. */
function mouthCrop(img: RgbaImage, lm: Lm): RgbaImage {
  const mw = dist(lm, 61, 291), w = Math.round(1.5 * mw), h = Math.round(0.75 * mw);
  const cx = (lm[61]![0] + lm[291]![0]) / 2, cy = (lm[13]![1] + lm[14]![1]) / 2;
  const x = Math.max(0, Math.min(img.width - w, Math.round(cx - w / 2))), y = Math.max(0, Math.min(img.height - h, Math.round(cy - h / 2)));
  return cropImage(img, [x, y, w, h]);
}

const motion = JSON.parse(readFileSync(motionPath, 'utf8')) as { frames: MotionFrame[] };
const rows: GridCell[][] = [], labels: string[] = [];
const sums = new Map<string, RowStructure[]>();
const add = (tag: string, r: RowStructure | null) => { if (r) sums.set(tag, [...(sums.get(tag) ?? []), r]); };
let cellW = 0;
if (video) {
  const cells: GridCell[] = [];
  for await (const { k, img, lm } of driverPicks(video, picks)) {
    const r = lm ? rowStructure(img, lm) : null;
    console.log(`driver     f${k}: ${rowStructureText(r)}`);
    if (lm && process.argv.includes('--profile')) console.log(`  profile ${binnedProfile(img, lm).map((v) => v.toFixed(2)).join(' ')}`);
    add('driver', r);
    if (lm) cells.push({ label: `driver f${k}`, image: mouthCrop(img, lm) });
  }
  rows.push(cells); labels.push('driver');
}
const portrait = await cachedPortrait(photo.startsWith('/') ? photo : path.join(DATA, 'portraits', photo));
for (const root of roots) {
  const r = await rendererOfRoot(root, portrait, SIZE), tag = path.basename(root), cells: GridCell[] = [];
  for (const i of picks) {
    const { img, meshLm: lm } = renderedPick(r, motion.frames, i);
    const t = rowStructure(img, lm);
    console.log(`${tag.padEnd(10)} f${i}: ${rowStructureText(t)}`);
    if (process.argv.includes('--profile')) console.log(`  profile ${binnedProfile(img, lm).map((v) => v.toFixed(2)).join(' ')}`);
    add(tag, t);
    // (s38 incisal38: --edge prints the incisal edge per column, milli-IOD down from the opening's top)
    if (process.argv.includes('--edge') && t) console.log(`  edge ${incisalEdge(img, lm, t.centre).edge.map((v) => Math.round(v * 1000)).join(' ')}`);
    const c = mouthCrop(img, lm);
    cellW = Math.max(cellW, c.width * zoom);
    cells.push({ label: `${tag} f${i}`, image: c });
  }
  rows.push(cells); labels.push(tag);
}
for (const [tag, v] of sums) {
  const mean = (k: Exclude<keyof RowStructure, 'toothPeaks' | 'toothWidths' | 'gapDepths' | 'gapWidths'>) => v.reduce((s, r) => s + (Number.isFinite(r[k]) ? r[k] : 0), 0) / v.length;
  console.log(`mean ${tag.padEnd(10)} mid ${mean('mid').toFixed(2)} side ${mean('side').toFixed(2)} corner ${mean('corner').toFixed(2)} corridor ${mean('corridor').toFixed(3)} gaps ${mean('gaps').toFixed(1)} depth ${mean('gapDepth').toFixed(3)} spacing ${mean('gapSpacing').toFixed(3)} rms ${mean('gapRms').toFixed(3)} edge rms ${mean('edgeRms').toFixed(1)} notches ${mean('notches').toFixed(1)} tips rms ${mean('tipRms').toFixed(0)} V's ${mean('tipVs').toFixed(1)} (n ${v.length})`);
  // (teeth33: pooled over the frames, how uneven the teeth between gaps are: a picket's are all alike)
  const pool = (k: 'toothPeaks' | 'toothWidths' | 'gapDepths' | 'gapWidths') => v.flatMap((r) => r[k]);
  console.log(`     ${tag.padEnd(10)} spread of tooth peaks ${spread(pool('toothPeaks')).toFixed(3)} (n ${pool('toothPeaks').length}) widths ${spread(pool('toothWidths')).toFixed(3)} gap depths ${spread(pool('gapDepths')).toFixed(3)} (n ${pool('gapDepths').length})`);
  // (s39 row39: the gaps' own width at half depth, median and mean (iod), and the share of gaps deeper than .1 of the centre: a picket's slots are wide and dark)
  const gw = pool('gapWidths'), gd = pool('gapDepths'), med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1] ?? NaN;
  console.log(`     ${tag.padEnd(10)} gap width at half depth median ${med(gw).toFixed(4)} mean ${(gw.reduce((a, b) => a + b, 0) / Math.max(1, gw.length)).toFixed(4)} iod; gaps deeper than .1: ${(gd.filter((d) => d > 0.1).length / Math.max(1, gd.length)).toFixed(2)}; tooth width mean ${(pool('toothWidths').reduce((a, b) => a + b, 0) / Math.max(1, pool('toothWidths').length)).toFixed(3)} iod`);
}
// (columns are frames, rows are driver / roots: each cell the mouth at `zoom` x ours)
const png = await labelledGrid(rows, { title: `${photo} <- ${video || path.basename(motionPath)} (upper row structure; mouth ${zoom}x)`, cellW, cellH: cellW / 2, rowLabels: labels });
await sharp(png).jpeg({ quality: 85 }).toFile(out);
console.log(`wrote ${out}`);
process.exit(0);
