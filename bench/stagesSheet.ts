// A sheet of bench/puckerStages.ts --dump images: one row per frame, one column per image tag
// (driver, then each root), the mouth cropped 0.8 IOD wide round the read lips (nearest-neighbour,
// ~3x at 512 px), the face mesh's read inner lip points marked (--marks) so what the read-back
// took for lip shows. Never asserts.
//   node --import tsx bench/stagesSheet.ts DUMP OUT.png --frames 65,90 --tags driver,main,round27 [--marks]
import path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import type { RgbaImage } from '../src/types.ts';

const [dump, out] = process.argv.slice(2);
const opt = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const frames = opt('--frames', '65,90').split(',');
const tags = opt('--tags', 'driver').split(',');
const marks = process.argv.includes('--marks');
const { default: sharp } = await import('sharp');
type Lm = [number, number][];

async function load(name: string): Promise<{ img: RgbaImage; lm: Lm } | null> {
  try {
    const { data, info } = await sharp(path.join(dump!, `${name}.png`)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const lm = JSON.parse(await readFile(path.join(dump!, `${name}.json`), 'utf8')) as Lm;
    return { img: { width: info.width, height: info.height, data: new Uint8ClampedArray(data) }, lm };
  } catch { return null; }
}

/** The mouth box, 0.8 IOD a side round the middle of 13-14, as a square crop resampled to `side` px (nearest). */
function mouthCrop({ img, lm }: { img: RgbaImage; lm: Lm }, side: number): RgbaImage {
  const iod = Math.hypot(lm[33]![0] - lm[263]![0], lm[33]![1] - lm[263]![1]), box = 0.8 * iod;
  const cx = (lm[13]![0] + lm[14]![0]) / 2, cy = (lm[13]![1] + lm[14]![1]) / 2, x0 = cx - box / 2, y0 = cy - box / 2;
  const data = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) {
    const sx = Math.min(img.width - 1, Math.max(0, Math.floor(x0 + ((x + 0.5) * box) / side)));
    const sy = Math.min(img.height - 1, Math.max(0, Math.floor(y0 + ((y + 0.5) * box) / side)));
    data.set(img.data.subarray((sy * img.width + sx) * 4, (sy * img.width + sx) * 4 + 4), (y * side + x) * 4);
  }
  if (marks) for (const i of [...LIPS_INNER_UPPER, ...LIPS_INNER_LOWER]) {
    const px = Math.round(((lm[i]![0] - x0) / box) * side), py = Math.round(((lm[i]![1] - y0) / box) * side);
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const x = px + dx, y = py + dy;
      if (x >= 0 && y >= 0 && x < side && y < side) data.set(LIPS_INNER_UPPER.includes(i) ? [0, 255, 255, 255] : [255, 0, 255, 255], (y * side + x) * 4);
    }
  }
  return { width: side, height: side, data };
}

const rows: GridCell[][] = [];
for (const f of frames) {
  const row: GridCell[] = [];
  for (const t of tags) {
    const got = await load(`${t}_f${f}`);
    if (got) row.push({ label: `${t} f${f}`, image: mouthCrop(got, 360) });
  }
  rows.push(row);
}
await writeFile(out!, await labelledGrid(rows, { title: `${path.basename(dump!)}: mouth 0.8 IOD square${marks ? ', read inner lip points' : ''}`, cellW: 360, cellH: 360 }));
console.log(`wrote ${out}`);
