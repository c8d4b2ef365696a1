// Before | after sheet of a turned face's far eye and far chin (issue #15, session 27): per portrait
// and yaw one row: the photo's face (the analysis crop) | the head from each checkout | the far eye
// (its outer corner and the temple beside it) 3x from each checkout | the far chin 3x from each
// checkout. Over the plate. For looking; prints the file path.
//   node --import tsx bench/farEyeChinSheet.ts --root BEFORE --root AFTER --yaws -25,25 --out docs/edges/x.jpg lp_s10.jpg
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { checkoutRenderer, photoFaceCell, squareCell, turnedHead, turnSheetArgs, writeGappedSheet } from './headCells.ts';

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
      photoCell ??= await photoFaceCell(portrait.image, renderer.landmarks(neutral) as [number, number, number][], CELL);
      const { img, lm, head } = await turnedHead(renderer, neutral, yaw, CELL);
      heads.push(head);
      // the side the turn shows: +yaw shows image-left (outer eye corner 33, chin-side oval 149)
      const corner = lm[yaw > 0 ? 33 : 263]!, inner = lm[yaw > 0 ? 133 : 362]!, chin = lm[yaw > 0 ? 149 : 378]!;
      eyes.push(await squareCell(img, 0.7 * corner[0] + 0.3 * inner[0], corner[1], CELL / 3, CELL));
      chins.push(await squareCell(img, chin[0], chin[1], CELL / 3, CELL));
    }
    rows.push([photoCell!, ...heads, ...eyes, ...chins]);
  }
}
await writeGappedSheet(rows, CELL, out);
console.log(out);
process.exit(0);
