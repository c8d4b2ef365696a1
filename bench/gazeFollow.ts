// Does the result follow the driver's gaze, eye by eye? The face mesh's iris offset (1 = half an eye
// width, x image right) read on the driver's frames and on ours of a photo driven by the same clip
// (25 fps tracks, every --step-th frame), per eye and as the eyes' mean. Prints per pair: slope
// (least squares through the origin, ours per driver unit, both about their medians) and r of the
// mean x, of each eye's x and of the vergence (half the eyes' x difference, + = toward the nose);
// then what each stage carries at the driver's strongest looks (driver -> motion gaze -> ours).
// --crops DIR saves eye crops (real and ours) at --frames for gazeSheet.ts. Never asserts.
//   node --import tsx bench/gazeFollow.ts [--pairs st_art_1.png:lp_d0.mp4,...] [--seconds 4] [--step 2] [--crops dir --frames 18,30]
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { cachedTrack } from './driverTracks.ts';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { eyeGazes, type Landmarks } from '../src/motion/measures.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { cropImage } from '../src/eval/eyes.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : dflt; };
const pairs = arg('--pairs', 'st_art_1.png:lp_d0.mp4,lp_s42.jpg:lp_d6.mp4,lp_s1.jpg:lp_d0.mp4').split(',').map((p) => p.split(':') as [string, string]);
const seconds = Number(arg('--seconds', '4')), step = Number(arg('--step', '2'));
const cropsDir = process.argv.includes('--crops') ? arg('--crops', '') : undefined;
const cropFrames = arg('--frames', '18,30,67').split(',').map(Number);
const FPS = 25, SIZE = 512;

const median = (a: number[]) => { const s = a.slice().sort((p, q) => p - q); return s[s.length >> 1] ?? 0; };
/** Least-squares slope through the origin of y against x. */
function slopeThroughOrigin(x: number[], y: number[]): number {
  let xy = 0, xx = 0;
  for (let i = 0; i < x.length; i++) { xy += x[i]! * y[i]!; xx += x[i]! * x[i]!; }
  return xx > 0 ? xy / xx : 0;
}
/** Pearson correlation. */
export function correlation(x: number[], y: number[]): number {
  const mx = x.reduce((s, v) => s + v, 0) / x.length, my = y.reduce((s, v) => s + v, 0) / y.length;
  let xy = 0, xx = 0, yy = 0;
  for (let i = 0; i < x.length; i++) { const a = x[i]! - mx, b = y[i]! - my; xy += a * b; xx += a * a; yy += b * b; }
  return xx > 0 && yy > 0 ? xy / Math.sqrt(xx * yy) : 0;
}
/** The four x series of one side: eye 0 (image right), eye 1 (image left), their mean, the vergence. */
const series = (g: [[number, number], [number, number]]) => [g[0][0], g[1][0], (g[0][0] + g[1][0]) / 2, (g[1][0] - g[0][0]) / 2];
const unflat = (lm: Float32Array): Landmarks => Array.from({ length: lm.length / 3 }, (_, i) => [lm[i * 3]!, lm[i * 3 + 1]!]);
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
/** Both eyes' box with a margin of 0.15 eye-corner distances, 3:1. */
function eyesBox(lm: Landmarks, w: number, h: number): [number, number, number, number] {
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const cx = (lm[263]![0]! + lm[33]![0]!) / 2, cy = (lm[263]![1]! + lm[33]![1]!) / 2;
  const bw = Math.round(1.3 * iod), bh = Math.round(bw / 3);
  const x = Math.max(0, Math.min(w - bw, Math.round(cx - bw / 2))), y = Math.max(0, Math.min(h - bh, Math.round(cy - bh / 2)));
  return [x, y, bw, bh];
}
async function savePng(img: RgbaImage, file: string): Promise<void> {
  const { default: sharp } = await import('sharp');
  await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } }).png().toFile(file);
}

const f2 = (v: number) => (v >= 0 ? '+' : '') + v.toFixed(2);
const NAMES = ['eye0(img R)', 'eye1(img L)', 'mean', 'vergence'];
if (cropsDir) await mkdir(cropsDir, { recursive: true });
for (const [photo, driver] of pairs) {
  const raw = (await cachedTrack(driver, FPS)).slice(0, seconds * FPS);
  const { frames } = motionFramesFromRaw(raw, FPS, true);
  const portrait = await cachedPortrait(path.resolve(DATA, 'portraits', photo));
  const r = createRenderer(buildAvatar(portrait), { width: SIZE, height: SIZE });
  const wanted = new Set(cropFrames);
  const video = new Map<number, RgbaImage>();
  if (cropsDir) {
    let i = 0;
    for await (const img of decodeVideoFrames(path.join(DATA, 'video', driver), { fps: FPS, maxSide: 720, maxFrames: Math.max(...cropFrames) + 1 })) { if (wanted.has(i)) video.set(i, copy(img)); i++; }
  }
  const real: number[][] = [], ours: number[][] = [], used: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const crop = wanted.has(i) && !!cropsDir;
    if ((i % step && !crop) || !raw[i]?.lm || !frames[i]) continue;
    const img = copy(r.render(frames[i]!));
    const face = (await detectFaces(img, { embedding: false }))[0];
    if (!face) continue;
    const realLm = unflat(raw[i]!.lm!);
    real.push(series(eyeGazes(realLm))); ours.push(series(eyeGazes(face.landmarks))); used.push(i);
    if (crop && video.has(i)) {
      const tag = `${driver.replace('.mp4', '')}_f${i}`;
      const v = video.get(i)!;
      await savePng(cropImage(v, eyesBox(realLm, v.width, v.height)), path.join(cropsDir, `real_${tag}.png`));
      await savePng(cropImage(img, eyesBox(face.landmarks, SIZE, SIZE)), path.join(cropsDir, `${photo.replace(/\.\w+$/, '')}_${tag}.png`));
    }
  }
  console.log(`\n${photo} <- ${driver}: ${used.length} frames (every ${step}th of ${seconds} s at ${FPS} fps)`);
  for (let k = 0; k < 4; k++) {
    const a = real.map((s) => s[k]!), b = ours.map((s) => s[k]!);
    const ma = median(a), mb = median(b);
    const x = a.map((v) => v - ma), y = b.map((v) => v - mb);
    console.log(`  ${NAMES[k]!.padEnd(12)} slope ${slopeThroughOrigin(x, y).toFixed(2)}  r ${correlation(a, b).toFixed(2)}   real range ${f2(Math.min(...x))}..${f2(Math.max(...x))}  ours ${f2(Math.min(...y))}..${f2(Math.max(...y))}`);
  }
  // the strongest looks, stage by stage
  const order = used.map((i, k) => [Math.abs(real[k]![2]! - median(real.map((s) => s[2]!))), k] as const).sort((p, q) => q[0] - p[0]).slice(0, 3);
  for (const [, k] of order) {
    const i = used[k]!, f = frames[i]!;
    console.log(`  f${i}: driver mean ${f2(real[k]![2]!)} (eyes ${f2(real[k]![0]!)} ${f2(real[k]![1]!)}) -> motion gaze ${f2(f.gaze[0])}${f.vergence !== undefined ? ` verg ${f2(f.vergence)}` : ''} -> ours ${f2(ours[k]![2]!)} (eyes ${f2(ours[k]![0]!)} ${f2(ours[k]![1]!)})`);
  }
}
