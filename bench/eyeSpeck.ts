// A driven frame's pixels beside an eye (ring41: lp_s42 <- lp_d6 f183-186, the grey streak at x 286-287, y 270-276 beside
// the image-right eye's inner corner, drawn by closedEye/paintedWhite.ts). Per frame: the luma of a pixel window as the
// product renders it, with paintedWhite's pass off, and the largest darkening the pass makes in the window. Never asserts.
//   node --import tsx bench/eyeSpeck.ts lp_s42.jpg motion.json --frames 183,184,185,186 [--box 280,264,294,282] [--png out.png]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import type { MotionFrame } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { paintedEyeShadeSetting } from '../src/render/closedEye/paintedWhite.ts';
import { luminance } from '../src/math/colour.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const [file, motionFile] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const frames = (arg('--frames') ?? '183,184,185,186').split(',').map(Number);
const [bx0, by0, bx1, by1] = (arg('--box') ?? '280,264,294,282').split(',').map(Number) as [number, number, number, number];
const motion = JSON.parse(readFileSync(motionFile!, 'utf8')) as { frames: MotionFrame[] };
const r = createRenderer(buildAvatar(await cachedPortrait(path.join(SHARED_DATA, 'portraits', file!))), { width: 512, height: 512 });
const luma = (d: Uint8ClampedArray | Uint8Array, x: number, y: number) => luminance(d[(y * 512 + x) * 4]!, d[(y * 512 + x) * 4 + 1]!, d[(y * 512 + x) * 4 + 2]!);
const tiles: Buffer[] = [];
const Z = 8, TW = (bx1 - bx0 + 1), TH = (by1 - by0 + 1);
for (const f of frames) {
  const imgs = [false, true].map((on) => { paintedEyeShadeSetting.on = on; const im = r.render(motion.frames[f]!); return new Uint8ClampedArray(im.data); });
  paintedEyeShadeSetting.on = true;
  let worst = 0, at = '';
  for (let y = by0; y <= by1; y++) for (let x = bx0; x <= bx1; x++) {
    const d = luma(imgs[0]!, x, y) - luma(imgs[1]!, x, y);
    if (d > worst) { worst = d; at = `${x},${y}`; }
  }
  let n = 0; for (let y = by0; y <= by1; y++) for (let x = bx0; x <= bx1; x++) if (luma(imgs[0]!, x, y) - luma(imgs[1]!, x, y) > 5) n++;
  console.log(`f${f}: paintedWhite darkens ${n} px of the box by > 5 luma, most ${worst.toFixed(1)} at ${at}`);
  for (const d of imgs) {
    const t = Buffer.alloc(TW * TH * 3);
    for (let y = 0; y < TH; y++) for (let x = 0; x < TW; x++) for (let c = 0; c < 3; c++) t[(y * TW + x) * 3 + c] = d[((by0 + y) * 512 + bx0 + x) * 4 + c]!;
    tiles.push(await sharp(t, { raw: { width: TW, height: TH, channels: 3 } }).resize(TW * Z, TH * Z, { kernel: 'nearest' }).png().toBuffer());
  }
}
const png = arg('--png');
if (png) {
  // rows: frames; columns: pass off | on
  await sharp({ create: { width: 2 * TW * Z + 8, height: frames.length * (TH * Z + 8), channels: 3, background: '#000' } })
    .composite(tiles.map((input, i) => ({ input, left: (i % 2) * (TW * Z + 8), top: (i >> 1) * (TH * Z + 8) }))).png().toFile(png);
}
