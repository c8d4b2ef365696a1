// Half-shut driver lids, read back per stage: per driver clip (25 fps track, cached), at the frames
// the critic calls half-shut (both eyes' mean opening 0.25-0.7 of the clip's median), the driver's
// share | the blink weight its opening maps to (restFace.ts blinkFromOpening, unsmoothed) | the
// motion's folded weight (after smoothing, pairing) | the rendered frame read back by the face mesh as
// a share of our own median opening (every 10th frame rendered for that median). Also the mean at the
// driver's blinks (an eye under 0.25) and open frames. The photo is the clip's frame 0 (self-reenactment)
// or --photo. Never asserts.
//   node --import tsx bench/lidReadBack.ts [--photo lp_s42.jpg] [--seconds 12] [--base /work/main] video.mp4 ...
import path from 'node:path';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { trackVideo, type RawFaceFrame } from '../src/motion/fromVideo.ts';
import { percentile, estimateRest, blinkFromOpening, foldBlink } from '../src/motion/restFace.ts';
import { cachedPortrait } from './portraitCache.ts';
import { detectFaces } from '../src/face/detect.ts';
import { eyeOpenings } from '../src/eval/eyes.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';

const CACHE = process.env.REAL3D_CACHE ?? '/work/cache/eyes';
const DATA = path.resolve(import.meta.dirname, '..', '..', 'shared', 'data');
const args = process.argv.slice(2);
const take = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const photoArg = take('--photo'), base = take('--base');
const seconds = Number(take('--seconds') ?? '12');
const SIZE = 512, FPS = 25;

async function track(video: string): Promise<(RawFaceFrame | null)[]> {
  const file = path.join(CACHE, 'tracks', `${path.basename(video)}.25fps.json`);
  const revive = (list: any[]) => list.map((r) => r && { ...r, lm: r.lm ? Float32Array.from((r.lm as number[][]).flat()) : undefined }) as (RawFaceFrame | null)[];
  if (existsSync(file)) return revive(JSON.parse(await readFile(file, 'utf8')));
  const raw = await trackVideo(video, { fps: FPS, maxSide: 720 });
  const round = (v: number) => Math.round(v * 100) / 100;
  const slim = raw.map((r) => r && { ...r, lm: r.lm ? Array.from({ length: r.lm.length / 3 }, (_, i) => [round(r.lm![i * 3]!), round(r.lm![i * 3 + 1]!), round(r.lm![i * 3 + 2]!)]) : undefined });
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file + '.tmp', JSON.stringify(slim));
  await rename(file + '.tmp', file);
  return revive(slim);
}

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

async function readBack(img: RgbaImage): Promise<number | undefined> {
  const f = (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) }, { embedding: false }))[0];
  if (!f) return undefined;
  const e = eyeOpenings(f.landmarks);
  return (e.left + e.right) / 2;
}

const f2 = (x: number) => x.toFixed(2);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const roots = [...(base ? [['before', base]] : []), [base ? 'after' : 'now', path.resolve(import.meta.dirname, '..')]] as [string, string][];

for (const arg of args) {
  const video = existsSync(arg) ? arg : path.join(DATA, 'video', arg);
  const raw = (await track(video)).slice(0, seconds * FPS);
  const photo = photoArg ? path.join(DATA, 'portraits', photoArg) : firstFrame(video);
  const have = raw.map((r, i) => (r ? i : -1)).filter((i) => i >= 0);
  const med = [0, 1].map((s) => percentile(have.map((i) => (s ? raw[i]!.m.eyeRight : raw[i]!.m.eyeLeft)), 50));
  const share = (i: number) => (raw[i]!.m.eyeLeft / med[0]! + raw[i]!.m.eyeRight / med[1]!) / 2;
  const half = have.filter((i) => share(i) > 0.25 && share(i) < 0.7);
  const shut = have.filter((i) => share(i) <= 0.25);
  const rest = estimateRest(have.map((i) => raw[i]!.m));
  const mapped = (i: number) => (blinkFromOpening(raw[i]!.m.eyeLeft / rest.eyeLeft) + blinkFromOpening(raw[i]!.m.eyeRight / rest.eyeRight)) / 2;
  console.log(`${path.basename(video)} (${seconds} s) photo ${path.basename(photo)}: ${half.length} half-shut frames, driver ${f2(mean(half.map(share)))} of median, mapped weight ${f2(mean(half.map(mapped)))}; ${shut.length} shut frames`);
  for (const [label, root] of roots) {
    const c = await checkout(root, photo);
    const frames = c.frames(raw);
    const folded = (i: number) => (foldBlink(frames[i]!.blink ?? 0, frames[i]!.w.eyeBlinkLeft ?? 0) + foldBlink(frames[i]!.blink ?? 0, frames[i]!.w.eyeBlinkRight ?? 0)) / 2;
    const sample = have.filter((i) => i % 10 === 0);
    const ours = new Map<number, number>();
    for (const i of [...new Set([...sample, ...half, ...shut])]) { const o = await readBack(c.render(frames[i]!)); if (o !== undefined) ours.set(i, o); }
    const ourMed = percentile(sample.filter((i) => ours.has(i)).map((i) => ours.get(i)!), 50);
    const shown = (xs: number[]) => mean(xs.filter((i) => ours.has(i)).map((i) => ours.get(i)! / ourMed));
    console.log(`  ${label}: half-shut weight ${f2(mean(half.map(folded)))} reads ${f2(shown(half))} of our median [driver ${f2(mean(half.map(share)))}]; shut frames weight ${f2(mean(shut.map(folded)))} reads ${f2(shown(shut))} [driver ${f2(mean(shut.map(share)))}]; sampled frames ${f2(shown(sample))}`);
    for (const i of half.slice(0, 12)) console.log(`    f${i}: driver ${f2(share(i))} mapped ${f2(mapped(i))} folded ${f2(folded(i))} reads ${ours.has(i) ? f2(ours.get(i)! / ourMed) : '--'}`);
  }
}
