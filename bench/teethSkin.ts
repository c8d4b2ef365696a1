// The teeth against the face's own skin (teethSkinFigures.ts) with the row's gaps and fall-off to the corners
// (rowStructureFigures.ts), on a driver's / any clip's real frames (`--video`, a name in shared/data/video or a
// path; `--frames` or `--every n --upto m`: frames whose lips part .06-.22 IOD with teeth lit) and on each --root's
// render of a motion's frames. Sheet: one row per source, the mouth at 3x. Figures only; never asserts.
//   node --import tsx bench/teethSkin.ts --video lp_d10.mp4 --every 4 --upto 160
//   node --import tsx bench/teethSkin.ts --photo lp_s5.jpg --motion m.json --frames 32,36 [--root before,after] [--out x.png]
// `--driver-tone` (with --video): the clip's teeth tone read on every pick by the tracker's reader (motion/teethTone.ts, its
// median over the picks) written into the motion's frames (w.driverTeethTone) before the renders, for a motion saved before s55;
// `--driver-tone 1.02`: that value. (The tracker reads every frame of the clip; the picks are a sample of it.)
import path from 'node:path';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { mouthBox, rendererOfRoot, stack, strip } from './mouthTiles.ts';
import { driverPicks, renderedPick } from './pickedFrames.ts';
import { SHARED_DATA } from './sharedData.ts';
import { rowStructure } from './rowStructureFigures.ts';
import { meanSkin, teethSkin, teethSkinText, type TeethSkin } from './teethSkinFigures.ts';
import type { Lm } from './readBack.ts';
import { clipTeethTone, teethToneRead } from '../src/motion/teethTone.ts';
import { teethShare } from '../src/motion/mouthDark.ts';
import { DRIVER_TEETH_TONE } from '../src/rig/mouthBase.ts';

const opt = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const photo = opt('--photo', ''), video = opt('--video', ''), motionPath = opt('--motion', '');
const every = Number(opt('--every', '0')), upto = Number(opt('--upto', '150'));
const picks = every ? Array.from({ length: Math.floor(upto / every) + 1 }, (_, i) => i * every) : opt('--frames', '30').split(',').map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const out = opt('--out', '/tmp/teethSkin.png');
/** (--half lower) the opening's lower half: the lower row's light (s54 rowtone54) */
const half = opt('--half', 'upper') === 'lower' ? 'lower' : 'upper';
/** (--every with --video) the driver's frames kept, which the renders are then read on: frame for frame */
const kept: number[] = [];
const SIZE = 512, TILE = Number(opt('--tile', '200')), MAX_TILES = Number(opt('--tiles', '8'));
/** (--every) speech and smile openings only: past this (iod) the upper half holds the tongue too */
const MAX_GAP = 0.22;
const rows: Buffer[] = [];
const toneArg = process.argv.includes('--driver-tone') ? opt('--driver-tone', '') : null;
const toneReads: (number | null)[] = [];

/** one frame's figures: teethSkin's plus the row's `mid` / `corner` fall-off and its gaps' depth / rms */
function figures(img: RgbaImage, lm: Lm): { t: TeethSkin | null; line: string; row: number[] } {
  const t = teethSkin(img.data, img.width, img.height, lm, half);
  const r = t ? rowStructure(img, lm) : null;
  const row = r ? [r.mid, r.corner, r.gapDepth, r.gapRms] : [];
  return { t, row, line: `${teethSkinText(t)}${r ? ` | mid ${r.mid.toFixed(2)} corner ${r.corner.toFixed(2)} gapDepth ${r.gapDepth.toFixed(3)} rms ${r.gapRms.toFixed(3)}` : ''}` };
}
function summary(tag: string, ts: (TeethSkin | null)[], rs: number[][]): void {
  const ok = rs.filter((r) => r.length && r.every(Number.isFinite)), m = (k: number) => ok.reduce((s, r) => s + r[k]!, 0) / Math.max(1, ok.length);
  console.log(`mean ${tag.padEnd(12)} ${teethSkinText(meanSkin(ts))} | mid ${m(0).toFixed(2)} corner ${m(1).toFixed(2)} gapDepth ${m(2).toFixed(3)} rms ${m(3).toFixed(3)}`);
}
async function tileOf(img: RgbaImage, lm: Lm): Promise<Buffer> {
  const b = mouthBox(lm, 1.4, 0.42), side = Math.min(b.side, img.width, img.height);
  const left = Math.max(0, Math.min(img.width - side, b.left)), top = Math.max(0, Math.min(img.height - side, b.top));
  return sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } })
    .extract({ left, top, width: side, height: side }).resize(TILE, TILE, { kernel: 'lanczos3' }).png().toBuffer();
}

if (video) {
  const ts: (TeethSkin | null)[] = [], rs: number[][] = [], tiles: Buffer[] = [];
  for await (const { k, img, lm } of driverPicks(video, picks)) {
    if (!lm) continue;
    if (toneArg !== null) {
      const flat = Float32Array.from(Array.from(lm, (q) => [q[0]!, q[1]!, (q as ArrayLike<number>)[2] ?? 0]).flat());
      toneReads.push(teethToneRead(img, flat, teethShare(img, flat)));
    }
    const f = figures(img, lm);
    // (with --every: only frames with a lit row, its teeth at least as light as half the skin)
    if (every && (!f.t || f.t.tone < 0.5 || f.t.n < 30 || f.t.gap > MAX_GAP)) continue;
    console.log(`real f${k}: ${f.line}`);
    kept.push(k);
    ts.push(f.t); rs.push(f.row);
    if (tiles.length < MAX_TILES) tiles.push(await tileOf(img, lm));
  }
  summary(path.basename(video), ts, rs);
  if (tiles.length) rows.push(await strip(tiles, TILE));
}
if (photo) {
  const motion = JSON.parse(readFileSync(motionPath, 'utf8')) as { frames: MotionFrame[] };
  if (toneArg !== null) {
    const tone = toneArg && !toneArg.startsWith('--') ? Number(toneArg) : clipTeethTone(toneReads);
    console.log(`driver teeth tone ${tone ?? 'none'} (${toneReads.filter((v) => v !== null).length} of ${toneReads.length} picks read: ${toneReads.map((v) => v ?? '-').join(' ')})`);
    if (tone !== undefined) for (const f of motion.frames) f.w[DRIVER_TEETH_TONE] = tone;
  }
  const portrait = await cachedPortrait(photo.startsWith('/') ? photo : path.join(SHARED_DATA, 'portraits', photo));
  for (const root of roots) {
    const r = await rendererOfRoot(root, portrait, SIZE), tag = path.basename(root), ts: (TeethSkin | null)[] = [], rs: number[][] = [], tiles: Buffer[] = [];
    for (const i of video && every ? kept : picks) {
      const { img, meshLm } = renderedPick(r, motion.frames, i);
      const f = figures(img, meshLm);
      console.log(`${tag} f${i}: ${f.line}`);
      ts.push(f.t); rs.push(f.row);
      if (tiles.length < MAX_TILES) tiles.push(await tileOf(img, meshLm));
    }
    summary(tag, ts, rs);
    rows.push(await strip(tiles, TILE));
  }
}
if (rows.length) { await stack(rows, TILE * MAX_TILES, TILE, out); console.log(`wrote ${out}`); }
