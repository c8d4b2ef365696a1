// A happy driver on a photo, read back (issue #14, happy17): chosen frames of a video-driven motion
// rendered in full and with one part taken back to the photo's (the squints, the blink, the inner
// brow raise, every brow control, the sneer, the gaze, the smile), each read back by the face mesh: both eyes' opening
// over the photo's rest render's, both brows' height over the eye corners (head frame, browDrop.ts)
// minus the rest render's, the mouth width, the upper lip's height under the nose minus the rest's (s18); and the driver's own eyes / brows against its rest.
// Writes 3x eye crops of the full renders with --crops DIR (for sheets). Prints a table; never asserts.
//   node --import tsx bench/happyRead.ts --photo st_art_1.png --video lp_d0.mp4 --frames 10,32,46 [--crops /tmp/x] [--every 4] [--fit-off oneSidedBrows] [--all-weights]
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import sharp from 'sharp';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { motionFramesFromRaw, type RawFaceFrame } from '../src/motion/fromVideo.ts';
import { cachedTrack } from './driverTracks.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { browHeights } from '../src/motion/browDrop.ts';
import { eyeOpenings } from '../src/eval/eyes.ts';
import { fitRig, toCanonical, type Landmarks } from '../src/rig/fit.ts';
import { cachedPortrait } from './portraitCache.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const inDir = (f: string, dir: string) => (path.isAbsolute(f) ? f : path.join(DATA, dir, f));
const photo = inDir(arg('--photo', 'st_art_1.png'), 'portraits'), video = inDir(arg('--video', 'lp_d0.mp4'), 'video');
const picks = arg('--frames', '10,32,46').split(',').map(Number);
const crops = arg('--crops', '');
/** --crop-variants: a crop of every variant, not only the full frame */
const cropVariants = process.argv.includes('--crop-variants');
/** --every k: also render every k-th frame and print how ours follows the driver (Pearson r of brows L-R, both brows, each eye). */
const every = Number(arg('--every', '0'));
/** --full-only: no variants, the full frame alone */
const fullOnly = process.argv.includes('--full-only');
/** --fit-off a,b: DriverFitOptions turned off (motion/retargetOptions.ts), for before/after */
const fitOff = Object.fromEntries(arg('--fit-off', '').split(',').filter(Boolean).map((k) => [k, false]));
const FPS = 25;

/** The driver's raw track at 25 fps, its first 8 s (driverTracks.ts's cache: it kept an 8 s track under the full track's name). */
async function track(): Promise<(RawFaceFrame | null)[]> {
  return (await cachedTrack(video, FPS)).slice(0, 8 * FPS);
}

/** lip: the upper lip's top (lm 0) to the nose base (lm 2) over the eyes' distance: smaller = the upper lip raised (a snarl lifts it off the teeth) */
interface Read { gap: number; eyes: [number, number]; brows: [number, number]; width: number; lip: number; lm: Landmarks }
function readLandmarks(lm: Landmarks): Read {
  const e = eyeOpenings(lm);
  const iod = Math.hypot(lm[33]![0] - lm[263]![0], lm[33]![1] - lm[263]![1]);
  return { gap: Math.hypot(lm[13]![0] - lm[14]![0], lm[13]![1] - lm[14]![1]) / iod, eyes: [e.left, e.right], brows: browHeights(toCanonical(lm, fitRig(lm, { robust: true }))), width: Math.hypot(lm[61]![0] - lm[291]![0], lm[61]![1] - lm[291]![1]) / iod, lip: Math.hypot(lm[0]![0] - lm[2]![0], lm[0]![1] - lm[2]![1]) / iod, lm };
}

const portrait = await cachedPortrait(photo);
const size = portrait.image.width;
const r = createRenderer(buildAvatar(portrait), { width: size, height: size });
const n = r.neutralFrame();
async function readImg(img: RgbaImage): Promise<Read | null> {
  const g = (await detectFaces({ ...img, data: new Uint8ClampedArray(img.data) } as RgbaImage, { embedding: false }))[0];
  return g ? readLandmarks(g.landmarks as Landmarks) : null;
}
const rest = (await readImg(r.render(n)))!;
const raw = await track();
const { frames } = motionFramesFromRaw(raw, FPS, true, { fit: fitOff });
const drv = raw.map((x) => (x?.lm ? readLandmarks(landmarkList(x.lm)) : null));
const ok = drv.filter((d): d is Read => !!d);
const pct = (v: number[], p: number) => { const s = [...v].sort((a, b) => a - b); return s[Math.round(p * (s.length - 1))]!; };
const drvRest = { eyes: [0, 1].map((k) => pct(ok.map((d) => d.eyes[k]!), 0.8)), brows: [0, 1].map((k) => pct(ok.map((d) => d.brows[k]!), 0.5)), lip: pct(ok.map((d) => d.lip), 0.5) };

const keep = (f: MotionFrame, cs: string[]) => ({ ...f, w: { ...f.w, ...Object.fromEntries(cs.map((c) => [c, n.w[c] ?? 0])) } });
const variants: [string, (f: MotionFrame) => MotionFrame][] = [
  ['full', (f) => f],
  ['no squints', (f) => keep(f, ['eyeSquintLeft', 'eyeSquintRight', 'cheekSquintLeft', 'cheekSquintRight'])],
  ['no blink', (f) => ({ ...keep(f, ['eyeBlinkLeft', 'eyeBlinkRight']), blink: 0 })],
  ['no inner raise', (f) => keep(f, ['browInnerUp'])],
  ['no brows', (f) => keep(f, ['browInnerUp', 'browOuterUpLeft', 'browOuterUpRight', 'browDownLeft', 'browDownRight'])],
  ['no sneer', (f) => keep(f, ['noseSneerLeft', 'noseSneerRight'])],
  ['no gaze', (f) => ({ ...f, gaze: n.gaze })],
  ['no upper lip', (f) => keep(f, ['mouthUpperUp', 'mouthShrugUpper', 'mouthRollUpper'])],
  ['no smile', (f) => keep(f, ['mouthSmileLeft', 'mouthSmileRight'])],
];
const f2 = (v: number) => v.toFixed(2), f3 = (v: number) => (v >= 0 ? '+' : '') + v.toFixed(3);
console.log(`${path.basename(photo)} <- ${path.basename(video)}: photo rest eyes ${rest.eyes.map(f2).join('/')} brows ${rest.brows.map((v) => v.toFixed(3)).join('/')}; eyes as a share of rest, brows as height minus rest (canonical)`);
for (const i of picks) {
  const d = drv[i], f = frames[i];
  if (!d || !f) { console.log(`f${i}: no driver face`); continue; }
  const w = (c: string) => f2(f.w[c] ?? 0);
  console.log(`f${i} driver eyes ${f2(d.eyes[0] / drvRest.eyes[0]!)}/${f2(d.eyes[1] / drvRest.eyes[1]!)} brows ${f3(d.brows[0] - drvRest.brows[0]!)}/${f3(d.brows[1] - drvRest.brows[1]!)} width ${f2(d.width)} gap ${d.gap.toFixed(3)} lip ${f3(d.lip - drvRest.lip)} | motion squint ${w('eyeSquintLeft')}/${w('eyeSquintRight')} cheek ${w('cheekSquintLeft')}/${w('cheekSquintRight')} blink ${w('eyeBlinkLeft')}/${w('eyeBlinkRight')}+${f2(f.blink)} inner ${w('browInnerUp')} outer ${w('browOuterUpLeft')}/${w('browOuterUpRight')} down ${w('browDownLeft')}/${w('browDownRight')} sneer ${w('noseSneerLeft')}/${w('noseSneerRight')} smile ${w('mouthSmileLeft')}/${w('mouthSmileRight')} upperUp ${w('mouthUpperUp')} shrugU ${w('mouthShrugUpper')} rollU ${w('mouthRollUpper')}`);
  if (process.argv.includes('--all-weights')) console.log('  ' + Object.entries(f.w).filter(([, v]) => Math.abs(v) > 0.05).map(([k, v]) => `${k} ${f2(v)}`).join(', '));
  for (const [name, v] of fullOnly ? variants.slice(0, 1) : variants) {
    const img = r.render(v(f));
    const o = await readImg(img);
    if (!o) { console.log(`  ${name.padEnd(16)} no face`); continue; }
    console.log(`  ${name.padEnd(16)} eyes ${f2(o.eyes[0] / rest.eyes[0])}/${f2(o.eyes[1] / rest.eyes[1])} brows ${f3(o.brows[0] - rest.brows[0])}/${f3(o.brows[1] - rest.brows[1])} width ${f2(o.width)} gap ${o.gap.toFixed(3)} lip ${f3(o.lip - rest.lip)}`);
    if (crops && (name === 'full' || cropVariants)) {
      await mkdir(crops, { recursive: true });
      const lm = rest.lm, xs = [70, 300, 33, 263, 9, 168].map((k) => lm[k]!);
      const x0 = Math.min(...xs.map((p) => p[0])), x1 = Math.max(...xs.map((p) => p[0])), yb = Math.min(...xs.map((p) => p[1]));
      const wd = (x1 - x0) * 1.2, left = Math.max(0, Math.round(x0 - 0.1 * (x1 - x0))), top = Math.max(0, Math.round(yb - 0.2 * wd));
      await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } })
        .extract({ left, top, width: Math.min(img.width - left, Math.round(wd)), height: Math.min(img.height - top, Math.round(0.62 * wd)) })
        .png().toFile(path.join(crops, `${path.basename(photo).split('.')[0]}_f${i}${name === 'full' ? '' : '_' + name.replace(/ /g, '-')}.png`));
    }
  }
}

const pearson = (a: number[], b: number[]) => {
  const ma = a.reduce((s, v) => s + v, 0) / a.length, mb = b.reduce((s, v) => s + v, 0) / b.length;
  let sab = 0, saa = 0, sbb = 0;
  for (let k = 0; k < a.length; k++) { sab += (a[k]! - ma) * (b[k]! - mb); saa += (a[k]! - ma) ** 2; sbb += (b[k]! - mb) ** 2; }
  return sab / Math.sqrt(saa * sbb || 1);
};
if (every > 0) {
  const ours: Read[] = [], theirs: Read[] = [], smiles: number[] = [];
  for (let i = 0; i < frames.length; i += every) {
    const d = drv[i];
    if (!d) continue;
    const o = await readImg(r.render(frames[i]!));
    if (!o) continue;
    ours.push(o); theirs.push(d); smiles.push(((frames[i]!.w.mouthSmileLeft ?? 0) + (frames[i]!.w.mouthSmileRight ?? 0)) / 2);
  }
  const lr = (x: Read[]) => x.map((v) => v.brows[0] - v.brows[1]), mid = (x: Read[]) => x.map((v) => v.brows[0] + v.brows[1]);
  const eye = (x: Read[], k: number) => x.map((v) => v.eyes[k]!);
  const grin = smiles.map((s, k) => (s > 0.5 ? k : -1)).filter((k) => k >= 0);
  const share = (x: Read[], k: number, restV: number) => grin.reduce((s, q) => s + x[q]!.eyes[k]! / restV, 0) / Math.max(1, grin.length);
  console.log(`every ${every}th frame (${ours.length}): brow L-R r ${pearson(lr(ours), lr(theirs)).toFixed(2)}, brows r ${pearson(mid(ours), mid(theirs)).toFixed(2)}, eye r ${pearson(eye(ours, 0), eye(theirs, 0)).toFixed(2)}/${pearson(eye(ours, 1), eye(theirs, 1)).toFixed(2)}; ` +
    `in the ${grin.length} smiling frames eyes ${share(ours, 0, rest.eyes[0]).toFixed(2)}/${share(ours, 1, rest.eyes[1]).toFixed(2)} of rest [driver ${share(theirs, 0, drvRest.eyes[0]!).toFixed(2)}/${share(theirs, 1, drvRest.eyes[1]!).toFixed(2)}], brow rise ${(grin.reduce((s, q) => s + ours[q]!.brows[0] + ours[q]!.brows[1] - rest.brows[0] - rest.brows[1], 0) / 2 / Math.max(1, grin.length)).toFixed(3)} [driver ${(grin.reduce((s, q) => s + theirs[q]!.brows[0] + theirs[q]!.brows[1] - drvRest.brows[0]! - drvRest.brows[1]!, 0) / 2 / Math.max(1, grin.length)).toFixed(3)}]`);
}
