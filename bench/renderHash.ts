// Byte identity of the renderer against another checkout: renders the same frames (poses to ±25° yaw,
// blinks, gaze, jaw 0..1, funnel/pucker/smile, wide eyes, brows, a still `view --expr` mouth, a video
// driver's mouth readings, a transparent background) with both checkouts' build + renderer on several
// portraits and compares every frame. Prints identical N/N and, per differing frame, the pixels that
// differ, the max abs channel difference and the PSNR (RGBA, whole frame) against the base, then the
// worst and median PSNR over all frames; never asserts.
// --sheet out.jpg: a contact sheet of three cases (photo | base | ours | base mouth x3 | ours mouth x3).
// --worst out.jpg: the frame with the lowest PSNR (base | ours | |difference| x16), then both x3 around its largest difference.
// --motions "m.json:portrait.jpg:0-49;...": also a saved motion's frames (ranges and single frames, comma-separated) on that portrait, which
//   --portraits must name (audio or video frames as `generate` draws them, its background aside).
//   node --import tsx bench/renderHash.ts --base OTHER_CHECKOUT [--portraits a.jpg,b.png] [--sheet out.jpg] [--worst out.jpg] [--motions ...]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const here = path.resolve(import.meta.dirname, '..');
const base = path.resolve(opt('--base', here));
const portraits = opt('--portraits', 'lp_s42.jpg,lp_s10.jpg,st_art_1.png,st_happy.png,mt_man.png').split(',');

type Pose = MotionFrame['pose'];
const pose = (yaw = 0, pitch = 0, roll = 0): Pose => ({ yaw, pitch, roll, tx: 0, ty: 0, tz: 0 });
/** [name, weights over neutral, pose, gaze, blink, the driver's mouthDark (video frames; absent: audio)] */
const cases: [string, Record<string, number>, Pose, [number, number] | null, number, number?][] = [
  ['neutral', {}, pose(), null, 0],
  ['yaw+25', {}, pose(25), null, 0], ['yaw-25', {}, pose(-25), null, 0], ['yaw-12 pitch8 roll5', {}, pose(-12, 8, 5), null, 0],
  ['pitch-12 roll-6', {}, pose(0, -12, -6), null, 0],
  ['blink', {}, pose(), null, 1], ['half blink L', { eyeBlinkLeft: 0.5, eyeBlinkRight: 0.3 }, pose(8), null, 0],
  ['gaze ul', {}, pose(), [-0.8, -0.6], 0], ['gaze dr', {}, pose(), [0.9, 0.5], 0],
  ['jaw 0', { jawOpen: 0 }, pose(), null, 0], ['jaw .25', { jawOpen: 0.25 }, pose(), null, 0], ['jaw .5', { jawOpen: 0.5 }, pose(), null, 0],
  ['jaw .75', { jawOpen: 0.75 }, pose(), null, 0], ['jaw 1', { jawOpen: 1 }, pose(), null, 0],
  ['funnel', { mouthFunnel: 1, jawOpen: 0.3 }, pose(), null, 0], ['pucker', { mouthPucker: 1 }, pose(), null, 0],
  ['smile', { mouthSmileLeft: 1, mouthSmileRight: 1, jawOpen: 0.2 }, pose(), null, 0],
  ['close', { mouthClose: 0.4, jawOpen: 0.4 }, pose(), null, 0],
  ['wide + brows', { eyeWideLeft: 0.8, eyeWideRight: 0.8, browInnerUp: 0.7, browOuterUpLeft: 0.5 }, pose(), null, 0],
  ['frown squint', { browDownLeft: 0.7, browDownRight: 0.7, cheekSquintLeft: 0.6, eyeSquintRight: 0.5, noseSneerLeft: 0.4 }, pose(), null, 0],
  ['turned jaw + blink', { jawOpen: 0.7, mouthSmileLeft: 0.5 }, pose(22, -6, 3), [0.5, 0], 1],
  ['turned funnel', { mouthFunnel: 0.8, jawOpen: 0.5 }, pose(-20, 5), [-0.4, 0.2], 0],
  // `view --expr jawOpen=.5` (a still expression: w stillMouth 1, tongueGate.ts)
  ['still jaw .5', { jawOpen: 0.5, stillMouth: 1 }, pose(), null, 0],
  // a video driver's readings (rig/mouthBase.ts driverTeeth, driverCavity; MotionFrame.mouthDark)
  ['video lit teeth', { jawOpen: 0.35, mouthSmileLeft: 0.3, mouthSmileRight: 0.3, driverTeeth: 0.4, driverCavity: 0.2 }, pose(6), null, 0, 0.2],
  ['video dark cavity', { jawOpen: 0.45, mouthLowerDown: 0.5, driverTeeth: 0.05, driverCavity: 0.8 }, pose(-5, 3), null, 0, 0.8],
  ['video dark O', { mouthFunnel: 0.8, jawOpen: 0.3, driverTeeth: 0, driverCavity: 0.9 }, pose(), null, 0, 1],
];

/** "0-49", "3,7,9" or a mix "60-70,125-150": the frame numbers, in the order given. */
function framesPicked(which: string): number[] {
  return which.split(',').flatMap((part) => {
    const [from, to] = part.split('-').map(Number) as [number, number?];
    return to === undefined ? [from] : Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);
  });
}

/** Saved motions' frames to render too, per portrait (--motions): [label, frames]. */
const motionFrames = new Map<string, [string, MotionFrame][]>();
for (const spec of opt('--motions', '').split(';').filter(Boolean)) {
  const [file, portrait, which] = spec.split(':') as [string, string, string];
  const frames = (JSON.parse(readFileSync(file, 'utf8')) as { frames: MotionFrame[] }).frames;
  const picked = framesPicked(which);
  const list = motionFrames.get(portrait) ?? [];
  for (const i of picked) if (frames[i]) list.push([`${path.basename(file)} f${i}`, frames[i]!]);
  motionFrames.set(portrait, list);
}
/** Each rendered frame's name, in renderAll's order. */
const frameNames = (file: string) => [...cases.map((c) => c[0]), 'transparent', ...(motionFrames.get(file) ?? []).map(([label]) => label)];

/** The sheet's rows: portrait and case name. */
const SHEET_ROWS: [string, string][] = [['lp_s42.jpg', 'jaw .5'], ['lp_s10.jpg', 'turned jaw + blink'], ['st_happy.png', 'smile']];
/** Mouth centre (output px) of each sheet row, from the renderer that drew it. */
const mouthAt = new Map<string, [number, number]>();

async function renderAll(root: string, file: string): Promise<RgbaImage[]> {
  const { buildAvatar } = await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href);
  const { createRenderer } = await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href);
  const r = createRenderer(buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file))), { width: 512, height: 512 });
  const n: MotionFrame = r.neutralFrame();
  const copy = (img: RgbaImage): RgbaImage => ({ ...img, data: new Uint8ClampedArray(img.data) });
  const out = cases.map(([name, w, p, gaze, blink, mouthDark]) => {
    const frame = { ...n, w: { ...n.w, ...w }, pose: p, gaze: gaze ?? n.gaze, blink, ...(mouthDark === undefined ? {} : { mouthDark }) };
    if (SHEET_ROWS.some(([f, c]) => f === file && c === name)) {
      const lm = r.landmarks(frame); // upper and lower inner lip centres
      mouthAt.set(`${file} ${name}`, [(lm[13]![0] + lm[14]![0]) / 2, (lm[13]![1] + lm[14]![1]) / 2]);
    }
    return copy(r.render(frame));
  });
  // the transparent-background path (unpremultiply), on a turned frame
  out.push(copy(r.render({ ...n, pose: pose(18) }, { background: null })));
  for (const [, frame] of motionFrames.get(file) ?? []) out.push(copy(r.render(frame)));
  return out;
}

const sheetCells: Buffer[] = [];
const CELL = 256;
const cell = (img: RgbaImage, crop?: [number, number]) => {
  const zoom = CELL / 3; // a third of a cell's width, shown 3x
  const s = sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } });
  const part = crop ? s.extract({ left: Math.round(Math.min(img.width - zoom, Math.max(0, crop[0] - zoom / 2))), top: Math.round(Math.min(img.height - zoom, Math.max(0, crop[1] - zoom / 2))), width: Math.round(zoom), height: Math.round(zoom) }) : s;
  return part.resize(CELL, CELL, { kernel: crop ? 'nearest' : 'lanczos3' }).removeAlpha().raw().toBuffer();
};
let same = 0, total = 0;
const all = createHash('sha1');
const psnrs: number[] = [];
let worst: { psnr: number; name: string; a: RgbaImage; b: RgbaImage; at: [number, number] } | null = null;
for (const file of portraits) {
  const a = await renderAll(base, file), b = await renderAll(here, file);
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!.data, y = b[k]!.data;
    all.update(y);
    total++;
    let differ = 0, maxDiff = 0, se = 0, maxAt = 0;
    for (let i = 0; i < x.length; i += 4) {
      let d = 0;
      for (let c = 0; c < 4; c++) { const e = x[i + c]! - y[i + c]!; se += e * e; d = Math.max(d, Math.abs(e)); }
      if (d > 0) { differ++; if (d > maxDiff) { maxDiff = d; maxAt = i / 4; } }
    }
    const psnr = se === 0 ? Infinity : 10 * Math.log10((255 * 255 * x.length) / se);
    psnrs.push(psnr);
    const name = `${file} ${frameNames(file)[k]}`;
    if (differ > 0 && (worst === null || psnr < worst.psnr)) worst = { psnr, name, a: a[k]!, b: b[k]!, at: [maxAt % a[k]!.width, Math.floor(maxAt / a[k]!.width)] };
    const row = SHEET_ROWS.find(([f, c]) => f === file && k < cases.length && c === cases[k]![0]);
    if (row) {
      const photo = await cachedPortrait(path.join(SHARED_PORTRAITS, file));
      const at = mouthAt.get(`${file} ${row[1]}`)!;
      sheetCells.push(await cell(photo.image), await cell(a[k]!), await cell(b[k]!), await cell(a[k]!, at), await cell(b[k]!, at));
    }
    if (differ === 0) same++;
    else console.log(`${name}: ${differ} pixels differ, max abs ${maxDiff}, PSNR ${psnr.toFixed(1)} dB`);
  }
}
console.log(`identical frames ${same}/${total} (${path.basename(base)} vs ${path.basename(here)}); hash of ours ${all.digest('hex').slice(0, 16)}`);
const sortedPsnr = [...psnrs].sort((p, q) => p - q);
console.log(`PSNR against the base over ${total} frames: worst ${sortedPsnr[0]!.toFixed(1)} dB${worst ? ` (${worst.name})` : ''}, median ${Number.isFinite(sortedPsnr[total >> 1]!) ? `${sortedPsnr[total >> 1]!.toFixed(1)} dB` : 'identical'}`);
if (args.includes('--worst') && worst) {
  const diff = { ...worst.a, data: new Uint8ClampedArray(worst.a.data.length) };
  for (let i = 0; i < diff.data.length; i += 4) {
    let d = 0;
    for (let c = 0; c < 3; c++) d = Math.max(d, Math.abs(worst.a.data[i + c]! - worst.b.data[i + c]!));
    diff.data[i] = diff.data[i + 1] = diff.data[i + 2] = Math.min(255, d * 16); diff.data[i + 3] = 255;
  }
  const cells = [await cell(worst.a), await cell(worst.b), await cell(diff), await cell(worst.a, worst.at), await cell(worst.b, worst.at), await cell(diff, worst.at)];
  await sharp({ create: { width: 3 * CELL, height: 2 * CELL, channels: 3, background: '#000' } })
    .composite(cells.map((input, i) => ({ input, raw: { width: CELL, height: CELL, channels: 3 }, left: (i % 3) * CELL, top: Math.floor(i / 3) * CELL })))
    .jpeg({ quality: 85 }).toFile(opt('--worst', 'worst.jpg'));
  console.log(`worst-frame sheet ${opt('--worst', '')}: ${worst.name}, base | ours | |diff| x16, then x3 around (${worst.at.join(', ')})`);
}
if (args.includes('--sheet') && sheetCells.length > 0) {
  const cols = 5, rows = sheetCells.length / cols;
  await sharp({ create: { width: cols * CELL, height: rows * CELL, channels: 3, background: '#000' } })
    .composite(sheetCells.map((input, i) => ({ input, raw: { width: CELL, height: CELL, channels: 3 }, left: (i % cols) * CELL, top: Math.floor(i / cols) * CELL })))
    .jpeg({ quality: 85 }).toFile(opt('--sheet', 'renderHash.jpg'));
  console.log(`sheet ${opt('--sheet', '')}: photo | base | ours | base mouth x3 | ours mouth x3, rows ${SHEET_ROWS.map(([f, c]) => `${f} ${c}`).join(', ')}`);
}
process.exit(0);
