// Which of a cross pair's mouth weights makes a grin (issue #13/#14, grin33): chosen frames of a video-driven motion
// rendered as they are and with one lever taken back each: the smile's rise over the driver's start (noRise), the
// stretch (noStretch), the dimple (noDimple), both, all three; each read back by the face mesh (width over frame 0,
// corner lift over frame 0, gap) beside the driver's own, with the frame's smile / stretch / dimple / jaw and the
// driver's start stretch / dimple. --sheet OUT: driver | variant... mouths 3x. --root a checkout (default .). Never asserts.
//   node --import tsx bench/grinLevers.ts --photo lp_s9.jpg --video lp_d11.mp4 --frames 58,98,128,168,170 [--sheet x.jpg]
import path from 'node:path';
import sharp from 'sharp';
import { faceMeasures, type FaceMeasures } from '../src/motion/measures.ts';
import type { Landmarks } from '../src/rig/fit.ts';
import type { RgbaImage } from '../src/types.ts';
import { detectFaces } from '../src/face/detect.ts';
import { teethShare } from '../src/motion/mouthDark.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';
import { withDriverMouthReads } from '../src/motion/driverMouthReads.ts';
import { driverMouthShots, mouthBox, mouthTile, rendererOfRoot, strip, stack } from './mouthTiles.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const photo = arg('--photo', 'lp_s9.jpg'), video = arg('--video', 'lp_d11.mp4');
const root = path.resolve(arg('--root', '.'));
const picked = arg('--frames', '58,98,128,168,170').split(',').filter(Boolean).map(Number);
const sheet = arg('--sheet', '');
const fitOn = Object.fromEntries(arg('--fit-on', '').split(',').filter(Boolean).map((k) => [k, true]));
const FPS = 25;
const raw = (await cachedTrack(video, FPS)).slice(0, Math.max(...picked) + 1);
const portrait = await cachedPortrait(path.join(SHARED_DATA, 'portraits', photo));
const size = portrait.image.width;
const lift = (m: FaceMeasures) => (m.cornerLiftLeft + m.cornerLiftRight) / 2;
const read = async (img: RgbaImage) => {
  const f = (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) } as RgbaImage, { embedding: false }))[0];
  return f ? { m: faceMeasures(f.landmarks as Landmarks), lm: f.landmarks as number[][], teeth: teethShare(img, (f.landmarks as number[][]).flat()) ?? 0 } : null;
};
const f2 = (v: number) => v.toFixed(2);
type W = Record<string, number>;
const sides = (w: W, c: string) => ['Left', 'Right'].map((s) => `${c}${s}`);
const zero = (c: string) => (w: W) => { for (const k of sides(w, c)) w[k] = 0; };
const atStart = (w: W, start: W) => { for (const [k, s] of [['mouthSmileLeft', 'smileAtStartLeft'], ['mouthSmileRight', 'smileAtStartRight']] as const) w[k] = Math.min(w[k] ?? 0, start[s] ?? w[s] ?? 0); };
const { motionFramesFromRaw } = await import(path.join(root, 'src/motion/framesFromRaw.ts'));
const frames = motionFramesFromRaw(raw, FPS, true, { fit: fitOn }).frames as { w: W; mouthDark?: number }[];
withDriverMouthReads(frames, raw);
const start = frames[0]!.w;
const chosen = arg('--variants', '').split(',').filter(Boolean);
const allVariants: [string, (w: W) => void][] = [
  ['as is', () => {}],
  ['noRise', (w) => atStart(w, w)],
  ['noStretch', zero('mouthStretch')],
  ['noDimple', zero('mouthDimple')],
  ['noStretchDimple', (w) => { zero('mouthStretch')(w); zero('mouthDimple')(w); }],
  ['noAll3', (w) => { atStart(w, w); zero('mouthStretch')(w); zero('mouthDimple')(w); }],
  // the teeth levers: the upper row cut to the driver's teeth share over a dark band (driverUnder 0), or to half that share
  ['rowToShare', (w) => { w.driverUnder = 0; }],
  ['rowHalfShare', (w) => { w.driverUnder = 0; w.driverTeeth = (w.driverTeeth ?? 0) / 2; }],
];
const variants = chosen.length ? allVariants.filter(([n]) => n === 'as is' || chosen.includes(n)) : allVariants;
const mean = (w: W, c: string) => ((w[`${c}Left`] ?? 0) + (w[`${c}Right`] ?? 0)) / 2;
console.log(`${photo} <- ${video}: start smile ${f2(mean(start, 'mouthSmile'))} stretch ${f2(mean(start, 'mouthStretch'))} dimple ${f2(mean(start, 'mouthDimple'))} (corner lift ${f2(start.startCornerLift ?? NaN)})`);
const r = await rendererOfRoot(root, portrait, size);
const rest = await read(r.render(r.neutralFrame()));
const f0 = await read(r.render(frames[0] as never));
const drv = raw.map((x) => x?.m ?? null);
const d0 = drv[0]!;
const tiles = new Map<string, Buffer>();
for (const i of picked) {
  const f = frames[i]!, d = drv[i]!;
  console.log(`f${i} driver gap ${f2(d.lipGap)} width/f0 ${f2(d.mouthWidth / d0.mouthWidth)} lift-f0 ${f2(lift(d) - lift(d0))} teeth ${f2(raw[i]?.teethShare ?? 0)} | w smile ${f2(mean(f.w, 'mouthSmile'))} stretch ${f2(mean(f.w, 'mouthStretch'))} dimple ${f2(mean(f.w, 'mouthDimple'))} jaw ${f2(f.w.jawOpen ?? 0)} funnel ${f2(f.w.mouthFunnel ?? 0)} pucker ${f2(f.w.mouthPucker ?? 0)} | teeth ${f2(f.w.driverTeeth ?? NaN)} under ${f2(f.w.driverUnder ?? NaN)} cavity ${f2(f.w.driverCavity ?? NaN)} dark ${f2((f as { mouthDark?: number }).mouthDark ?? NaN)}`);
  for (const [name, change] of variants) {
    const w = { ...f.w };
    change(w);
    const img = r.render({ ...f, w } as never);
    const o = await read(img);
    if (!o || !f0) continue;
    console.log(`   ${name.padEnd(16)} gap ${f2(o.m.lipGap)} width/f0 ${f2(o.m.mouthWidth / f0.m.mouthWidth)} lift-f0 ${f2(lift(o.m) - lift(f0.m))} teeth ${f2(o.teeth)}`);
    if (sheet && rest) tiles.set(`${name}:${i}`, await mouthTile(img.data, size, mouthBox(rest.lm, 2, 0.5), 3));
  }
}
if (sheet) {
  const shots = await driverMouthShots(path.join(SHARED_DATA, 'video', video), FPS, picked, async (fr) => (await read(fr))?.lm);
  const side = 240;
  const out: Buffer[] = [];
  for (const i of picked) {
    const cells = [shots.get(i), ...variants.map(([n]) => tiles.get(`${n}:${i}`))].filter((b): b is Buffer => !!b);
    out.push(await strip(await Promise.all(cells.map((b) => sharp(b).resize(side, side).png().toBuffer())), side));
  }
  await stack(out, side * (variants.length + 1), side, sheet.replace(/\.jpg$/, '.png'));
  if (sheet.endsWith('.jpg')) await sharp(sheet.replace(/\.jpg$/, '.png')).jpeg({ quality: 85 }).toFile(sheet);
  console.log(`sheet ${sheet}: columns driver | ${variants.map(([n]) => n).join(' | ')}`);
}
