// Critic's zoom of a head turn: yaw -25 / 0 / +25 over white, the head cropped and enlarged, one
// row per checkout (prints nothing but the file path; for looking, not measuring).
//   node --import tsx bench/turnzoom.ts [--root DIR]... --out FILE.png name
import path from 'node:path';
import sharp from 'sharp';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { FACE_OVAL } from '../src/rig/topology.ts';

const HERE = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(HERE, '..', 'shared', 'data', 'portraits');
const args = process.argv.slice(2);
const roots: string[] = [];
let out = '/tmp/turnzoom.png';
let yaws = [-25, 0, 25];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--root') roots.push(path.resolve(args[++i]!));
  else if (args[i] === '--out') out = args[++i]!;
  else if (args[i] === '--yaws') yaws = args[++i]!.split(',').map(Number);
}
const name = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')).pop()!;
if (roots.length === 0) roots.push(HERE);
const CELL = 420;
const file = path.join(DATA, name);
const rows: Buffer[] = [];
for (const root of roots) {
  const { analyzePortrait } = await import(path.join(root, 'src/analyze/index.ts'));
  const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
  const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
  const portrait = await analyzePortrait(file);
  const avatar = buildAvatar(portrait);
  const size = avatar.size;
  const renderer = createRenderer(avatar, { width: size, height: size });
  const neutral: MotionFrame = renderer.neutralFrame();
  const white: RgbaImage = { width: size, height: size, data: new Uint8ClampedArray(size * size * 4).fill(255) };
  const cells: Buffer[] = [];
  for (const yaw of yaws) {
    const frame = { ...neutral, pose: { ...neutral.pose, yaw } };
    const lm = renderer.landmarks(frame) as [number, number, number][];
    const img = renderer.render(frame, { background: white });
    const xs = FACE_OVAL.map((i) => lm[i]![0]), ys = FACE_OVAL.map((i) => lm[i]![1]);
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2 + 0.1 * (Math.max(...ys) - Math.min(...ys));
    const side = Math.min(size, Math.round(1.7 * Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys))));
    const x0 = Math.max(0, Math.min(size - side, Math.round(cx - side / 2))), y0 = Math.max(0, Math.min(size - side, Math.round(cy - side / 2)));
    const raw = Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength);
    cells.push(await sharp(raw, { raw: { width: size, height: size, channels: 4 } }).extract({ left: x0, top: y0, width: side, height: side }).resize(CELL, CELL, { kernel: 'lanczos3' }).removeAlpha().png().toBuffer());
  }
  rows.push(await sharp({ create: { width: CELL * cells.length, height: CELL, channels: 3, background: '#000' } }).composite(cells.map((c, k) => ({ input: c, left: k * CELL, top: 0 }))).png().toBuffer());
}
await sharp({ create: { width: CELL * yaws.length, height: CELL * rows.length, channels: 3, background: '#000' } }).composite(rows.map((r, k) => ({ input: r, left: 0, top: k * CELL }))).png().toFile(out);
console.log(out);
process.exit(0);
