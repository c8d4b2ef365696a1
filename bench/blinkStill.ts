// Which pixels of the open eye still show at blink 1 (bench/eyePixels.ts)? Per portrait and eye:
// the open render | blink 1 | blink 1 with those pixels in magenta, zoomed; prints the share.
//   node --import tsx bench/blinkStill.ts out.png lp_s9.jpg,...
import { writeFile } from 'node:fs/promises';
import { openAndShut } from './shutRender.ts';
import { cropImage, labelledGrid, squareBox, type GridCell } from '../src/eval/eyes.ts';
import { EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER } from '../src/rig/topology.ts';
import { eyePixelsLeft } from './eyePixels.ts';
import type { RgbaImage } from '../src/types.ts';

const [out, list] = process.argv.slice(2);
if (!out || !list) throw new Error('usage: node --import tsx bench/blinkStill.ts out.png file1,file2,...');
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
const rows: GridCell[][] = [];
for (const file of list.split(',')) {
  const { portrait, open, shut } = await openAndShut(file);
  const lm = portrait.cropLandmarks;
  const row: GridCell[] = [];
  for (const [up, lo] of [[EYE_R_UPPER, EYE_R_LOWER], [EYE_L_UPPER, EYE_L_LOWER]] as const) {
    const still: [number, number][] = [];
    const share = eyePixelsLeft(open, shut, lm, up, lo, still);
    const marked = copy(shut);
    for (const [x, y] of still) marked.data.set([255, 0, 255, 255], (y * marked.width + x) * 4);
    const box = squareBox([...up, ...lo].map((i) => lm[i]!), 1.6, shut.width, shut.height);
    console.log(`${file} eye ${up[0]}: still ${share.toFixed(2)} (${still.length} px)`);
    row.push({ label: `${file} open`, image: cropImage(open, box) }, { label: 'blink 1', image: cropImage(shut, box) }, { label: `still ${share.toFixed(2)}`, image: cropImage(marked, box) });
  }
  rows.push(row);
}
await writeFile(out, await labelledGrid(rows, { title: 'eye pixels still showing at blink 1 (magenta): open | blink 1 | marked, each eye', cellW: 180, cellH: 180 }));
console.log(`sheet: ${out}`);
