// A driver's pucker / funnel frames on a photo, per --root checkout (before / after): driver | ours
// per root, the mouth cut out 3x, and the figures read back with the face mesh on both: the lip
// gap (13-14 over the eye-corner IOD), the mouth width over rest (driver: the fit's width ratio to
// its neutral; ours: over the photo's rest render), the dark share of the opening (midOpening's
// figure), and the motion's jaw / pucker / funnel / lowerDown / upperUp. Never asserts.
//   node --import tsx bench/puckerPeaks.ts --video lp_d6.mp4 --photo lp_s42.jpg --frames 86,190 [--root a,b] [--out x.jpg]
// Frames are counted at 25 fps, as `generate` writes them. Tracks cached by driverTracks.ts;
// --track-caches dirA,dirB (one per root): each root's own track of the driver, made beforehand in that checkout
// (REAL3D_CACHE=dirA node --import tsx bench/driverTracks.ts --fps 25 VIDEO): a tracker change.
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { detectFaces } from '../src/face/detect.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { fitRig, estimateNeutral, toCanonical, type Landmarks } from '../src/rig/fit.ts';
import { mouthWidthRatio } from '../src/rig/mouthPrior.ts';
import { cropImage, labelledGrid, squareBox, type GridCell } from '../src/eval/eyes.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack } from './driverTracks.ts';
import { rendererOfRoot } from './mouthTiles.ts';
import { gapOf, midFigures } from './midOpeningFigures.ts';
import { interiorStats } from './mouthInterior.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const opt = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const video = opt('--video', 'lp_d6.mp4'), photo = opt('--photo', 'lp_s42.jpg');
const picks = opt('--frames', '86,190').split(',').map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const out = opt('--out', '/tmp/puckerPeaks.png');
const trackCaches = opt('--track-caches', '').split(',').filter(Boolean);
const FPS = 25, SIZE = 512, CELL = 300;
const videoFile = video.startsWith('/') ? video : path.join(DATA, 'video', video);

let raw = await cachedTrack(videoFile, FPS);
const lms = raw.map((r) => (r?.lm ? landmarkList(r.lm) : null));
const neutral = estimateNeutral(lms.filter((l): l is Landmarks => !!l));
const portrait = await cachedPortrait(photo.startsWith('/') ? photo : path.join(DATA, 'portraits', photo));

/** the mouth's square (lip landmarks, padded) of an image, for a cell */
const LIP = [61, 291, 0, 17, 13, 14, 40, 270, 91, 321];
const mouthCrop = (img: RgbaImage, lm: ArrayLike<ArrayLike<number>>) => cropImage(img, squareBox(LIP.map((i) => lm[i]! as number[]), 1.35, img.width, img.height));
const read = async (img: RgbaImage) => (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) } as RgbaImage, { embedding: false }))[0]?.landmarks as Landmarks | undefined;
const f2 = (v: number | undefined) => (v ?? 0).toFixed(2);
/** the opening's luma over the skin's at its 10th and 50th percentiles (bench/mouthInterior.ts) */
const tones = (img: RgbaImage, lm: ArrayLike<ArrayLike<number>>) => { const s = interiorStats(img.data, img.width, lm); return s ? `l10 ${s.l10.toFixed(2)} l50 ${s.l50.toFixed(2)}` : 'l -'; };

// the driver's frames at the picks (decoded as the tracker saw them)
const driverImgs = new Map<number, RgbaImage>();
let k = 0;
const last = Math.max(...picks);
for await (const img of decodeVideoFrames(videoFile, { fps: FPS, maxSide: 720, maxFrames: last + 1 })) { if (picks.includes(k)) driverImgs.set(k, img); k++; }

const rows: GridCell[][] = [];
const labels: string[] = [];
const driverRow: GridCell[] = [];
for (const i of picks) {
  const img = driverImgs.get(i);
  // the driver read afresh on its whole frame (as the critic's ruler reads it): a track's mesh may misread a fast O
  const lm = (img && (await read(img))) ?? lms[i];
  if (!lm || !img) { driverRow.push({ label: `f${i}: no face`, image: { width: 8, height: 8, data: new Uint8ClampedArray(256) } }); continue; }
  const width = mouthWidthRatio(toCanonical(lm, fitRig(lm, { neutral, robust: true })), neutral);
  const mid = midFigures(img.data, lm, img.width, img.height);
  console.log(`${path.basename(video)} f${i} driver: gap ${gapOf(lm).toFixed(3)} width ${width.toFixed(2)} dark ${mid ? mid.dark.toFixed(2) : '-'} ${tones(img, lm)} mouthDark ${raw[i]?.mouthDark?.toFixed(2) ?? '-'}`);
  driverRow.push({ label: `f${i} gap ${gapOf(lm).toFixed(3)} w ${width.toFixed(2)}`, image: mouthCrop(img, lm) });
}
rows.push(driverRow); labels.push('driver');

for (const root of roots) {
  // (framesFromRaw.ts, not fromVideo.ts: another checkout's face models would load a second wasm backend)
  const { motionFramesFromRaw } = await import(path.join(root, 'src/motion/framesFromRaw.ts'));
  const { mouthDarkSeries } = await import(path.join(root, 'src/motion/mouthDark.ts'));
  const own = trackCaches[roots.indexOf(root)];
  if (own) raw = await cachedTrack(videoFile, FPS, { cache: own });
  const frames = motionFramesFromRaw(raw, FPS, true).frames as MotionFrame[];
  const dark = mouthDarkSeries(raw.map((r) => r?.mouthDark)) as number[] | null;
  if (dark) frames.forEach((f, i) => (f.mouthDark = dark[i]));
  const r = await rendererOfRoot(root, portrait, SIZE);
  const restLm = (await read(r.render(r.neutralFrame())))!;
  const rest = toCanonical(restLm, fitRig(restLm));
  const row: GridCell[] = [];
  for (const i of picks) {
    const f = frames[i]!, img = r.render(f), got = await read(img);
    const w = f.w as Record<string, number>;
    const weights = `jaw ${f2(w.jawOpen)} pk ${f2(w.mouthPucker)} fn ${f2(w.mouthFunnel)} ld ${f2(((w.mouthLowerDownLeft ?? 0) + (w.mouthLowerDownRight ?? 0)) / 2)} uu ${f2(((w.mouthUpperUpLeft ?? 0) + (w.mouthUpperUpRight ?? 0)) / 2)} dk ${f2(f.mouthDark)}`;
    if (!got) { console.log(`${path.basename(root)} f${i}: no face read | ${weights}`); row.push({ label: `f${i} no face`, image: img }); continue; }
    const width = mouthWidthRatio(toCanonical(got, fitRig(got)), rest);
    const mid = midFigures(img.data, got, SIZE, SIZE);
    console.log(`${path.basename(root).padEnd(10)} ${photo} f${i}: gap ${gapOf(got).toFixed(3)} width ${width.toFixed(2)} dark ${mid ? mid.dark.toFixed(2) : '-'} ${tones(img, got)} | ${weights}`);
    row.push({ label: `gap ${gapOf(got).toFixed(3)} w ${width.toFixed(2)}`, image: mouthCrop(img, got) });
  }
  rows.push(row); labels.push(path.basename(root));
}
await writeFile(out, await labelledGrid(rows, { title: `${path.basename(video)} -> ${photo} (3x mouth, read-back gap/IOD, width/rest)`, cellW: CELL, cellH: CELL, rowLabels: labels }));
console.log(`wrote ${out}`);
