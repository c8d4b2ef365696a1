// The two teeth rows of a mid opening, ours against real (issue #13, stacked47): bench/stackedRowsFigures.ts per frame,
// and a sheet of mouths at 4x.
//   ours: node --import tsx bench/stackedRows.ts --photo lp_s1.jpg --motion m.json --frames 46,55 --root /work/wt/before47,. --sheet x.png
//   real: node --import tsx bench/stackedRows.ts --video /path/clip.mp4 [--track-cache DIR] --gap .08,.2 --every 3 --upto 150 --sheet x.png
// Never asserts.
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA, SHARED_PORTRAITS } from './sharedData.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack } from './driverTracks.ts';
import { mouthBox, mouthTile, rendererOfRoot } from './mouthTiles.ts';
import { stackedFigures, type StackedFigures } from './stackedRowsFigures.ts';
import { decodeVideoFrames } from '../src/io/media.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const TILE = Number(opt("--tile", "240"));
const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '--');
const line = (f: StackedFigures | null) => (f ? `gap ${f2(f.gap)} two ${f2(f.twoRows)} seamMin ${f2(f.seamMin)} betweenDark ${f2(f.betweenDark)} between ${f2(f.between)} upperH ${f2(f.upperH)} teethH ${f2(f.teethH)} lowerH ${f2(f.lowerH)} lowerLight ${f2(f.lowerLight)} rowRms ${f2(f.rowRms)}` : 'no rows');
const keys: (keyof StackedFigures)[] = ['gap', 'twoRows', 'seamMin', 'betweenDark', 'between', 'upperH', 'teethH', 'lowerH', 'lowerLight', 'rowRms'];
function summary(tag: string, fs: (StackedFigures | null)[]): void {
  const ok = fs.filter((f): f is StackedFigures => !!f);
  const med = (k: keyof StackedFigures) => { const v = ok.map((f) => f[k]).filter(Number.isFinite).sort((a, b) => a - b); return v.length ? v[v.length >> 1]! : NaN; };
  console.log(`${tag} median of ${ok.length}: ${keys.map((k) => `${k} ${f2(med(k))}`).join(' ')}`);
}
const rows: Buffer[] = [];
let cols = 1;
const label = (text: string, w: number) => Buffer.from(`<svg width="${w}" height="18"><rect width="100%" height="100%" fill="black"/><text x="3" y="13" fill="yellow" font-size="11">${text}</text></svg>`);
async function row(tiles: Buffer[], text: string): Promise<void> {
  cols = Math.max(cols, tiles.length);
  rows.push(await sharp({ create: { width: TILE * tiles.length, height: TILE + 18, channels: 3, background: '#000' } })
    .composite([{ input: label(text, TILE * tiles.length), left: 0, top: 0 }, ...tiles.map((input, q) => ({ input, left: q * TILE, top: 18 }))]).png().toBuffer());
}

if (opt('--video', '')) {
  const video = opt('--video', ''), [lo, hi] = opt('--gap', '.08,.22').split(',').map(Number) as [number, number];
  const every = Number(opt('--every', '3')), upto = Number(opt('--upto', '150')), most = Number(opt('--tiles', '12'));
  const raw = await cachedTrack(video, 25, opt('--track-cache', '') ? { cache: opt('--track-cache', '') } : undefined);
  const fs: (StackedFigures | null)[] = [];
  let k = 0;
  for await (const img of decodeVideoFrames(path.isAbsolute(video) ? video : path.join(SHARED_DATA, 'video', video), { fps: 25, maxSide: 720, maxFrames: upto }) as AsyncGenerator<RgbaImage>) {
    const lm = raw[k]?.lm;
    if (k % every === 0 && lm) {
      const pts = Array.from({ length: lm.length / 3 }, (_, i) => [lm[i * 3]!, lm[i * 3 + 1]!]);
      const f = stackedFigures(img.data, pts, img.width, img.height);
      if (f && f.gap >= lo && f.gap <= hi) {
        fs.push(f);
        console.log(`f${k} ${line(f)}`);
        if (opt('--sheet', '') && rows.length < most) {
          const box = mouthBox(pts, 1.4, 0.42), side = Math.min(img.width, img.height);
          const sq = await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } })
            .extract({ left: 0, top: 0, width: side, height: side }).raw().toBuffer();
          await row([await sharp(await mouthTile(new Uint8Array(sq), side, box, 1)).resize(TILE, TILE).png().toBuffer()], `${path.basename(video)} f${k} gap ${f2(f.gap)} lowerH ${f2(f.lowerH)} seam ${f2(f.seamMin)}`);
        }
      }
    }
    k++;
  }
  summary(path.basename(video), fs);
  for (const [a, b] of [[0.08, 0.16], [0.16, 0.24]] as const) summary(`${path.basename(video)} gap ${a}-${b}`, fs.filter((f) => f && f.gap >= a && f.gap < b));
} else {
  const SIZE = 512;
  const name = opt('--photo', 'lp_s1.jpg'), frames = opt('--frames', '').split(',').filter(Boolean).map(Number);
  const motion = JSON.parse(await readFile(opt('--motion', ''), 'utf8')) as { frames: { w: Record<string, number> }[] };
  const roots = opt('--root', '.').split(',').map((r) => path.resolve(r));
  const portrait = await cachedPortrait(name.startsWith('/') ? name : path.join(SHARED_PORTRAITS, name));
  const per: Buffer[][] = frames.map(() => []), figs: (StackedFigures | null)[][] = roots.map(() => []);
  for (const [ri, root] of roots.entries()) {
    const r = await rendererOfRoot(root, portrait, SIZE);
    for (const [fi, i] of frames.entries()) {
      const f = motion.frames[Math.min(i, motion.frames.length - 1)]! as Parameters<typeof r.render>[0];
      const img = r.render(f), lm = r.landmarks(f);
      const sf = stackedFigures(img.data, lm, SIZE, SIZE);
      figs[ri]!.push(sf);
      console.log(`${path.basename(root)} f${i} ${line(sf)}`);
      if (opt('--sheet', '')) per[fi]!.push(await sharp(await mouthTile(img.data, SIZE, mouthBox(lm, 1.4, 0.42), 4)).resize(TILE, TILE).png().toBuffer());
    }
  }
  for (const [ri, root] of roots.entries()) {
    summary(path.basename(root), figs[ri]!);
    for (const [a, b] of [[0.08, 0.16], [0.16, 0.24]] as const) summary(`${path.basename(root)} gap ${a}-${b}`, figs[ri]!.filter((f) => f && f.gap >= a && f.gap < b));
  }
  if (opt('--sheet', '')) for (const [fi, i] of frames.entries()) await row(per[fi]!, `${name} f${i} (${roots.map((r) => path.basename(r)).join(' | ')})`);
}
if (opt('--sheet', '') && rows.length) {
  const out = opt('--sheet', '');
  await sharp({ create: { width: TILE * cols, height: rows.length * (TILE + 18), channels: 3, background: '#222' } })
    .composite(rows.map((input, q) => ({ input, left: 0, top: q * (TILE + 18) }))).png().toFile(out);
  console.log(`sheet ${out}`);
}
