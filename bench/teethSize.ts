// The teeth's size and light in the opening (teethSizeFigures.ts) on a driver's / any clip's real frames (`--video`,
// a name in shared/data/video or a path; `--frames` or `--every n --upto m`: frames parted at least .05 IOD with teeth)
// and on each --root's render of a motion's frames (`--photo --motion`). Medians per lip-gap bin (`--bins`).
// Sheet: per source a row of (lower face at the render's 1x | the mouth at ~3x) per frame. Figures only; never asserts.
//   node --import tsx bench/teethSize.ts --video lp_d6.mp4 --every 4 --upto 200
//   node --import tsx bench/teethSize.ts --photo lp_s42.jpg --motion m.json --frames 120,128 [--root before,after] [--out x.png]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { mouthBox, rendererOfRoot, stack, strip } from './mouthTiles.ts';
import { driverPicks, renderedPick } from './pickedFrames.ts';
import { SHARED_DATA } from './sharedData.ts';
import { meanSize, teethSize, teethSizeText, type TeethSize } from './teethSizeFigures.ts';
import type { Lm } from './readBack.ts';

const opt = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const photo = opt('--photo', ''), video = opt('--video', ''), motionPath = opt('--motion', '');
const every = Number(opt('--every', '0')), upto = Number(opt('--upto', '150'));
const picks = every ? Array.from({ length: Math.floor(upto / every) + 1 }, (_, i) => i * every) : opt('--frames', '30').split(',').map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const bins = opt('--bins', '0.05,0.12,0.2,0.3,1').split(',').map(Number);
const out = opt('--out', '/tmp/teethSize.png');
const SIZE = 512, TILE = Number(opt('--tile', '160')), MAX_TILES = Number(opt('--tiles', '6'));
const rows: Buffer[] = [];

function summary(tag: string, ts: (TeethSize | null)[]): void {
  for (let b = 0; b + 1 < bins.length; b++) {
    const inBin = ts.filter((t) => t && t.gap >= bins[b]! && t.gap < bins[b + 1]!);
    if (inBin.length) console.log(`${tag.padEnd(14)} gap ${bins[b]}-${bins[b + 1]} (${inBin.length}): ${teethSizeText(meanSize(inBin))}`);
  }
  console.log(`${tag.padEnd(14)} all (${ts.filter(Boolean).length}): ${teethSizeText(meanSize(ts))}`);
}
async function crop(img: RgbaImage, cx: number, cy: number, side: number): Promise<Buffer> {
  side = Math.round(Math.min(side, img.width, img.height));
  const left = Math.round(Math.max(0, Math.min(img.width - side, cx - side / 2))), top = Math.round(Math.max(0, Math.min(img.height - side, cy - side / 2)));
  return sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } })
    .extract({ left, top, width: side, height: side }).resize(TILE, TILE, { kernel: 'lanczos3' }).png().toBuffer();
}
/** the lower face as large as the render shows it (TILE px of a 512 frame scaled to the IOD) and the mouth at ~3x */
async function tilesOf(img: RgbaImage, lm: Lm): Promise<Buffer[]> {
  const b = mouthBox(lm, 1.4, 0.42), iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
  const mx = 0.5 * (lm[61]![0]! + lm[291]![0]!), my = 0.5 * (lm[13]![1]! + lm[14]![1]!);
  return [await crop(img, mx, my - 0.35 * iod, TILE * (img.width / SIZE) ), await crop(img, b.left + b.side / 2, b.top + b.side / 2, b.side)];
}

if (video) {
  const ts: (TeethSize | null)[] = [], tiles: Buffer[] = [];
  for await (const { k, img, lm } of driverPicks(video, picks)) {
    if (!lm) continue;
    const t = teethSize(img, lm);
    if (every && (!t || t.share < 0.03)) continue;
    console.log(`real f${k}: ${teethSizeText(t)}`);
    ts.push(t);
    if (tiles.length < 2 * MAX_TILES) tiles.push(...await tilesOf(img, lm));
  }
  summary(path.basename(video), ts);
  if (tiles.length) rows.push(await strip(tiles, TILE));
}
if (photo) {
  const motion = JSON.parse(readFileSync(motionPath, 'utf8')) as { frames: MotionFrame[] };
  const portrait = await cachedPortrait(photo.startsWith('/') ? photo : path.join(SHARED_DATA, 'portraits', photo));
  for (const root of roots) {
    const r = await rendererOfRoot(root, portrait, SIZE), tag = path.basename(root), ts: (TeethSize | null)[] = [], tiles: Buffer[] = [];
    for (const i of picks) {
      const { img, meshLm } = renderedPick(r, motion.frames, i);
      const t = teethSize(img, meshLm);
      if (every && (!t || t.share < 0.03)) continue;
      console.log(`${tag} f${i}: ${teethSizeText(t)}`);
      ts.push(t);
      if (tiles.length < 2 * MAX_TILES) tiles.push(...await tilesOf(img, meshLm));
    }
    summary(tag, ts);
    rows.push(await strip(tiles, TILE));
  }
}
if (rows.length) { await stack(rows, TILE * 2 * MAX_TILES, TILE, out); console.log(`wrote ${out}`); }
