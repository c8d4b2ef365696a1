// asym43: a driver's one-sided mouth against ours. Per chosen frame of a saved video motion on a portrait: the driver's
// reading from its cached track (src/motion/mouthSide.ts, against its clip median) beside ours per --root, on the
// mesh we drew (r.landmarks) and read back off the render by the face mesh, each against the photo's own reading:
// shift (lips' middle sideways, image right +), corner / upper / lower lip L-R (image left minus image right; heights up +,
// the lower lip's depth down +, the inner upper lip up +), IOD. --add: the motion's side readings (w.mouthShift...) recomputed from the track by
// each root's own src/motion/mouthSide.ts `addMouthSide`, where it has one. --sheet out.png: driver | roots, mouth
// boxed on the nose (a shift shows), 4x. Figures only.
//   node --import tsx bench/mouthSideRender.ts --motion m.json --portrait lp_s42.jpg --track lp_d6.mp4 --video cut.mp4
//     --frames 56,64,120-136 [--first 200] [--root a,b] [--add] [--sheet out.png]
import path from 'node:path';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { driverTiles, mouthTile, read3d, writeTileSheet } from './sideTiles.ts';

/** Sheet tile side, px. */
const TILE = 240;
import { cachedTrack } from './driverTracks.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { readLandmarks } from './readBack.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { sideReading, sideReadings, type SideReading } from '../src/motion/mouthSide.ts';
import type { Landmarks } from '../src/rig/canonical.ts';
void readLandmarks;

const args = process.argv.slice(2);
const arg = (k: string, d: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1]! : d; };
const frames = arg('--frames', '0').split(',').flatMap((s) => { const [a, b] = s.split('-').map(Number); return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, k) => a! + k); });
const roots = arg('--root', process.cwd()).split(',').map((r) => path.resolve(r));
const fps = Number(arg('--fps', '25'));
const motion = JSON.parse(await readFile(arg('--motion', ''), 'utf8')) as { frames: MotionFrame[] };
const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, arg('--portrait', 'lp_s42.jpg')));
const raw = (await cachedTrack(arg('--track', 'lp_d6.mp4'), fps)).slice(0, Number(arg('--first', String(motion.frames.length))));
const lms = raw.map((f) => (f?.lm ? landmarkList(f.lm) : null));
const driver = sideReadings(lms);

type Row = [number, number, number, number, number];
const rowOf = (s: SideReading): Row => [s.shift, s.corner[0] - s.corner[1], s.upper[0] - s.upper[1], s.lower[0] - s.lower[1], s.inner[0] - s.inner[1]];
const less = (a: Row, b: Row): Row => [a[0] - b[0], a[1] - b[1], a[2] - b[2], a[3] - b[3], a[4] - b[4]];
const fmt = (r: Row | null) => (r ? r.map((v) => (v >= 0 ? '+' : '') + v.toFixed(3)).join(' ') : '   -   ');
const photoRow = rowOf(sideReading(portrait.cropLandmarks as Landmarks));

const video = arg('--video', '');
const tiles = video && existsSync(video) ? await driverTiles(video, frames, fps, TILE) : new Map<number, Buffer[]>();
console.log(`photo reading (shift cornerL-R upperL-R lowerL-R innerL-R): ${fmt(photoRow)}`);
console.log('frame root         driver [shift cornerLR upperLR lowerLR innerLR] | mesh | read-back');
for (const root of roots) {
  const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
  const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
  let fr = motion.frames;
  if (args.includes('--add')) {
    const mod = path.join(root, 'src/motion/mouthSide.ts');
    const add = existsSync(mod) ? (await import(mod)).addMouthSide : undefined;
    if (add) { fr = fr.map((f) => ({ ...f, w: { ...f.w } })); add(fr, lms, raw.map((f) => f?.angles.yaw ?? 0)); }
  }
  const r = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
  const tag = path.basename(root);
  for (const i of frames) {
    const img: RgbaImage = r.render(fr[i]!);
    const mesh = r.landmarks(fr[i]!) as Landmarks;
    const back = await read3d(img);
    const d = driver[i] ? rowOf(driver[i]!) : null;
    console.log(`f${String(i).padEnd(4)} ${tag.padEnd(12)} ${fmt(d)} | w ${(fr[i]!.w.mouthShift ?? 0).toFixed(3)} | ${fmt(less(rowOf(sideReading(mesh)), photoRow))} | ${back ? fmt(less(rowOf(sideReading(back)), photoRow)) : '-'}`);
    if (back) tiles.get(i)?.push(await mouthTile(img, back, `${tag} f${i}`, TILE)) ?? tiles.set(i, [await mouthTile(img, back, `${tag} f${i}`, TILE)]);
  }
}
const sheet = arg('--sheet', '');
if (sheet) {
  await writeTileSheet(sheet, frames.filter((i) => tiles.has(i)).map((i) => tiles.get(i)!), TILE);
  console.log(`sheet ${sheet}`);
}
