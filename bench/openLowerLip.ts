// What an open mouth's lower half is made of (issue #13, "the lower lip, when open, becomes a glossy pink
// blob like a tongue; the chin lengthens"; critic25 fix-first #1 on mt_man + mt_sun.wav). Per --root
// checkout (before/after), at chosen frames of a saved motion: the geometry (lip gap 13-14, lower lip
// 14-17, chin 17-152, all over the eye-corner IOD; the rig's landmarks and the face mesh read back off the
// render), inside the inner lip (bench/mouthInterior interiorStats: dark share, l50; the tongue's share and
// luma over the lips' by drawing the frame without it, bench/tongueFigures tongueDrawn; the colour-found
// tongue-like share as on real frames), and the centre column's luma / redness from the upper lip down to
// the chin (where lip, tongue and cavity sit). --videos: the same read-back figures on real talking frames
// binned by gap. A 3x sheet (real tiles first when --real-frames is given). Never asserts.
//   node --import tsx bench/openLowerLip.ts --portrait mt_man.png --motion m.json --frames 15,80,91,119,190 [--jaw 0.5] [--root a,b]
//     [--real speaker.mp4 (25 fps, a first row at the same frames)] [--videos v.mp4:0-8,... [--list]] [--out x.jpg]
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { analyzePortrait } from '../src/analyze/index.ts';
import { loadImage } from '../src/io/image.ts';
import { detectFaces } from '../src/face/detect.ts';
import { teethLibrary } from '../src/render/mouth/library.ts';
import type { RgbaImage } from '../src/types.ts';
import { interiorStats, skinLuma } from './mouthInterior.ts';
import { lipTone, openingMask, tongueDrawn, tongueLike } from './tongueFigures.ts';
import { mouthBox, mouthTile, rendererOfRoot, strip } from './mouthTiles.ts';
import { geometry, centreColumn, fmtGeometry, openingBands, fmtBands, medianBands, videoFrameAt, videoFramesAt, type Band, type Geometry, type Lm } from './openLowerLipFigures.ts';
import { SHARED_DATA } from './sharedData.ts';

/** the opening's middle in bands from the upper lip down (openingBands) */
const bandsOf = (d: Uint8ClampedArray, size: number, lm: Lm) => openingBands(d, size, lm, openingMask(lm, size, size), skinLuma(d, size, lm, geometry(lm).iod), lipTone(d, lm, size, size));

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const DATA = SHARED_DATA;
const name = opt('--portrait', 'mt_man.png');
const motionFile = opt('--motion', '');
const frames = opt('--frames', '80,91,119,190').split(',').filter(Boolean).map(Number);
const jaws = opt('--jaw', '').split(',').filter(Boolean).map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').filter((r) => r !== 'none').map((r) => path.resolve(r));
const videos = opt('--videos', '').split(',').filter(Boolean);
const out = opt('--out', '/tmp/openLowerLip.jpg');
const SIZE = 512, ZOOM = 3, TILE = 300;
/** real frames' lip gaps (IOD) binned */
const GAP_BINS = [0.15, 0.25, 9];
const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : ' -- ');

type Frame = { w: Record<string, number> } & Record<string, unknown>;
const motion = motionFile ? (JSON.parse(await readFile(motionFile, 'utf8')) as { frames: Frame[] }) : null;
const portrait = await analyzePortrait(await loadImage(name.startsWith('/') ? name : path.join(DATA, 'portraits', name)));

/** The renderer of `root`, its library tongue made clear when `tongue` is false (bench/tongueShow.ts). */
async function rendererWith(root: string, tongue: boolean) {
  const lib = (await import(path.join(root, 'src/render/mouth/library.ts'))) as { teethLibrary: typeof teethLibrary };
  const t = lib.teethLibrary().tongue, saved = t ? Float32Array.from(t.data) : null;
  if (t && !tongue) for (let o = 3; o < t.data.length; o += 4) t.data[o] = 0;
  try { return await rendererOfRoot(root, portrait, SIZE); } finally { if (t && saved) t.data.set(saved); }
}

const rows: Buffer[] = [];
// --real VIDEO: a first row of the real speaker's frames at the same times (the photo's own mouth first)
const realVideo = opt('--real', '');
if (realVideo && motion) {
  const r0 = await rendererOfRoot(roots[0]!, portrait, SIZE), n0 = r0.neutralFrame();
  const photo = r0.render(n0);
  const tiles = [await sharp(await mouthTile(photo.data, SIZE, mouthBox(r0.landmarks(n0), 1.6, 0.4), ZOOM)).resize(TILE, TILE).png().toBuffer()];
  for (const i of frames) {
    const img = videoFrameAt(path.isAbsolute(realVideo) ? realVideo : path.join(DATA, realVideo), i / 25 + 0.001);
    const face = (await detectFaces(img, { embedding: false }))[0];
    if (!face) { tiles.push(await sharp({ create: { width: TILE, height: TILE, channels: 3, background: '#000' } }).png().toBuffer()); continue; }
    const lm = face.landmarks as Lm, b = mouthBox(lm, 1.6, 0.4), g = geometry(lm);
    console.log(`real f${i} ${fmtGeometry(g)}`);
    tiles.push(await sharp(await mouthTile(img.data, img.width, b, Math.max(1, Math.ceil(TILE / b.side)))).resize(TILE, TILE).png().toBuffer());
  }
  rows.push(await strip(tiles, TILE));
}
for (const root of roots) {
  const r = await rendererWith(root, true), bare = await rendererWith(root, false);
  const n = r.neutralFrame() as unknown as Frame;
  const picks: [string, Frame][] = [['photo', n], ...frames.map((i) => [`f${i}`, motion!.frames[i]!] as [string, Frame]), ...jaws.map((j) => [`jaw${j}`, { ...n, w: { ...n.w, jawOpen: j } }] as [string, Frame])];
  const tiles: Buffer[] = [];
  console.log(`\n${path.basename(name)} ${root}`);
  for (const [label, f] of picks) {
    const img = r.render(f as never), lm = r.landmarks(f as never) as Lm;
    const data = Uint8ClampedArray.from(img.data);
    const without = bare.render(f as never).data;
    const read = (await detectFaces({ width: SIZE, height: SIZE, data } as RgbaImage, { embedding: false }))[0];
    const g = geometry(lm), gr = read ? geometry(read.landmarks as Lm) : null;
    const st = interiorStats(data, SIZE, lm), drawn = tongueDrawn(data, without, lm, SIZE, SIZE), like = tongueLike(data, lm, SIZE, SIZE);
    console.log(`${label.padEnd(6)} rig ${fmtGeometry(g)} | read ${gr ? fmtGeometry(gr) : 'none'} | dark ${f2(st?.dark ?? NaN)} l50 ${f2(st?.l50 ?? NaN)} teeth ${f2(st?.teeth ?? NaN)} | tongue ${drawn ? `${f2(drawn.share)}@${f2(drawn.light)}` : 'shut'} like ${like ? `${f2(like.share)}@${f2(like.light)}` : 'shut'}`);
    console.log(`       column ${centreColumn(data, SIZE, lm)}`);
    if (g.gap > 0.05 && read) console.log(`       bands (read back) ${fmtBands(bandsOf(data, SIZE, read.landmarks as Lm))}`);
    tiles.push(await sharp(await mouthTile(data, SIZE, mouthBox(lm, 1.6, 0.4), ZOOM)).resize(TILE, TILE).png().toBuffer());
  }
  rows.push(await strip(tiles, TILE));
}

// real talking frames: FILE[:from-to seconds][@every]
for (const v of videos) {
  const [file, range] = v.split(':');
  const [from, to] = (range ?? '0-8').split('-').map(Number);
  const found: string[] = [], byBin: Band[][][] = [], shut: Geometry[] = [], open: Geometry[] = [];
  for (const img of videoFramesAt(path.isAbsolute(file!) ? file! : path.join(DATA, file!), from!, to!, 5)) {
    const face = (await detectFaces(img, { embedding: false }))[0];
    if (!face) continue;
    const lm = face.landmarks as Lm, g = geometry(lm);
    if (g.gap < 0.03) shut.push(g);
    if (g.gap < 0.1) continue;
    open.push(g);
    const st = interiorStats(img.data, img.width, lm), like = tongueLike(img.data, lm, img.width, img.height);
    found.push(`${fmtGeometry(g)} | dark ${f2(st?.dark ?? NaN)} l50 ${f2(st?.l50 ?? NaN)} teeth ${f2(st?.teeth ?? NaN)} | like ${like ? `${f2(like.share)}@${f2(like.light)}` : 'shut'}`);
    const bin = GAP_BINS.findIndex((b) => g.gap < b);
    (byBin[bin] ??= []).push(bandsOf(img.data, img.width, lm));
  }
  console.log(`\nreal ${path.basename(file!)} ${from}-${to} s, open frames (gap >= .1): ${found.length}`);
  const med = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1] ?? NaN;
  for (const [what, gs] of [['shut (gap < .03)', shut], ['open (gap >= .1)', open]] as const) console.log(`  ${what}: n ${gs.length} median lower lip ${f2(med(gs.map((g) => g.lower)))} chin ${f2(med(gs.map((g) => g.chin)))} lip+chin ${f2(med(gs.map((g) => g.lower + g.chin)))}`);
  if (args.includes('--list')) for (const s of found) console.log(`  ${s}`);
  for (const [k, b] of byBin.entries()) if (b) console.log(`  gap ${k ? GAP_BINS[k - 1] : 0.1}-${GAP_BINS[k]}: n ${b.length} bands (upper lip -> lower lip) ${fmtBands(medianBands(b))}`);
}

if (rows.length) {
  const W = TILE * (1 + frames.length + jaws.length), gap = 4; // (the real row has no jaw tiles)
  await sharp({ create: { width: W, height: rows.length * (TILE + gap), channels: 3, background: '#000' } })
    .composite(rows.map((input, q) => ({ input, left: 0, top: q * (TILE + gap) }))).jpeg({ quality: 85 }).toFile(out);
  console.log(`wrote ${out}`);
}
