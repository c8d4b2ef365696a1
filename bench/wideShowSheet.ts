// Before/after eye crops for one motion option: for a photo and a driver, the chosen frames rendered from
// the motion without (before) and with it (after), beside the driver's frame; each crop the two eyes' box
// (bench/eyeCarrySheet.ts's), 390 px wide (3x). The option (--toggle): wideFromShow, the white-above-the-iris
// reading (scleraShow.ts, eyes27; the default), or lidEvents (lidEvents.ts, eyes28: a wink held over its
// event, a held narrowing's slits; on by default, so before = off). Prints each eye's opening over the
// photo's rest render (eval/eyes.ts eyeOpenings) and the motion's folded closure. Never asserts.
//   node --import tsx bench/wideShowSheet.ts PHOTO DRIVER.mp4 F1,F2,... OUT.jpg [--seconds 8] [--toggle lidEvents]
import path from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import { cachedTrack } from './driverTracks.ts';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { eyeOpenings, cropImage } from '../src/eval/eyes.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { foldBlink } from '../src/motion/restFace.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

type Lm = number[][];
const DATA = SHARED_DATA;
const [photo, driver, list, out] = process.argv.slice(2) as [string, string, string, string];
const si = process.argv.indexOf('--seconds');
const seconds = si > 0 ? Number(process.argv[si + 1]) : 8;
const ti = process.argv.indexOf('--toggle');
const toggle = ti > 0 ? process.argv[ti + 1]! : 'wideFromShow';
const want = list.split(',').map(Number);
const W = 390, H = 130, TOP = 22, GAP = 4, FPS = 25, SIZE = 512;

const box = (lm: Lm, w: number, h: number): [number, number, number, number] => {
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const bw = Math.round(1.4 * iod), bh = Math.round(bw / 3);
  const cx = (lm[263]![0]! + lm[33]![0]!) / 2, cy = (lm[263]![1]! + lm[33]![1]!) / 2;
  return [Math.max(0, Math.min(w - bw, Math.round(cx - bw / 2))), Math.max(0, Math.min(h - bh, Math.round(cy - bh / 2))), bw, bh];
};
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
const png = (img: RgbaImage) => sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } }).resize(W, H).png().toBuffer();
const label = (s: string) => Buffer.from(`<svg width="${W}" height="${TOP}"><text x="4" y="16" font-size="14" fill="#ddd" font-family="sans-serif">${s}</text></svg>`);

const raw = (await cachedTrack(driver, FPS)).slice(0, seconds * FPS);
const withOption = (on: boolean) => (toggle === 'lidEvents' ? { lidEvents: on } : { fit: { wideFromShow: on } });
const after = motionFramesFromRaw(raw, FPS, true, withOption(true)).frames;
const before = motionFramesFromRaw(raw, FPS, true, withOption(false)).frames;
const r = createRenderer(buildAvatar(await cachedPortrait(path.resolve(DATA, 'portraits', photo))), { width: SIZE, height: SIZE });
const restLm = (await detectFaces(copy(r.render({ w: {}, pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 }, gaze: [0, 0], blink: 0 })), { embedding: false }))[0]!.landmarks as Lm;
const rest = eyeOpenings(restLm);
const layers: OverlayOptions[] = [];
const driverImgs = new Map<number, RgbaImage>();
let k = 0;
for await (const img of decodeVideoFrames(path.join(DATA, 'video', driver), { fps: FPS, maxSide: 720, maxFrames: Math.max(...want) + 1 })) { if (want.includes(k)) driverImgs.set(k, copy(img)); k++; }
const f2 = (v: number) => v.toFixed(2);
for (const [row, f] of want.entries()) {
  const y = row * (H + TOP + GAP);
  const lm = raw[f]?.lm;
  const dImg = driverImgs.get(f);
  if (lm && dImg) {
    const dl = Array.from({ length: lm.length / 3 }, (_, i) => [lm[i * 3]!, lm[i * 3 + 1]!]);
    layers.push({ input: label(`driver ${path.basename(driver, '.mp4')} f${f}`), left: 0, top: y }, { input: await png(cropImage(dImg, box(dl, dImg.width, dImg.height))), left: 0, top: y + TOP });
  }
  for (const [col, [name, m]] of ([['before', before[f]!], ['after', after[f]!]] as [string, MotionFrame][]).entries()) {
    const img = copy(r.render(m));
    const face = (await detectFaces(copy(img), { embedding: false }))[0];
    const o = face ? eyeOpenings(face.landmarks) : { left: NaN, right: NaN };
    const shut = `shut ${f2(foldBlink(m.blink, m.w.eyeBlinkLeft ?? 0))}/${f2(foldBlink(m.blink, m.w.eyeBlinkRight ?? 0))}`;
    const txt = `${name} f${f}: ${toggle === 'lidEvents' ? shut : `wide ${f2(m.w.eyeWideLeft ?? 0)}/${f2(m.w.eyeWideRight ?? 0)}`} open ${f2(o.left / rest.left)}/${f2(o.right / rest.right)}`;
    console.log(`${photo} <- ${driver} ${txt}`);
    const x = (col + 1) * (W + GAP);
    layers.push({ input: label(txt), left: x, top: y });
    if (face) layers.push({ input: await png(cropImage(img, box(face.landmarks as Lm, SIZE, SIZE))), left: x, top: y + TOP });
  }
}
await sharp({ create: { width: 3 * W + 2 * GAP, height: want.length * (H + TOP + GAP) - GAP, channels: 3, background: '#1c1c1c' } }).composite(layers).jpeg({ quality: 85 }).toFile(out);
console.log(`wrote ${out}`);
