// Does a shut lid have form? For real shut eyes (train clips' blink frames, the eyes' geometry from an
// open frame of the same clip) and for renders at blink 1 (geometry from the open render), in each
// eye's frame (u along the eye, v across, in eye widths; the open eye's upper and lower lid middles):
//   pad/below  the lid's middle (u .25-.75, upper lid .. lower lid - .04) over the skin under the eye
//   pad/lid    the same over the open eye's own upper lid skin (.03-.15 above the upper lid)
//   bulge      along the lid at its middle height: the middle (u .4-.6) over the ends (u .1-.25, .75-.9)
//   top/mid    across: the lid's top (crease side, upper lid .. +.1) over its middle band
// 1.00 = flat. Medians over eyes; never asserts.
//   node --import tsx bench/lidProfile.ts [--real] [--only lp_s42.jpg,...] [--extra /abs/a.jpg] [--base /tmp/base]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cachedPortrait } from './portraitCache.ts';
import { checkoutRoots, copyImage as copy, openAndShut, portraitFiles } from './shutPairs.ts';
import { detectFaces } from '../src/face/detect.ts';
import { videoFrameAt } from '../src/io/media.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
type Pt = ArrayLike<number>;
type Lm = ArrayLike<Pt>;
/** One eye's mesh points: outer corner, inner corner, upper and lower lid middles. */
export const EYES = [[263, 362, 386, 374], [33, 133, 159, 145]] as const;
/** Real shut frames (25 fps index) and an open frame of the same clip, as listed in src/render/closedEye/README.md. */
export const REAL: [string, number, number][] = [
  ['styletalk_andrew_clip_1.mp4', 105, 95], ['dfrf_french.mp4', 78, 68], ['edtalk_mouth_source.mp4', 169, 159], ['videoretalking_4.mp4', 106, 96],
];

export interface EyeFrame { o: Pt; i: Pt; w: number; up: number; low: number }

/** The eye frame of one eye: corners from `corners`, lid middles (eye widths off the corners' middle) from `lids`. */
export function eyeFrame(corners: Lm, lids: Lm, [outer, inner, upper, lower]: readonly number[]): EyeFrame {
  const across = (lm: Lm) => {
    const o = lm[outer]!, i = lm[inner]!, w = Math.hypot(i[0]! - o[0]!, i[1]! - o[1]!);
    const mid = [(o[0]! + i[0]!) / 2, (o[1]! + i[1]!) / 2];
    const d = (p: Pt) => Math.hypot(p[0]! - mid[0]!, p[1]! - mid[1]!) * Math.sign(p[1]! - mid[1]!) / w;
    return [d(lm[upper!]!), d(lm[lower!]!)];
  };
  const [up, low] = across(lids);
  const o = corners[outer]!, i = corners[inner]!;
  return { o, i, w: Math.hypot(i[0]! - o[0]!, i[1]! - o[1]!), up: up!, low: low! };
}

/** Mean luma of the pixels whose eye-frame (u, v) passes `inside`. */
export function luma(img: RgbaImage, f: EyeFrame, inside: (u: number, v: number) => boolean): number {
  const ex = f.i[0]! - f.o[0]!, ey = f.i[1]! - f.o[1]!;
  const ux = ex / f.w, uy = ey / f.w, s = Math.sign(ux || 1), vx = -uy * s, vy = ux * s;
  let sum = 0, n = 0;
  const x0 = Math.max(0, Math.floor(Math.min(f.o[0]!, f.i[0]!) - f.w)), x1 = Math.min(img.width - 1, Math.ceil(Math.max(f.o[0]!, f.i[0]!) + f.w));
  const y0 = Math.max(0, Math.floor(Math.min(f.o[1]!, f.i[1]!) - f.w)), y1 = Math.min(img.height - 1, Math.ceil(Math.max(f.o[1]!, f.i[1]!) + f.w));
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
    const dx = x - f.o[0]!, dy = y - f.o[1]!;
    if (!inside((dx * ux + dy * uy) / f.w, (dx * vx + dy * vy) / f.w)) continue;
    const p = (y * img.width + x) * 4, d = img.data;
    sum += 0.299 * d[p]! + 0.587 * d[p + 1]! + 0.114 * d[p + 2]!;
    n++;
  }
  return n ? sum / n : NaN;
}

/** [pad/below, pad/own lid, bulge, top/mid] of one shut eye; `open` holds the open eye's own lid. */
export function lidFigures(shut: RgbaImage, open: RgbaImage, fs: EyeFrame, fo: EyeFrame): number[] {
  const mid = (u: number) => u > 0.25 && u < 0.75;
  const padV = (v: number) => v > fs.up && v < fs.low - 0.04;
  const pad = luma(shut, fs, (u, v) => mid(u) && padV(v));
  const below = luma(shut, fs, (u, v) => mid(u) && v > fs.low + 0.12 && v < fs.low + 0.3);
  const lid = luma(open, fo, (u, v) => mid(u) && v < fo.up - 0.03 && v > fo.up - 0.15);
  const h = (fs.up + fs.low) / 2, band = (v: number) => Math.abs(v - h) < 0.06;
  const centre = luma(shut, fs, (u, v) => u > 0.4 && u < 0.6 && band(v));
  const ends = (luma(shut, fs, (u, v) => u > 0.1 && u < 0.25 && band(v)) + luma(shut, fs, (u, v) => u > 0.75 && u < 0.9 && band(v))) / 2;
  const top = luma(shut, fs, (u, v) => mid(u) && v > fs.up - 0.02 && v < fs.up + 0.08);
  return [pad / below, pad / lid, centre / ends, top / centre];
}

const face = async (img: RgbaImage) => (await detectFaces(copy(img), { embedding: false }))[0]?.landmarks;
const fmt = (a: number[]) => a.map((x) => x.toFixed(2)).join(' ');
const median = (a: number[]) => { const s = a.filter(Number.isFinite).sort((p, q) => p - q); return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN; };
const NAMES = ['pad/below', 'pad/lid', 'bulge', 'top/mid'];
const summary = (label: string, rows: number[][]) => console.log(`${label.padEnd(8)} medians: ${NAMES.map((n, k) => `${n} ${median(rows.map((r) => r[k]!)).toFixed(2)}`).join(', ')}`);

async function realEyes(): Promise<void> {
  const rows: number[][] = [];
  for (const [clip, shutAt, openAt] of REAL) {
    const file = path.join(DATA, 'train', 'clips', clip);
    const shut = await videoFrameAt(file, shutAt), open = await videoFrameAt(file, openAt);
    const ls = await face(shut), lo = await face(open);
    if (!ls || !lo) { console.log(clip, 'no face'); continue; }
    const cells = EYES.map((e) => lidFigures(shut, open, eyeFrame(ls, lo, e), eyeFrame(lo, lo, e)));
    rows.push(...cells);
    console.log(`${clip.padEnd(28)} ${shutAt}  L ${fmt(cells[0]!)}   R ${fmt(cells[1]!)}`);
  }
  summary('real', rows);
}

async function renders(): Promise<void> {
  const only = arg('--only')?.split(','), extra = arg('--extra')?.split(',') ?? [], base = arg('--base');
  const files = portraitFiles(DATA, only, extra);
  const roots = checkoutRoots(base);
  const all = new Map<string, number[][]>();
  console.log(`portrait           per eye L | R: ${NAMES.join(' ')}`);
  for (const file of files) {
    const portrait = await cachedPortrait(file);
    for (const [label, root] of roots) {
      const { open, shut } = await openAndShut(root, portrait);
      const lm = await face(open);
      if (!lm) { console.log(path.basename(file), label, 'no face'); continue; }
      const cells = EYES.map((e) => lidFigures(shut, open, eyeFrame(lm, lm, e), eyeFrame(lm, lm, e)));
      all.set(label, [...(all.get(label) ?? []), ...cells]);
      console.log(`${path.basename(file).padEnd(18)} ${label.padEnd(6)} L ${fmt(cells[0]!)}   R ${fmt(cells[1]!)}`);
    }
  }
  for (const [label, rows] of all) summary(label, rows);
}

// run as a script only (bench/lashHeight.ts imports the eye frame and REAL from here)
if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  if (process.argv.includes('--real')) await realEyes();
  else await renders();
}
