// Gaze transfer from a driver video: the iris offset (motion/measures.ts faceMeasures gaze: iris
// position inside the eye opening, 1 = half an eye width) read by the face mesh on the driver's
// frames and on our frames of a photo driven by the same clip. Prints, per driver and portrait, ours
// per real unit (least-squares slope of ours against the driver's, both relative to their median
// gaze), and the offsets at the driver's strongest side looks. --sheet: eyes about 3x, real | ours,
// at those looks. Tracks are cached (bench/driverTracks.ts, 10 fps). Never asserts.
//   node --import tsx bench/gazeTransfer.ts [--drivers lp_d0.mp4,...] [--photos lp_s42.jpg,...] [--seconds 6] [--sheet out.png]
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { cachedTrack } from './driverTracks.ts';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { faceMeasures, type Landmarks } from '../src/motion/measures.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : dflt; };
const drivers = arg('--drivers', 'lp_d0.mp4,lp_d6.mp4,WDA_KatieHill_000.mp4').split(',');
const photos = arg('--photos', 'lp_s42.jpg,mt_man.png').split(',');
const seconds = Number(arg('--seconds', '6'));
const sheetFile = process.argv.includes('--sheet') ? arg('--sheet', '') : undefined;
const FPS = 10, SIZE = 512, PEAKS = 3;

const median = (a: number[]) => { const s = a.slice().sort((p, q) => p - q); return s[s.length >> 1] ?? 0; };
/** Least-squares slope through the origin of y against x. */
export function slopeThroughOrigin(x: number[], y: number[]): number {
  let xy = 0, xx = 0;
  for (let i = 0; i < x.length; i++) { xy += x[i]! * y[i]!; xx += x[i]! * x[i]!; }
  return xx > 0 ? xy / xx : 0;
}
const unflat = (lm: Float32Array): Landmarks => Array.from({ length: lm.length / 3 }, (_, i) => [lm[i * 3]!, lm[i * 3 + 1]!]);
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
/** Both eyes' box with a margin of 0.12 eye-corner distances. */
function eyesBox(lm: Landmarks, w: number, h: number): [number, number, number, number] {
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const xs = [33, 133, 263, 362].map((i) => lm[i]![0]!), ys = [159, 145, 386, 374].map((i) => lm[i]![1]!);
  const x = Math.max(0, Math.round(Math.min(...xs) - 0.12 * iod)), y = Math.max(0, Math.round(Math.min(...ys) - 0.12 * iod));
  return [x, y, Math.min(w - x, Math.round(Math.max(...xs) - Math.min(...xs) + 0.24 * iod)), Math.min(h - y, Math.round(Math.max(...ys) - Math.min(...ys) + 0.24 * iod))];
}

const f2 = (v: number) => (v >= 0 ? '+' : '') + v.toFixed(2);
const sheetRows: GridCell[][] = [];
const rowLabels: string[] = [];
console.log('driver / photo            n   real median x,y   slope x  slope y   | strongest side looks: real abs (rel) -> ours abs (rel)');
for (const driver of drivers) {
  const raw = (await cachedTrack(driver, FPS)).slice(0, seconds * FPS);
  const { frames } = motionFramesFromRaw(raw, FPS, true);
  const real = raw.map((r) => r?.m.gaze);
  const good = real.filter((g): g is [number, number] => !!g);
  const realMed = [median(good.map((g) => g[0])), median(good.map((g) => g[1]))];
  // the strongest side looks (frames at least 5 apart)
  const order = real.map((g, i) => [g ? Math.abs(g[0] - realMed[0]!) : -1, i] as [number, number]).sort((a, b) => b[0] - a[0]);
  const peaks: number[] = [];
  for (const [, i] of order) { if (peaks.every((p) => Math.abs(p - i) >= 5)) peaks.push(i); if (peaks.length === PEAKS) break; }
  let videoFrames: RgbaImage[] = [];
  if (sheetFile) for await (const img of decodeVideoFrames(path.join(DATA, 'video', driver), { fps: FPS, maxSide: 720, maxFrames: Math.max(...peaks) + 1 })) videoFrames.push(copy(img));
  for (const photo of photos) {
    const portrait = await cachedPortrait(path.resolve(DATA, 'portraits', photo));
    const r = createRenderer(buildAvatar(portrait), { width: SIZE, height: SIZE });
    const ours: ([number, number] | undefined)[] = [];
    const images = new Map<number, { img: RgbaImage; lm: Landmarks }>();
    for (let i = 0; i < raw.length; i++) {
      if (!real[i] || !frames[i]) { ours.push(undefined); continue; }
      const img = copy(r.render(frames[i]!));
      const face = (await detectFaces(img, { embedding: false }))[0];
      ours.push(face ? faceMeasures(face.landmarks).gaze : undefined);
      if (face && peaks.includes(i)) images.set(i, { img, lm: face.landmarks });
    }
    const pairs = ours.map((o, i) => [real[i], o] as const).filter((p): p is readonly [[number, number], [number, number]] => !!p[0] && !!p[1]);
    const oursMed = [median(pairs.map((p) => p[1][0])), median(pairs.map((p) => p[1][1]))];
    const slope = [0, 1].map((a) => slopeThroughOrigin(pairs.map((p) => p[0][a]! - realMed[a]!), pairs.map((p) => p[1][a]! - oursMed[a]!)));
    const looks = peaks.filter((i) => ours[i]).map((i) => `${(i / FPS).toFixed(1)}s ${f2(real[i]![0])} (${f2(real[i]![0] - realMed[0]!)}) -> ${f2(ours[i]![0])} (${f2(ours[i]![0] - oursMed[0]!)})`);
    console.log(`${(driver.replace('.mp4', '') + ' / ' + photo).padEnd(24)}${String(pairs.length).padStart(4)}   ${f2(realMed[0]!)},${f2(realMed[1]!)}      ${slope[0]!.toFixed(2)}     ${slope[1]!.toFixed(2)}     | ${looks.join('; ')}`);
    if (sheetFile) {
      const row: GridCell[] = [];
      for (const i of peaks) {
        const v = videoFrames[i], lm = raw[i]?.lm, o = images.get(i);
        if (!v || !lm || !o) continue;
        const vlm = unflat(lm);
        row.push({ label: `${driver.replace('.mp4', '')} ${(i / FPS).toFixed(1)}s real ${f2(real[i]![0])}`, image: cropImage(v, eyesBox(vlm, v.width, v.height)) });
        row.push({ label: `ours ${f2(ours[i]![0])}`, image: cropImage(o.img, eyesBox(o.lm, SIZE, SIZE)) });
      }
      sheetRows.push(row);
      rowLabels.push(photo);
    }
  }
}
if (sheetFile) {
  await writeFile(sheetFile, await labelledGrid(sheetRows, { title: 'gaze at the driver\'s strongest side looks: real | ours (iris offset, 1 = half an eye width)', cellW: 240, cellH: 90, rowLabels }));
  console.log('sheet:', sheetFile);
}
