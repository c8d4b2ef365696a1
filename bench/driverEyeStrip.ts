// A driver's eyes frame by frame (eyes30, issue #14): both eyes cropped on the tracked landmarks, frames
// --from..--to in a grid (3x), each labelled with its frame number, to see what the video does where the
// face mesh's readings flicker. Never asserts.
//   node --import tsx bench/driverEyeStrip.ts /path/driver.mp4 out.jpg --from 155 --to 180 [--cols 6]
import sharp from 'sharp';
import { cachedTrack } from './driverTracks.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';

const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : dflt; };
const [driver, out] = [process.argv[2]!, process.argv[3]!];
const from = Number(arg('--from', '0')), to = Number(arg('--to', '20')), cols = Number(arg('--cols', '6'));
const raw = await cachedTrack(driver, 25);
const cells: GridCell[] = [];
let i = 0;
for await (const img of decodeVideoFrames(driver, { fps: 25, maxSide: 720, maxFrames: to + 1 })) {
  const lm = raw[i]?.lm;
  if (i >= from && lm) {
    const p = (k: number) => [lm[k * 3]!, lm[k * 3 + 1]!] as const;
    const iod = Math.hypot(p(263)[0] - p(33)[0], p(263)[1] - p(33)[1]);
    const cx = (p(263)[0] + p(33)[0]) / 2, cy = (p(263)[1] + p(33)[1]) / 2;
    const bw = Math.round(1.4 * iod), bh = Math.round(bw / 3);
    const crop = cropImage(img, [Math.round(cx - bw / 2), Math.round(cy - bh / 2), bw, bh]);
    cells.push({ image: crop, label: `f${i}` });
  }
  i++;
}
const rows: GridCell[][] = [];
for (let k = 0; k < cells.length; k += cols) rows.push(cells.slice(k, k + cols));
const w = cells[0]!.image.width * 2;
const png = await labelledGrid(rows, { title: `${driver.replace(/.*\//, "")} eyes f${from}-${to}`, cellW: w, cellH: Math.round(w / 3) });
await sharp(png).jpeg({ quality: 85 }).toFile(out);
