// The frame's bottom corners on turned and nodding heads (where the torso shows what lies past the
// photo's crop: mirrored hair, shirt blocks), two checkouts side by side. For looking, not measuring.
//   REAL3D_CACHE=/tmp/c node --import tsx bench/cornerZoom.ts --root BEFORE --root AFTER [--out F.png] name...
// One row per (portrait, pose): bottom-left before | after, bottom-right before | after, 35 % of the frame each.
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { checkoutRenderer, squareCell, writeSheet } from './headCells.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const roots: string[] = [], names: string[] = [];
let out = '/tmp/cornerZoom.png';
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--root') roots.push(path.resolve(args[++i]!));
  else if (args[i] === '--out') out = args[++i]!;
  else names.push(args[i]!);
}
if (roots.length !== 2 || names.length === 0) throw new Error('usage: bench/cornerZoom.ts --root BEFORE --root AFTER [--out F.png] st_happy.png ...');
const POSES = [{ yaw: -25, pitch: 0 }, { yaw: 25, pitch: 0 }, { yaw: -15, pitch: -12 }, { yaw: 15, pitch: 12 }];
const CELL = 360, SIDE = 0.35;
const rows: Buffer[][] = [];
for (const name of names) {
  const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, name));
  const checkouts = await Promise.all(roots.map((r) => checkoutRenderer(r, portrait)));
  for (const { yaw, pitch } of POSES) {
    const frames = checkouts.map(({ renderer, neutral }) => {
      const img = renderer.render({ ...neutral, pose: { yaw, pitch, roll: 0, tx: 0, ty: 0, tz: 0 } });
      return { ...img, data: new Uint8ClampedArray(img.data) };
    });
    const size = checkouts[0]!.size, side = size * SIDE, row: Buffer[] = [];
    for (const cx of [side / 2, size - side / 2]) for (const img of frames) row.push(await squareCell(img, cx, size - side / 2, side, CELL));
    rows.push(row);
  }
}
await writeSheet(rows, CELL, out);
console.log(out);
