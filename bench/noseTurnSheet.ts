// Before | after sheet of a turned face's nose and far side (issue #15, session 26): per portrait and
// yaw one row: the photo's face (the analysis crop) | the head from each checkout | the nose and the
// cheek beside it on the side the turn shows, 3x, from each checkout. Over the plate. For looking;
// prints the file path.
//   node --import tsx bench/noseTurnSheet.ts --root BEFORE --root AFTER --yaws -25,25 --out docs/edges/x.jpg lp_s10.jpg mt_man.png
import path from 'node:path';
import sharp from 'sharp';
import { cachedPortrait } from './portraitCache.ts';
import { checkoutRenderer, ovalBox, squareCell, turnSheetArgs } from './headCells.ts';

const HERE = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(HERE, '..', 'shared', 'data', 'portraits');
const { roots, names, out, yaws } = turnSheetArgs(process.argv.slice(2), '/tmp/noseTurn.jpg');
const CELL = 300;
const rows: Buffer[][] = [];
for (const name of names) {
  const portrait = await cachedPortrait(path.join(DATA, name));
  const checkouts = await Promise.all(roots.map((root) => checkoutRenderer(root, portrait)));
  for (const yaw of yaws) {
    const heads: Buffer[] = [], zooms: Buffer[] = [];
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
      // the nose tip and the cheek beside it on the side the turn shows (234: image-left, shown by +yaw)
      const tip = lm[4]!, far = lm[yaw > 0 ? 234 : 454]!;
      zooms.push(await squareCell(img, 0.6 * tip[0] + 0.4 * far[0], tip[1] - 0.05 * box.extent, CELL / 3, CELL));
    }
    rows.push([photoCell!, ...heads, ...zooms]);
  }
}
const cols = Math.max(...rows.map((r) => r.length)), gap = 6;
await sharp({ create: { width: cols * (CELL + gap), height: rows.length * (CELL + gap), channels: 3, background: '#fff' } })
  .composite(rows.flatMap((r, y) => r.map((input, x) => ({ input, left: x * (CELL + gap), top: y * (CELL + gap) }))))
  .jpeg({ quality: 85 }).toFile(out);
console.log(out);
process.exit(0);
