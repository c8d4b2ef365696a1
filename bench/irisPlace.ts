// Where the iris sits in each eye's opening (issue #14, s53 whites53: lp_s10 <- lp_d0 f45's "white wedge"): per eye
// (image-left | image-right), the iris centre's place along the corner-to-corner line, 0 at the inner corner (by the
// nose), 1 at the outer, on the photo at rest; then, at chosen frames of a saved motion, our drawn place (the photo's
// rest place plus the iris's drawn shift, render/gazeIris.ts GazeIris.set, along that line) beside the driver's place
// on the same frame of its track and the driver's own rest (its median over the track). The motion's gaze is the
// driver's look relative to its rest, so a photo whose iris already sits off-centre (a turned head looking at the
// viewer) is drawn further toward that corner than the driver's iris goes. Never asserts.
//   node --import tsx bench/irisPlace.ts lp_s10.jpg m.motion.json lp_d0.mp4 36,45,58 [--fps 25] [--no-diverge-cap]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { MotionFrame } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { cachedTrack } from './driverTracks.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { GazeIris } from '../src/render/gazeIris.ts';
import { GAZE_SHIFT_X, GAZE_SHIFT_Y } from '../src/render/faceTextures.ts';
import { divergeCapSetting, drawnVergence } from '../src/render/gazeDiverge.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const [file, motionPath, video, frameList] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const FPS = Number(arg('--fps') ?? 25);
// --no-diverge-cap: the motion's vergence as it is (before s53)
if (process.argv.includes('--no-diverge-cap')) divergeCapSetting.on = false;
// iris centre, inner corner, outer corner; image-left eye first (the face mesh's 473 sits in 133-33, 468 in 362-263)
const EYES = [[473, 133, 33], [468, 362, 263]] as const;
type Pt = (i: number) => [number, number];
/** The iris centre's place along inner -> outer corner (0..1), and the corner line's unit x per px of image x. */
function place(p: Pt, [iris, inner, outer]: readonly [number, number, number], shiftX = 0, shiftY = 0): number {
  const [ix, iy] = p(iris), [ax, ay] = p(inner), [bx, by] = p(outer);
  const dx = bx - ax, dy = by - ay;
  return ((ix + shiftX - ax) * dx + (iy + shiftY - ay) * dy) / (dx * dx + dy * dy);
}

const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, file!));
const lm = portrait.cropLandmarks;
const photo: Pt = (i) => [lm[i]![0], lm[i]![1]];
const a = buildAvatar(portrait);
const size = a.eyeTexture.width;
const gaze = new GazeIris(a.uv, { width: size, height: size, data32: new Uint32Array(a.eyeTexture.data.buffer, a.eyeTexture.data.byteOffset, size * size) });
// GazeIris's discs: eye 0 is the image-right one (gazeIris.ts eyeShiftX)
const discOf = (e: number) => gaze.discs.findIndex((d) => Math.abs(d.cx - lm[EYES[e]![0]]![0]) < 1 && Math.abs(d.cy - lm[EYES[e]![0]]![1]) < 1);
const fx = (v: number) => v.toFixed(3);
console.log(`${file} rest: image-left ${fx(place(photo, EYES[0]))} image-right ${fx(place(photo, EYES[1]))}`);
if (motionPath && video && frameList) {
  const frames = (JSON.parse(readFileSync(motionPath, 'utf8')) as { frames: MotionFrame[] }).frames;
  const track = await cachedTrack(video, FPS);
  const pts = (k: number): Pt | null => { const f = track[k]?.lm; return f ? (i) => [f[i * 3]!, f[i * 3 + 1]!] : null; };
  const med = (xs: number[]) => xs.sort((p, q) => p - q)[Math.floor(xs.length / 2)] ?? NaN;
  const rests = EYES.map((eye) => med(track.map((_, k) => pts(k)).filter((p): p is Pt => !!p).map((p) => place(p, eye))));
  console.log(`${video} rest (median): image-left ${fx(rests[0]!)} image-right ${fx(rests[1]!)}`);
  for (const k of frameList.split(',').map(Number)) {
    const g = frames[k]?.gaze ?? [0, 0], iod = a.head.iod;
    gaze.set(Math.max(-1, Math.min(1, g[0])) * GAZE_SHIFT_X * iod, Math.max(-1, Math.min(1, g[1])) * GAZE_SHIFT_Y * iod, drawnVergence(frames[k]?.vergence) * GAZE_SHIFT_X * iod);
    const d = pts(k);
    const cells = EYES.map((eye, e) => {
      const [sx, sy] = gaze.shiftOf(discOf(e));
      return `${e ? 'image-right' : 'image-left'} ours ${fx(place(photo, eye, sx, sy))} (shift ${sx.toFixed(1)} px) driver ${d ? fx(place(d, eye)) : '-'}`;
    });
    console.log(`f${k} gaze ${g[0].toFixed(2)},${g[1].toFixed(2)}: ${cells.join(' | ')}`);
  }
}
process.exit(0);
