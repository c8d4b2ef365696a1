// One driver frame on a photo, both eyes at 4x beside the driver's, rendered as the motion gives it and with
// eyeWide / blink changed, each with the face mesh's read-back of its openings: tells whether a stare or a wink
// that shows (or does not) comes from the motion's weights or from the renderer (stare33). Never asserts.
//   node --import tsx bench/stareVariants.ts lp_s9.jpg lp_d11.mp4 128 out.png [--variants 'blink 0,wide .3'] [--seconds 8]
// A variant is a comma-list item: 'frame' (as given), 'wide X' (both eyeWide = X), 'wideL X' / 'wideR X', 'blink X'
// (both eyes' closure X: the shared blink X, each eye's own 0), 'squint X' (both), 'gaze 0', 'pose 0'.
import path from 'node:path';
import sharp from 'sharp';
import { SHARED_DATA } from './sharedData.ts';
import { cachedTrack } from './driverTracks.ts';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { cropImage, eyeOpenings } from '../src/eval/eyes.ts';
import { detectFaces } from '../src/face/detect.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import type { RgbaImage } from '../src/types.ts';
import type { MotionFrame } from '../src/types.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const [photo, driver, at, out] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) as [string, string, string, string];
const seconds = Number(arg('--seconds', '8'));
const variantNames = arg('--variants', 'frame,wide 0,blink 0,wide .5').split(',').map((s) => s.trim());
const FPS = 25, SIZE = 512, ZOOM = 4;
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
type Lm = readonly (readonly number[])[];
const unflat = (lm: Float32Array): Lm => Array.from({ length: lm.length / 3 }, (_, i) => [lm[i * 3]!, lm[i * 3 + 1]!]);
/** Both eyes' box, 1.3 eye-corner distances wide, 3:1 (as driverEyes.ts). */
function eyesBox(lm: Lm, w: number, h: number): [number, number, number, number] {
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const cx = (lm[263]![0]! + lm[33]![0]!) / 2, cy = (lm[263]![1]! + lm[33]![1]!) / 2;
  const bw = Math.round(1.3 * iod), bh = Math.round(bw / 3);
  return [Math.max(0, Math.min(w - bw, Math.round(cx - bw / 2))), Math.max(0, Math.min(h - bh, Math.round(cy - bh / 2))), bw, bh];
}
function variant(f: MotionFrame, name: string): MotionFrame {
  if (name === 'frame') return f;
  const [k, v] = name.split(/\s+/) as [string, string];
  const x = Number(v);
  if (k === 'wide') return { ...f, w: { ...f.w, eyeWideLeft: x, eyeWideRight: x } };
  if (k === 'wideL') return { ...f, w: { ...f.w, eyeWideLeft: x } };
  if (k === 'wideR') return { ...f, w: { ...f.w, eyeWideRight: x } };
  if (k === 'squint') return { ...f, w: { ...f.w, eyeSquintLeft: x, eyeSquintRight: x } };
  if (k === 'gaze') return { ...f, gaze: [0, 0], vergence: 0 };
  if (k === 'pose') return { ...f, pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } };
  if (k === 'blink') return { ...f, blink: x, w: { ...f.w, eyeBlinkLeft: 0, eyeBlinkRight: 0 } };
  throw new Error(`unknown variant ${name}`);
}
async function tile(img: RgbaImage, box: [number, number, number, number], w: number): Promise<Buffer> {
  const c = cropImage(img, box);
  return sharp(Buffer.from(c.data.buffer, c.data.byteOffset, c.data.byteLength), { raw: { width: c.width, height: c.height, channels: 4 } })
    .resize(w, Math.round(w / 3), { kernel: 'lanczos3' }).removeAlpha().png().toBuffer();
}

const video = driver.includes('/') ? driver : path.join(SHARED_DATA, 'video', driver);
const raw = (await cachedTrack(driver, FPS)).slice(0, seconds * FPS);
const frames = motionFramesFromRaw(raw, FPS, true).frames;
const i = Number(at);
const f = frames[i]!;
const w = f.w;
const f2 = (v: number | undefined) => (v ?? 0).toFixed(2);
console.log(`${photo} <- ${driver} f${i}: blink ${f2(f.blink)} own L/R ${f2(w.eyeBlinkLeft)}/${f2(w.eyeBlinkRight)} wide ${f2(w.eyeWideLeft)}/${f2(w.eyeWideRight)} squint ${f2(w.eyeSquintLeft)}/${f2(w.eyeSquintRight)} gaze ${f.gaze.map((g) => g.toFixed(2))}`);
const dlm = raw[i]?.lm ? unflat(raw[i]!.lm!) : null;
if (dlm) { const o = eyeOpenings(dlm); console.log(`  driver opening L/R ${o.left.toFixed(3)}/${o.right.toFixed(3)}`); }
const W = 120 * ZOOM;
const tiles: Buffer[] = [];
let k = 0;
for await (const img of decodeVideoFrames(video, { fps: FPS, maxSide: 720, maxFrames: i + 1 })) { if (k++ === i && dlm) tiles.push(await tile(copy(img), eyesBox(dlm, img.width, img.height), W)); }
const p = await cachedPortrait(photo.includes('/') ? photo : path.join(SHARED_DATA, 'portraits', photo));
const r = createRenderer(buildAvatar(p), { width: SIZE, height: SIZE });
let box: [number, number, number, number] | null = null;
for (const name of variantNames) {
  const img = copy(r.render(variant(f, name)));
  const face = (await detectFaces(copy(img), { embedding: false }))[0];
  const o = face ? eyeOpenings(face.landmarks) : null;
  box ??= face ? eyesBox(face.landmarks, SIZE, SIZE) : [128, 160, 256, 85];
  console.log(`  ${name.padEnd(10)} read L/R ${o ? `${o.left.toFixed(3)}/${o.right.toFixed(3)}` : 'none'}`);
  tiles.push(await tile(img, box, W));
}
const H = Math.round(W / 3);
await sharp({ create: { width: W, height: tiles.length * (H + 4), channels: 3, background: '#222' } })
  .composite(tiles.map((b, j) => ({ input: b, left: 0, top: j * (H + 4) }))).toFile(out);
