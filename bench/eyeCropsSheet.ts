// A before | after sheet from bench/driverEyes.ts --crops folders (eyes30): per listed frame of a pair, the
// driver's eyes | ours from each folder (e.g. main's checkout, this one), enlarged (nearest) to --width px
// per cell. Never asserts.
//   node --import tsx bench/eyeCropsSheet.ts out.jpg --tag lp_s12_lp_d14 --frames 164,165,166 --dirs main:/tmp/a,eyes30:/tmp/b [--width 390]
import sharp from 'sharp';
import path from 'node:path';
import { labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import type { RgbaImage } from '../src/types.ts';

const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : dflt; };
const out = process.argv[2]!;
const tag = arg('--tag', ''), width = Number(arg('--width', '390'));
const frames = arg('--frames', '').split(',').filter(Boolean);
const dirs = arg('--dirs', '').split(',').map((d) => d.split(':') as [string, string]);
async function load(file: string): Promise<RgbaImage> {
  const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) };
}
const rows: GridCell[][] = [];
for (const f of frames) {
  const row: GridCell[] = [{ label: `driver f${f}`, image: await load(path.join(dirs[0]![1], `drv_${tag}_f${f}.png`)) }];
  for (const [name, dir] of dirs) row.push({ label: `${name} f${f}`, image: await load(path.join(dir, `ours_${tag}_f${f}.png`)) });
  rows.push(row);
}
const png = await labelledGrid(rows, { title: `${tag}: driver | ${dirs.map((d) => d[0]).join(' | ')} (eyes, face mesh crop)`, cellW: width, cellH: Math.round(width / 3) });
await sharp(png).jpeg({ quality: 85 }).toFile(out);
