// A driver's smile peaks on a photo, before | after: per frame one row of driver | before | after for
// the face (~1x), the mouth (~3x) and the eyes (~2x), with the read-back mouth width and eye opening
// (face mesh on the result, in IOD, as the outside review's read.ts measures them). The mouth and eye
// boxes of before and after are the same (the before frame's rendered landmarks), so widths compare.
// "before" = another checkout's motion, avatar and renderer (--before-root, e.g. a git archive of main).
// Cached 10 fps tracks (bench/driverTracks.ts; --fps 25 for output frame numbers). Never asserts.
//   node --import tsx bench/smilePeaks.ts WDA_KatieHill_000.mp4 lp_s2.jpg 11,22,27 out.png --before-root DIR
import path from 'node:path';
import { rename, writeFile } from 'node:fs/promises';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { cropImage, eyeOpenings, labelledGrid, squareBox, type GridCell } from '../src/eval/eyes.ts';
import type { Landmarks } from '../src/rig/fit.ts';
import type { RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const opt = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const [video = 'WDA_KatieHill_000.mp4', photo = 'lp_s2.jpg', at = '11,22,27', out = '/tmp/smile-peaks.png'] = process.argv.slice(2).filter((a, k, all) => !a.startsWith('--') && !all[k - 1]?.startsWith('--'));
const beforeRoot = path.resolve(opt('--before-root') ?? '.');
const FPS = Number(opt('--fps') ?? 10); // the critic's frame numbers are 25 fps output frames: --fps 25
const picked = at.split(',').map(Number);
const portrait = await cachedPortrait(path.join(DATA, 'portraits', photo));
const size = portrait.image.width;
const raw = await cachedTrack(path.join(DATA, 'video', video), FPS);
const load = async (root: string) => ({
  frames: ((await import(path.join(root, 'src/motion/fromVideo.ts'))).motionFramesFromRaw as typeof motionFramesFromRaw)(raw, FPS, true).frames,
  renderer: (await import(path.join(root, 'src/render/renderer.ts'))).createRenderer((await import(path.join(root, 'src/avatar/build.ts'))).buildAvatar(portrait), { width: size, height: size }) as ReturnType<typeof createRenderer>,
});
const sides = [['before', await load(beforeRoot)], ['after', { frames: motionFramesFromRaw(raw, FPS, true).frames, renderer: createRenderer(buildAvatar(portrait), { width: size, height: size }) }]] as const;
const shots = new Map<number, RgbaImage>();
let k = 0;
for await (const f of decodeVideoFrames(path.join(DATA, 'video', video), { fps: FPS, maxSide: 512, maxFrames: raw.length })) { if (picked.includes(k)) shots.set(k, { ...f, data: new Uint8ClampedArray(f.data) }); k++; }

const MOUTH = [61, 291, 0, 17];
const EYES = [33, 133, 263, 362, 70, 300, 145, 374];
const d = (lm: ArrayLike<number>[], i: number, j: number) => Math.hypot(lm[i]![0]! - lm[j]![0]!, lm[i]![1]! - lm[j]![1]!);
/** width / iod and eye openings read back by the face mesh */
const readBack = (lm: Landmarks) => { const iod = d(lm, 33, 263), e = eyeOpenings(lm); return `w ${(d(lm, 61, 291) / iod).toFixed(2)} eye ${e.left.toFixed(2)}/${e.right.toFixed(2)}`; };
const fmt = (w: Record<string, number>) => `sm ${w.mouthSmileLeft!.toFixed(2)}/${w.mouthSmileRight!.toFixed(2)} st ${w.mouthStretchLeft!.toFixed(2)}/${w.mouthStretchRight!.toFixed(2)} fn ${w.mouthFunnel!.toFixed(2)} j ${w.jawOpen!.toFixed(2)} sq ${w.eyeSquintLeft!.toFixed(2)}/${w.eyeSquintRight!.toFixed(2)}`;
const rows: GridCell[][] = [];
for (const i of picked) {
  const shot = shots.get(i), lmFlat = raw[i]?.lm;
  if (!shot || !lmFlat) continue;
  const dl = (await detectFaces(shot, { embedding: false }))[0]?.landmarks as Landmarks | undefined;
  const drv = Array.from({ length: lmFlat.length / 3 }, (_, j) => [lmFlat[3 * j]!, lmFlat[3 * j + 1]!]);
  const faces: GridCell[] = [{ label: `#${i} (${(i / FPS).toFixed(1)} s) driver ${dl ? readBack(dl) : ''}`, image: cropImage(shot, squareBox(drv, 1.15, shot.width, shot.height)) }];
  const mouths: GridCell[] = [{ label: 'driver mouth', image: cropImage(shot, squareBox(MOUTH.map((j) => drv[j]!), 1.5, shot.width, shot.height)) }];
  const eyes: GridCell[] = [{ label: 'driver eyes', image: cropImage(shot, squareBox(EYES.map((j) => drv[j]!), 1.1, shot.width, shot.height)) }];
  const ref = sides[0][1].renderer.landmarks(sides[0][1].frames[i]!);
  const mouthBox = squareBox(MOUTH.map((j) => ref[j]!), 1.5, size, size), eyeBox = squareBox(EYES.map((j) => ref[j]!), 1.1, size, size), faceBox = squareBox(ref, 1.15, size, size);
  for (const [tag, side] of sides) {
    const img = side.renderer.render(side.frames[i]!);
    const res = { ...img, data: new Uint8ClampedArray(img.data) };
    const lm = (await detectFaces(res, { embedding: false }))[0]?.landmarks as Landmarks | undefined;
    const back = lm ? readBack(lm) : 'no face';
    console.log(`#${i} ${tag.padEnd(6)} ${back} | ${fmt(side.frames[i]!.w)}`);
    faces.push({ label: `${tag}: ${back}`, image: cropImage(res, faceBox) });
    mouths.push({ label: `${tag} mouth: ${fmt(side.frames[i]!.w).split(' sq')[0]}`, image: cropImage(res, mouthBox) });
    eyes.push({ label: `${tag} eyes`, image: cropImage(res, eyeBox) });
  }
  rows.push(faces, mouths, eyes);
}
const png = await labelledGrid(rows, { title: `${photo} driven by ${video}: driver | before | after; face, mouth, eyes (read back: mouth width / IOD, eye opening L/R)`, cellW: 300, cellH: 260 });
await writeFile(out + '.tmp', png);
await rename(out + '.tmp', out);
console.log('sheet', out);
