// Half-shut driver lids, read back per stage: per driver clip (25 fps track, cached), at the frames
// the critic calls half-shut (both eyes' mean opening 0.25-0.7 of the clip's median), the driver's
// share | the blink weight its opening maps to (restFace.ts blinkFromOpening, unsmoothed) | the
// motion's folded weight (after smoothing, pairing) | the rendered frame read back by the face mesh as
// a share of our own median opening (every 10th frame rendered for that median). Also the mean at the
// driver's blinks (an eye under 0.25) and open frames. The photo is the clip's frame 0 (self-reenactment)
// or --photo. --sheet out.png: driver | each checkout, both eyes, at 4 half-shut frames and the deepest
// shut one of the first clip. --base: another checkout sharing this one's node_modules (a git archive
// with node_modules symlinked here; /work/main's own copy loads a second face runtime). Never asserts.
//   node --import tsx bench/lidReadBack.ts [--photo lp_s42.jpg] [--seconds 12] [--base dir] [--sheet out.png] video.mp4 ...
import path from 'node:path';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import type { RawFaceFrame } from '../src/motion/fromVideo.ts';
import { cachedTrack } from './driverTracks.ts';
import { percentile, estimateRest, blinkFromOpening, foldBlink } from '../src/motion/restFace.ts';
import { cachedPortrait } from './portraitCache.ts';
import { detectFaces } from '../src/face/detect.ts';
import { cropImage, eyeOpenings, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { BENCH_CACHE } from './benchCache.ts';
import { SHARED_DATA } from './sharedData.ts';

const CACHE = BENCH_CACHE;
const DATA = SHARED_DATA;
const args = process.argv.slice(2);
const take = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const photoArg = take('--photo'), base = take('--base'), sheet = take('--sheet');
const seconds = Number(take('--seconds') ?? '12');
const SIZE = 512, FPS = 25;

/** The clip's frame 0 as a PNG in the cache (the self-reenactment photo). */
function firstFrame(video: string): string {
  const out = path.join(CACHE, 'frames', `${path.basename(video)}.f0.png`);
  if (!existsSync(out)) {
    execFileSync('mkdir', ['-p', path.dirname(out)]);
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', video, '-frames:v', '1', out]);
  }
  return out;
}

type Render = (f: MotionFrame) => RgbaImage;
async function checkout(root: string, photo: string): Promise<{ render: Render; frames: (raw: (RawFaceFrame | null)[]) => MotionFrame[] }> {
  const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
  const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
  const { motionFramesFromRaw } = await import(path.join(root, 'src/motion/framesFromRaw.ts'));
  const portrait = await cachedPortrait(photo);
  const r = createRenderer(buildAvatar(portrait), { width: SIZE, height: SIZE });
  return { render: (f) => r.render(f), frames: (raw) => motionFramesFromRaw(raw, FPS, true).frames };
}

type Lm = ArrayLike<ArrayLike<number>>;
async function readBack(img: RgbaImage): Promise<{ open: number; lm: Lm } | undefined> {
  const f = (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) }, { embedding: false }))[0];
  if (!f) return undefined;
  const e = eyeOpenings(f.landmarks);
  return { open: (e.left + e.right) / 2, lm: f.landmarks };
}

/** Both eyes' box (corner to corner plus 0.25 of it each side, 0.4 of it tall). */
function eyesBox(lm: Lm, img: RgbaImage): [number, number, number, number] {
  const w = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const cx = (lm[263]![0]! + lm[33]![0]!) / 2, cy = (lm[263]![1]! + lm[33]![1]!) / 2;
  const x = Math.max(0, Math.round(cx - 0.75 * w)), y = Math.max(0, Math.round(cy - 0.22 * w));
  return [x, y, Math.min(img.width - x, Math.round(1.5 * w)), Math.min(img.height - y, Math.round(0.44 * w))];
}
const rows: GridCell[][] = [];

const f2 = (x: number) => x.toFixed(2);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const roots = [...(base ? [['before', base]] : []), [base ? 'after' : 'now', path.resolve(import.meta.dirname, '..')]] as [string, string][];

for (const arg of args) {
  const video = existsSync(arg) ? arg : path.join(DATA, 'video', arg);
  const raw = (await cachedTrack(video, FPS)).slice(0, seconds * FPS);
  const photo = photoArg ? path.join(DATA, 'portraits', photoArg) : firstFrame(video);
  const have = raw.map((r, i) => (r ? i : -1)).filter((i) => i >= 0);
  const med = [0, 1].map((s) => percentile(have.map((i) => (s ? raw[i]!.m.eyeRight : raw[i]!.m.eyeLeft)), 50));
  const share = (i: number) => (raw[i]!.m.eyeLeft / med[0]! + raw[i]!.m.eyeRight / med[1]!) / 2;
  const half = have.filter((i) => share(i) > 0.25 && share(i) < 0.7);
  const shut = have.filter((i) => share(i) <= 0.25);
  // the sheet's frames: 4 half-shut ones spread over the clip and the deepest shut one
  const deepest = shut.slice().sort((a, b) => share(a) - share(b))[0];
  const picks = sheet && !rows.length ? [...[0, 1, 2, 3].map((q) => half[Math.floor((q * half.length) / 4)]!).filter((i) => i !== undefined), ...(deepest !== undefined ? [deepest] : [])] : [];
  const sheetRows = new Map<number, GridCell[]>();
  if (picks.length) {
    let k = 0;
    for await (const img of decodeVideoFrames(video, { fps: FPS, maxSide: 720, maxFrames: Math.max(...picks) + 1 })) {
      const lm = raw[k]?.lm;
      if (picks.includes(k) && lm) {
        const pts = Array.from({ length: lm.length / 3 }, (_, j) => [lm[j * 3]!, lm[j * 3 + 1]!]);
        sheetRows.set(k, [{ label: `driver f${k}: ${f2(share(k))} of median`, image: cropImage(img, eyesBox(pts, img)) }]);
      }
      k++;
    }
  }
  const rest = estimateRest(have.map((i) => raw[i]!.m));
  const mapped = (i: number) => (blinkFromOpening(raw[i]!.m.eyeLeft / rest.eyeLeft) + blinkFromOpening(raw[i]!.m.eyeRight / rest.eyeRight)) / 2;
  console.log(`${path.basename(video)} (${seconds} s) photo ${path.basename(photo)}: ${half.length} half-shut frames, driver ${f2(mean(half.map(share)))} of median, mapped weight ${f2(mean(half.map(mapped)))}; ${shut.length} shut frames`);
  for (const [label, root] of roots) {
    const c = await checkout(root, photo);
    const frames = c.frames(raw);
    const folded = (i: number) => (foldBlink(frames[i]!.blink ?? 0, frames[i]!.w.eyeBlinkLeft ?? 0) + foldBlink(frames[i]!.blink ?? 0, frames[i]!.w.eyeBlinkRight ?? 0)) / 2;
    const sample = have.filter((i) => i % 10 === 0);
    const ours = new Map<number, number>(), crops = new Map<number, RgbaImage>();
    for (const i of [...new Set([...sample, ...half, ...shut])]) {
      const img = c.render(frames[i]!), o = await readBack(img);
      if (!o) continue;
      ours.set(i, o.open);
      if (picks.includes(i)) crops.set(i, cropImage(img, eyesBox(o.lm, img)));
    }
    const ourMed = percentile(sample.filter((i) => ours.has(i)).map((i) => ours.get(i)!), 50);
    const shown = (xs: number[]) => mean(xs.filter((i) => ours.has(i)).map((i) => ours.get(i)! / ourMed));
    console.log(`  ${label}: half-shut weight ${f2(mean(half.map(folded)))} reads ${f2(shown(half))} of our median [driver ${f2(mean(half.map(share)))}]; shut frames weight ${f2(mean(shut.map(folded)))} reads ${f2(shown(shut))} [driver ${f2(mean(shut.map(share)))}]; sampled frames ${f2(shown(sample))}`);
    for (const i of picks) if (crops.has(i)) sheetRows.get(i)?.push({ label: `${label}: weight ${f2(folded(i))}, reads ${f2(ours.get(i)! / ourMed)}`, image: crops.get(i)! });
    for (const i of half.slice(0, 12)) console.log(`    f${i}: driver ${f2(share(i))} mapped ${f2(mapped(i))} folded ${f2(folded(i))} reads ${ours.has(i) ? f2(ours.get(i)! / ourMed) : '--'}`);
  }
  rows.push(...sheetRows.values());
}
if (sheet && rows.length) {
  await writeFile(sheet, await labelledGrid(rows, { title: `half-shut driver lids: driver | ${roots.map(([l]) => l).join(' | ')} (both eyes; reads = face-mesh opening / our median)`, cellW: 360, cellH: 110 }));
  console.log('sheet:', sheet);
}
