// Eyes and brows over 8 s of audio-driven output: a strip of eye crops every 0.4 s and slit-scans
// (time left to right) of a vertical line through each eye (blinks, brow raises) and of the
// horizontal line through the irises (gaze), plus the motion's own curves printed as figures.
//   node --import tsx bench/eyeStrip.ts [portrait] [audio] [out.png]
import path from 'node:path';
import { rename, writeFile } from 'node:fs/promises';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { motionFromAudio } from '../src/motion/fromAudio.ts';
import { eyeRegion, cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { cachedPortrait } from './portraitCache.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const [photo = 'lp_s42.jpg', audio = 'RD_Radio31_000.wav', out = 'docs/eyes/audio-eyes-strip.png'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const portrait = await cachedPortrait(path.join(DATA, 'portraits', photo));
const avatar = buildAvatar(portrait);
const size = portrait.image.width;
const r = createRenderer(avatar, { width: size, height: size });
// a still head keeps the slits on the same pixels of the eyes (audio jobs move the head by default since s33)
const motion = await motionFromAudio(path.join(DATA, 'audio', audio), { blink: 'natural', seed: 1, pose: 'static' });
const frames = motion.frames.slice(0, Math.round(8 * motion.fps));
const lm = portrait.cropLandmarks;
const box = eyeRegion(lm, size, size);
const [bx, by, bw, bh] = box;
// slit lines: vertical through each eye's centre, horizontal through the irises
const eyeX = [Math.round((lm[33]![0] + lm[133]![0]) / 2), Math.round((lm[263]![0] + lm[362]![0]) / 2)];
const irisY = Math.round((lm[468]![1] + lm[473]![1]) / 2);
const T = frames.length;
const vert = [0, 1].map(() => ({ width: T, height: bh, data: new Uint8ClampedArray(T * bh * 4) }) as RgbaImage);
const horiz: RgbaImage = { width: T, height: bw, data: new Uint8ClampedArray(T * bw * 4) };
const cells: GridCell[][] = [];
let row: GridCell[] = [];
for (let t = 0; t < T; t++) {
  const img = r.render(frames[t]!);
  for (let e = 0; e < 2; e++) for (let y = 0; y < bh; y++) {
    const o = ((by + y) * size + eyeX[e]!) * 4;
    vert[e]!.data.set(img.data.subarray(o, o + 4), (y * T + t) * 4);
  }
  for (let x = 0; x < bw; x++) {
    const o = (irisY * size + bx + x) * 4;
    horiz.data.set(img.data.subarray(o, o + 4), (x * T + t) * 4);
  }
  if (t % Math.round(0.4 * motion.fps) === 0) {
    const f = frames[t]!;
    row.push({ label: `${(t / motion.fps).toFixed(1)}s b${f.blink.toFixed(1)} g${f.gaze[0].toFixed(2)},${f.gaze[1].toFixed(2)} br${(f.w.browInnerUp ?? 0).toFixed(2)}`, image: cropImage({ ...img, data: new Uint8ClampedArray(img.data) }, box) });
    if (row.length === 5) { cells.push(row); row = []; }
  }
}
if (row.length) cells.push(row);
const cw = 300, ch = Math.round((cw * bh) / bw);
const grid = await labelledGrid(cells, { title: `${photo} + ${audio}: eyes and brows every 0.4 s (b = blink, g = gaze x,y, br = browInnerUp)`, cellW: cw, cellH: ch });
const slits = await labelledGrid([
  [{ label: 'slit through the image-left eye (vertical line; time ->): blinks close the eye, brows rise', image: vert[0]! }],
  [{ label: 'slit through the image-right eye', image: vert[1]! }],
  [{ label: 'slit along the iris row (rows = x across both eyes; time ->): gaze shifts move the irises', image: horiz }],
], { title: `slit-scans over ${(T / motion.fps).toFixed(1)} s (${T} frames, one pixel column per frame, zoomed)`, cellW: 1500, cellH: 200, fill: true });
const { default: sharp } = await import('sharp');
const a = await sharp(grid).metadata(), b = await sharp(slits).metadata();
const W = Math.max(a.width!, b.width!);
const png = await sharp({ create: { width: W, height: a.height! + b.height!, channels: 4, background: { r: 24, g: 24, b: 30, alpha: 1 } } })
  .composite([{ input: grid, left: 0, top: 0 }, { input: slits, left: 0, top: a.height! }]).png().toBuffer();
await writeFile(out + '.tmp', png);
await rename(out + '.tmp', out);
const blinks = frames.filter((f, i) => f.blink > 0.9 && !(frames[i - 1]?.blink! > 0.9)).length;
const gazeSteps = frames.filter((f, i) => i > 0 && Math.hypot(f.gaze[0] - frames[i - 1]!.gaze[0], f.gaze[1] - frames[i - 1]!.gaze[1]) > 0.03).length;
const maxBrow = Math.max(...frames.map((f) => f.w.browInnerUp ?? 0));
console.log(`${T} frames: ${blinks} blinks, ${gazeSteps} frames in a saccade, gaze x range ${Math.min(...frames.map((f) => f.gaze[0])).toFixed(2)}..${Math.max(...frames.map((f) => f.gaze[0])).toFixed(2)}, browInnerUp max ${maxBrow.toFixed(2)}; sheet ${out}`);
