// A video motion's teeth before / after a tracker change (issue #13, teethread46): per chosen frame, the driver's mouth
// (cut on its track's landmarks) | the portrait rendered with motion A | with motion B, mouths at 4x, with each motion's
// driverTeeth and the rendered opening's figures (midOpeningFigures.ts: gap, dark share, the upper half's light over the skin).
// Motions from squintMotion.ts on a track by each checkout (the renderer is this checkout's, or --root).
//   node --import tsx bench/teethAB.ts --portrait mt_man.png --a before.json --b after.json --video clip.mp4 --frames 12,48 --out x.png
// Never asserts.
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack } from './driverTracks.ts';
import { mouthBox, mouthTile, rendererOfRoot } from './mouthTiles.ts';
import { midFigures } from './midOpeningFigures.ts';
import { decodeVideoFrames } from '../src/io/media.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const name = opt('--portrait', 'mt_man.png'), video = opt('--video', ''), fps = Number(opt('--fps', '25'));
const frames = opt('--frames', '').split(',').filter(Boolean).map(Number);
type M = { fps: number; frames: { w: Record<string, number> }[] };
const A = JSON.parse(await readFile(opt('--a', ''), 'utf8')) as M, B = JSON.parse(await readFile(opt('--b', ''), 'utf8')) as M;
const SIZE = 512, ZOOM = 4, TILE = 320;
// (`--full`, s49 teethshow49: each tile the whole frame at 320 px, driver | a | b, for the 1x look)
const FULL = args.includes('--full');
const portrait = await cachedPortrait(name.startsWith('/') ? name : path.join(SHARED_PORTRAITS, name));
const r = await rendererOfRoot(path.resolve(opt('--root', path.join(import.meta.dirname, '..'))), portrait, SIZE);
// the driver's mouth on its own track's landmarks (the frames as the tracker decoded them)
const raw = await cachedTrack(video, fps, opt('--track-cache', '') ? { cache: opt('--track-cache', '') } : undefined);
const drv = new Map<number, Buffer>();
let k = 0;
for await (const img of decodeVideoFrames(video, { fps, maxSide: 720, maxFrames: Math.max(...frames) + 1 }) as AsyncGenerator<RgbaImage>) {
  const lm = raw[k]?.lm;
  if (frames.includes(k) && lm) {
    const pts = Array.from({ length: lm.length / 3 }, (_, i) => [lm[i * 3]!, lm[i * 3 + 1]!]);
    const box = mouthBox(pts, 1.4, 0.42), pic = sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } });
    drv.set(k, await (FULL ? pic.resize(TILE, TILE, { fit: 'contain' }) : pic.extract({ left: Math.max(0, box.left), top: Math.max(0, box.top), width: box.side, height: box.side }).resize(TILE, TILE, { kernel: 'lanczos3' })).png().toBuffer());
  }
  k++;
}
const f2 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '--' : v.toFixed(2));
const rows: Buffer[] = [];
for (const i of frames) {
  const tiles: Buffer[] = [drv.get(i) ?? (await sharp({ create: { width: TILE, height: TILE, channels: 3, background: '#000' } }).png().toBuffer())];
  const figs: string[] = [];
  for (const [tag, m] of [['a', A], ['b', B]] as const) {
    const f = m.frames[Math.min(i, m.frames.length - 1)]! as Parameters<typeof r.render>[0];
    const img = r.render(f), lm = r.landmarks(f);
    tiles.push(FULL
      ? await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: SIZE, height: SIZE, channels: 4 } }).resize(TILE, TILE).png().toBuffer()
      : await sharp(await mouthTile(img.data, SIZE, mouthBox(lm, 1.4, 0.42), ZOOM)).resize(TILE, TILE).png().toBuffer());
    const mf = midFigures(img.data, lm, SIZE, SIZE);
    figs.push(`${tag}: teeth ${f2(f.w.driverTeeth)} ${mf ? `gap ${mf.gap.toFixed(2)} dark ${mf.dark.toFixed(2)} upper ${mf.upper.toFixed(2)}` : 'shut'}`);
  }
  const label = `f${i} ${figs.join(' | ')}`;
  console.log(label);
  const svg = Buffer.from(`<svg width="${TILE * 3}" height="20"><rect width="100%" height="100%" fill="black"/><text x="4" y="15" fill="yellow" font-size="13">${label} (driver | a | b)</text></svg>`);
  rows.push(await sharp({ create: { width: TILE * 3, height: TILE + 20, channels: 3, background: '#000' } })
    .composite([{ input: svg, left: 0, top: 0 }, ...tiles.map((input, q) => ({ input, left: q * TILE, top: 20 }))]).png().toBuffer());
}
const out = opt('--out', '/tmp/teethAB.png');
await sharp({ create: { width: TILE * 3, height: rows.length * (TILE + 24), channels: 3, background: '#222' } })
  .composite(rows.map((input, q) => ({ input, left: 0, top: q * (TILE + 24) }))).png().toFile(out);
console.log(`wrote ${out}`);
