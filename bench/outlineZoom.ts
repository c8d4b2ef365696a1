// Critic's 3x zoom of the head's outline against new backgrounds, from cached analyses: per
// checkout one row over white and one over black, cells at the crown and both temples/ears
// (the head's outline where a light line shows first). Prints the outline-line figure per
// backdrop (src/eval/outlineLine.ts).
//   REAL3D_CACHE=/tmp/e8cache node --import tsx bench/outlineZoom.ts [--root DIR]... [--yaw Y] [--bg '#333333'] --out FILE.png name
import path from 'node:path';
import type { RgbaImage } from '../src/types.ts';
import { ovalBox, squareCell, writeSheet, checkoutRenderer } from './headCells.ts';
import { cachedPortrait } from './portraitCache.ts';
import { outlineLineExcess } from '../src/eval/outlineLine.ts';

const HERE = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(HERE, '..', 'shared', 'data', 'portraits');
const args = process.argv.slice(2);
const roots: string[] = [];
let out = '/tmp/outline.png', yaw = 0, cell = 240;
const backs: [number, number, number][] = [[255, 255, 255], [0, 0, 0]];
const rest: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--root') roots.push(path.resolve(args[++i]!));
  else if (args[i] === '--out') out = args[++i]!;
  else if (args[i] === '--yaw') yaw = Number(args[++i]!);
  else if (args[i] === '--cell') cell = Number(args[++i]!);
  else if (args[i] === '--bg') { const h = args[++i]!.replace('#', ''); backs.push([0, 2, 4].map((k) => parseInt(h.slice(k, k + 2), 16)) as [number, number, number]); }
  else rest.push(args[i]!);
}
if (roots.length === 0) roots.push(HERE);
const portrait = await cachedPortrait(path.join(DATA, rest[0]!));
const flat = (size: number, [r, g, b]: [number, number, number]): RgbaImage => {
  const data = new Uint8ClampedArray(size * size * 4);
  for (let i = 0; i < size * size; i++) { data[i * 4] = r; data[i * 4 + 1] = g; data[i * 4 + 2] = b; data[i * 4 + 3] = 255; }
  return { width: size, height: size, data };
};
const rows: Buffer[][] = [];
for (const root of roots) {
  const { renderer, size, neutral } = await checkoutRenderer(root, portrait);
  const frame = { ...neutral, pose: { ...neutral.pose, yaw } };
  const lm = renderer.landmarks(frame) as [number, number, number][];
  const box = ovalBox(lm);
  // the crown above the forehead (10), the temples beside the brows (127, 356), the jaw below the ears (172, 397)
  const side = box.extent / 3; // a third of the face: 3x in a cell of the face's own size
  const spots = [[lm[10]![0], lm[10]![1] - 0.25 * box.extent], lm[127]!, lm[356]!, lm[172]!, lm[397]!].map(([x, y]) => [x!, y!] as [number, number]);
  const t = renderer.render(frame, { background: null });
  const transparent: RgbaImage = { width: size, height: size, data: new Uint8ClampedArray(t.data) };
  const figures: string[] = [];
  for (const back of backs) {
    const img = renderer.render(frame, { background: flat(size, back) });
    const copy: RgbaImage = { width: size, height: size, data: new Uint8ClampedArray(img.data) };
    const line = outlineLineExcess(copy, transparent, portrait.background, 0.299 * back[0] + 0.587 * back[1] + 0.114 * back[2]);
    figures.push(`#${back.map((v) => v.toString(16).padStart(2, '0')).join('')}: ${line.excess.toFixed(2)} levels, ${(100 * line.share).toFixed(1)}% > 10 (${line.count} px)`);
    const cells: Buffer[] = [];
    for (const [cx, cy] of spots) {
      // push the spot outward to the outline: the cell is centred a little outside the landmark
      const dx = cx - box.cx, dy = cy - box.cy, len = Math.hypot(dx, dy) || 1;
      cells.push(await squareCell(copy, cx + (dx / len) * side * 0.25, cy + (dy / len) * side * 0.25, side, cell));
    }
    rows.push(cells);
  }
  console.log(`${rest[0]} ${path.basename(root)} yaw ${yaw} outline line toward old background: ${figures.join(', ')}`);
}
await writeSheet(rows, cell, out);
console.log(out);
process.exit(0);
