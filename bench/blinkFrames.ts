// Shut and closing eyes at chosen frames of a saved motion (real3d generate --save-motion): per frame,
// the driver's own eyes | ours from this checkout | (--base dir) ours from another checkout, both eyes
// cropped from the rendered frame (512 px, as the product renders). For the outside review's frames
// (Obama s1v #25 #82, Fei-Fei s2 #76). Never asserts.
// --base-motion m.json: the before column is that motion through this checkout's renderer (a motion change).
//   node --import tsx bench/blinkFrames.ts out.png --photo obama_f0.png --video obama6.mp4 --motion s1v.motion.json --frames 25,82 [--base /work/main | --base-motion old.json] [--eye 33,133]
import path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { lashLineDark } from '../src/eval/shutLine.ts';
import { detectFaces } from '../src/face/detect.ts';
import { cropImage, eyeOpenings, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const out = process.argv[2];
const photo = arg('--photo'), video = arg('--video'), motionFile = arg('--motion'), base = arg('--base');
if (!out || !photo || !video || !motionFile) throw new Error('usage: bench/blinkFrames.ts out.png --photo p.png --video v.mp4 --motion m.json --frames 25,82 [--base dir]');
const picks = (arg('--frames') ?? '0').split(',').map(Number);
const SIZE = 512;
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
type Motion = { fps: number; frames: MotionFrame[] };
const motion = JSON.parse(await readFile(motionFile, 'utf8')) as Motion;
const baseMotionFile = arg('--base-motion');
const baseMotion = baseMotionFile ? (JSON.parse(await readFile(baseMotionFile, 'utf8')) as Motion) : undefined;
const portrait = await cachedPortrait(path.resolve(photo));
type Render = (i: number) => [MotionFrame, RgbaImage];
const renderers: [string, Render][] = [];
const here = createRenderer(buildAvatar(portrait), { width: SIZE, height: SIZE });
const drawn = (m: Motion, r: { render: (f: MotionFrame) => RgbaImage }): Render => (i) => [m.frames[i]!, copy(r.render(m.frames[i]!))];
renderers.push(['after', drawn(motion, here)]);
if (baseMotion) renderers.unshift(['before', drawn(baseMotion, here)]);
if (base) {
  const b = await import(path.join(base, 'src/avatar/build.ts'));
  const rr = await import(path.join(base, 'src/render/renderer.ts'));
  const r = rr.createRenderer(b.buildAvatar(portrait), { width: SIZE, height: SIZE });
  renderers.unshift(['before', drawn(motion, r)]);
}
// the driver's frames at the motion's rate
const driver: RgbaImage[] = [];
for await (const img of decodeVideoFrames(path.resolve(video), { fps: motion.fps, maxSide: 720, maxFrames: Math.max(...picks) + 1 })) driver.push(copy(img));

// --eye 33,133 (image-left) or 362,263: one eye, zoomed further
const corners = (arg('--eye') ?? '33,133,263,362').split(',').map(Number);
/** The eyes' box from the face mesh on an image (around the eye corners). */
async function eyesBox(img: RgbaImage): Promise<[number, number, number, number]> {
  const lm = (await detectFaces(img))[0]?.landmarks;
  if (!lm) return [0, 0, img.width, img.height];
  // each eye's opening read back by the face mesh (subject's left / right, as the critic's read.ts eyeL / eyeR)
  const o = eyeOpenings(lm);
  lastOpenings = `${o.left.toFixed(2)}/${o.right.toFixed(2)}`;
  // (s43) each eye's lash line: its luma over the lid skin's above it, image-left / right (eval/shutLine.ts; real shut eyes ~.34, Katie's .02-.06)
  const d = lashLineDark(img, lm);
  lastDark = `${d[0].toFixed(2)}/${d[1].toFixed(2)}`;
  const xs = corners.map((i) => lm[i]![0]!), ys = corners.map((i) => lm[i]![1]!);
  const iod = Math.max(...xs) - Math.min(...xs);
  const cy = ys.reduce((s, y) => s + y, 0) / ys.length;
  // one eye: 0.35 of its width past each corner, 0.9 of it tall; both: 0.12 and 0.44 of the corners' span
  const [side, tall] = corners.length === 2 ? [0.35, 0.9] : [0.12, 0.44];
  const x = Math.max(0, Math.round(Math.min(...xs) - side * iod)), y = Math.max(0, Math.round(cy - (tall / 2) * iod));
  return [x, y, Math.min(img.width - x, Math.round((1 + 2 * side) * iod)), Math.min(img.height - y, Math.round(tall * iod))];
}
let lastOpenings = 'no face', lastDark = '-';
const rows: GridCell[][] = [];
for (const i of picks) {
  const real = driver[i]!;
  const realBox = await eyesBox(real);
  const readLine = [`#${i} eye opening L/R read back: real ${lastOpenings} (line ${lastDark})`];
  const row: GridCell[] = [{ label: `${path.basename(video)} #${i} real, open ${lastOpenings}`, image: cropImage(real, realBox) }];
  for (const [label, render] of renderers) {
    const [f, img] = render(i);
    const box = await eyesBox(img);
    readLine.push(`${label} ${lastOpenings} (line ${lastDark})`);
    row.push({ label: `${label} #${i} blink ${f.blink.toFixed(2)}+${(f.w.eyeBlinkLeft ?? 0).toFixed(2)}/${(f.w.eyeBlinkRight ?? 0).toFixed(2)}, open ${lastOpenings}`, image: cropImage(img, box) });
  }
  console.log(readLine.join(', '));
  rows.push(row);
}
await writeFile(out, await labelledGrid(rows, { title: `${path.basename(photo)}: the driver's eyes | ours (${renderers.map((r) => r[0]).join(' | ')}) at the same motion frame`, cellW: corners.length === 2 ? 250 : 360, cellH: corners.length === 2 ? 132 : 128 }));
console.log(`sheet: ${out}`);
