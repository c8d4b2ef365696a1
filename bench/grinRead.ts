// A cross-reenactment's mouth against its driver's, frame by frame (issue #13, grin30): the driver's lip gap, mouth
// width (over its frame 0) and corner lift (the lower corners over the lips' middle, IOD, measures.ts) from its track,
// ours read back by the face mesh on each --root checkout's render, with the motion's smile / stretch / dimple / jaw /
// pucker weights. Summary per root: our gap p90 over the driver's, width p90 over frame 0 (ours and the driver's),
// the corner lift's p90 over frame 0, the upper row's depth (motion/teethDepth.ts) ours over the driver's. --sheet OUT: driver | root... mouths 3x at --frames. --fit-on a,b: DriverFitOptions
// turned on in every root's motion (a root without them ignores them). Since grin33 every root's frames carry the driver's
// mouth readings (teeth share, cavity, under-row light, row depth) as the product's do (motion/driverMouthReads.ts). Never asserts.
//   node --import tsx bench/grinRead.ts --photo lp_s9.jpg --video lp_d11.mp4 [--upto 200] [--step 2] [--root /tmp/base,.] [--frames 58,98,128 --sheet x.jpg]
import path from 'node:path';
import sharp from 'sharp';
import { faceMeasures, type FaceMeasures } from '../src/motion/measures.ts';
import type { Landmarks } from '../src/rig/fit.ts';
import type { RgbaImage } from '../src/types.ts';
import { detectFaces } from '../src/face/detect.ts';
import { teethShare } from '../src/motion/mouthDark.ts';
import { upperRowDepth } from '../src/motion/teethDepth.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';
import { driverMouthShots, mouthBox, mouthTile, rendererOfRoot, strip, stack } from './mouthTiles.ts';
import { withDriverMouthReads } from '../src/motion/driverMouthReads.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const photo = arg('--photo', 'lp_s9.jpg'), video = arg('--video', 'lp_d11.mp4');
const upto = Number(arg('--upto', '200')), step = Number(arg('--step', '2'));
const roots = arg('--root', '.').split(',').map((r) => path.resolve(r));
const picked = arg('--frames', '').split(',').filter(Boolean).map(Number);
const sheet = arg('--sheet', '');
const fitOn = Object.fromEntries(arg('--fit-on', '').split(',').filter(Boolean).map((k) => [k, true]));
const FPS = Number(arg('--fps', '25'));
const raw = (await cachedTrack(video, FPS)).slice(0, upto);
const portrait = await cachedPortrait(path.join(SHARED_DATA, 'portraits', photo));
const size = portrait.image.width;
const p90 = (v: number[]) => { const s = v.filter(Number.isFinite).sort((a, b) => a - b); return s[Math.floor(0.9 * (s.length - 1))] ?? NaN; };
// (a painting's yellow teeth fail the tracker's saturation test, lp_s9 read 0: our row's depth by light alone, brighter than the lips)
const brighterThanLips = (r: number, g: number, b: number, lipLight: number) => 0.299 * r + 0.587 * g + 0.114 * b > 1.15 * lipLight;
const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };
const lift = (m: FaceMeasures) => (m.cornerLiftLeft + m.cornerLiftRight) / 2;
const read = async (img: RgbaImage) => {
  const f = (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) } as RgbaImage, { embedding: false }))[0];
  if (!f) return null;
  const flat = (f.landmarks as number[][]).flat();
  // (grin33: the same teeth readings the driver's track carries, on our render: teeth share, upper row depth)
  return { m: faceMeasures(f.landmarks as Landmarks), lm: f.landmarks as number[][], teeth: teethShare(img, flat), depth: upperRowDepth(img, flat), lit: upperRowDepth(img, flat, brighterThanLips) };
};
const frameIdx = [...new Set([...Array.from({ length: Math.ceil(raw.length / step) }, (_, k) => k * step), ...picked])].sort((a, b) => a - b);
const f2 = (v: number) => v.toFixed(2);
const drv = raw.map((r) => r?.m ?? null);
const d0 = drv[0]!;
const tiles = new Map<string, Buffer>();
const TILE = 3;
for (const root of roots) {
  const { motionFramesFromRaw } = await import(path.join(root, 'src/motion/framesFromRaw.ts'));
  const frames = motionFramesFromRaw(raw, FPS, true, { fit: fitOn }).frames as { w: Record<string, number>; mouthDark?: number }[];
  // (the driver's mouth readings the product's video motion carries, fromVideo.ts: before grin33 this bench drew without them)
  withDriverMouthReads(frames, raw);
  const r = await rendererOfRoot(root, portrait, size);
  const rest = await read(r.render(r.neutralFrame()));
  const f0 = await read(r.render(frames[0] as never));
  const gaps: [number, number][] = [], widths: [number, number][] = [], lifts: [number, number][] = [], depths: [number, number][] = [], litDepths: [number, number][] = [];
  console.log(`\n${path.basename(root)}: frame | driver gap width/f0 lift-f0 | ours gap width/f0 lift-f0 | smile stretch dimple jaw pucker funnel`);
  for (const i of frameIdx) {
    const d = drv[i], f = frames[i];
    if (!d || !f) continue;
    const img = r.render(f as never);
    const o = await read(img);
    if (!o || !f0) continue;
    gaps.push([d.lipGap, o.m.lipGap]);
    widths.push([d.mouthWidth / d0.mouthWidth, o.m.mouthWidth / f0.m.mouthWidth]);
    lifts.push([lift(d) - lift(d0), lift(o.m) - lift(f0.m)]);
    const dd = raw[i]?.teethDepth;
    if (typeof dd === 'number' && typeof o.depth === 'number' && (raw[i]?.teethShare ?? 0) > 0.05) depths.push([dd, o.depth]);
    if (typeof dd === 'number' && typeof o.lit === 'number' && (raw[i]?.teethShare ?? 0) > 0.05) litDepths.push([dd, o.lit]);
    const w = (c: string) => ((f.w[`${c}Left`] ?? 0) + (f.w[`${c}Right`] ?? 0)) / 2;
    if (picked.includes(i) || !picked.length) console.log(`f${i} | ${f2(d.lipGap)} ${f2(d.mouthWidth / d0.mouthWidth)} ${f2(lift(d) - lift(d0))} | ${f2(o.m.lipGap)} ${f2(o.m.mouthWidth / f0.m.mouthWidth)} ${f2(lift(o.m) - lift(f0.m))} | ${f2(w('mouthSmile'))} ${f2(w('mouthStretch'))} ${f2(w('mouthDimple'))} ${f2(f.w.jawOpen ?? 0)} ${f2(f.w.mouthPucker ?? 0)} ${f2(f.w.mouthFunnel ?? 0)} | teeth share / row depth driver ${f2(raw[i]?.teethShare ?? NaN)} / ${f2(raw[i]?.teethDepth ?? NaN)} ours ${f2(o.teeth ?? NaN)} / ${f2(o.depth ?? NaN)} lit ${f2(o.lit ?? NaN)}`);
    if (picked.includes(i) && sheet && rest) tiles.set(`${root}:${i}`, await mouthTile(img.data, size, mouthBox(rest.lm, 2, 0.5), TILE));
  }
  const ratio = p90(gaps.map((g) => g[1])) / p90(gaps.map((g) => g[0]));
  console.log(`${path.basename(root)} ${photo} <- ${video}: gap p90 ours/driver ${f2(ratio)} (${f2(p90(gaps.map((g) => g[1])))} / ${f2(p90(gaps.map((g) => g[0])))}) | width p90/f0 ours ${f2(p90(widths.map((g) => g[1])))} driver ${f2(p90(widths.map((g) => g[0])))} | lift p90-f0 ours ${f2(p90(lifts.map((g) => g[1])))} driver ${f2(p90(lifts.map((g) => g[0])))} | row depth over the driver's (frames with teeth, median) ${f2(median(depths.map((g) => g[1] - g[0])))} (${depths.length} frames), by light ${f2(median(litDepths.map((g) => g[1] - g[0])))} (${litDepths.length})`);
}
if (sheet && picked.length) {
  // driver mouths from the video, boxed on the driver's own landmarks
  const shots = await driverMouthShots(path.join(SHARED_DATA, 'video', video), FPS, picked, async (fr) => (await read(fr))?.lm);
  const out: Buffer[] = [];
  let side = 0;
  for (const i of picked) for (const root of roots) side = Math.max(side, (await sharp(tiles.get(`${root}:${i}`)!).metadata()).width ?? 0);
  for (const i of picked) {
    const cells = [shots.get(i), ...roots.map((root) => tiles.get(`${root}:${i}`))].filter((b): b is Buffer => !!b);
    out.push(await strip(await Promise.all(cells.map((b) => sharp(b).resize(side, side).png().toBuffer())), side));
  }
  await stack(out, side * (roots.length + 1), side, sheet.replace(/\.jpg$/, '.png'));
  if (sheet.endsWith('.jpg')) await sharp(sheet.replace(/\.jpg$/, '.png')).jpeg({ quality: 85 }).toFile(sheet);
  console.log(`sheet ${sheet}: rows ${picked.join(',')}, columns driver | ${roots.map((r) => path.basename(r)).join(' | ')}`);
}
