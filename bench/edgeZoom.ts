// Critic's zoom of the head's edges on a turn, from cached analyses (fast enough to iterate on the
// avatar and renderer): per checkout one row of yaw -25 / 0 / +25 over the plate, then the same
// over white, the head cropped and enlarged. For looking, not measuring.
//   REAL3D_CACHE=/tmp/e7cache node --import tsx bench/edgeZoom.ts [--root DIR]... [--zoom 1.7] [--ear] --out FILE.png name
// --ear: centred on the outline at ear height on the side the turn reveals, ~3x
import path from 'node:path';
import sharp from 'sharp';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { FACE_OVAL } from '../src/rig/topology.ts';
import { cachedPortrait } from './portraitCache.ts';

const HERE = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(HERE, '..', 'shared', 'data', 'portraits');
const args = process.argv.slice(2);
const roots: string[] = [];
let out = "/tmp/edgezoom.png", zoom = 1.7, cell = 300, ear = false, earSide = 0.5;
let yaws = [-25, 0, 25];
const rest: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--root') roots.push(path.resolve(args[++i]!));
  else if (args[i] === '--out') out = args[++i]!;
  else if (args[i] === '--zoom') zoom = Number(args[++i]!);
  else if (args[i] === '--cell') cell = Number(args[++i]!);
  else if (args[i] === "--ear") ear = true;
  else if (args[i] === "--ear-side") { ear = true; earSide = Number(args[++i]!); }
  else if (args[i] === '--yaws') yaws = args[++i]!.split(',').map(Number);
  else rest.push(args[i]!);
}
if (roots.length === 0) roots.push(HERE);
const portrait = await cachedPortrait(path.join(DATA, rest[0]!));
const rows: Buffer[] = [];
for (const root of roots) {
  const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
  const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
  const avatar = buildAvatar(portrait);
  const size = avatar.size;
  const renderer = createRenderer(avatar, { width: size, height: size });
  const neutral: MotionFrame = renderer.neutralFrame();
  const white: RgbaImage = { width: size, height: size, data: new Uint8ClampedArray(size * size * 4).fill(255) };
  for (const bg of [undefined, white]) {
    const cells: Buffer[] = [];
    for (const yaw of yaws) {
      const frame = { ...neutral, pose: { ...neutral.pose, yaw } };
      const lm = renderer.landmarks(frame) as [number, number, number][];
      const img = renderer.render(frame, bg ? { background: bg } : {});
      const xs = FACE_OVAL.map((i) => lm[i]![0]), ys = FACE_OVAL.map((i) => lm[i]![1]);
      let cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2;
      let side = Math.min(size, Math.round(zoom * Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys))));
      // --ear: the side the turn reveals (image-left on +yaw: landmark 234; image-right: 454), closer
      if (ear) { const e = lm[yaw >= 0 ? 234 : 454]!; cx = e[0]; cy = e[1]; side = Math.round(side * earSide); }
      const x0 = Math.max(0, Math.min(size - side, Math.round(cx - side / 2))), y0 = Math.max(0, Math.min(size - side, Math.round(cy - side / 2)));
      const raw = Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength);
      cells.push(await sharp(raw, { raw: { width: size, height: size, channels: 4 } }).extract({ left: x0, top: y0, width: side, height: side }).resize(cell, cell, { kernel: 'lanczos3' }).removeAlpha().png().toBuffer());
    }
    rows.push(await sharp({ create: { width: cell * cells.length, height: cell, channels: 3, background: '#000' } }).composite(cells.map((c, k) => ({ input: c, left: k * cell, top: 0 }))).png().toBuffer());
  }
}
await sharp({ create: { width: cell * yaws.length, height: cell * rows.length, channels: 3, background: '#000' } }).composite(rows.map((r, k) => ({ input: r, left: 0, top: k * cell }))).png().toFile(out);
console.log(out);
process.exit(0);
