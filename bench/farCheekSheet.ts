// Before | after sheet of turned far cheeks (issue #15, session 17): per portrait one row, the head at
// one yaw from each checkout, then the far cheek (the side the turn shows) 3x from each. Over the
// plate (as the product draws it). For looking; prints the file path.
//   node --import tsx bench/farCheekSheet.ts --root BEFORE --root AFTER [--yaw 25] --out docs/edges/face-s17-plus.jpg lp_s10.jpg lp_s12.jpg
import path from 'node:path';
import sharp from 'sharp';
import { cachedPortrait } from './portraitCache.ts';
import { checkoutRenderer, ovalBox, squareCell } from './headCells.ts';

const HERE = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(HERE, '..', 'shared', 'data', 'portraits');
const args = process.argv.slice(2);
const roots: string[] = [], names: string[] = [];
let out = '/tmp/farCheek.jpg', yaw = 25;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--root') roots.push(path.resolve(args[++i]!));
  else if (args[i] === '--out') out = args[++i]!;
  else if (args[i] === '--yaw') yaw = Number(args[++i]);
  else names.push(args[i]!);
}
if (roots.length === 0) roots.push(HERE);
const CELL = 360;
const rows: Buffer[][] = [];
for (const name of names) {
  const portrait = await cachedPortrait(path.join(DATA, name));
  const heads: Buffer[] = [], zooms: Buffer[] = [];
  for (const root of roots) {
    const { renderer, neutral } = await checkoutRenderer(root, portrait);
    const frame = { ...neutral, pose: { ...neutral.pose, yaw } };
    const lm = renderer.landmarks(frame) as [number, number, number][];
    const box = ovalBox(lm);
    const img = renderer.render(frame);
    heads.push(await squareCell(img, box.cx, box.cy + 0.1 * box.extent, 1.6 * box.extent, CELL));
    // the far cheek: around the oval point on the side the turn shows (234 image-left for +yaw), a third of the face box, 3x
    const far = lm[yaw > 0 ? 234 : 454]!, side = Math.round(CELL / 3);
    zooms.push(await squareCell(img, far[0] + Math.sign(yaw) * 0.12 * box.extent, far[1] + 0.12 * box.extent, side, CELL));
  }
  rows.push([...heads, ...zooms]);
}
const cols = rows[0]!.length, gap = 6;
await sharp({ create: { width: cols * (CELL + gap), height: rows.length * (CELL + gap), channels: 3, background: '#fff' } })
  .composite(rows.flatMap((r, y) => r.map((input, x) => ({ input, left: x * (CELL + gap), top: y * (CELL + gap) }))))
  .jpeg({ quality: 85 }).toFile(out);
console.log(out);
process.exit(0);
