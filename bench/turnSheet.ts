// Self-reenactment at a real driver's turned frames, before/after one DriverFitOptions switch (default
// oneSidedTurn): photo = the clip's first frame, motion from its own tracked frames; a sheet
// real | ours before | ours after per frame (face crop, and the mouth 2x), and the one-sided
// controls the motion carries there, before -> after. Frames: the given times plus the clip's most
// turned frames (by the fit's yaw against the first frame). Never asserts.
//   node --import tsx bench/turnSheet.ts [--clip train/clips/styletalk_Obama_clip2.mp4] [--at 4.4,4.2] [--turned 3] [--off oneSidedTurn] [--out docs/expression/x.jpg]
import path from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { landmarkList, type DriverFitOptions } from '../src/motion/retarget.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { coverResize } from '../src/pipeline/layout.ts';
import { cachedPortrait } from './portraitCache.ts';
import { detectFaces } from '../src/face/detect.ts';
import type { Landmarks } from '../src/rig/fit.ts';
import { cachedTrack } from './driverTracks.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const argv = process.argv.slice(2);
const arg = (name: string, d: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1]! : d; };
const clip = arg('--clip', 'train/clips/styletalk_Obama_clip2.mp4');
const times = arg('--at', '4.4').split(',').filter(Boolean).map(Number);
const turned = Number(arg('--turned', '3'));
const off = arg('--off', 'oneSidedTurn').split(',');
const name = path.parse(clip).name;
const out = arg('--out', `/tmp/turnSheet-${name}.jpg`);
const FPS = 10;
const WATCH = ['mouthStretchLeft', 'mouthStretchRight', 'mouthPucker', 'noseSneerLeft', 'noseSneerRight', 'eyeWideLeft', 'eyeWideRight', 'mouthFrownLeft', 'mouthFrownRight', 'mouthSmileLeft', 'mouthSmileRight'];

const real: RgbaImage[] = [];
for await (const f of decodeVideoFrames(path.join(DATA, clip), { fps: FPS, maxSide: 512 })) real.push(f);
const first = path.join('/tmp', `turnSheet-${name}-0.png`);
await sharp(Buffer.from(real[0]!.data.buffer), { raw: { width: real[0]!.width, height: real[0]!.height, channels: 4 } }).png().toFile(first);
const portrait = await cachedPortrait(first);
const size = portrait.image.width;
const renderer = createRenderer(buildAvatar(portrait), { width: size, height: size });
const raw = await cachedTrack(`../${clip}`, FPS);
const before = motionFramesFromRaw(raw, FPS, true, { fit: Object.fromEntries(off.map((k) => [k, false])) as DriverFitOptions }).frames;
const after = motionFramesFromRaw(raw, FPS, true).frames;
const picks = new Set(times.map((t) => Math.round(t * FPS)));
[...after.keys()].sort((a, b) => Math.abs(after[b]!.pose.yaw) - Math.abs(after[a]!.pose.yaw)).filter((i) => raw[i]).slice(0, turned).forEach((i) => picks.add(i));
type Box = [number, number, number, number];
/** The face's square box (1.2x its landmarks' extent) and the mouth's (0.45 of it), inside the image. */
function faceBoxes(lm: Landmarks, img: RgbaImage): [Box, Box] {
  const xs = lm.map((p) => p[0]), ys = lm.map((p) => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const square = (cx: number, cy: number, side: number): Box => [Math.max(0, Math.min(img.width - side, Math.round(cx - side / 2))), Math.max(0, Math.min(img.height - side, Math.round(cy - side / 2))), side, side];
  const side = Math.min(img.width, img.height, Math.round(1.2 * Math.max(x1 - x0, y1 - y0)));
  return [square((x0 + x1) / 2, (y0 + y1) / 2, side), square((lm[61]![0] + lm[291]![0]) / 2, (lm[13]![1] + lm[14]![1]) / 2, Math.round(side * 0.45))];
}
const rows: GridCell[][] = [];
for (const i of [...picks].sort((a, b) => a - b)) {
  const lm = raw[i]?.lm ? landmarkList(raw[i]!.lm!) : null;
  if (!lm || !real[i]) continue;
  const rb = renderer.render(before[i]!), ra = renderer.render(after[i]!);
  // each image cropped around its own face (the render is framed as the analysed photo, not as the frame)
  const ours = (await detectFaces(ra, { embedding: false }))[0]?.landmarks as Landmarks | undefined;
  if (!ours) continue;
  const [box, mouth] = faceBoxes(lm, real[i]!), [rBox, rMouth] = faceBoxes(ours, ra);
  const vals = (f: typeof before[number]) => WATCH.map((k) => (f.w[k] ?? 0)).map((v) => v.toFixed(2));
  console.log(`${name} ${(i / FPS).toFixed(1)} s yaw ${after[i]!.pose.yaw.toFixed(1)}: ` + WATCH.map((k, j) => `${k} ${vals(before[i]!)[j]} -> ${vals(after[i]!)[j]}`).join(', '));
  const s = (k: string, f: typeof before[number]) => `${(f.w[`${k}Left`] ?? 0).toFixed(2)}/${(f.w[`${k}Right`] ?? 0).toFixed(2)}`;
  const cap = (f: typeof before[number]) => `stretch L/R ${s('mouthStretch', f)} pucker ${(f.w.mouthPucker ?? 0).toFixed(2)}`;
  rows.push([
    { label: `real ${(i / FPS).toFixed(1)} s yaw ${after[i]!.pose.yaw.toFixed(0)}`, image: coverResize(cropImage(real[i]!, box), 240, 240) },
    { label: `before: ${cap(before[i]!)}`, image: coverResize(cropImage(rb, rBox), 240, 240) },
    { label: `after: ${cap(after[i]!)}`, image: coverResize(cropImage(ra, rBox), 240, 240) },
    { label: 'real mouth', image: coverResize(cropImage(real[i]!, mouth), 240, 240) },
    { label: 'before mouth', image: coverResize(cropImage(rb, rMouth), 240, 240) },
    { label: 'after mouth', image: coverResize(cropImage(ra, rMouth), 240, 240) },
  ]);
}
const png = await labelledGrid(rows, { title: `${name} self-reenactment at turned frames: real | ours before | ours after (off: ${off}) | mouths zoomed`, cellW: 240, cellH: 240 });
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, await sharp(png).jpeg({ quality: 80 }).toBuffer());
console.log(`sheet ${out}`);
