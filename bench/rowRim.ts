// The upper row's rim against the upper lip (rowRimFigures.ts, s44 arc44) on a driver's real frames and on each
// --root's render of a motion's frames; --png DIR saves each frame's mouth (1.5 x the lip corners' width) at 480 x 240, nearest pixel. Never asserts.
//   node --import tsx bench/rowRim.ts --photo lp_s5.jpg --motion m.json --frames 32,40 [--video lp_d10.mp4] [--root before,after] [--png dir]
import path from 'node:path';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { encodePng } from '../src/io/image.ts';
import { cachedPortrait } from './portraitCache.ts';
import { rendererOfRoot } from './mouthTiles.ts';
import { driverPicks, renderedPick } from './pickedFrames.ts';
import { SHARED_DATA } from './sharedData.ts';
import type { Lm } from './readBack.ts';
import { meanRim, rimText, rowRim, type RowRim } from './rowRimFigures.ts';

const opt = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const photo = opt('--photo', 'lp_s5.jpg'), video = opt('--video', ''), motionPath = opt('--motion', ''), png = opt('--png', '');
const picks = opt('--frames', '32').split(',').map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const SIZE = 512;

/** the mouth (lip corners 61 / 291, widened by half) cut out and scaled to OW x OH, nearest pixel */
async function saveMouth(img: RgbaImage, lm: Lm, name: string) {
  if (!png) return;
  const w = Math.abs(lm[291]![0]! - lm[61]![0]!) * 1.5, cx = 0.5 * (lm[61]![0]! + lm[291]![0]!), cy = 0.5 * (lm[13]![1]! + lm[14]![1]!);
  const cw = Math.round(w), ch = Math.round(w / 2), x0 = Math.round(cx - cw / 2), y0 = Math.round(cy - ch / 2);
  // (the same output size whatever the mouth's size in pixels: a driver's 720 px frame beside our 512 px render)
  const OW = 480, OH = 240;
  const out = new Uint8ClampedArray(OW * OH * 4);
  for (let y = 0; y < OH; y++) for (let x = 0; x < OW; x++) {
    const sx = Math.min(img.width - 1, Math.max(0, x0 + Math.floor(x * cw / OW))), sy = Math.min(img.height - 1, Math.max(0, y0 + Math.floor(y * ch / OH)));
    for (let c = 0; c < 4; c++) out[(y * OW + x) * 4 + c] = img.data[(sy * img.width + sx) * 4 + c]!;
  }
  mkdirSync(png, { recursive: true });
  writeFileSync(path.join(png, `${name}.png`), await encodePng({ width: OW, height: OH, data: out } as RgbaImage));
}

if (video) {
  const ts: (RowRim | null)[] = [];
  for await (const { k, img, lm } of driverPicks(video, picks)) {
    const t = lm ? rowRim(img.data, img.width, img.height, lm) : null;
    console.log(`driver     f${k}: ${rimText(t)}`);
    ts.push(t);
    if (lm) await saveMouth(img, lm, `driver_f${k}`);
  }
  console.log(`mean driver     ${rimText(meanRim(ts))}`);
}
if (motionPath) {
  const motion = JSON.parse(readFileSync(motionPath, 'utf8')) as { frames: MotionFrame[] };
  const portrait = await cachedPortrait(photo.startsWith('/') ? photo : path.join(SHARED_DATA, 'portraits', photo));
  for (const root of roots) {
    const r = await rendererOfRoot(root, portrait, SIZE), tag = path.basename(root), ts: (RowRim | null)[] = [];
    for (const i of picks) {
      const { img, meshLm } = renderedPick(r, motion.frames, i);
      const t = rowRim(img.data, SIZE, SIZE, meshLm);
      console.log(`${tag.padEnd(10)} f${i}: ${rimText(t)}`);
      ts.push(t);
      await saveMouth(img, meshLm, `${tag}_f${i}`);
    }
    console.log(`mean ${tag.padEnd(10)} ${rimText(meanRim(ts))}`);
  }
}
