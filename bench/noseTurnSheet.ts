// Before | after sheet of a turned face's nose and far side (issue #15, session 26): per portrait and
// yaw one row: the photo's face (the analysis crop) | the head from each checkout | the nose and the
// cheek beside it on the side the turn shows, 3x, from each checkout. Over the plate. For looking;
// prints the file path.
//   node --import tsx bench/noseTurnSheet.ts --root BEFORE --root AFTER --yaws -25,25 --out docs/edges/x.jpg lp_s10.jpg mt_man.png
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { checkoutRenderer, photoFaceCell, squareCell, turnedHead, turnSheetArgs, writeGappedSheet } from './headCells.ts';

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
      photoCell ??= await photoFaceCell(portrait.image, renderer.landmarks(neutral) as [number, number, number][], CELL);
      const { img, lm, box, head } = await turnedHead(renderer, neutral, yaw, CELL);
      heads.push(head);
      // the nose tip and the cheek beside it on the side the turn shows (234: image-left, shown by +yaw)
      const tip = lm[4]!, far = lm[yaw > 0 ? 234 : 454]!;
      zooms.push(await squareCell(img, 0.6 * tip[0] + 0.4 * far[0], tip[1] - 0.05 * box.extent, CELL / 3, CELL));
    }
    rows.push([photoCell!, ...heads, ...zooms]);
  }
}
await writeGappedSheet(rows, CELL, out);
console.log(out);
process.exit(0);
