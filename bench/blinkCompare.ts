// Before/after sheet of shut eyes from folders written by bench/blinkShots.ts: per portrait and eye,
// photo | each folder's frame at one blink weight, eyes about 3x (the crop from the analysis'
// landmarks, which src/analyze/eyes.ts may have moved onto an eye the face mesh missed). With
// --strip 0,0.6,...,1: a blink sequence instead, per portrait and folder one row of the image-left eye
// at those weights (the folders written with blinkShots --steps). Never asserts.
//   node --import tsx bench/blinkCompare.ts out.png before=/tmp/a,after=/tmp/b [--only a.jpg,...] [--blink 1] [--cell 180] [--strip 0,0.6,0.8,1]
import path from 'node:path';
import { readdirSync, existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { loadImage } from '../src/io/image.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const [out, colsArg] = process.argv.slice(2);
if (!out || !colsArg) throw new Error('usage: node --import tsx bench/blinkCompare.ts out.png label=dir,label=dir [--only a.jpg,...] [--blink 1] [--cell 180]');
const cols = colsArg.split(',').map((c) => c.split('=') as [string, string]);
const only = arg('--only')?.split(',');
const blink = arg('--blink') ?? '1';
const cellW = Number(arg('--cell') ?? 180);
const strip = arg('--strip')?.split(',');
// --dir: another folder of photos (e.g. the review's first frames of Obama and Fei-Fei)
const dir = path.resolve(arg('--dir') ?? path.join(DATA, 'portraits'));
const rows: GridCell[][] = [];
const eyeBox = (lm: ArrayLike<ArrayLike<number>>, a: number, b: number, W: number, H: number): [number, number, number, number] => {
  const w = Math.hypot(lm[b]![0]! - lm[a]![0]!, lm[b]![1]! - lm[a]![1]!);
  const cx = (lm[a]![0]! + lm[b]![0]!) / 2, cy = (lm[a]![1]! + lm[b]![1]!) / 2;
  const x = Math.max(0, Math.round(cx - w)), y = Math.max(0, Math.round(cy - 0.6 * w));
  return [x, y, Math.min(W - x, Math.round(2 * w)), Math.min(H - y, Math.round(1.2 * w))];
};
/** A photo box on a frame rendered at another size (blinkShots --size). */
const scaleBox = (b: [number, number, number, number], s: number): [number, number, number, number] => (s === 1 ? b : [Math.round(b[0] * s), Math.round(b[1] * s), Math.round(b[2] * s), Math.round(b[3] * s)]);
for (const file of readdirSync(dir).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort()) {
  if (only && !only.includes(file)) continue;
  if (!existsSync(path.join(cols[0]![1], `${file}@${strip ? strip[0] : blink}.png`))) continue;
  const portrait = await cachedPortrait(path.join(dir, file));
  if (strip) {
    const box = eyeBox(portrait.cropLandmarks, 33, 133, portrait.image.width, portrait.image.height);
    for (const [label, d] of cols) {
      const cells: GridCell[] = [];
      for (const b of strip) {
        const frame = await loadImage(path.join(d, `${file}@${b}.png`));
        cells.push({ label: `${file} ${label} blink ${b}`, image: cropImage(frame, scaleBox(box, frame.width / portrait.image.width)) });
      }
      rows.push(cells);
    }
    continue;
  }
  const frames = await Promise.all(cols.map(([, d]) => loadImage(path.join(d, `${file}@${blink}.png`))));
  const lm = portrait.cropLandmarks;
  const row: GridCell[] = [];
  for (const [a, b] of [[33, 133], [362, 263]] as const) {
    const box = eyeBox(lm, a, b, portrait.image.width, portrait.image.height);
    row.push({ label: `${file} photo`, image: cropImage(portrait.image, box) });
    frames.forEach((f, k) => row.push({ label: `${cols[k]![0]} blink ${blink}`, image: cropImage(f, scaleBox(box, f.width / portrait.image.width)) }));
  }
  rows.push(row);
}
await writeFile(out, await labelledGrid(rows, { title: strip ? `blink sequence, image-left eye, per row one checkout: blink ${strip.join(', ')}` : `shut eyes, each eye: photo | ${cols.map((c) => c[0]).join(' | ')} (about 3x)`, cellW, cellH: Math.round(cellW * 0.6) }));
console.log(`sheet: ${out}`);
