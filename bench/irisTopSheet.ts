// The eyes at chosen frames of a driver (or a motion JSON) on a photo, rendered by another checkout
// (--base) and by this one, beside the driver's frame: driver | base | this [| this with wideFromShow
// (--show)], each crop both eyes' box at 3x of the 512 render (eyesBox of the render's own landmarks).
// --count: also renders every frame of the first --seconds with both checkouts and prints how many
// differ (bytes). --read: each cell's white above the iris (scleraShow.ts, the face mesh on the render;
// the driver's from its track), subject's left/right, in iris diameters. Each cell is labelled with the frame's gaze and eyeWide. Never asserts (gaze28, #14).
//   node --import tsx bench/irisTopSheet.ts PHOTO DRIVER.mp4|MOTION.json F1,F2,... OUT.jpg --base CHECKOUT [--show] [--read] [--zero-wide] [--count] [--seconds 8]
import path from 'node:path';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import sharp, { type OverlayOptions } from 'sharp';
import { cachedTrack } from './driverTracks.ts';
import { cachedPortrait } from './portraitCache.ts';
import { eyesBox } from './eyeBox.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { loadMotion } from '../src/motion/record.ts';
import { cropImage } from '../src/eval/eyes.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { detectFaces } from '../src/face/detect.ts';
import { scleraShows } from '../src/motion/scleraShow.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const args = process.argv.slice(2);
const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const [photo, driver, list, out] = args.filter((a, i) => !a.startsWith('--') && !['--base', '--seconds'].includes(args[i - 1] ?? '')) as [string, string, string, string];
const seconds = Number(opt('--seconds') ?? 8), base = opt('--base'), show = args.includes('--show'), count = args.includes('--count'), read = args.includes('--read');
// --zero-wide: every frame with eyeWide 0 (the gaze shader alone, without the raised lid's drawing)
const zeroWide = (m: MotionFrame): MotionFrame => (args.includes('--zero-wide') ? { ...m, w: { ...m.w, eyeWideLeft: 0, eyeWideRight: 0 } } : m);
const want = list.split(',').map(Number);
const SIZE = 512, SCALE = 3, TOP = 20, GAP = 4;

const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
const png = (img: RgbaImage, w: number, h: number) => sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } }).resize(w, h, { kernel: 'lanczos3' }).png().toBuffer();
const label = (s: string, w: number) => Buffer.from(`<svg width="${w}" height="${TOP}"><text x="4" y="15" font-size="13" fill="#ddd" font-family="sans-serif">${s}</text></svg>`);
const f2 = (v: number | undefined) => (v ?? 0).toFixed(2);

const isVideo = driver.endsWith('.mp4');
const raw = isVideo ? (await cachedTrack(driver, 25)).slice(0, seconds * 25) : [];
const frames: MotionFrame[] = (isVideo ? motionFramesFromRaw(raw, 25, true, { fit: { wideFromShow: false } }).frames : (await loadMotion(driver)).frames.slice(0, seconds * 25)).map(zeroWide);
const shown = show && isVideo ? motionFramesFromRaw(raw, 25, true, { fit: { wideFromShow: true } }).frames : null;
const portrait = await cachedPortrait(path.join(DATA, 'portraits', photo));
const here = path.resolve(import.meta.dirname, '..');
const renderers = await Promise.all([base!, here].map(async (root) => {
  const build = (await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href)).buildAvatar;
  const create = (await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href)).createRenderer;
  return create(build(portrait), { width: SIZE, height: SIZE });
}));
const columns: [string, (f: number) => MotionFrame, number][] = [['base', (f) => frames[f]!, 0], ['this', (f) => frames[f]!, 1]];
if (shown) columns.push(['this + wideFromShow', (f) => shown[f]!, 1]);

const driverImgs = new Map<number, RgbaImage>();
if (isVideo) {
  let k = 0;
  for await (const img of decodeVideoFrames(path.join(DATA, 'video', driver), { fps: 25, maxSide: 720, maxFrames: Math.max(...want) + 1 })) { if (want.includes(k)) driverImgs.set(k, copy(img)); k++; }
}
const layers: OverlayOptions[] = [];
let cw = 0, ch = 0;
for (const [row, f] of want.entries()) {
  const lm = renderers[1]!.landmarks(frames[f]!);
  const box = eyesBox(lm, SIZE, SIZE);
  cw = box[2] * SCALE; ch = box[3] * SCALE;
  const y = row * (ch + TOP + GAP);
  const cells: [string, RgbaImage][] = [];
  const dImg = driverImgs.get(f), dl = raw[f]?.lm;
  const showText = (lm: ArrayLike<ArrayLike<number>> | undefined) => { if (!read || !lm) return ''; const [a, b] = scleraShows(lm); return ` show ${f2(a)}/${f2(b)}`; };
  if (dImg && dl) cells.push([`driver f${f}${showText(Array.from({ length: dl.length / 3 }, (_, i) => [dl[i * 3]!, dl[i * 3 + 1]!]))}`, cropImage(dImg, eyesBox(Array.from({ length: dl.length / 3 }, (_, i) => [dl[i * 3]!, dl[i * 3 + 1]!]), dImg.width, dImg.height))]);
  for (const [name, frameOf, k] of columns) {
    const m = frameOf(f);
    const img = copy(renderers[k]!.render(m));
    const lmR = read ? (await detectFaces(copy(img), { embedding: false }))[0]?.landmarks : undefined;
    cells.push([`${name} f${f} gaze ${f2(m.gaze?.[0])},${f2(m.gaze?.[1])} wide ${f2(m.w.eyeWideLeft)}/${f2(m.w.eyeWideRight)}${showText(lmR)}`, cropImage(img, box)]);
  }
  for (const [col, [txt, img]] of cells.entries()) layers.push({ input: label(txt, cw), left: col * (cw + GAP), top: y }, { input: await png(img, cw, ch), left: col * (cw + GAP), top: y + TOP });
  console.log(`row f${f}: ${cells.map((c) => c[0]).join(' | ')}`);
}
const ncol = columns.length + (driverImgs.size ? 1 : 0);
await sharp({ create: { width: ncol * (cw + GAP) - GAP, height: want.length * (ch + TOP + GAP) - GAP, channels: 3, background: '#1c1c1c' } }).composite(layers).jpeg({ quality: 85 }).toFile(out);
console.log(`wrote ${out}`);

if (count) {
  const hash = (img: RgbaImage) => createHash('sha1').update(img.data).digest('hex');
  const changed: number[] = [];
  frames.forEach((m, f) => { if (hash(renderers[0]!.render(m)) !== hash(renderers[1]!.render(m))) changed.push(f); });
  console.log(`${photo} <- ${path.basename(driver)}: ${changed.length}/${frames.length} frames differ from base${changed.length ? ': ' + changed.join(',') : ''}`);
}
