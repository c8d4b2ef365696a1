// A driver's tall "O" on a photo, read back with the face mesh (issue #13, tallO25): at the picked
// frames the mouth width (61-291) over the clip's median width (a sample of every --every-th frame,
// each image over its own), the lip gap (13-14 / IOD), the opening's dark share (< .35 of the chin's
// skin), its median luma over the skin and that of its lower third (the tongue) and upper third, the
// grid-lock of the read inner lip lines, and ours' mesh width (the rig's own 61-291 over its rest) so a
// rig width and a read-back width can be told apart. Driver | each --root at ~3x in one sheet.
// Never asserts.
//   node --import tsx bench/tallO.ts --video lp_d6.mp4 --photo lp_s42.jpg --frames 186,188,190,192
//        [--root a,b] [--every 10] [--upto 200 (the critic's 8 s clips)] [--out sheet.png]
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { decodeVideoFrames } from '../src/io/media.ts';
import { polygonMask } from '../src/eval/masks.ts';
import { gridLock } from '../src/eval/gridLock.ts';
import { cropImage, labelledGrid, squareBox, type GridCell } from '../src/eval/eyes.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack } from './driverTracks.ts';
import { rendererOfRoot } from './mouthTiles.ts';
import { skinLuma } from './mouthInterior.ts';
import { luma, dist, median, readLandmarks, type Lm } from './readBack.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const opt = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const video = opt('--video', 'lp_d6.mp4'), photo = opt('--photo', 'lp_s42.jpg');
const picks = opt('--frames', '186,188,190,192').split(',').map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const every = Number(opt('--every', '10')), upto = Number(opt('--upto', '200'));
const out = opt('--out', '/tmp/tallO.png');
const FPS = 25, SIZE = 512, CELL = 240;
const videoFile = video.startsWith('/') ? video : path.join(DATA, 'video', video);


interface Read { lm: Lm; width: number; gap: number; text: string }

/** The opening's figures: dark share, median luma / skin, and of its upper and lower thirds (by height between 13 and 14). */
function opening(img: RgbaImage, lm: Lm): string {
  const poly = [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((i) => lm[i]!);
  const mask = polygonMask(poly, img.width, img.height);
  const sk = skinLuma(img.data, img.width, lm, dist(lm, 33, 263));
  const top = lm[13]![1], bottom = lm[14]![1], span = Math.max(1, bottom - top);
  const all: number[] = [], up: number[] = [], low: number[] = [];
  for (let q = 0; q < mask.length; q++) {
    if (!mask[q]) continue;
    const l = luma(img.data, q * 4) / sk, t = (Math.floor(q / img.width) + 0.5 - top) / span;
    all.push(l);
    if (t < 1 / 3) up.push(l); else if (t > 2 / 3) low.push(l);
  }
  if (all.length < 30) return 'shut';
  const dark = all.filter((l) => l < 0.35).length / all.length;
  return `dark ${dark.toFixed(2)} luma ${median(all).toFixed(2)} top ${median(up).toFixed(2)} low ${median(low).toFixed(2)}`;
}

function readOf(img: RgbaImage, lm: Lm): Read {
  const iod = dist(lm, 33, 263);
  const lines = { upper: LIPS_INNER_UPPER.map((i) => lm[i]!), lower: LIPS_INNER_LOWER.map((i) => lm[i]!) };
  const text = `${opening(img, lm)} grid ${gridLock(img, lines).toFixed(2)}`;
  return { lm, width: dist(lm, 61, 291) / iod, gap: dist(lm, 13, 14) / iod, text };
}

const LIP = [61, 291, 0, 17, 13, 14, 40, 270, 91, 321];
const crop = (img: RgbaImage, lm: Lm) => cropImage(img, squareBox(LIP.map((i) => lm[i]!), 1.5, img.width, img.height));

const raw = await cachedTrack(videoFile, FPS);
const sample = [...Array(Math.min(upto, raw.length)).keys()].filter((i) => i % every === 0);
const wanted = new Set([...picks, ...sample]);

// the driver, read afresh on its frames (as the critic's ruler)
const driver = new Map<number, { img: RgbaImage; r: Read }>();
let k = 0;
for await (const img of decodeVideoFrames(videoFile, { fps: FPS, maxSide: 720, maxFrames: Math.max(...wanted) + 1 })) {
  if (wanted.has(k)) { const lm = await readLandmarks(img); if (lm) driver.set(k, { img: picks.includes(k) ? img : { width: 1, height: 1, data: new Uint8ClampedArray(4) }, r: readOf(img, lm) }); }
  k++;
}
const medianWidth = (m: Map<number, { r: Read }>) => median(sample.filter((i) => m.has(i)).map((i) => m.get(i)!.r.width));
const dMed = medianWidth(driver);
console.log(`driver median width ${dMed.toFixed(3)} IOD`);
const rows: GridCell[][] = [], labels: string[] = [];
const row: GridCell[] = [];
for (const i of picks) {
  const d = driver.get(i);
  if (!d) { console.log(`driver f${i}: no face`); continue; }
  console.log(`driver     f${i}: w/med ${(d.r.width / dMed).toFixed(2)} w ${d.r.width.toFixed(3)} gap ${d.r.gap.toFixed(3)} ${d.r.text}`);
  row.push({ label: `f${i} w ${(d.r.width / dMed).toFixed(2)} gap ${d.r.gap.toFixed(2)}`, image: crop(d.img, d.r.lm) });
}
rows.push(row); labels.push('driver');

for (const root of roots) {
  // (framesFromRaw.ts, not fromVideo.ts: another checkout's face models would load a second wasm backend)
  const { motionFramesFromRaw } = await import(path.join(root, 'src/motion/framesFromRaw.ts'));
  const { mouthDarkSeries } = await import(path.join(root, 'src/motion/mouthDark.ts'));
  const frames = motionFramesFromRaw(raw, FPS, true).frames as MotionFrame[];
  const dark = mouthDarkSeries(raw.map((r) => r?.mouthDark)) as number[] | null;
  if (dark) frames.forEach((f, i) => (f.mouthDark = dark[i]));
  // (and the driver's teeth share, as motion/fromVideo.ts gives each frame: render/mouth/driverTeeth.ts)
  const teeth = mouthDarkSeries(raw.map((r) => r?.teethShare)) as number[] | null;
  if (teeth) frames.forEach((f, i) => (f.w.driverTeeth = teeth[i]!));
  const portrait = await cachedPortrait(photo.startsWith('/') ? photo : path.join(DATA, 'portraits', photo));
  const r = await rendererOfRoot(root, portrait, SIZE);
  const restMesh = r.landmarks(r.neutralFrame()) as number[][];
  const meshW = (lm: number[][]) => Math.hypot(lm[61]![0]! - lm[291]![0]!, lm[61]![1]! - lm[291]![1]!);
  const ours = new Map<number, { img: RgbaImage; r: Read }>();
  for (const i of [...wanted].sort((a, b) => a - b)) {
    if (!frames[i]) continue;
    const shot = r.render(frames[i]!), img = { ...shot, data: new Uint8ClampedArray(shot.data) }, lm = await readLandmarks(img);
    if (lm) ours.set(i, { img, r: readOf(img, lm) });
  }
  const oMed = medianWidth(ours), tag = path.basename(root), cells: GridCell[] = [];
  console.log(`${tag} median width ${oMed.toFixed(3)} IOD`);
  for (const i of picks) {
    const o = ours.get(i);
    const f = frames[i]!, w = f.w as Record<string, number>, f2 = (v: number | undefined) => (v ?? 0).toFixed(2);
    const weights = `jaw ${f2(w.jawOpen)} pk ${f2(w.mouthPucker)} fn ${f2(w.mouthFunnel)} dk ${f2(f.mouthDark)}`;
    const fm = r.landmarks(f) as number[][], mesh = meshW(fm) / meshW(restMesh);
    const meshIod = meshW(fm) / Math.hypot(fm[33]![0]! - fm[263]![0]!, fm[33]![1]! - fm[263]![1]!);
    if (!o) { console.log(`${tag.padEnd(10)} f${i}: no face | ${weights}`); continue; }
    console.log(`${tag.padEnd(10)} f${i}: w/med ${(o.r.width / oMed).toFixed(2)} w ${o.r.width.toFixed(3)} gap ${o.r.gap.toFixed(3)} ${o.r.text} | mesh w/rest ${mesh.toFixed(2)} w ${meshIod.toFixed(3)} | ${weights}`);
    cells.push({ label: `w ${(o.r.width / oMed).toFixed(2)} gap ${o.r.gap.toFixed(2)}`, image: crop(o.img, o.r.lm) });
  }
  rows.push(cells); labels.push(tag);
}
await writeFile(out, await labelledGrid(rows, { title: `${path.basename(video)} -> ${photo} (mouth ~3x, read-back width / clip median, gap / IOD)`, cellW: CELL, cellH: CELL, rowLabels: labels }));
console.log(`wrote ${out}`);
