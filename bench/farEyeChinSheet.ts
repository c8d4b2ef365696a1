// Before | after sheet of a turned face's far eye and far chin (issue #15, session 27): per portrait
// and yaw one row: the photo's face (the analysis crop) | the head from each checkout | the far eye
// (its outer corner and the temple beside it) 3x from each checkout | the far chin 3x from each
// checkout. Over the plate. For looking; prints the file path.
//   node --import tsx bench/farEyeChinSheet.ts --root BEFORE --root AFTER --yaws -25,25 --out docs/edges/x.jpg lp_s10.jpg
import path from 'node:path';
import sharp from 'sharp';
import { cachedPortrait } from './portraitCache.ts';
import { checkoutRenderer, ovalBox, squareCell, turnSheetArgs } from './headCells.ts';

const HERE = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(HERE, '..', 'shared', 'data', 'portraits');
const { roots, names, out, yaws } = turnSheetArgs(process.argv.slice(2), '/tmp/farEyeChin.jpg');
const CELL = 240;
const rows: Buffer[][] = [];
for (const name of names) {
  const portrait = await cachedPortrait(path.join(DATA, name));
  const checkouts = await Promise.all(roots.map((root) => checkoutRenderer(root, portrait)));
  for (const yaw of yaws) {
    const heads: Buffer[] = [], eyes: Buffer[] = [], chins: Buffer[] = [];
    let photoCell: Buffer | null = null;
    for (const { renderer, neutral } of checkouts) {
      const rest = renderer.landmarks(neutral) as [number, number, number][];
      const restBox = ovalBox(rest);
      photoCell ??= await squareCell(portrait.image, restBox.cx, restBox.cy + 0.1 * restBox.extent, 1.6 * restBox.extent, CELL);
      const frame = { ...neutral, pose: { ...neutral.pose, yaw } };
      const lm = renderer.landmarks(frame) as [number, number, number][];
      const box = ovalBox(lm);
      const img = renderer.render(frame);
      heads.push(await squareCell(img, box.cx, box.cy + 0.1 * box.extent, 1.6 * box.extent, CELL));
      // the side the turn shows: +yaw shows image-left (outer eye corner 33, chin-side oval 149)
      const corner = lm[yaw > 0 ? 33 : 263]!, inner = lm[yaw > 0 ? 133 : 362]!, chin = lm[yaw > 0 ? 149 : 378]!;
      eyes.push(await squareCell(img, 0.7 * corner[0] + 0.3 * inner[0], corner[1], CELL / 3, CELL));
      chins.push(await squareCell(img, chin[0], chin[1], CELL / 3, CELL));
    }
    rows.push([photoCell!, ...heads, ...eyes, ...chins]);
  }
}
const cols = Math.max(...rows.map((r) => r.length)), gap = 6;
await sharp({ create: { width: cols * (CELL + gap), height: rows.length * (CELL + gap), channels: 3, background: '#fff' } })
  .composite(rows.flatMap((r, y) => r.map((input, x) => ({ input, left: x * (CELL + gap), top: y * (CELL + gap) }))))
  .jpeg({ quality: 85 }).toFile(out);
console.log(out);
process.exit(0);
