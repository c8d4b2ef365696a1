// The mouth of a saved motion's frames per checkout, pixel for pixel (nearest, ZOOM x, env; default 10): the inner corners' span
// and half of it tall, one row per root. (s51 teethdraw51) Never asserts.
//   ZOOM=8 node --import tsx bench/rowPixels.ts st_full_body_1.png m.json 111,130 out.png /work/main .
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { cachedPortrait } from './portraitCache.ts';
import { rendererOfRoot } from './mouthTiles.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
const [portraitName, motionFile, frames, out, ...rootArgs] = process.argv.slice(2);
const roots = rootArgs.map((r) => path.resolve(r));
const Z = Number(process.env.ZOOM ?? 10);
const motion = JSON.parse(await readFile(motionFile!, 'utf8')) as { frames: unknown[] };
const portrait = await cachedPortrait(portraitName!.startsWith('/') ? portraitName! : path.join(SHARED_PORTRAITS, portraitName!));
const tiles: { input: Buffer; left: number; top: number }[] = [];
let y = 0, W = 0;
for (const root of roots) {
  const r = await rendererOfRoot(root, portrait, 512);
  let x = 0, RH = 0;
  for (const i of frames!.split(',').map(Number)) {
    const f = motion.frames[i] as Parameters<typeof r.render>[0], img = r.render(f), lm = r.landmarks(f), at = (k: number, c: 0 | 1) => lm[k]![c]!;
    const cx = (at(78, 0) + at(308, 0)) / 2, cy = (at(13, 1) + at(14, 1)) / 2, w = Math.abs(at(308, 0) - at(78, 0)) * 1.15, h = Math.round(w * 0.5);
    const left = Math.round(cx - w / 2), top = Math.round(cy - h / 2);
    const buf = await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: 512, height: 512, channels: 4 } }).extract({ left, top, width: Math.round(w), height: h }).resize(Math.round(w) * Z, h * Z, { kernel: 'nearest' }).png().toBuffer();
    tiles.push({ input: buf, left: x, top: y }); x += Math.round(w) * Z + 6; W = Math.max(W, x);
    RH = Math.max(RH, h * Z);
  }
  y += RH + 6;
}
await sharp({ create: { width: W, height: y, channels: 3, background: '#000' } }).composite(tiles).png().toFile(out!);
process.exit(0);
