// Winks as rendered: chosen frames of a saved motion (e.g. a self-reenactment's --save-motion),
// rendered and read back by the face mesh per eye beside the driver video's same frames. Counts, as the
// critic's winks.py: frames where the driver has one eye much more shut (|L-R|/max > .35, the lower
// < .2), and of those how many the render shows one-eyed (that eye < .15, the other > .2). Optional
// sheet: driver | render, both eyes zoomed (--zoom, default 4). Never asserts.
//   node --import tsx bench/winkFrames.ts --photo p.png --motion m.json --video driver.mp4 --frames 20-30,110-120 [--sheet out.png] [--zoom 4]
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { eyeOpenings, cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { loadMotion } from '../src/motion/record.ts';
import { foldBlink } from '../src/motion/restFace.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import type { Landmarks } from '../src/rig/fit.ts';
import type { RgbaImage } from '../src/types.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const photo = arg('--photo'), motionFile = arg('--motion'), video = arg('--video'), framesArg = arg('--frames');
if (!photo || !motionFile || !video || !framesArg) throw new Error('usage: --photo p --motion m.json --video driver.mp4 --frames 20-30,110-120 [--sheet out.png]');
const sheet = arg('--sheet');
const zoom = Number(arg('--zoom') ?? 4);

/** "20-30,110-120" -> the frame numbers, ascending. */
function frameList(spec: string): number[] {
  const out: number[] = [];
  for (const part of spec.split(',')) {
    const [a, b] = part.split('-').map(Number);
    for (let i = a!; i <= (b ?? a!); i++) out.push(i);
  }
  return out.sort((x, y) => x - y);
}

const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });

interface Read { left: number; right: number; lm: Landmarks }
async function read(img: RgbaImage): Promise<Read | null> {
  const f = (await detectFaces(copy(img), { embedding: false }))[0];
  if (!f) return null;
  return { ...eyeOpenings(f.landmarks as Landmarks), lm: f.landmarks as Landmarks };
}

/** Both eyes, a box from the outer corners (33, 263) padded by 0.25 of their distance. */
function eyesBox(lm: Landmarks, img: RgbaImage): [number, number, number, number] {
  const [ax, ay] = [lm[33]![0]!, lm[33]![1]!], [bx, by] = [lm[263]![0]!, lm[263]![1]!];
  const d = Math.hypot(bx - ax, by - ay), cx = (ax + bx) / 2, cy = (ay + by) / 2;
  const w = Math.round(d * 1.5), h = Math.round(d * 0.5);
  const x = Math.max(0, Math.min(img.width - w, Math.round(cx - w / 2))), y = Math.max(0, Math.min(img.height - h, Math.round(cy - h / 2)));
  return [x, y, w, h];
}

/** One-eyed: one eye much more shut than the other (winks.py's rule for the driver). */
const oneEyed = (l: number, r: number) => Math.abs(l - r) / Math.max(l, r, 1e-6) > 0.35 && Math.min(l, r) < 0.2;
/** Shown one-eyed: that eye shut (< .15) and the other open (> .2), the same side as the driver's. */
const shownOneEyed = (g: Read, real: Read) => Math.max(g.left, g.right) > 0.2 && Math.min(g.left, g.right) < 0.15 && Math.sign(g.left - g.right) === Math.sign(real.left - real.right);

const frames = frameList(framesArg);
const motion = await loadMotion(motionFile);
const portrait = await cachedPortrait(path.resolve(photo));
const size = portrait.image.width;
const renderer = createRenderer(buildAvatar(portrait), { width: size, height: size });

// the driver's frames at the motion's rate
const realFrames = new Map<number, RgbaImage>();
let k = 0;
for await (const img of decodeVideoFrames(video, { fps: motion.fps, maxSide: size })) {
  if (frames.includes(k)) realFrames.set(k, copy(img));
  if (++k > frames[frames.length - 1]!) break;
}

const f2 = (v: number | undefined) => (v === undefined ? ' -- ' : v.toFixed(2));
console.log(`frame  weight L/R    driver L/R   render L/R   (eye openings, face mesh; * driver one-eyed, + shown one-eyed)`);
let driverOne = 0, kept = 0;
const rows: GridCell[][] = [];
for (const i of frames) {
  const m = motion.frames[i];
  const realImg = realFrames.get(i);
  if (!m || !realImg) continue;
  const genImg = copy(renderer.render(m));
  const [real, gen] = [await read(realImg), await read(genImg)];
  const wl = foldBlink(m.blink ?? 0, m.w.eyeBlinkLeft ?? 0), wr = foldBlink(m.blink ?? 0, m.w.eyeBlinkRight ?? 0);
  const one = real ? oneEyed(real.left, real.right) : false;
  const shown = one && real && gen ? shownOneEyed(gen, real) : false;
  driverOne += one ? 1 : 0;
  kept += shown ? 1 : 0;
  console.log(`${String(i).padStart(5)}  ${f2(wl)}/${f2(wr)}   ${f2(real?.left)}/${f2(real?.right)}    ${f2(gen?.left)}/${f2(gen?.right)}  ${one ? '*' : ' '}${shown ? '+' : ' '}`);
  if (sheet) {
    const cell = (img: RgbaImage, r: Read | null, what: string): GridCell => ({ label: `f${i} ${what} ${f2(r?.left)}/${f2(r?.right)}`, image: r ? cropImage(img, eyesBox(r.lm, img)) : img });
    rows.push([cell(realImg, real, 'driver'), cell(genImg, gen, `w ${f2(wl)}/${f2(wr)}`)]);
  }
}
console.log(`driver one-eyed ${driverOne} frames; shown one-eyed ${kept} of them`);
if (sheet && rows.length) {
  const w0 = rows[0]![1]!.image.width, h0 = rows[0]![1]!.image.height;
  await writeFile(sheet, await labelledGrid(rows, { title: `${path.basename(photo)}: driver | render, eyes ${zoom}x`, cellW: Math.round(w0 * zoom), cellH: Math.round(h0 * zoom) }));
  console.log(`sheet: ${sheet}`);
}
