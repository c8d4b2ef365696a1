// Brows per side and in shape (issue #14: lp_d6's big one-sided brow, one arched high and the other
// pulled down, does not transfer): at the driver's most one-sided brow frames (its two brows' heights
// apart the most against its median frame), each brow's inner head and outer tail height over its
// eye's corners (head frame, eye-corner distances) for the driver against its median frame and for
// ours (read back by the face mesh on the render) against the photo's rest render; with the motion's
// brow channels there. Sides are the subject's. Prints a table; never asserts.
//   node --import tsx bench/browSides.ts [--photos lp_s42.jpg,mt_man.png] [--video lp_d6.mp4] [--top 4] [--at 1.9,2.4]
import path from 'node:path';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { fitRig, toCanonical, type Landmarks } from '../src/rig/fit.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack } from './driverTracks.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const photos = arg('--photos', 'lp_s42.jpg,mt_man.png').split(',');
const video = arg('--video', 'lp_d6.mp4');
const TOP = Number(arg('--top', '4'));
const FPS = 10;

/** Per side (subject's left, right): the eye's corners and the brow's inner head and outer tail points (upper and lower contour). */
const SIDES = [
  { eye: [263, 362], inner: [336, 285, 296, 295], outer: [300, 276, 293, 283] },
  { eye: [33, 133], inner: [107, 55, 66, 65], outer: [70, 46, 63, 53] },
];
/** [left inner, left outer, right inner, right outer] brow heights over the eye corners in the head frame. */
export function browShape(lm: Landmarks): number[] {
  const c = toCanonical(lm, fitRig(lm));
  const y = (i: number) => c[i * 3 + 1]!;
  const mean = (ids: number[]) => ids.reduce((s, i) => s + y(i), 0) / ids.length;
  return SIDES.flatMap((s) => [mean(s.eye) - mean(s.inner), mean(s.eye) - mean(s.outer)]);
}
const fmt = (v: number[]) => `L ${v[0]!.toFixed(3)}/${v[1]!.toFixed(3)} R ${v[2]!.toFixed(3)}/${v[3]!.toFixed(3)}`;

const raw = await cachedTrack(video, FPS);
const { frames } = motionFramesFromRaw(raw, FPS, true);
const shapes = raw.map((r) => (r?.lm ? browShape(landmarkList(r.lm)) : null));
const median = [0, 1, 2, 3].map((k) => { const v = shapes.filter((s): s is number[] => !!s).map((s) => s[k]!).sort((a, b) => a - b); return v[v.length >> 1]!; });
const moved = (s: number[], r: number[]) => s.map((v, k) => v - r[k]!);
const side = (m: number[]) => [(m[0]! + m[1]!) / 2, (m[2]! + m[3]!) / 2];
let picks: number[];
if (process.argv.includes('--at')) picks = arg('--at', '').split(',').map((t) => Math.round(Number(t) * FPS));
else {
  // the most one-sided frames, at least 0.5 s apart
  const order = shapes.map((s, i) => [i, s ? Math.abs(side(moved(s, median))[0]! - side(moved(s, median))[1]!) : -1] as const).sort((a, b) => b[1] - a[1]);
  picks = [];
  for (const [i] of order) { if (picks.length >= TOP) break; if (picks.every((j) => Math.abs(j - i) >= 5)) picks.push(i); }
}
console.log(`${video}: brow inner/outer rise per side (subject's L, R; eye-corner distances, + up) | motion browInnerUp, outerUp L/R, down L/R | ours per photo`);
const renderers = await Promise.all(photos.map(async (p) => {
  const portrait = await cachedPortrait(path.join(DATA, 'portraits', p));
  const size = portrait.image.width;
  const r = createRenderer(buildAvatar(portrait), { width: size, height: size });
  const read = async (img: RgbaImage) => { const g = (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) } as RgbaImage, { embedding: false }))[0]; return g ? browShape(g.landmarks as Landmarks) : null; };
  return { p, r, read, rest: (await read(r.render(r.neutralFrame())))! };
}));
for (const i of picks.sort((a, b) => a - b)) {
  const s = shapes[i], f = frames[i];
  if (!s || !f) continue;
  const w = (c: string) => (f.w[c] ?? 0).toFixed(2);
  const cells = [`t ${(i / FPS).toFixed(1)}s driver ${fmt(moved(s, median))} | ${w('browInnerUp')} ${w('browOuterUpLeft')}/${w('browOuterUpRight')} ${w('browDownLeft')}/${w('browDownRight')}`];
  for (const { p, r, read, rest } of renderers) {
    const o = await read(r.render(f));
    cells.push(`${p} ${o ? fmt(moved(o, rest)) : 'no face'}`);
  }
  console.log(cells.join(' | '));
}
