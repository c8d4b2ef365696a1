// A motion file's frames rendered before (hairlineHold off) and after (on) beside the driver clip's frames
// (pitch45, s45): row 1 the driver, row 2 before, row 3 after, each cropped on the head.
//   node --import tsx bench/pitchFrames.ts --photo x.png --motion x.motion.json --clip clip.mp4 --frames 11,22,43,64 --out x.png
import sharp from 'sharp';
import { readFile } from 'node:fs/promises';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { clipFrameFace } from './clipFrame.ts';

const arg = (n: string, d: string) => { const i = process.argv.indexOf(n); return i >= 0 ? process.argv[i + 1]! : d; };
const frames = arg('--frames', '11,22,43,64').split(',').map(Number);
const motion = JSON.parse(await readFile(arg('--motion', ''), 'utf8')) as { frames: MotionFrame[] };
const avatar = buildAvatar(await cachedPortrait(arg('--photo', '')));
const SIZE = 512, CELL = 320;
const toPng = (im: RgbaImage, box?: { left: number; top: number; width: number; height: number }) => {
  const s = sharp(Buffer.from(im.data), { raw: { width: im.width, height: im.height, channels: 4 } });
  return (box ? s.extract(box) : s).resize(CELL, CELL, { fit: 'cover' }).png().toBuffer();
};
const rows: Buffer[][] = [[], [], []];
const clip = arg('--clip', '');
const r0 = createRenderer(avatar, { width: SIZE, height: SIZE });
const lm = r0.landmarks(r0.neutralFrame());
const xs = lm.map((p) => p[0]), ys = lm.map((p) => p[1]);
const side = Math.round(1.8 * (Math.max(...ys) - Math.min(...ys)));
const box = { left: Math.max(0, Math.min(SIZE - side, Math.round((Math.min(...xs) + Math.max(...xs)) / 2 - side / 2))), top: Math.max(0, Math.min(SIZE - side, Math.round(Math.min(...ys) - 0.35 * side))), width: side, height: side };
for (const f of frames) {
  const real = clip ? await clipFrameFace(`${clip}:${f}`) : 'no clip';
  if (typeof real !== 'string') {
    const pts = Array.from(real.lm), rx = pts.map((p) => p[0]!), ry = pts.map((p) => p[1]!);
    const rs = Math.round(1.8 * (Math.max(...ry) - Math.min(...ry)));
    rows[0]!.push(await toPng(real.frame, { left: Math.max(0, Math.min(real.frame.width - rs, Math.round((Math.min(...rx) + Math.max(...rx)) / 2 - rs / 2))), top: Math.max(0, Math.min(real.frame.height - rs, Math.round(Math.min(...ry) - 0.35 * rs))), width: Math.min(rs, real.frame.width), height: Math.min(rs, real.frame.height) }));
  }
  for (const [k, hold] of [[1, false], [2, true]] as const) {
    const im = createRenderer(avatar, { width: SIZE, height: SIZE, hairlineHold: hold }).render(motion.frames[f]!);
    rows[k]!.push(await toPng(im, box));
  }
  console.log(`f${f}: pitch ${motion.frames[f]!.pose!.pitch.toFixed(1)} yaw ${motion.frames[f]!.pose!.yaw.toFixed(1)}`);
}
const all = rows.filter((r) => r.length);
await sharp({ create: { width: CELL * frames.length, height: CELL * all.length, channels: 4, background: '#000' } })
  .composite(all.flatMap((r, i) => r.map((b, j) => ({ input: b, left: j * CELL, top: i * CELL })))).png().toFile(arg('--out', '/tmp/pitchFrames.png'));
console.log('wrote', arg('--out', '/tmp/pitchFrames.png'));
