// s57 (squint57, issue #14): a driver's squint against ours read back the same way. For chosen frames of a
// video-driven motion (the product's path, motionFramesFromRaw), rendered "before" (DriverFitOptions `--off a,b`
// turned off) and "after" (as this checkout makes it), each render read back by the face mesh: per eye the lower
// lid's rise and the upper lid's fall over the photo's rest render (head frame, lowerLid.ts lidHeights, as shares
// of the rest opening) and the opening over rest (eval/eyes.ts). The driver's frames the same way over its rest
// (eyeRestOf over the clip). Prints a table and a mean over the frames; `--sheet out.png` writes
// driver | before | after, both eyes at 3x. Never asserts.
//   node --import tsx bench/squintRender.ts --photo lp_s5.jpg --video /path/clip.mp4 --frames 32,49,60 --off lowerLidSquintAlone [--sheet x.png]
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { cachedTrack } from './driverTracks.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_DATA } from './sharedData.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { lidHeights, type Lids } from '../src/motion/lowerLid.ts';
import { eyeRestOf } from '../src/motion/restFace.ts';
import { eyeOpenings, cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { fitRig, toCanonical, type Landmarks } from '../src/rig/fit.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import type { RgbaImage } from '../src/types.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const inDir = (f: string, dir: string) => (path.isAbsolute(f) ? f : path.join(SHARED_DATA, dir, f));
const photo = inDir(arg('--photo', 'lp_s5.jpg'), 'portraits'), video = inDir(arg('--video', 'lp_d10.mp4'), 'video');
const picks = arg('--frames', '10,30').split(',').map(Number);
const off = Object.fromEntries(arg('--off', '').split(',').filter(Boolean).map((k) => [k, false]));
const sheet = arg('--sheet', '');

interface Read { lids: [Lids, Lids]; open: [number, number]; lm: Landmarks }
const read = (lm: Landmarks): Read => {
  const e = eyeOpenings(lm);
  return { lids: lidHeights(toCanonical(lm, fitRig(lm, { robust: true }))), open: [e.left, e.right], lm };
};
async function readImg(img: RgbaImage): Promise<Read | null> {
  const g = (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) } as RgbaImage, { embedding: false }))[0];
  return g ? read(g.landmarks as Landmarks) : null;
}
/** [lower lid's rise, upper lid's fall, opening share] per side over `rest`. */
const over = (r: Read, rest: { lids: Lids[]; open: number[] }) => [0, 1].map((s) => {
  const gap = rest.lids[s]!.upper + rest.lids[s]!.lower;
  return [(rest.lids[s]!.lower - r.lids[s]!.lower) / gap, (rest.lids[s]!.upper - r.lids[s]!.upper) / gap, r.open[s]! / rest.open[s]!];
});

const raw = await cachedTrack(video, 25);
const drv = raw.map((x) => (x?.lm ? read(landmarkList(x.lm)) : null));
const ok = drv.filter((d): d is Read => !!d);
const drvRest = {
  lids: [0, 1].map((s) => ({ upper: eyeRestOf(ok.map((d) => d.lids[s]!.upper)), lower: eyeRestOf(ok.map((d) => d.lids[s]!.lower)) })),
  open: [0, 1].map((s) => eyeRestOf(ok.map((d) => d.open[s]!))),
};
const before = motionFramesFromRaw(raw, 25, true, { fit: off }).frames, after = motionFramesFromRaw(raw, 25, true).frames;
const portrait = await cachedPortrait(photo);
const size = portrait.image.width;
const r = createRenderer(buildAvatar(portrait), { width: size, height: size });
const restRead = (await readImg(r.render(r.neutralFrame())))!;
const rest = { lids: restRead.lids, open: restRead.open };

/** both eyes' box from a read's landmarks (brows to under the lower lids), widened */
const eyeBox = (lm: Landmarks, w: number, h: number): [number, number, number, number] => {
  const xs = [70, 300, 33, 263, 111, 340].map((k) => lm[k]!);
  const x0 = Math.min(...xs.map((p) => p[0])), x1 = Math.max(...xs.map((p) => p[0]));
  const cy = (lm[159]![1] + lm[145]![1] + lm[386]![1] + lm[374]![1]) / 4;
  const bw = (x1 - x0) * 1.1, bh = bw * 0.45;
  const left = Math.max(0, Math.round((x0 + x1) / 2 - bw / 2)), top = Math.max(0, Math.round(cy - bh * 0.5));
  return [left, top, Math.min(w - left, Math.round(bw)), Math.min(h - top, Math.round(bh))];
};
const driverImgs = new Map<number, RgbaImage>();
if (sheet) {
  let k = 0;
  for await (const img of decodeVideoFrames(video, { fps: 25, maxSide: 720, maxFrames: Math.max(...picks) + 1 })) { if (picks.includes(k)) driverImgs.set(k, img); k++; }
}
const f2 = (v: number) => (v >= 0 ? ' ' : '') + v.toFixed(2);
const fmt = (v: number[][]) => v.map((s) => `rise ${f2(s[0]!)} fall ${f2(s[1]!)} open ${f2(s[2]!)}`).join(' | ');
console.log(`${path.basename(photo)} <- ${path.basename(video)}  (per eye, subject's L | R, shares of each rest opening; before = --off ${Object.keys(off).join(',') || '(none)'})`);
const sums = { d: [0, 0, 0], b: [0, 0, 0], a: [0, 0, 0], n: 0 };
const rows: GridCell[][] = [];
for (const i of picks) {
  const d = drv[i], fb = before[i], fa = after[i];
  if (!d || !fb || !fa) { console.log(`f${i}: no face`); continue; }
  // (render() overwrites its last image: copies)
  const copy = (img: RgbaImage): RgbaImage => ({ ...img, data: new Uint8ClampedArray(img.data) });
  const ib = copy(r.render(fb)), ia = copy(r.render(fa));
  const ob = await readImg(ib), oa = await readImg(ia);
  let changed = 0;
  for (let k = 0; k < ia.data.length; k++) if (ia.data[k] !== ib.data[k]) changed++;
  const w = (f: typeof fa) => `sq ${f2(f.w.eyeSquintLeft ?? 0)}/${f2(f.w.eyeSquintRight ?? 0)} ch ${f2(f.w.cheekSquintLeft ?? 0)}/${f2(f.w.cheekSquintRight ?? 0)} bl ${f2(f.w.eyeBlinkLeft ?? 0)}/${f2(f.w.eyeBlinkRight ?? 0)}+${f2(f.blink ?? 0)} sm ${f2(f.w.mouthSmileLeft ?? 0)}/${f2(f.w.mouthSmileRight ?? 0)}`;
  const dv = over(d, drvRest);
  console.log(`f${i} driver ${fmt(dv)}   (after vs before: ${changed} bytes differ)`);
  if (ob) console.log(`     before ${fmt(over(ob, rest))}   ${w(fb)}`);
  if (oa) console.log(`     after  ${fmt(over(oa, rest))}   ${w(fa)}`);
  if (ob && oa) {
    sums.n++;
    for (let k = 0; k < 3; k++) { sums.d[k]! += (dv[0]![k]! + dv[1]![k]!) / 2; const vb = over(ob, rest), va = over(oa, rest); sums.b[k]! += (vb[0]![k]! + vb[1]![k]!) / 2; sums.a[k]! += (va[0]![k]! + va[1]![k]!) / 2; }
  }
  if (sheet) {
    const di = driverImgs.get(i)!;
    const box = eyeBox(restRead.lm, size, size);
    rows.push([
      { label: `driver f${i}`, image: cropImage(di, eyeBox(d.lm, di.width, di.height)) },
      { label: 'before', image: cropImage(ib, box) },
      { label: 'after', image: cropImage(ia, box) },
    ]);
  }
}
const m = (v: number[]) => v.map((x) => f2(x / Math.max(1, sums.n))).join(' ');
console.log(`mean over ${sums.n} frames (rise fall open, both eyes): driver ${m(sums.d)} | before ${m(sums.b)} | after ${m(sums.a)}`);
if (sheet && rows.length) {
  const cellW = 420, cellH = 190;
  await writeFile(sheet, await labelledGrid(rows, { title: `${path.basename(photo)} <- ${path.basename(video)}: driver | before | after`, cellW, cellH }));
  console.log(`sheet ${sheet}`);
}
