// Critic's zoom of the head's edges on a turn, from cached analyses (fast enough to iterate on the
// avatar and renderer): per checkout one row of yaw -25 / 0 / +25 over the plate, then the same
// over white, the head cropped and enlarged. For looking, not measuring.
//   REAL3D_CACHE=/tmp/e7cache node --import tsx bench/edgeZoom.ts [--root DIR]... [--zoom 1.7] [--ear | --ear-side 0.4] --out FILE.png name
// --ear: centred on the outline at ear height on the side the turn reveals, a square of 0.5
// (--ear-side k: k) times the head's zoomed one; --far: the same on the side turning away
import path from 'node:path';
import type { RgbaImage } from '../src/types.ts';
import { ovalBox, squareCell, writeSheet, checkoutRenderer } from './headCells.ts';
import { cachedPortrait } from './portraitCache.ts';

const HERE = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(HERE, '..', 'shared', 'data', 'portraits');
const args = process.argv.slice(2);
const roots: string[] = [];
let out = '/tmp/edgezoom.png', zoom = 1.7, cell = 300, ear = false, earSide = 0.5, far = false;
let yaws = [-25, 0, 25];
const rest: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--root') roots.push(path.resolve(args[++i]!));
  else if (args[i] === '--out') out = args[++i]!;
  else if (args[i] === '--zoom') zoom = Number(args[++i]!);
  else if (args[i] === '--cell') cell = Number(args[++i]!);
  else if (args[i] === '--ear') ear = true;
  else if (args[i] === '--far') { ear = true; far = true; }
  else if (args[i] === '--ear-side') { ear = true; earSide = Number(args[++i]!); }
  else if (args[i] === '--yaws') yaws = args[++i]!.split(',').map(Number);
  else rest.push(args[i]!);
}
if (roots.length === 0) roots.push(HERE);
const portrait = await cachedPortrait(path.join(DATA, rest[0]!));
const rows: Buffer[][] = [];
for (const root of roots) {
  const { renderer, size, neutral } = await checkoutRenderer(root, portrait);
  const white: RgbaImage = { width: size, height: size, data: new Uint8ClampedArray(size * size * 4).fill(255) };
  for (const bg of [undefined, white]) {
    const cells: Buffer[] = [];
    for (const yaw of yaws) {
      const frame = { ...neutral, pose: { ...neutral.pose, yaw } };
      const lm = renderer.landmarks(frame) as [number, number, number][];
      const box = ovalBox(lm);
      // --ear: the side the turn reveals (image-left on +yaw: landmark 234; image-right: 454), closer
      const [cx, cy] = ear ? lm[(yaw >= 0) !== far ? 234 : 454]! : [box.cx, box.cy];
      cells.push(await squareCell(renderer.render(frame, bg ? { background: bg } : {}), cx, cy, zoom * box.extent * (ear ? earSide : 1), cell));
    }
    rows.push(cells);
  }
}
await writeSheet(rows, cell, out);
console.log(out);
process.exit(0);
