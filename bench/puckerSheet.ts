// A driver's frames that the rig fit reads as a pucker (the raw fit, no prior): driver | result
// with the mouth-width prior off | on (DriverFitOptions.puckerPrior, motion/retarget.ts), faces and mouths
// (3x), with the motion's mouth weights on each. Katie's toothy smile fitted as a pucker.
//   node --import tsx bench/puckerSheet.ts [WDA_KatieHill_000.mp4] [out.png] [--photo lp_s42.jpg] [--widths]
// --widths: only print, for every frame the raw fit reads as pucker > 0.2, the mouth's width over rest.
import path from 'node:path';
import { rename, writeFile } from 'node:fs/promises';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { fitRig, estimateNeutral, canonicalize, toCanonical, type Landmarks } from '../src/rig/fit.ts';
import { mouthWidthRatio } from '../src/rig/mouthPrior.ts';
import { cropImage, labelledGrid, squareBox, type GridCell } from '../src/eval/eyes.ts';
import type { RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const args = process.argv.slice(2).filter((a, k, all) => !a.startsWith('--') && !all[k - 1]?.startsWith('--'));
const video = args[0] ?? 'WDA_KatieHill_000.mp4';
const out = args[1] ?? '/tmp/pucker-sheet.png';
const pi = process.argv.indexOf('--photo');
const photo = pi > 0 ? process.argv[pi + 1]! : 'lp_s42.jpg';
const FPS = 10, PICKS = 6;
const portrait = await cachedPortrait(path.join(DATA, 'portraits', photo));
const size = portrait.image.width;
const renderer = createRenderer(buildAvatar(portrait), { width: size, height: size });
const raw = await cachedTrack(video, FPS);
const withPrior = (on: boolean) => motionFramesFromRaw(raw, FPS, true, { fit: { puckerPrior: on } }).frames;
const before = withPrior(false), after = withPrior(true);
const lms = raw.map((r) => (r?.lm ? landmarkList(r.lm) : null));
const neutral = estimateNeutral(lms.filter((l): l is Landmarks => !!l));
// the frames the raw fit reads as most puckered, at least 0.3 s apart
const pucker = lms.map((lm, i) => [i, lm ? fitRig(lm, { neutral, robust: true }).weights.mouthPucker : -1] as const).sort((a, b) => b[1] - a[1]);
/** Mouth width over rest: the driver's against its neutral; a result's (read back) against the photo's. */
const driverWidth = (lm: Landmarks) => mouthWidthRatio(toCanonical(lm, fitRig(lm, { neutral, robust: true })), neutral);
const photoCanon = canonicalize((await detectFaces(portrait.image, { embedding: false }))[0]!.landmarks as Landmarks);
if (process.argv.includes('--widths')) {
  // every frame the raw fit reads as pucker > 0.2: the mouth's width over rest, then the pucker
  const rows = lms.flatMap((lm, i) => (lm && pucker.find(([j]) => j === i)![1] > 0.2 ? [`${driverWidth(lm).toFixed(2)}:${pucker.find(([j]) => j === i)![1].toFixed(2)}`] : [])).sort();
  console.log(`${video}: width over rest : raw pucker, where the pucker > 0.2: ${rows.join(' ')}`);
  process.exit(0);
}
const picked: number[] = [];
for (const [i] of pucker) if (picked.length < PICKS && picked.every((j) => Math.abs(j - i) >= 3)) picked.push(i);
picked.sort((a, b) => a - b);
const MOUTH = [61, 291, 0, 17, 13, 14, 78, 308];
const shots = new Map<number, RgbaImage>();
let k = 0;
for await (const f of decodeVideoFrames(path.join(DATA, 'video', video), { fps: FPS, maxSide: 512, maxFrames: raw.length })) { if (picked.includes(k)) shots.set(k, f); k++; }
const fmt = (w: Record<string, number>) => `O${w.mouthPucker!.toFixed(2)} sm${((w.mouthSmileLeft! + w.mouthSmileRight!) / 2).toFixed(2)} st${((w.mouthStretchLeft! + w.mouthStretchRight!) / 2).toFixed(2)} j${w.jawOpen!.toFixed(2)}`;
const rows: GridCell[][] = [];
for (const i of picked) {
  const f = shots.get(i), r = raw[i];
  if (!f || !r?.lm) continue;
  const lm = Array.from({ length: r.lm.length / 3 }, (_, j) => [r.lm![3 * j]!, r.lm![3 * j + 1]!]);
  const faces: GridCell[] = [{ label: `t=${(i / FPS).toFixed(1)}s raw pucker ${pucker.find(([j]) => j === i)![1].toFixed(2)} width ${driverWidth(lms[i]!).toFixed(2)}`, image: cropImage(f, squareBox(lm, 1.2, f.width, f.height)) }];
  const mouths: GridCell[] = [{ label: 'driver mouth', image: cropImage(f, squareBox(MOUTH.map((j) => lm[j]!), 1.6, f.width, f.height)) }];
  for (const [tag, frames] of [['prior off', before], ['prior on', after]] as const) {
    const img = renderer.render(frames[i]!);
    const res = { ...img, data: new Uint8ClampedArray(img.data) };
    const glm = ((await detectFaces(res, { embedding: false }))[0]?.landmarks ?? []) as number[][];
    faces.push({ label: `${tag} ${fmt(frames[i]!.w)}`, image: glm.length ? cropImage(res, squareBox(glm, 1.2, size, size)) : res });
    mouths.push({ label: `${tag} mouth${glm.length ? `, width ${mouthWidthRatio(canonicalize(glm as Landmarks), photoCanon).toFixed(2)}` : ''}`, image: glm.length ? cropImage(res, squareBox(MOUTH.map((j) => glm[j]!), 1.6, size, size)) : res });
    console.log(i, tag, fmt(frames[i]!.w));
  }
  rows.push([...faces, ...mouths]);
}
const png = await labelledGrid(rows, { title: `${photo} driven by ${video}, frames the fit reads as pucker: driver | mouth-width prior off | on (O pucker, sm smile, st stretch, j jawOpen; width: mouth width over rest)`, cellW: 230, cellH: 200 });
await writeFile(out + '.tmp', png);
await rename(out + '.tmp', out);
console.log('sheet', out);
