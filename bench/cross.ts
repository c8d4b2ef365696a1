// Cross-reenactment expression transfer: a photo driven by each driver video (cached tracks,
// bench/driverTracks.ts), scored like `eval --mode cross`: AED (rig) = mean |weight difference|
// over the rig controls between the result (fitted with the photo as neutral) and the driver
// (fitted with its own neutral, estimated over the clip), against the photo repeated (baseline).
// Also sheets driver | result at each driver's expression peaks. Prints a table; never asserts.
//   node --import tsx bench/cross.ts [--photo lp_s42.jpg] [--tag after] [--expressions rig|measures] [--only lp_d0.mp4,...] [--fit-off silhouetteFade,poseCorrection,...] [--fit-on stareOverMedian]
// --mouth-reads: the frames carry the driver's mouth readings as the product's do (teeth share, cavity, row depth...),
// --no-row-depth: all but the row depth (grin33's before). --fit-off: DriverFitOptions (motion/retarget.ts) turned off in the driver retarget, for before/after
// (--no-silhouette-fade = --fit-off silhouetteFade: the pose solve keeps the face oval at any head angle, before round eyes8).
// --expressions measures: the video path's expressions from the face measures alone (the retarget
// before the rig fit), scored by the same rig, for before/after. AED is printed over the original
// 21 controls and over all of them.
import path from 'node:path';
import { SHARED_DATA } from './sharedData.ts';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { withDriverMouthReads } from '../src/motion/driverMouthReads.ts';
import { DRIVER_TEETH_DEPTH } from '../src/rig/mouthBase.ts';
import { landmarkList, type DriverFitOptions } from '../src/motion/retarget.ts';
import { fitRig, estimateNeutral, type Landmarks, type FitOptions } from '../src/rig/fit.ts';
import { removePoseBias } from '../src/rig/poseBias.ts';
import { RIG_CONTROLS, weightsToVector } from '../src/rig/controls.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { coverResize } from '../src/pipeline/layout.ts';
import { eyeRegion, cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack, DRIVERS } from './driverTracks.ts';
import type { RgbaImage } from '../src/types.ts';
import { BENCH_CACHE } from './benchCache.ts';

const DATA = SHARED_DATA;
const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const photo = arg('--photo', 'lp_s42.jpg');
const tag = arg('--tag', 'now');
const expressions = arg('--expressions', 'rig') as 'rig' | 'measures';
const only = process.argv.includes('--only') ? arg('--only', '').split(',') : DRIVERS;
const FPS = 10;
const fitOff = [...(process.argv.includes('--fit-off') ? arg('--fit-off', '').split(',') : []), ...(process.argv.includes('--no-silhouette-fade') ? ['silhouetteFade'] : [])];
const fitOn = process.argv.includes('--fit-on') ? arg('--fit-on', '').split(',') : [];
const fitOptions: DriverFitOptions = Object.fromEntries([...fitOff.map((k) => [k, false]), ...fitOn.map((k) => [k, true])]);
const outDir = arg('--out', path.join(BENCH_CACHE, 'cross'));
await mkdir(outDir, { recursive: true });

const portrait = await cachedPortrait(path.join(DATA, 'portraits', photo));
const avatar = buildAvatar(portrait);
const size = portrait.image.width;
const renderer = createRenderer(avatar, { width: size, height: size });
const photoLm = (await detectFaces(portrait.image, { embedding: false }))[0]!.landmarks as Landmarks;
const dist = (a: Float64Array, b: Float64Array, count: number) => { let s = 0; for (let k = 0; k < count; k++) s += Math.abs(a[k]! - b[k]!); return s / count; };
const ALL = RIG_CONTROLS.length, BASE = 21;
// --pose-corrected: the scorer removes the pose's reading (rig/poseBias.ts) from every fit alike:
// driver, result and photo (never from one side only)
const poseCorrected = process.argv.includes('--pose-corrected');
const vec = (lm: Landmarks, neutral: FitOptions['neutral']) => {
  const fit = fitRig(lm, { neutral });
  return weightsToVector(poseCorrected ? removePoseBias(fit.weights, fit.pose) as typeof fit.weights : fit.weights);
};
const photoW = vec(photoLm, photoLm);

/** The driver frame that shows each expression most (by the driver's own fitted weights). */
const PEAKS: [string, (w: Record<string, number>) => number][] = [
  ['frown', (w) => (w.browDownLeft! + w.browDownRight!) / 2],
  ['brows up', (w) => w.browInnerUp! + (w.browOuterUpLeft! + w.browOuterUpRight!) / 2],
  ['smile', (w) => (w.mouthSmileLeft! + w.mouthSmileRight!) / 2],
  ['pucker', (w) => w.mouthPucker!],
  ['puff', (w) => w.cheekPuff!],
  ['squint', (w) => (w.eyeSquintLeft ?? 0) + (w.eyeSquintRight ?? 0) + 0.5 * Math.min(w.eyeBlinkLeft!, w.eyeBlinkRight!) * (Math.min(w.eyeBlinkLeft!, w.eyeBlinkRight!) < 0.7 ? 1 : 0)],
  ['wink', (w) => Math.abs(w.eyeBlinkLeft! - w.eyeBlinkRight!)],
  ['"O"', (w) => w.mouthFunnel! + 0.3 * w.jawOpen!],
];

console.log(`photo ${photo}, ${tag} (expressions from ${expressions}); AED over the first ${BASE} controls | over all ${ALL}`);
console.log('driver                  frames  AED engine  AED baseline  engine < baseline | engine  baseline');
for (const video of only) {
  const sheetRows: GridCell[][] = [];
  const raw = await cachedTrack(video, FPS);
  const { frames } = motionFramesFromRaw(raw, FPS, true, { expressions, fit: fitOptions });
  // --mouth-reads (grin33): the driver's mouth readings the product's video motion carries (fromVideo.ts); --no-row-depth
  // leaves out the upper row's depth among them (the renderer then draws as before it)
  if (process.argv.includes('--mouth-reads')) withDriverMouthReads(frames, raw);
  if (process.argv.includes('--no-row-depth')) for (const f of frames) delete f.w[DRIVER_TEETH_DEPTH];
  const drvLm = raw.map((r) => (r?.lm ? landmarkList(r.lm) : null));
  const drvNeutral = estimateNeutral(drvLm.filter((l): l is Landmarks => !!l));
  let se = 0, sb = 0, seAll = 0, sbAll = 0, count = 0;
  const perE = new Float64Array(ALL), perB = new Float64Array(ALL);
  const drvW: (Record<string, number> | null)[] = [];
  const gens = new Map<number, Float64Array>();
  for (let i = 0; i < frames.length; i++) {
    const d = drvLm[i];
    if (!d) { drvW.push(null); continue; }
    const dw = vec(d, drvNeutral);
    drvW.push(Object.fromEntries(RIG_CONTROLS.map((c, k) => [c, dw[k]!])));
    const img = renderer.render(frames[i]!);
    const g = (await detectFaces(img, { embedding: false }))[0];
    if (!g) continue;
    const gw = vec(g.landmarks as Landmarks, photoLm);
    gens.set(i, gw);
    for (let k = 0; k < ALL; k++) { perE[k]! += Math.abs(gw[k]! - dw[k]!); perB[k]! += Math.abs(photoW[k]! - dw[k]!); }
    se += dist(gw, dw, BASE); sb += dist(photoW, dw, BASE); seAll += dist(gw, dw, ALL); sbAll += dist(photoW, dw, ALL); count++;
  }
  const e = se / count, b = sb / count;
  console.log(`${video.padEnd(24)}${String(count).padStart(6)}  ${e.toFixed(4).padStart(10)}  ${b.toFixed(4).padStart(12)}  ${(e < b ? 'yes' : 'NO').padEnd(17)} | ${(seAll / count).toFixed(4)}  ${(sbAll / count).toFixed(4)}`);
  if (process.argv.includes('--per-control')) {
    console.log('  per control, mean |result - driver| vs |photo - driver| (worst first):');
    const order = [...RIG_CONTROLS.keys()].sort((a, b) => (perE[b]! - perB[b]!) - (perE[a]! - perB[a]!));
    console.log('  ' + order.map((k) => `${RIG_CONTROLS[k]} ${(perE[k]! / count).toFixed(2)}/${(perB[k]! / count).toFixed(2)}`).join(', '));
  }
  // peaks: driver | result (face crop), each expression once per driver, if it shows at all
  const want = new Map<number, string>();
  for (const [name, score] of PEAKS) {
    let best = -1, bestV = 0.15;
    drvW.forEach((w, i) => { if (w && score(w) > bestV) { bestV = score(w); best = i; } });
    if (best >= 0) want.set(best, want.has(best) ? `${want.get(best)}+${name}` : name);
  }
  const shots = new Map<number, RgbaImage>();
  let i = 0;
  for await (const f of decodeVideoFrames(path.join(DATA, 'video', video), { fps: FPS, maxSide: 512, maxFrames: frames.length })) {
    if (want.has(i)) shots.set(i, f);
    i++;
  }
  for (const [idx, name] of want) {
    const f = shots.get(idx);
    const lm = drvLm[idx];
    if (!f || !lm) continue;
    const xs = lm.map((p) => p[0]), ys = lm.map((p) => p[1]);
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2;
    const side = Math.min(f.width, f.height, Math.round(1.3 * Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys))));
    const x0 = Math.max(0, Math.min(f.width - side, Math.round(cx - side / 2))), y0 = Math.max(0, Math.min(f.height - side, Math.round(cy - side / 2)));
    const drvFace = cropImage(f, [x0, y0, side, side]);
    const img = renderer.render(frames[idx]!);
    const res = { ...img, data: new Uint8ClampedArray(img.data) };
    const box = eyeRegion(photoLm, size, size);
    const ew = drvLm[idx]!;
    const drvEyes = cropImage(f, eyeRegion(ew, f.width, f.height));
    sheetRows.push([
      { label: `${video} t=${(idx / FPS).toFixed(1)}s ${name}`, image: coverResize(drvFace, 256, 256) },
      { label: `result (${tag})`, image: cropImage(res, faceBox(photoLm, size)) },
      { label: 'driver eyes', image: drvEyes },
      { label: 'result eyes (3x)', image: cropImage(res, box) },
    ]);
  }
  if (sheetRows.length) {
    const png = await labelledGrid(sheetRows, { title: `${photo} driven by ${video} (${tag}): driver | result at the driver's expression peaks, eyes zoomed`, cellW: 260, cellH: 200 });
    const file = path.join(outDir, `peaks-${path.parse(video).name}-${path.parse(photo).name}-${tag}.png`);
    await writeFile(file + '.tmp', png);
    await rename(file + '.tmp', file);
    console.log(`  sheet ${file}`);
  }
}
function faceBox(lm: Landmarks, size: number): [number, number, number, number] {
  const xs = lm.map((p) => p[0]), ys = lm.map((p) => p[1]);
  const side = Math.min(size, Math.round(1.3 * Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys))));
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  return [Math.max(0, Math.min(size - side, Math.round(cx - side / 2))), Math.max(0, Math.min(size - side, Math.round(cy - side / 2))), side, side];
}
