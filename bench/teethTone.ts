// The teeth's light and colour against the face's brightest skin (teethToneFigures.ts) on a driver's
// real frames and on each --root's render of a motion's frames (s40 teeth40: lp_s12's faded picture drew
// teeth whiter than anything on its face). Sheet: one row per root, the mouth at 3x. Never asserts.
//   node --import tsx bench/teethTone.ts --photo lp_s12.jpg --motion m.json --frames 90,100,110 [--video lp_d10.mp4]
//        [--root before,after] [--out sheet.png]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { MotionFrame } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { mouthBox, mouthTile, rendererOfRoot, stack, strip } from './mouthTiles.ts';
import { driverPicks, renderedPick } from './pickedFrames.ts';
import { SHARED_DATA } from './sharedData.ts';
import { meanTone, teethTone, teethToneText, type TeethTone } from './teethToneFigures.ts';

const opt = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const photo = opt('--photo', 'lp_s12.jpg'), video = opt('--video', ''), motionPath = opt('--motion', '');
const picks = opt('--frames', '90').split(',').map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const out = opt('--out', '/tmp/teethTone.png');
const SIZE = 512, TILE = 240;

if (video) {
  const ts: (TeethTone | null)[] = [];
  for await (const { k, img, lm } of driverPicks(video, picks)) {
    const t = lm ? teethTone(img.data, img.width, img.height, lm) : null;
    console.log(`driver     f${k}: ${teethToneText(t)}`);
    ts.push(t);
  }
  console.log(`mean driver     ${teethToneText(meanTone(ts))}`);
}
const motion = JSON.parse(readFileSync(motionPath, 'utf8')) as { frames: MotionFrame[] };
const portrait = await cachedPortrait(photo.startsWith('/') ? photo : path.join(SHARED_DATA, 'portraits', photo));
const rows: Buffer[] = [];
for (const root of roots) {
  const r = await rendererOfRoot(root, portrait, SIZE), tag = path.basename(root), ts: (TeethTone | null)[] = [], tiles: Buffer[] = [];
  for (const i of picks) {
    const { img, meshLm } = renderedPick(r, motion.frames, i);
    const t = teethTone(img.data, SIZE, SIZE, meshLm);
    console.log(`${tag.padEnd(10)} f${i}: ${teethToneText(t)}`);
    ts.push(t);
    tiles.push(await mouthTile(img.data, SIZE, mouthBox(meshLm, 1.4, 0.42), 3).then((b) => import('sharp').then(({ default: s }) => s(b).resize(TILE, TILE).png().toBuffer())));
  }
  console.log(`mean ${tag.padEnd(10)} ${teethToneText(meanTone(ts))}`);
  rows.push(await strip(tiles, TILE));
}
await stack(rows, TILE * picks.length, TILE, out);
console.log(`wrote ${out} (rows: ${roots.map((r) => path.basename(r)).join(', ')})`);
