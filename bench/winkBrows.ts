// Brows through a driver's winks and blinks (s48 winkbrow48, issue #14): at chosen frames of a cached driver
// track (bench/driverTracks.ts; a path to a cut clip works), the driver's brows over its eye corners (face
// mesh, head frame: browDrop.ts browHeights, each side over its clip median) against ours read back by the
// face mesh on the render of the video motion (512 px, each side over the neutral render's), before (the
// --base checkout's videoMotionFromRaw on the same track) and after (this checkout's), with each motion's
// browInnerUp / outer raises / frowns. `--sheet out.png`: per frame driver | before | after, the face at 1x
// (the 224 px driver scaled to the render's face size) and the eyes + brows at 3x. Never asserts.
//   node --import tsx bench/winkBrows.ts --video /path/cut.mp4 --photo mt_man.png --frames 27,30,115,118,140 [--base /work/main] [--sheet out.png]
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { cachedTrack } from './driverTracks.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_DATA, SHARED_PORTRAITS } from './sharedData.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { videoMotionFromRaw } from '../src/motion/fromVideo.ts';
import { browHeights } from '../src/motion/browDrop.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { percentile } from '../src/motion/restFace.ts';
import { fitRig, toCanonical, type Landmarks } from '../src/rig/fit.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const video = arg('--video', 'lp_d6.mp4'), photo = arg('--photo', 'mt_man.png'), base = path.resolve(arg('--base', '/work/main'));
const FPS = Number(arg('--fps', '25')), SIZE = 512;
const picks = arg('--frames', '30').split(',').map(Number);
const sheet = arg('--sheet', '');
const raw = await cachedTrack(video, FPS);
const opts = { fps: FPS, mapToInitPose: true, maxSide: 720 } as Parameters<typeof videoMotionFromRaw>[2];
const after = videoMotionFromRaw(raw, video, opts).frames;
const before = ((await import(path.join(base, 'src/motion/fromVideo.ts'))).videoMotionFromRaw as typeof videoMotionFromRaw)(raw, video, opts).frames;
const portrait = await cachedPortrait(path.isAbsolute(photo) ? photo : path.join(SHARED_PORTRAITS, photo));
const r = createRenderer(buildAvatar(portrait), { width: SIZE, height: SIZE });
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });

/** Each side's brow height over the eye corners (head frame), and the face mesh's landmarks. */
function browsOf(lm: Landmarks): [number, number] { return browHeights(toCanonical(lm, fitRig(lm))); }
async function meshOf(img: RgbaImage): Promise<Landmarks | undefined> { return (await detectFaces(img, { embedding: false }))[0]?.landmarks as Landmarks | undefined; }

const drvBrows = raw.map((f) => (f?.lm ? browsOf(landmarkList(f.lm)) : null)).filter((b): b is [number, number] => !!b);
const drvRest = [0, 1].map((s) => percentile(drvBrows.map((b) => b[s]!), 50));
const restLm = (await meshOf(copy(r.render(r.neutralFrame()))))!;
const ourRest = browsOf(restLm);
const driverImgs: RgbaImage[] = [];
for await (const img of decodeVideoFrames(path.isAbsolute(video) ? video : path.join(SHARED_DATA, 'video', video), { fps: FPS, maxSide: 720, maxFrames: Math.max(...picks) + 1 })) driverImgs.push(copy(img));

const s = (v: number) => (v >= 0 ? '+' : '') + v.toFixed(3);
const ch = (f: MotionFrame) => ['browInnerUp', 'browOuterUpLeft', 'browOuterUpRight', 'browDownLeft', 'browDownRight'].map((k) => (f.w[k] ?? 0).toFixed(2)).join(' ');
console.log(`${path.basename(video)} on ${path.basename(photo)}: brow height L,R over rest (canonical ~ IOD); motion in outL outR downL downR`);
/** The face box (the eye corners' span x 2.2 around the face's middle) and the eyes + brows box on landmarks. */
function boxes(lm: Landmarks, w: number, h: number): { face: [number, number, number, number]; brows: [number, number, number, number] } {
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const cx = (lm[263]![0]! + lm[33]![0]!) / 2, cy = (lm[263]![1]! + lm[33]![1]!) / 2;
  const clamp = (x: number, y: number, bw: number, bh: number): [number, number, number, number] => {
    const x0 = Math.max(0, Math.round(x)), y0 = Math.max(0, Math.round(y));
    return [x0, y0, Math.min(w - x0, Math.round(bw)), Math.min(h - y0, Math.round(bh))];
  };
  return { face: clamp(cx - 1.1 * iod, cy - 0.9 * iod, 2.2 * iod, 2.3 * iod), brows: clamp(cx - 0.85 * iod, cy - 0.6 * iod, 1.7 * iod, 0.85 * iod) };
}
const faceRow: GridCell[][] = [], browRow: GridCell[][] = [];
for (const i of picks) {
  const dImg = driverImgs[i]!, dLm = await meshOf(dImg);
  const line = [`f${String(i).padStart(3)}`];
  const faces: GridCell[] = [], brows: GridCell[] = [];
  if (dLm) {
    const b = browsOf(dLm), bx = boxes(dLm, dImg.width, dImg.height);
    line.push(`driver ${s(b[0] - drvRest[0]!)} ${s(b[1] - drvRest[1]!)}`);
    faces.push({ label: `driver f${i}`, image: cropImage(dImg, bx.face) });
    brows.push({ label: `driver f${i}`, image: cropImage(dImg, bx.brows) });
  }
  for (const [tag, m] of [['before', before], ['after', after]] as const) {
    const img = copy(r.render(m[i]!)), lm = await meshOf(img);
    if (!lm) { line.push(`${tag} no face`); continue; }
    const b = browsOf(lm), bx = boxes(lm, img.width, img.height);
    line.push(`${tag} ${s(b[0] - ourRest[0])} ${s(b[1] - ourRest[1])} [${ch(m[i]!)}]`);
    faces.push({ label: `${tag} f${i} in ${(m[i]!.w.browInnerUp ?? 0).toFixed(2)}`, image: cropImage(img, bx.face) });
    brows.push({ label: `${tag} f${i}`, image: cropImage(img, bx.brows) });
  }
  console.log(line.join(' | '));
  faceRow.push(faces); browRow.push(brows);
}
if (sheet) {
  const title = `${path.basename(photo)} <- ${path.basename(video)}: driver | before | after`;
  await writeFile(sheet.replace(/\.png$/, '_face1x.png'), await labelledGrid(faceRow, { title: `${title}, face ~1x`, cellW: 240, cellH: 250 }));
  await writeFile(sheet.replace(/\.png$/, '_brows3x.png'), await labelledGrid(browRow, { title: `${title}, eyes + brows ~3x`, cellW: 720, cellH: 360 }));
  console.log(`sheets: ${sheet.replace(/\.png$/, '_{face1x,brows3x}.png')}`);
}
