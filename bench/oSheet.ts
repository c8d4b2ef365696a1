// A driver's O / pucker frames on a photo, before | after (issue #13, round28): one row per frame, the driver's
// lower face at 1x (scaled to our eye distance), each --root's render at 1x (the 512 px frame's own pixels round the
// mouth), then the driver's and each root's mouth at 3x. The motion is fromVideo's (the driver's darkness and teeth
// share on each frame). Never asserts.
//   node --import tsx bench/oSheet.ts --video lp_d11.mp4 --photo lp_s9.jpg --frames 65,90 --root MAIN,. --out x.png
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { decodeVideoFrames } from '../src/io/media.ts';
import { cropImage, labelledGrid, squareBox, type GridCell } from '../src/eval/eyes.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack } from './driverTracks.ts';
import { rendererOfRoot } from './mouthTiles.ts';
import { dist, readLandmarks, type Lm } from './readBack.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const opt = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const video = opt('--video', 'lp_d11.mp4'), photo = opt('--photo', 'lp_s9.jpg'), out = opt('--out', '/tmp/oSheet.png');
const picks = opt('--frames', '65,90').split(',').map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const FPS = 25, SIZE = 512, CELL = 200, ZOOM = 3;
const videoFile = video.startsWith('/') ? video : path.join(DATA, 'video', video);

/** A square crop round the mouth (61, 291, 13, 14) `side` px wide, kept inside the image. */
function mouthCrop(img: RgbaImage, lm: Lm | number[][], side: number): RgbaImage {
  const cx = (lm[61]![0]! + lm[291]![0]!) / 2, cy = (lm[13]![1]! + lm[14]![1]!) / 2, s = Math.min(img.width, img.height, Math.round(side));
  const x = Math.max(0, Math.min(img.width - s, Math.round(cx - s / 2))), y = Math.max(0, Math.min(img.height - s, Math.round(cy - s / 2)));
  return cropImage(img, [x, y, s, s]);
}

const raw = await cachedTrack(videoFile, FPS);
const drivers = new Map<number, { img: RgbaImage; lm: Lm }>();
let k = 0;
for await (const img of decodeVideoFrames(videoFile, { fps: FPS, maxSide: 720, maxFrames: Math.max(...picks) + 1 })) {
  if (picks.includes(k)) { const lm = await readLandmarks(img); if (lm) drivers.set(k, { img, lm }); }
  k++;
}
const renders: Map<number, { img: RgbaImage; lm: number[][] }>[] = [];
for (const root of roots) {
  const { motionFramesFromRaw } = await import(path.join(root, 'src/motion/framesFromRaw.ts'));
  const { mouthDarkSeries } = await import(path.join(root, 'src/motion/mouthDark.ts'));
  const frames = motionFramesFromRaw(raw, FPS, true).frames as MotionFrame[];
  // (as motion/fromVideo.ts: the driver's darkness and teeth share on each frame)
  const dark = mouthDarkSeries(raw.map((r) => r?.mouthDark)) as number[] | null, teeth = mouthDarkSeries(raw.map((r) => r?.teethShare)) as number[] | null;
  frames.forEach((f, i) => { if (dark) f.mouthDark = dark[i]; if (teeth) f.w.driverTeeth = teeth[i]!; });
  const r = await rendererOfRoot(root, await cachedPortrait(photo.startsWith('/') ? photo : path.join(DATA, 'portraits', photo)), SIZE);
  const shots = new Map<number, { img: RgbaImage; lm: number[][] }>();
  for (const i of picks) { const s = r.render(frames[i]!); shots.set(i, { img: { ...s, data: new Uint8ClampedArray(s.data) }, lm: r.landmarks(frames[i]!) as number[][] }); }
  renders.push(shots);
}
const rows: GridCell[][] = [];
for (const i of picks) {
  const d = drivers.get(i), first = renders[0]!.get(i)!, iod = dist(first.lm as Lm, 33, 263);
  const scale = d ? dist(d.lm, 33, 263) / iod : 1, row: GridCell[] = [];
  if (d) row.push({ label: `f${i} driver 1x`, image: mouthCrop(d.img, d.lm, CELL * scale) });
  renders.forEach((m, j) => row.push({ label: `${path.basename(roots[j]!)} 1x`, image: mouthCrop(m.get(i)!.img, m.get(i)!.lm, CELL) }));
  if (d) row.push({ label: 'driver 3x', image: mouthCrop(d.img, d.lm, (CELL / ZOOM) * scale) });
  renders.forEach((m, j) => row.push({ label: `${path.basename(roots[j]!)} 3x`, image: mouthCrop(m.get(i)!.img, m.get(i)!.lm, CELL / ZOOM) }));
  rows.push(row);
}
await writeFile(out, await labelledGrid(rows, { title: `${path.basename(video)} -> ${photo}: driver | ${roots.map((r) => path.basename(r)).join(' | ')} at 1x, then at 3x`, cellW: CELL, cellH: CELL, rowLabels: picks.map((i) => `f${i}`) }));
console.log(`wrote ${out}`);
