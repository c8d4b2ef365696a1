// bite45: a driver's one-sided lips (a sneer's upper lip, a bite's lower lip) against ours. Per chosen frame of a saved
// video motion on a portrait: the driver's per-side reading from its cached track (src/motion/lipSides.ts, image left
// minus image right, filtered, over its clip median) beside ours per --root: the motion's `w.lipSideUpper/Lower`, the
// mesh we drew and the face mesh's read-back off the render, each against the photo's own reading. Columns: inner
// upper lip raise L-R, inner lower lip drop L-R, the corners' height L-R (IOD). --add: the entries recomputed from the
// track by each root's own src/motion/lipSides.ts `addLipSides` (none where a root has none). --sheet out.png: driver |
// roots, mouth boxed on the nose, 4x. Figures only.
//   node --import tsx bench/lipSidesRender.ts --motion m.json --portrait lp_s42.jpg --track lp_d6.mp4 --video cut.mp4
//     --frames 64,120-136 [--first 200] [--from 0: the motion's first frame in the track] [--root a,b] [--add] [--sheet out.png]
import path from 'node:path';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { driverTiles, mouthTile, read3d, writeTileSheet } from './sideTiles.ts';

/** Sheet tile side, px. */
const TILE = 300;
import { cachedTrack } from './driverTracks.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { lipSides, filteredDiffs, type LipSides } from '../src/motion/lipSides.ts';
import { canonicalize, type Landmarks } from '../src/rig/canonical.ts';

const args = process.argv.slice(2);
const arg = (k: string, d: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1]! : d; };
const frames = arg('--frames', '0').split(',').flatMap((s) => { const [a, b] = s.split('-').map(Number); return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, k) => a! + k); });
const roots = arg('--root', process.cwd()).split(',').map((r) => path.resolve(r));
const fps = Number(arg('--fps', '25'));
const motion = JSON.parse(await readFile(arg('--motion', ''), 'utf8')) as { frames: MotionFrame[] };
const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, arg('--portrait', 'lp_s42.jpg')));
const from = Number(arg('--from', '0'));
const raw = (await cachedTrack(arg('--track', 'lp_d6.mp4'), fps)).slice(from, from + Number(arg('--first', String(motion.frames.length))));
const lms = raw.map((f) => (f?.lm ? landmarkList(f.lm) : null));
const read = lms.map((lm) => (lm ? lipSides(lm) : null));
const corner = (c: Float64Array) => -c[61 * 3 + 1]! + c[291 * 3 + 1]!;
const cornerOf = (lm: Landmarks) => corner(canonicalize(lm));
const driverCols = [
  filteredDiffs(read.map((s) => (s ? s.upper[0] - s.upper[1] : NaN))),
  filteredDiffs(read.map((s) => (s ? s.lower[0] - s.lower[1] : NaN))),
  filteredDiffs(lms.map((lm) => (lm ? cornerOf(lm) : NaN))),
];
type Row = [number, number, number];
const rowOf = (lm: Landmarks): Row => { const s: LipSides = lipSides(lm); return [s.upper[0] - s.upper[1], s.lower[0] - s.lower[1], cornerOf(lm)]; };
const less = (a: Row, b: Row): Row => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const fmt = (r: ArrayLike<number> | null) => (r ? Array.from(r, (v) => (v >= 0 ? '+' : '') + v.toFixed(3)).join(' ') : '   -   ');
const photoRow = rowOf(portrait.cropLandmarks as Landmarks);

const video = arg('--video', '');
const tiles = video && existsSync(video) ? await driverTiles(video, frames, fps, TILE) : new Map<number, Buffer[]>();
console.log(`photo reading (upper lowerL-R cornerL-R): ${fmt(photoRow)}`);
console.log('frame root         driver [upperLR lowerLR cornerLR] | w [upper lower] | mesh | read-back');
for (const root of roots) {
  const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
  const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
  let fr = motion.frames;
  if (args.includes('--add')) {
    const mod = path.join(root, 'src/motion/lipSides.ts');
    const add = existsSync(mod) ? (await import(mod)).addLipSides : undefined;
    fr = fr.map((f) => ({ ...f, w: { ...f.w } }));
    for (const f of fr) { delete f.w.lipSideUpper; delete f.w.lipSideLower; }
    if (add) add(fr, lms);
  }
  const r = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
  const tag = path.basename(root);
  for (const i of frames) {
    const img: RgbaImage = r.render(fr[i]!);
    const mesh = r.landmarks(fr[i]!) as Landmarks;
    const back = await read3d(img);
    const d = driverCols.map((c) => c[i]!);
    console.log(`f${String(i).padEnd(4)} ${tag.padEnd(12)} ${fmt(d)} | w ${fmt([fr[i]!.w.lipSideUpper ?? 0, fr[i]!.w.lipSideLower ?? 0])} | ${fmt(less(rowOf(mesh), photoRow))} | ${back ? fmt(less(rowOf(back), photoRow)) : '-'}`);
    if (back) tiles.get(i)?.push(await mouthTile(img, back, `${tag} f${i}`, TILE)) ?? tiles.set(i, [await mouthTile(img, back, `${tag} f${i}`, TILE)]);
  }
}
const sheet = arg('--sheet', '');
if (sheet) {
  await writeTileSheet(sheet, frames.filter((i) => tiles.has(i)).map((i) => tiles.get(i)!), TILE);
  console.log(`sheet ${sheet}`);
}
