// Katie's most pitched frames: driver | result without | with the pose-bias removal (rig/poseBias.ts),
// faces and mouths (3x), with the motion's mouth weights on each frame.
//   node --import tsx bench/poseBiasSheet.ts [WDA_KatieHill_000.mp4] [out.png]
import path from 'node:path';
import { rename, writeFile } from 'node:fs/promises';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { cropImage, labelledGrid, squareBox, type GridCell } from '../src/eval/eyes.ts';
import type { RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const video = process.argv[2] ?? 'WDA_KatieHill_000.mp4';
const out = process.argv[3] ?? '/tmp/posebias-katie.png';
const FPS = 10;
const portrait = await cachedPortrait(path.join(DATA, 'portraits', 'lp_s42.jpg'));
const size = portrait.image.width;
const renderer = createRenderer(buildAvatar(portrait), { width: size, height: size });
const raw = await cachedTrack(video, FPS);
const before = motionFramesFromRaw(raw, FPS, true, { fit: { poseCorrection: false } }).frames;
const after = motionFramesFromRaw(raw, FPS, true, { fit: { poseCorrection: true } }).frames;
const MOUTH = [61, 291, 0, 17, 13, 14, 78, 308];
// the most pitched (head down) frames, 5 of them at least 1 s apart
const order = raw.map((r, i) => [i, r?.angles.pitch ?? Infinity] as const).filter(([, p]) => Number.isFinite(p)).sort((a, b) => a[1] - b[1]);
const picked: number[] = [];
for (const [i] of order) if (picked.length < 5 && picked.every((j) => Math.abs(j - i) >= FPS)) picked.push(i);
const shots = new Map<number, RgbaImage>();
let k = 0;
for await (const f of decodeVideoFrames(path.join(DATA, 'video', video), { fps: FPS, maxSide: 512, maxFrames: raw.length })) { if (picked.includes(k)) shots.set(k, f); k++; }
const rows: GridCell[][] = [];
const fmt = (w: Record<string, number>) => `O${w.mouthPucker!.toFixed(2)} sL${w.mouthStretchLeft!.toFixed(2)} sR${w.mouthStretchRight!.toFixed(2)} j${w.jawOpen!.toFixed(2)}`;
for (const i of picked) {
  const f = shots.get(i), r = raw[i];
  if (!f || !r?.lm) continue;
  const lm = Array.from({ length: r.lm.length / 3 }, (_, j) => [r.lm![3 * j]!, r.lm![3 * j + 1]!]);
  const row: GridCell[] = [
    { label: `t=${(i / FPS).toFixed(1)}s pitch ${r.angles.pitch.toFixed(0)} roll ${r.angles.roll.toFixed(0)}`, image: cropImage(f, squareBox(lm, 1.2, f.width, f.height)) },
  ];
  const mouths: GridCell[] = [{ label: 'driver mouth', image: cropImage(f, squareBox(MOUTH.map((j) => lm[j]!), 1.6, f.width, f.height)) }];
  for (const [tag, frames] of [['before', before], ['after', after]] as const) {
    const img = renderer.render(frames[i]!);
    const res = { ...img, data: new Uint8ClampedArray(img.data) };
    const g = (await detectFaces(res, { embedding: false }))[0];
    const glm = (g?.landmarks ?? []) as number[][];
    row.push({ label: `${tag} ${fmt(frames[i]!.w)}`, image: glm.length ? cropImage(res, squareBox(glm, 1.2, size, size)) : res });
    mouths.push({ label: `${tag} mouth`, image: glm.length ? cropImage(res, squareBox(MOUTH.map((j) => glm[j]!), 1.6, size, size)) : res });
    console.log(i, tag, fmt(frames[i]!.w));
  }
  rows.push([...row, ...mouths]);
}
const png = await labelledGrid(rows, { title: `lp_s42 driven by ${video}, most pitched frames: driver | result without | with pose-bias removal (O pucker, sL/sR stretch, j jawOpen)`, cellW: 230, cellH: 200 });
await writeFile(out + '.tmp', png);
await rename(out + '.tmp', out);
console.log('sheet', out);
