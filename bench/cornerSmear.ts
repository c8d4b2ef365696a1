// Dark pixels outside an open mouth's corners, per checkout (bench/cornerSmearFigures.ts cornerDark), on a
// saved motion: every --every'th frame whose lip gap (rig landmarks 13-14) is over --open IOD, and the
// --frames named. Prints per root the mean / p90 of count and mass per corner over the open frames and
// the named frames' figures; --sheet: the mouth at 3x, a row per root (the photo's mouth first). Never asserts.
//   REAL3D_CACHE=... node --import tsx bench/cornerSmear.ts --portrait mt_man.png --motion m.json [--frames 80,190]
//     [--every 4] [--open 0.05] [--root BEFORE,AFTER] [--sheet out.jpg]
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { cachedPortrait } from './portraitCache.ts';
import { mouthBox, mouthTile, rendererOfRoot, strip } from './mouthTiles.ts';
import { cornersDark, gapOf, type CornerDark } from './cornerSmearFigures.ts';
import type { MotionFrame } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const DATA = SHARED_DATA;
const name = opt('--portrait', 'mt_man.png');
const named = opt('--frames', '').split(',').filter(Boolean).map(Number);
const every = Number(opt('--every', '4')), open = Number(opt('--open', '0.05'));
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const sheet = opt('--sheet', '');
const SIZE = 512, ZOOM = 3;

const motion = JSON.parse(await readFile(opt('--motion', ''), 'utf8')) as { frames: MotionFrame[] };
const portrait = await cachedPortrait(path.join(DATA, 'portraits', name));
const f1 = (v: number) => v.toFixed(1);
const pct = (v: number[], q: number) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN; };
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
const fmt = (c: CornerDark) => `${c.count}/${f1(c.mass)}`;

const rows: Buffer[] = [];
let tileSide = 0;
for (const [k, root] of roots.entries()) {
  const r = await rendererOfRoot(root, portrait, SIZE);
  const neutral = r.neutralFrame();
  const box = mouthBox(r.landmarks(neutral), 1.9, 0.5);
  tileSide = box.side * ZOOM;
  const measure = (fr: MotionFrame) => { const lm = r.landmarks(fr); const img = r.render(fr); return { lm, img, dark: cornersDark(img.data, SIZE, lm), gap: gapOf(lm) }; };
  const rest = measure(neutral);
  const tiles: Buffer[] = [];
  if (k === 0 && sheet) tiles.push(await mouthTile(rest.img.data, SIZE, box, ZOOM));
  const left: number[][] = [[], []], right: number[][] = [[], []];
  let openFrames = 0;
  for (let i = 0; i < motion.frames.length; i += every) {
    const m = measure(motion.frames[i]!);
    if (m.gap < open) continue;
    openFrames++;
    left[0]!.push(m.dark[0].count); left[1]!.push(m.dark[0].mass);
    right[0]!.push(m.dark[1].count); right[1]!.push(m.dark[1].mass);
  }
  const named0: string[] = [];
  for (const f of named) {
    const m = measure(motion.frames[f]!);
    named0.push(`f${f} gap ${m.gap.toFixed(3)} L ${fmt(m.dark[0])} R ${fmt(m.dark[1])}`);
    if (sheet) tiles.push(await mouthTile(m.img.data, SIZE, { ...box, left: Math.round((m.lm[61]![0]! + m.lm[291]![0]!) / 2 - box.side / 2), top: Math.round((m.lm[13]![1]! + m.lm[14]![1]!) / 2 - 0.5 * box.side) }, ZOOM));
  }
  console.log(`${root}: ${name}, photo's frame L ${fmt(rest.dark[0])} R ${fmt(rest.dark[1])} (count px / mass)`);
  console.log(`  ${openFrames} open frames (gap >= ${open}): image-left mean ${f1(mean(left[0]!))}/${f1(mean(left[1]!))} p90 ${pct(left[0]!, 0.9)}/${f1(pct(left[1]!, 0.9))}; image-right mean ${f1(mean(right[0]!))}/${f1(mean(right[1]!))} p90 ${pct(right[0]!, 0.9)}/${f1(pct(right[1]!, 0.9))}`);
  for (const s of named0) console.log('  ' + s);
  if (sheet) rows.push(await strip(tiles, tileSide));
}
if (sheet && rows.length) {
  const cols = named.length + 1;
  await sharp({ create: { width: tileSide * cols, height: tileSide * rows.length, channels: 3, background: '#000' } })
    .composite(rows.map((input, q) => ({ input, left: q === 0 ? 0 : tileSide, top: q * tileSide }))).jpeg({ quality: 85 }).toFile(sheet);
  console.log(sheet);
}
