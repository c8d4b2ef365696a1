// The shut lid's tone against the skin around it: render each portrait at blink 1 and, in each eye's
// frame (the neutral render's face mesh: corners, middle upper and lower lid points), compare the
// mean luminance of the pad (where the open eye was, above its lash line) with the skin just under the
// lower lid (0.12-0.3 eye widths below it) and the photo's own upper lid at rest (between the lid and
// 0.12 above it). 1.00 = the same tone; the critic saw a pad ~20 % lighter (demo f27). Never asserts.
//   node --import tsx bench/padTone.ts [--only lp_s42.jpg,...] [--extra /abs/photo.png,...] [--base /work/main]
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { checkoutRoots, copyImage as copy, openAndShut, portraitFiles } from './shutPairs.ts';
import { detectFaces } from '../src/face/detect.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const only = arg('--only')?.split(',');
const extra = arg('--extra')?.split(',') ?? [];
const base = arg('--base');
type Lm = ArrayLike<ArrayLike<number>>;

/** Mean luma (Rec. 601) of the pixels whose eye-frame (u, v) passes `inside`. */
function regionLuma(img: RgbaImage, lm: Lm, outer: number, inner: number, inside: (u: number, v: number) => boolean): number {
  const o = lm[outer]!, i = lm[inner]!;
  const ex = i[0]! - o[0]!, ey = i[1]! - o[1]!, w = Math.hypot(ex, ey);
  // u along the eye (outer 0 .. inner 1), v across it toward the cheek, both in eye widths
  const ux = ex / w, uy = ey / w, vx = -uy * Math.sign(ux || 1), vy = ux * Math.sign(ux || 1);
  let sum = 0, n = 0;
  const x0 = Math.max(0, Math.floor(Math.min(o[0]!, i[0]!) - w)), x1 = Math.min(img.width - 1, Math.ceil(Math.max(o[0]!, i[0]!) + w));
  const y0 = Math.max(0, Math.floor(Math.min(o[1]!, i[1]!) - w)), y1 = Math.min(img.height - 1, Math.ceil(Math.max(o[1]!, i[1]!) + w));
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
    const dx = x - o[0]!, dy = y - o[1]!;
    if (!inside((dx * ux + dy * uy) / w, (dx * vx + dy * vy) / w)) continue;
    const p = (y * img.width + x) * 4, d = img.data;
    sum += 0.299 * d[p]! + 0.587 * d[p + 1]! + 0.114 * d[p + 2]!;
    n++;
  }
  return n ? sum / n : NaN;
}

/** One eye's [pad / skin below, pad / own upper lid at rest]. */
function padRatios(open: RgbaImage, shut: RgbaImage, lm: Lm, outer: number, inner: number, upperMid: number, lowerMid: number): [number, number] {
  const o = lm[outer]!, i = lm[inner]!;
  const w = Math.hypot(i[0]! - o[0]!, i[1]! - o[1]!);
  const mid = [(o[0]! + i[0]!) / 2, (o[1]! + i[1]!) / 2];
  const down = (p: ArrayLike<number>) => Math.hypot(p[0]! - mid[0]!, p[1]! - mid[1]!) * Math.sign(p[1]! - mid[1]!) / w;
  const up = down(lm[upperMid]!), low = down(lm[lowerMid]!);
  const across = (u: number) => u > 0.25 && u < 0.75;
  const pad = regionLuma(shut, lm, outer, inner, (u, v) => across(u) && v > up && v < low - 0.04);
  const below = regionLuma(shut, lm, outer, inner, (u, v) => across(u) && v > low + 0.12 && v < low + 0.3);
  const lid = regionLuma(open, lm, outer, inner, (u, v) => across(u) && v < up - 0.03 && v > up - 0.15);
  return [pad / below, pad / lid];
}

const files = portraitFiles(DATA, only, extra);
const roots = checkoutRoots(base);
const all = new Map<string, number[]>();
console.log('portrait           ' + roots.map(([l]) => `${l}: pad/below L R  pad/own lid L R`).join('   |   '));
for (const file of files) {
  const portrait = await cachedPortrait(file);
  const cells: string[] = [];
  for (const [label, root] of roots) {
    const { open, shut } = await openAndShut(root, portrait);
    const face = (await detectFaces(copy(open), { embedding: false }))[0];
    if (!face) { cells.push('no face'); continue; }
    const L = padRatios(open, shut, face.landmarks, 263, 362, 386, 374), R = padRatios(open, shut, face.landmarks, 33, 133, 159, 145);
    cells.push(`${L[0].toFixed(2)} ${R[0].toFixed(2)}   ${L[1].toFixed(2)} ${R[1].toFixed(2)}`);
    all.set(label, [...(all.get(label) ?? []), L[0], R[0]]);
  }
  console.log(`${path.basename(file).padEnd(18)} ${cells.join('        |   ')}`);
}
const median = (a: number[]) => { const s = a.filter(Number.isFinite).sort((p, q) => p - q); return s[s.length >> 1] ?? NaN; };
for (const [label, v] of all) console.log(`${label}: median pad/below ${median(v).toFixed(2)}, max ${Math.max(...v.filter(Number.isFinite)).toFixed(2)}`);
