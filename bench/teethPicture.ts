// The teeth against the picture they sit in (teethPictureFigures.ts: edge blur, grain, tone, chroma and column
// uniformity, each over the same frame's own lips / cheeks) on a clip's real frames (`--video`, a name in
// shared/data/video or a path; `--frames`) and on each `--root`'s render of a saved motion's `--frames` on
// `--photo` (`--half upper|lower`: one half of the opening); a sheet (`--out`) one row per source, the mouth at 3x. s58 softteeth58. Never asserts.
//   node --import tsx bench/teethPicture.ts --video /work/shared/data/train/clips/styletalk_KristiNoem.mp4 --frames 30,119,143
//   node --import tsx bench/teethPicture.ts --photo lp_s12.jpg --motion m.json --frames 30,119,143 --root /work/main,.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { mouthBox, rendererOfRoot, stack, strip } from './mouthTiles.ts';
import { driverPicks, renderedPick } from './pickedFrames.ts';
import { SHARED_DATA } from './sharedData.ts';
import { teethPicture, teethPictureText, type TeethPicture } from './teethPictureFigures.ts';

const opt = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const photo = opt('--photo', ''), video = opt('--video', ''), motionPath = opt('--motion', '');
const picks = opt('--frames', '30').split(',').map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const out = opt('--out', '/tmp/teethPicture.png'), SIZE = 512, TILE = 240;
/** (--half upper|lower) one row: the opening's upper or lower half; default the whole opening */
const half = opt('--half', 'all') as 'all' | 'upper' | 'lower';
const rows: Buffer[] = [];

function mean(tag: string, v: (TeethPicture | null)[]): void {
  const ok = v.filter((t): t is TeethPicture => t !== null);
  const m = (k: keyof TeethPicture) => { const f = ok.map((t) => t[k]).filter(Number.isFinite); return f.reduce((a, b) => a + b, 0) / Math.max(1, f.length); };
  console.log(`median-ish ${tag}: blur ${m('blur').toFixed(2)} grain ${m('grain').toFixed(2)} tone ${m('tone').toFixed(2)} chroma ${m('chroma').toFixed(2)} cols ${m('cols').toFixed(3)} (${ok.length} frames)`);
}
async function tileOf(img: RgbaImage, lm: ArrayLike<ArrayLike<number>>): Promise<Buffer> {
  const b = mouthBox(lm, 1.3, 0.3), side = Math.min(b.side, img.width, img.height);
  const left = Math.max(0, Math.min(img.width - side, b.left)), top = Math.max(0, Math.min(img.height - side, b.top));
  return sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } })
    .extract({ left, top, width: side, height: side }).resize(TILE, TILE, { kernel: 'nearest' }).png().toBuffer();
}
if (video) {
  const ts: (TeethPicture | null)[] = [], tiles: Buffer[] = [];
  for await (const { k, img, lm } of driverPicks(video, picks)) {
    if (!lm) continue;
    const t = teethPicture(img.data, img.width, img.height, lm, half);
    console.log(`real f${k}: ${teethPictureText(t)}`);
    ts.push(t); tiles.push(await tileOf(img, lm));
  }
  mean(path.basename(video), ts);
  rows.push(await strip(tiles, TILE));
}
if (photo) {
  const motion = JSON.parse(readFileSync(motionPath, 'utf8')) as { frames: MotionFrame[] };
  const portrait = await cachedPortrait(photo.startsWith('/') ? photo : path.join(SHARED_DATA, 'portraits', photo));
  for (const root of roots) {
    const r = await rendererOfRoot(root, portrait, SIZE), tag = path.basename(root), ts: (TeethPicture | null)[] = [], tiles: Buffer[] = [];
    for (const i of picks) {
      const { img, meshLm } = renderedPick(r, motion.frames, i);
      const t = teethPicture(img.data, img.width, img.height, meshLm, half);
      console.log(`${tag} f${i}: ${teethPictureText(t)}`);
      ts.push(t); tiles.push(await tileOf(img, meshLm));
    }
    mean(tag, ts);
    rows.push(await strip(tiles, TILE));
  }
}
if (rows.length) { await stack(rows, TILE * picks.length, TILE, out); console.log(`wrote ${out}`); }
