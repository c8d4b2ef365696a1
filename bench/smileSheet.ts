// A driver's smile frames: driver | result before | after (face, then mouth 3x), with the motion's
// mouth weights on each. "before" = the driver fits' pose solve with the face oval at full weight
// at any head angle (silhouetteFade off, rig/fit.ts), or with --before-root DIR another checkout's
// motion, avatar and renderer (e.g. /work/main); "after" = this checkout.
//   node --import tsx bench/smileSheet.ts [WDA_KatieHill_000.mp4] [out.png] [--photo lp_s42.jpg] [--at 0.8,1.1,...] [--before-root DIR]
import path from 'node:path';
import { rename, writeFile } from 'node:fs/promises';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { fitRig, estimateNeutral, canonicalize, toCanonical, type Landmarks } from '../src/rig/fit.ts';
import { cropImage, labelledGrid, squareBox, type GridCell } from '../src/eval/eyes.ts';
import type { RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const opt = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const args = process.argv.slice(2).filter((a, k, all) => !a.startsWith('--') && !all[k - 1]?.startsWith('--'));
const video = args[0] ?? 'WDA_KatieHill_000.mp4';
const out = args[1] ?? '/tmp/smile-sheet.png';
const photo = opt('--photo') ?? 'lp_s42.jpg';
const FPS = 10;
const times = (opt('--at') ?? '0.8,1.1,1.4,2.5,4.0,5.3,5.5,6.7').split(',').map(Number);
const portrait = await cachedPortrait(path.join(DATA, 'portraits', photo));
const size = portrait.image.width;
const renderer = createRenderer(buildAvatar(portrait), { width: size, height: size });
const raw = await cachedTrack(video, FPS);
const beforeRoot = opt('--before-root');
const old = beforeRoot ? {
  motion: (await import(path.join(path.resolve(beforeRoot), 'src/motion/fromVideo.ts'))).motionFramesFromRaw as typeof motionFramesFromRaw,
  renderer: (await import(path.join(path.resolve(beforeRoot), 'src/render/renderer.ts'))).createRenderer((await import(path.join(path.resolve(beforeRoot), 'src/avatar/build.ts'))).buildAvatar(portrait), { width: size, height: size }) as typeof renderer,
} : null;
// before: the driver fits' pose solve keeps the face oval at any head angle (silhouetteFade off)
const before = old ? old.motion(raw, FPS, true).frames : motionFramesFromRaw(raw, FPS, true, { fit: { silhouetteFade: false } }).frames;
const after = motionFramesFromRaw(raw, FPS, true).frames;
// corner lift (canonical up, iod, mean of both corners) and mouth width over rest: the driver's
// against its neutral, a result's (read back) against the photo's
const lms = raw.map((r) => (r?.lm ? landmarkList(r.lm) : null));
const neutral = estimateNeutral(lms.filter((l): l is Landmarks => !!l));
const photoCanon = canonicalize((await detectFaces(portrait.image, { embedding: false }))[0]!.landmarks as Landmarks);
const corners = (c: ArrayLike<number>, n: ArrayLike<number>) => {
  const lift = -((c[61 * 3 + 1]! - n[61 * 3 + 1]!) + (c[291 * 3 + 1]! - n[291 * 3 + 1]!)) / 2;
  const w = (s: ArrayLike<number>) => Math.hypot(s[61 * 3]! - s[291 * 3]!, s[61 * 3 + 1]! - s[291 * 3 + 1]!);
  return `lift ${lift.toFixed(3)} width ${(w(c) / w(n)).toFixed(2)}`;
};
const picked = times.map((t) => Math.round(t * FPS)).filter((i) => i < raw.length && raw[i]?.lm);
const MOUTH = [61, 291, 0, 17, 13, 14, 78, 308];
const shots = new Map<number, RgbaImage>();
let k = 0;
for await (const f of decodeVideoFrames(path.join(DATA, 'video', video), { fps: FPS, maxSide: 512, maxFrames: raw.length })) { if (picked.includes(k)) shots.set(k, f); k++; }
const fmt = (w: Record<string, number>) => `sm${w.mouthSmileLeft!.toFixed(2)}/${w.mouthSmileRight!.toFixed(2)} st${w.mouthStretchLeft!.toFixed(2)}/${w.mouthStretchRight!.toFixed(2)} j${w.jawOpen!.toFixed(2)} ld${w.mouthLowerDown!.toFixed(2)}`;
const rows: GridCell[][] = [];
for (const i of picked) {
  const f = shots.get(i), r = raw[i];
  if (!f || !r?.lm) continue;
  const lm = Array.from({ length: r.lm.length / 3 }, (_, j) => [r.lm![3 * j]!, r.lm![3 * j + 1]!]);
  const dl = lms[i]!;
  const drv = corners(toCanonical(dl, fitRig(dl, { neutral, robust: true })), neutral);
  console.log((i / FPS).toFixed(1), 'driver', drv);
  const faces: GridCell[] = [{ label: `t=${(i / FPS).toFixed(1)}s ${drv}`, image: cropImage(f, squareBox(lm, 1.2, f.width, f.height)) }];
  const mouths: GridCell[] = [{ label: 'driver mouth', image: cropImage(f, squareBox(MOUTH.map((j) => lm[j]!), 1.6, f.width, f.height)) }];
  for (const [tag, frames] of [['before', before], ['after', after]] as const) {
    const img = (tag === 'before' && old ? old.renderer : renderer).render(frames[i]!);
    const res = { ...img, data: new Uint8ClampedArray(img.data) };
    const glm = ((await detectFaces(res, { embedding: false }))[0]?.landmarks ?? []) as number[][];
    faces.push({ label: `${tag} ${fmt(frames[i]!.w)}`, image: glm.length ? cropImage(res, squareBox(glm, 1.2, size, size)) : res });
    const back = glm.length ? corners(canonicalize(glm as Landmarks), photoCanon) : '';
    console.log((i / FPS).toFixed(1), tag, 'read back', back);
    mouths.push({ label: `${tag} mouth ${back}`, image: glm.length ? cropImage(res, squareBox(MOUTH.map((j) => glm[j]!), 1.6, size, size)) : res });
    console.log((i / FPS).toFixed(1), tag, fmt(frames[i]!.w));
  }
  rows.push([...faces, ...mouths]);
}
const png = await labelledGrid(rows, { title: `${photo} driven by ${video}, smile frames: driver | before | after (sm smile L/R, st stretch L/R, j jawOpen, ld lowerDown; lift: corners up in iod, width over rest: driver vs its neutral, result read back vs the photo)`, cellW: 230, cellH: 200 });
await writeFile(out + '.tmp', png);
await rename(out + '.tmp', out);
console.log('sheet', out);
