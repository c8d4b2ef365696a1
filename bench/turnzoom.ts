// Critic's zoom of a head turn: yaw -25 / 0 / +25 over white, the head cropped and enlarged, one
// row per checkout (prints nothing but the file path; for looking, not measuring).
//   node --import tsx bench/turnzoom.ts [--root DIR]... [--cached] --out FILE.png name
// --cached: every checkout renders the analysis in $REAL3D_CACHE (bench/portraitCache.ts) instead
// of analysing afresh (the same input on both rows, at a fraction of the cost)
import path from 'node:path';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { ovalBox, squareCell, writeSheet } from './headCells.ts';

const HERE = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(HERE, '..', 'shared', 'data', 'portraits');
const args = process.argv.slice(2);
const roots: string[] = [];
let out = '/tmp/turnzoom.png';
let yaws = [-25, 0, 25];
let cached = false;
const names: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--root') roots.push(path.resolve(args[++i]!));
  else if (args[i] === '--out') out = args[++i]!;
  else if (args[i] === '--yaws') yaws = args[++i]!.split(',').map(Number);
  else if (args[i] === '--cached') cached = true;
  else names.push(args[i]!);
}
const name = names.pop()!;
if (roots.length === 0) roots.push(HERE);
const CELL = 420;
const file = path.join(DATA, name);
const rows: Buffer[][] = [];
for (const root of roots) {
  const { analyzePortrait } = await import(path.join(root, 'src/analyze/index.ts'));
  const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
  const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
  const portrait = cached ? await (await import('./portraitCache.ts')).cachedPortrait(file) : await analyzePortrait(file);
  const avatar = buildAvatar(portrait);
  const size = avatar.size;
  const renderer = createRenderer(avatar, { width: size, height: size });
  const neutral: MotionFrame = renderer.neutralFrame();
  const white: RgbaImage = { width: size, height: size, data: new Uint8ClampedArray(size * size * 4).fill(255) };
  const cells: Buffer[] = [];
  for (const yaw of yaws) {
    const frame = { ...neutral, pose: { ...neutral.pose, yaw } };
    const box = ovalBox(renderer.landmarks(frame) as [number, number, number][]);
    cells.push(await squareCell(renderer.render(frame, { background: white }), box.cx, box.cy + 0.1 * box.extent, 1.7 * box.extent, CELL));
  }
  rows.push(cells);
}
await writeSheet(rows, CELL, out);
console.log(out);
process.exit(0);
