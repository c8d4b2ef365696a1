// A driver's wide-eye peaks, this checkout against another (--base): the motion of the first
// --seconds of the driver (as the product computes it), the --top frames with the largest eyeWide
// (mean of the eyes, at least --gap frames apart), each rendered by both checkouts and read by the face
// mesh: each eye's opening over that checkout's rest render, beside the driver's opening over its
// median. --sheet: driver | base | this, both eyes (about 3x). Never asserts.
//   node --import tsx bench/wideDriver.ts --base OTHER --pairs lp_s42.jpg:lp_d10.mp4 [--seconds 12] [--top 4] [--sheet out.png]
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { cachedTrack } from './driverTracks.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_DATA } from './sharedData.ts';
import { detectFaces } from '../src/face/detect.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { cropImage, eyeOpenings, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import type { Landmarks } from '../src/motion/measures.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';

const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : dflt; };
const here = path.resolve(import.meta.dirname, '..');
const base = path.resolve(arg('--base', here));
const pairs = arg('--pairs', 'lp_s42.jpg:lp_d10.mp4').split(',').map((p) => p.split(':') as [string, string]);
const seconds = Number(arg('--seconds', '12')), top = Number(arg('--top', '4')), gap = Number(arg('--gap', '12'));
const sheet = arg('--sheet', '');
const FPS = 25, SIZE = 512;
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
const unflat = (lm: Float32Array): Landmarks => Array.from({ length: lm.length / 3 }, (_, i) => [lm[i * 3]!, lm[i * 3 + 1]!]);
const read = async (img: RgbaImage) => (await detectFaces(copy(img), { embedding: false }))[0]?.landmarks as Landmarks | undefined;
const median = (a: number[]) => { const s = a.slice().sort((x, y) => x - y); return s[s.length >> 1] ?? NaN; };
/** Both eyes' box, 1.3 eye-corner distances wide, 3:1. */
function eyesBox(lm: Landmarks, w: number, h: number): [number, number, number, number] {
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const cx = (lm[263]![0]! + lm[33]![0]!) / 2, cy = (lm[263]![1]! + lm[33]![1]!) / 2;
  const bw = Math.round(1.3 * iod), bh = Math.round(bw / 3);
  return [Math.max(0, Math.min(w - bw, Math.round(cx - bw / 2))), Math.max(0, Math.min(h - bh, Math.round(cy - bh / 2))), bw, bh];
}
const makers = await Promise.all([base, here].map(async (root) => ({
  build: (await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href)).buildAvatar,
  create: (await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href)).createRenderer,
})));
const rows: GridCell[][] = [];
for (const [photo, driver] of pairs) {
  const raw = (await cachedTrack(driver, FPS)).slice(0, seconds * FPS);
  const { frames } = motionFramesFromRaw(raw, FPS, true);
  const wide = frames.map((f: MotionFrame) => ((f.w.eyeWideLeft ?? 0) + (f.w.eyeWideRight ?? 0)) / 2);
  const picks: number[] = [];
  for (const i of wide.map((_, i) => i).sort((a, b) => wide[b]! - wide[a]!)) if (picks.length < top && picks.every((p) => Math.abs(p - i) >= gap)) picks.push(i);
  picks.sort((a, b) => a - b);
  // the driver's openings over its median (its rest), and its frames at the picks
  const dOpen = raw.map((r) => (r?.lm ? eyeOpenings(unflat(r.lm)) : null));
  const dMed = { left: median(dOpen.flatMap((o) => (o ? [o.left] : []))), right: median(dOpen.flatMap((o) => (o ? [o.right] : []))) };
  const dImgs = new Map<number, RgbaImage>();
  let k = 0;
  for await (const img of decodeVideoFrames(path.join(SHARED_DATA, 'video', driver), { fps: FPS, maxSide: 720, maxFrames: Math.max(...picks) + 1 })) { if (picks.includes(k)) dImgs.set(k, copy(img)); k++; }
  const portrait = await cachedPortrait(path.join(SHARED_DATA, 'portraits', photo));
  const rs = makers.map((m) => m.create(m.build(portrait), { width: SIZE, height: SIZE }));
  const rests = await Promise.all(rs.map(async (r) => eyeOpenings((await read(copy(r.render(r.neutralFrame()))))!)));
  console.log(`${photo} <- ${driver} (first ${seconds} s): opening over rest, L/R; driver over its median`);
  for (const i of picks) {
    const d = dOpen[i], dl = raw[i]?.lm ? unflat(raw[i]!.lm!) : null, v = dImgs.get(i)!;
    const dTxt = d ? `${(d.left / dMed.left).toFixed(2)}/${(d.right / dMed.right).toFixed(2)}` : 'none';
    const row: GridCell[] = [{ label: `${driver} f${i} (${(i / FPS).toFixed(1)} s) ${dTxt}`, image: dl ? cropImage(v, eyesBox(dl, v.width, v.height)) : v }];
    const txt: string[] = [];
    for (const [j, r] of rs.entries()) {
      const img = copy(r.render(frames[i]!));
      const lm = await read(img);
      const o = lm ? eyeOpenings(lm) : null;
      const t = o ? `${(o.left / rests[j]!.left).toFixed(2)}/${(o.right / rests[j]!.right).toFixed(2)}` : 'none';
      txt.push(`${j ? 'this' : 'base'} ${t}`);
      row.push({ label: `${j ? 'this' : 'base'} ${t}`, image: lm ? cropImage(img, eyesBox(lm, SIZE, SIZE)) : img });
    }
    console.log(`  f${i} eyeWide ${(frames[i]!.w.eyeWideLeft ?? 0).toFixed(2)}/${(frames[i]!.w.eyeWideRight ?? 0).toFixed(2)}: driver ${dTxt} | ${txt.join(' | ')}`);
    rows.push(row);
  }
}
if (sheet) await writeFile(sheet, await labelledGrid(rows, { title: 'driver | base | this at the driver\'s eyeWide peaks (opening over rest, L/R)', cellW: 420, cellH: 140 }));
