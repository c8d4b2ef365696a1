// sneer46: a driver's one-sided teeth (a sneer, a bite) against ours. Per --root checkout: the motion made by that root's
// videoMotionFromRaw from the driver's cached track (the track of --trackRoot's tracker, default the first root; each
// frame's per-side teeth, src/motion/sneerRead.ts, read here off the decoded frames, so no re-track is needed), rendered
// on the portrait at --frames; printed per frame: the driver's teeth height L-R (IOD, over its clip median), the motion's
// `w.lipSideUpper`, and the same teeth reading off our render (face mesh read-back, over the photo's). --sheet: driver |
// roots, mouth tiles. Figures only.
//   node --import tsx bench/sneerRender.ts --portrait lp_s42.jpg --track lp_d6.mp4 --frames 64,120-136 [--first 200]
//     [--root /work/wt/before46,.] [--sheet out.png] [--tile 400]
import path from 'node:path';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import type { RawFaceFrame } from '../src/motion/faceTracker.ts';
import { cachedPortrait } from './portraitCache.ts';
import { mouthTile, read3d, writeTileSheet } from './sideTiles.ts';
import { SHARED_DATA, SHARED_PORTRAITS } from './sharedData.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { lipSidePixels } from '../src/motion/sneerRead.ts';
import { nearestRank } from '../src/math/stats.ts';

const args = process.argv.slice(2);
const arg = (k: string, d: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1]! : d; };
const frames = arg('--frames', '0').split(',').flatMap((s) => { const [a, b] = s.split('-').map(Number); return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, k) => a! + k); });
const roots = arg('--root', process.cwd()).split(',').map((r) => path.resolve(r));
const fps = Number(arg('--fps', '25')), TILE = Number(arg('--tile', '400'));
const video = arg('--track', 'lp_d6.mp4'), first = Number(arg('--first', '200'));
const portraitName = arg('--portrait', 'lp_s42.jpg');
const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, portraitName));
const { cachedTrack } = await import(path.join(path.resolve(arg('--trackRoot', roots[0]!)), 'bench/driverTracks.ts'));
const raw = ((await cachedTrack(video, fps)) as (RawFaceFrame | null)[]).slice(0, first);
const tiles = new Map<number, Buffer[]>();
let k = 0;
for await (const fr of decodeVideoFrames(path.join(SHARED_DATA, 'video', video), { fps, maxSide: 720, maxFrames: raw.length })) {
  const r = raw[k];
  if (r?.lm) r.sideTeeth = lipSidePixels(fr, r.lm)?.teeth ?? null;
  if (frames.includes(k) && r?.lm) {
    const lm = Array.from({ length: 478 }, (_, i) => [r.lm![i * 3]!, r.lm![i * 3 + 1]!, r.lm![i * 3 + 2]!]);
    tiles.set(k, [await mouthTile({ ...fr, data: new Uint8ClampedArray(fr.data) }, lm, `driver f${k}`, TILE)]);
  }
  k++;
}
const lr = (t: [number, number] | null | undefined) => (t ? t[0] - t[1] : NaN);
const rest = nearestRank(raw.map((r) => lr(r?.sideTeeth)).filter(Number.isFinite), 0.5, 0);
const f3 = (v: number) => (Number.isFinite(v) ? (v >= 0 ? '+' : '') + v.toFixed(3) : '  -   ');
const flat = (lm: ArrayLike<ArrayLike<number>>) => Float32Array.from(Array.from(lm, (p) => [p[0]!, p[1]!, p[2] ?? 0]).flat());
console.log(`${portraitName} <- ${video}: driver teeth L-R median ${f3(rest)}`);
const photoLR = lr(lipSidePixels(portrait.image, flat(portrait.cropLandmarks))?.teeth);
console.log(`photo teeth L-R ${f3(photoLR)}`);
const table = new Map<number, string[]>();
for (const root of roots) {
  const { videoMotionFromRaw } = await import(path.join(root, 'src/motion/fromVideo.ts'));
  const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
  const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
  const motion = videoMotionFromRaw(raw, video, { fps, mapToInitPose: true, maxSide: 720 }) as { frames: MotionFrame[] };
  const r = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
  const tag = path.basename(root);
  for (const i of frames) {
    const force = arg('--force', '');
    const fr = force ? { ...motion.frames[i]!, w: { ...motion.frames[i]!.w, lipSideUpper: Number(force) } } : motion.frames[i]!;
    const img: RgbaImage = r.render(fr);
    const back = await read3d(img);
    const sides = back ? lipSidePixels(img, flat(back)) : null, ours = lr(sides?.teeth);
    const row = table.get(i) ?? table.set(i, [`f${String(i).padEnd(4)} driver ${f3(lr(raw[i]?.sideTeeth) - rest)}`]).get(i)!;
    row.push(`${tag}: w ${f3(fr.w.lipSideUpper ?? 0)} ours ${f3(ours)} (${sides ? sides.teeth.map(f3).join(' ') : '-'})`);
    if (back) tiles.get(i)?.push(await mouthTile(img, back, `${tag} f${i}`, TILE));
  }
}
for (const i of frames) console.log(table.get(i)?.join(' | '));
const sheet = arg('--sheet', '');
if (sheet) {
  await writeTileSheet(sheet, frames.filter((i) => tiles.has(i)).map((i) => tiles.get(i)!), TILE);
  console.log(`sheet ${sheet}`);
}
