// The shut lid's tone against the skin around it: render each portrait at blink 1 and, in each eye's
// frame (the neutral render's face mesh: corners, middle upper and lower lid points), compare the
// mean luminance of the pad (where the open eye was, above its lash line) with the skin just under the
// lower lid (0.12-0.3 eye widths below it) and the photo's own upper lid at rest (between the lid and
// 0.12 above it). 1.00 = the same tone; the critic saw a pad ~20 % lighter (demo f27). Never asserts.
// `--lab` (s50, shuttone50): also the lid body's (the pad clear of the line: up to .12 over the lower lid) CIE L* over the skin below's and its a*, b* minus that skin's
// (+a pinker, +b yellower/browner), from each region's mean colour; "same luma": the pad's mean colour scaled to the
// skin's luma first (its hue and chroma apart from its lightness).
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
const lab = process.argv.includes('--lab');
const labNotes: string[] = [];
type Lm = ArrayLike<ArrayLike<number>>;

/** CIE Lab (D65) of an sRGB colour (0..255). */
function toLab(rgb: number[]): [number, number, number] {
  const lin = rgb.map((c) => { const x = c / 255; return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
  const X = (0.4124 * lin[0]! + 0.3576 * lin[1]! + 0.1805 * lin[2]!) / 0.95047, Y = 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!, Z = (0.0193 * lin[0]! + 0.1192 * lin[1]! + 0.9505 * lin[2]!) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))];
}
let lastRgb: number[] = [0, 0, 0];
/** Mean luma (Rec. 601) of the pixels whose eye-frame (u, v) passes `inside` (their mean RGB left in lastRgb). */
function regionLuma(img: RgbaImage, lm: Lm, outer: number, inner: number, inside: (u: number, v: number) => boolean): number {
  const o = lm[outer]!, i = lm[inner]!;
  const ex = i[0]! - o[0]!, ey = i[1]! - o[1]!, w = Math.hypot(ex, ey);
  // u along the eye (outer 0 .. inner 1), v across it toward the cheek, both in eye widths
  const ux = ex / w, uy = ey / w, vx = -uy * Math.sign(ux || 1), vy = ux * Math.sign(ux || 1);
  let sum = 0, n = 0;
  const rgb = [0, 0, 0];
  const x0 = Math.max(0, Math.floor(Math.min(o[0]!, i[0]!) - w)), x1 = Math.min(img.width - 1, Math.ceil(Math.max(o[0]!, i[0]!) + w));
  const y0 = Math.max(0, Math.floor(Math.min(o[1]!, i[1]!) - w)), y1 = Math.min(img.height - 1, Math.ceil(Math.max(o[1]!, i[1]!) + w));
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
    const dx = x - o[0]!, dy = y - o[1]!;
    if (!inside((dx * ux + dy * uy) / w, (dx * vx + dy * vy) / w)) continue;
    const p = (y * img.width + x) * 4, d = img.data;
    sum += 0.299 * d[p]! + 0.587 * d[p + 1]! + 0.114 * d[p + 2]!;
    for (let ch = 0; ch < 3; ch++) rgb[ch]! += d[p + ch]!;
    n++;
  }
  lastRgb = rgb.map((c) => c / Math.max(1, n));
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
  // the body only (clear of the shut line's band, .12 over the lower lid) for the colour
  const body = regionLuma(shut, lm, outer, inner, (u, v) => across(u) && v > up && v < low - 0.12);
  const padRgb = lastRgb, padLab = toLab(lastRgb);
  const below = regionLuma(shut, lm, outer, inner, (u, v) => across(u) && v > low + 0.12 && v < low + 0.3);
  const belowLab = toLab(lastRgb);
  // the pad's colour at the skin's luma: its hue and chroma apart from its lightness
  const eqLab = toLab(padRgb.map((c) => c * below / body));
  if (lab) labNotes.push(`L*/L* ${(padLab[0] / belowLab[0]).toFixed(2)} da ${(padLab[1] - belowLab[1]).toFixed(1)} db ${(padLab[2] - belowLab[2]).toFixed(1)} (same luma: da ${(eqLab[1] - belowLab[1]).toFixed(1)} db ${(eqLab[2] - belowLab[2]).toFixed(1)})`);
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
    cells.push(`${L[0].toFixed(2)} ${R[0].toFixed(2)}   ${L[1].toFixed(2)} ${R[1].toFixed(2)}` + (lab ? `   [${labNotes.splice(0).join(' | ')}]` : ''));
    all.set(label, [...(all.get(label) ?? []), L[0], R[0]]);
  }
  console.log(`${path.basename(file).padEnd(18)} ${cells.join('        |   ')}`);
}
const median = (a: number[]) => { const s = a.filter(Number.isFinite).sort((p, q) => p - q); return s[s.length >> 1] ?? NaN; };
for (const [label, v] of all) console.log(`${label}: median pad/below ${median(v).toFixed(2)}, max ${Math.max(...v.filter(Number.isFinite)).toFixed(2)}`);
