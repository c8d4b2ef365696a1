// The upper row under the dark it hangs from (overhangFigures.ts: the overhang's light, the row's light, its top's fall
// under the line, how much of its top is hidden) on a clip's real frames (`--video`, `--frames`; `--scan N`: every
// open frame of the first N, one line each) and on each `--root`'s render of a saved motion's `--frames` on `--photo`;
// a sheet (`--out`) one row per source, the mouth at 3x. s59 oldteeth59. Never asserts.
//   node --import tsx bench/overhangShade.ts --video /work/shared/data/train/clips/pcavs_Pose_Source_731200067.mp4 --scan 150
//   node --import tsx bench/overhangShade.ts --photo lp_s12.jpg --motion m.json --frames 30,143 --root /work/main,.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { rendererOfRoot, stack, strip } from './mouthTiles.ts';
import { driverPicks, renderedPick } from './pickedFrames.ts';
import { SHARED_DATA } from './sharedData.ts';
import { overhang, overhangText, type Overhang } from './overhangFigures.ts';

const opt = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const photo = opt('--photo', ''), video = opt('--video', ''), motionPath = opt('--motion', '');
const scan = Number(opt('--scan', '0'));
const picks = scan > 0 ? Array.from({ length: scan }, (_, i) => i) : opt('--frames', '30').split(',').map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const out = opt('--out', '/tmp/overhangShade.png'), SIZE = 512, TILE = 240;
const rows: Buffer[] = [];

function mean(tag: string, v: (Overhang | null)[]): void {
  const ok = v.filter((t): t is Overhang => t !== null && t.gap >= 0.08);
  const m = (f: (o: Overhang) => number) => { const a = ok.map(f).filter(Number.isFinite).sort((x, y) => x - y); return a[a.length >> 1] ?? NaN; };
  console.log(`median ${tag} (gap >= .08, ${ok.length} frames): under ${m((o) => o.under).toFixed(2)} over ${m((o) => o.over).toFixed(2)} lip ${m((o) => o.lip).toFixed(2)} t90 ${m((o) => o.t90).toFixed(2)} top ${m((o) => o.top).toFixed(2)} start ${m((o) => o.start).toFixed(3)} prof ${[0, 1, 2, 3, 4].map((k) => m((o) => o.prof[k]!).toFixed(2)).join(' ')} lit ${[0, 1, 2, 3, 4, 5].map((k) => m((o) => o.litProf[k]!).toFixed(2)).join(' ')}`);
}
async function tileOf(img: RgbaImage, lm: ArrayLike<ArrayLike<number>>): Promise<Buffer> {
  // (centred on the lips' middle, 1.6 mouth widths across: the overhang over the lip in view)
  const cx = 0.5 * (lm[13]![0]! + lm[14]![0]!), cy = 0.5 * (lm[13]![1]! + lm[14]![1]!);
  const side = Math.min(img.width, img.height, Math.round(1.6 * Math.hypot(lm[61]![0]! - lm[291]![0]!, lm[61]![1]! - lm[291]![1]!)));
  const left = Math.max(0, Math.min(img.width - side, Math.round(cx - side / 2))), top = Math.max(0, Math.min(img.height - side, Math.round(cy - side / 2)));
  return sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } })
    .extract({ left, top, width: side, height: side }).resize(TILE, TILE, { kernel: 'lanczos3' }).png().toBuffer();
}
if (video) {
  const ts: (Overhang | null)[] = [], tiles: Buffer[] = [];
  for await (const { k, img, lm } of driverPicks(video, picks)) {
    if (!lm) continue;
    const t = overhang(img.data, img.width, img.height, lm);
    if (scan > 0 && !t) continue;
    console.log(`real f${k}: ${overhangText(t)}`);
    ts.push(t);
    if (scan === 0) tiles.push(await tileOf(img, lm));
  }
  mean(path.basename(video), ts);
  if (tiles.length) rows.push(await strip(tiles, TILE));
}
if (photo) {
  const motion = JSON.parse(readFileSync(motionPath, 'utf8')) as { frames: MotionFrame[] };
  const portrait = await cachedPortrait(photo.startsWith('/') ? photo : path.join(SHARED_DATA, 'portraits', photo));
  for (const root of roots) {
    const r = await rendererOfRoot(root, portrait, SIZE), tag = path.basename(root), ts: (Overhang | null)[] = [], tiles: Buffer[] = [];
    for (const i of picks) {
      const { img, meshLm } = renderedPick(r, motion.frames, i);
      const t = overhang(img.data, img.width, img.height, meshLm);
      console.log(`${tag} f${i}: ${overhangText(t)}`);
      ts.push(t); tiles.push(await tileOf(img, meshLm));
    }
    mean(tag, ts);
    rows.push(await strip(tiles, TILE));
  }
}
if (rows.length) { await stack(rows, TILE * Math.min(picks.length, 12), TILE, out); console.log(`wrote ${out}`); }
