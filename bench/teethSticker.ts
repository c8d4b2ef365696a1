// The teeth's "sticker" figures (teethStickerFigures.ts, s43 teeth43) on a driver's real frames and on each --root's render
// of a motion's frames. Never asserts.
//   node --import tsx bench/teethSticker.ts --photo lp_s5.jpg --motion m.json --frames 32,40 [--video lp_d10.mp4] [--root before,after]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { MotionFrame } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { rendererOfRoot } from './mouthTiles.ts';
import { driverPicks, renderedPick } from './pickedFrames.ts';
import { SHARED_DATA } from './sharedData.ts';
import { meanSticker, sticker, stickerText, type Sticker } from './teethStickerFigures.ts';

const opt = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const photo = opt('--photo', 'lp_s5.jpg'), video = opt('--video', ''), motionPath = opt('--motion', '');
const picks = opt('--frames', '32').split(',').map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const SIZE = 512;

if (video) {
  const ts: (Sticker | null)[] = [];
  for await (const { k, img, lm } of driverPicks(video, picks)) {
    const t = lm ? sticker(img.data, img.width, img.height, lm) : null;
    console.log(`driver     f${k}: ${stickerText(t)}`);
    ts.push(t);
  }
  console.log(`mean driver     ${stickerText(meanSticker(ts))}`);
}
if (motionPath) {
  const motion = JSON.parse(readFileSync(motionPath, 'utf8')) as { frames: MotionFrame[] };
  const portrait = await cachedPortrait(photo.startsWith('/') ? photo : path.join(SHARED_DATA, 'portraits', photo));
  for (const root of roots) {
    const r = await rendererOfRoot(root, portrait, SIZE), tag = path.basename(root), ts: (Sticker | null)[] = [];
    for (const i of picks) {
      const { img, meshLm } = renderedPick(r, motion.frames, i);
      const t = sticker(img.data, SIZE, SIZE, meshLm);
      console.log(`${tag.padEnd(10)} f${i}: ${stickerText(t)}`);
      ts.push(t);
    }
    console.log(`mean ${tag.padEnd(10)} ${stickerText(meanSticker(ts))}`);
  }
}
