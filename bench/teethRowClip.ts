// A saved motion's frames on a portrait per --root checkout: the teeth rows' notch and lower-row presence per frame
// (rowNotchFigures.ts) against the motion's jawOpen, summed in jawOpen bins; a sheet of chosen frames (--sheet) with the
// mouth at 4x and the face at 1x per root. Never asserts. (s51 teethdraw51)
//   node --import tsx bench/teethRowClip.ts --portrait st_full_body_1.png --motion m.json [--root a,b] [--from 0 --to 150 --every 2]
//     [--frames 111,115 --sheet out.png] [--per-frame]
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { cachedPortrait } from './portraitCache.ts';
import { mouthBox, mouthTile, rendererOfRoot } from './mouthTiles.ts';
import { rowNotchFigures, type RowNotch } from './rowNotchFigures.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const name = opt('--portrait', 'st_full_body_1.png');
const motion = JSON.parse(await readFile(opt('--motion', ''), 'utf8')) as { fps: number; frames: { w: Record<string, number> }[] };
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const from = Number(opt('--from', '0')), to = Math.min(motion.frames.length, Number(opt('--to', String(motion.frames.length)))), every = Number(opt('--every', '2'));
const sheetFrames = opt('--frames', '').split(',').filter(Boolean).map(Number), sheetOut = opt('--sheet', '');
const perFrame = args.includes('--per-frame');
const SIZE = 512, ZOOM = Number(opt('--zoom', '4')), BOX = Number(opt('--box', '1.3')), BINS = [0.1, 0.2, 0.3, 0.45, 1.01];

const portrait = await cachedPortrait(name.startsWith('/') ? name : path.join(SHARED_PORTRAITS, name));
const tilesOf: Buffer[][] = [];
for (const root of roots) {
  const r = await rendererOfRoot(root, portrait, SIZE);
  const rows: { jaw: number; f: RowNotch }[] = [];
  for (let i = from; i < to; i += every) {
    const fr = motion.frames[i]! as Parameters<typeof r.render>[0];
    const img = r.render(fr), f = rowNotchFigures(img.data, r.landmarks(fr), SIZE, SIZE);
    const jaw = fr.w.jawOpen ?? 0;
    if (f && f.gap >= 0.06) rows.push({ jaw, f });
    if (perFrame && f) console.log(`  f${i} jaw ${jaw.toFixed(2)} gap ${f.gap.toFixed(2)} notch ${f.notch.toFixed(2)} @${f.at.toFixed(2)} lower ${f.lower.toFixed(2)} (${f.lowerLight.toFixed(2)})`);
  }
  const bins = BINS.map((hi, k) => { const lo = k ? BINS[k - 1]! : 0; const b = rows.filter((q) => q.jaw >= lo && q.jaw < hi); return `jaw<${hi > 1 ? 'max' : hi.toFixed(2)} n${b.length} lower ${b.length ? (b.reduce((s, q) => s + q.f.lower, 0) / b.length).toFixed(2) : '-'}`; });
  const notches = rows.map((q) => q.f.notch).sort((a, b) => a - b);
  console.log(`${path.basename(root).padEnd(12)} open frames ${rows.length}: notch p10 ${notches[Math.floor(0.1 * (notches.length - 1))]?.toFixed(2)} median ${notches[notches.length >> 1]?.toFixed(2)} under .7 ${(notches.filter((v) => v < 0.7).length / Math.max(1, notches.length)).toFixed(2)} | ${bins.join(' | ')}`);
  if (sheetOut) {
    const tiles: Buffer[] = [];
    for (const i of sheetFrames) {
      const fr = motion.frames[Math.min(motion.frames.length - 1, i)]! as Parameters<typeof r.render>[0];
      const img = r.render(fr), lm = r.landmarks(fr), box = mouthBox(lm, BOX, 0.45);
      const f = rowNotchFigures(img.data, lm, SIZE, SIZE);
      console.log(`  ${path.basename(root)} f${i} jaw ${(fr.w.jawOpen ?? 0).toFixed(2)} ${f ? `gap ${f.gap.toFixed(2)} notch ${f.notch.toFixed(2)} lower ${f.lower.toFixed(2)}` : 'shut'}`);
      const big = await sharp(await mouthTile(img.data, SIZE, box, ZOOM)).resize(320, 320).png().toBuffer();
      const face = mouthBox(lm, 3.2, 0.55);
      const one = await sharp(await mouthTile(img.data, SIZE, face, 1)).resize(160, 160, { kernel: 'nearest' }).png().toBuffer();
      tiles.push(await sharp({ create: { width: 484, height: 320, channels: 3, background: '#111' } }).composite([{ input: big, left: 0, top: 0 }, { input: one, left: 324, top: 0 }]).png().toBuffer());
    }
    tilesOf.push(tiles);
  }
}
if (sheetOut && sheetFrames.length) {
  const W = 484 * sheetFrames.length + 4 * (sheetFrames.length - 1), H = roots.length * 324;
  const comp = tilesOf.flatMap((tiles, q) => tiles.map((input, k) => ({ input, left: k * 488, top: q * 324 })));
  await sharp({ create: { width: W, height: H, channels: 3, background: '#000' } }).composite(comp).png().toFile(sheetOut);
  console.log(`wrote ${sheetOut} (rows: ${roots.map((r) => path.basename(r)).join(', ')}; frames ${sheetFrames.join(', ')}; mouth 4x | face 1x)`);
}
process.exit(0);
