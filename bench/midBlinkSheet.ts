// A closing blink as a critic looks at it: both eyes about 3x, a real blink frame (train clips,
// Katie) | base checkout | this checkout at each weight (eyeBlinkLeft = eyeBlinkRight = w), one
// row per portrait; the real frames are taken in turn. Prints, per portrait and weight, how much of
// the frame changed (mean |difference| over the eyes' box). Never asserts.
//   node --import tsx bench/midBlinkSheet.ts --base OTHER_CHECKOUT --sheet out.png [--weights 0.9,0.95,1] lp_s7.jpg,mt_man.png
import path from 'node:path';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { cachedPortrait } from './portraitCache.ts';
import { detectFaces } from '../src/face/detect.ts';
import { videoFrameAt } from '../src/io/media.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { eyesBox } from './eyeBox.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const here = path.resolve(import.meta.dirname, '..');
const base = arg('--base'), sheet = arg('--sheet');
if (!base || !sheet) throw new Error('usage: bench/midBlinkSheet.ts --base OTHER_CHECKOUT --sheet out.png [--weights 0.9,0.95,1] photo,photo');
const weights = (arg('--weights') ?? '0.9,0.95').split(',').map(Number);
const list = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--')).at(-1)!.split(',');
/** Real shut and closing frames (25 fps): the closed-eye library's candidates and Katie's blinks. */
const REAL = ['WDA_KatieHill_000.mp4:172', 'styletalk_andrew_clip_1.mp4:105', 'WDA_KatieHill_000.mp4:24', 'dfrf_french.mp4:78', 'edtalk_mouth_source.mp4:169', 'videoretalking_4.mp4:106'];
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });

const real: GridCell[] = [];
for (const pick of REAL) {
  const [clip, at] = pick.split(':');
  const file = [path.join(DATA, 'train', 'clips', clip!), path.join(DATA, 'video', clip!)].find((f) => existsSync(f));
  if (!file) continue;
  const frame = await videoFrameAt(file, Number(at));
  const lm = (await detectFaces(frame, { embedding: false }))[0]?.landmarks;
  if (lm) real.push({ label: `real ${clip!.replace(/\.[^.]+$/, '')} f${at}`, image: cropImage(frame, eyesBox(lm, frame.width, frame.height)) });
}

const makers = await Promise.all([path.resolve(base), here].map(async (root) => ({
  buildAvatar: (await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href)).buildAvatar,
  createRenderer: (await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href)).createRenderer,
})));
const meanDiff = (a: RgbaImage, b: RgbaImage) => { let s = 0; for (let i = 0; i < a.data.length; i++) if (i % 4 !== 3) s += Math.abs(a.data[i]! - b.data[i]!); return s / (a.data.length * 0.75); };
const rows: GridCell[][] = [];
for (const file of list) {
  const portrait = await cachedPortrait(path.join(DATA, 'portraits', file));
  const size = portrait.image.width;
  const box = eyesBox(portrait.cropLandmarks, size, portrait.image.height);
  const renderers = makers.map((m) => m.createRenderer(m.buildAvatar(portrait), { width: size, height: portrait.image.height }));
  const row: GridCell[] = real.length ? [real[rows.length % real.length]!] : [];
  const diffs: string[] = [];
  for (const w of weights) {
    const shots = renderers.map((r) => { const n: MotionFrame = r.neutralFrame(); return cropImage(copy(r.render({ ...n, w: { ...n.w, eyeBlinkLeft: w, eyeBlinkRight: w } })), box); });
    row.push({ label: `${file} before ${w}`, image: shots[0]! }, { label: `after ${w}`, image: shots[1]! });
    const d = meanDiff(shots[0]!, shots[1]!);
    diffs.push(`w ${w}: ${d === 0 ? 'identical' : d.toFixed(2)}`);
  }
  console.log(`${file.padEnd(18)} mean |after - before| over the eyes' box: ${diffs.join(', ')}`);
  rows.push(row);
}
await writeFile(sheet, await labelledGrid(rows, { title: `closing blink, both eyes ~3x: real | before | after at ${weights.join(', ')}`, cellW: 330, cellH: 110 }));
console.log(`sheet: ${sheet}`);
