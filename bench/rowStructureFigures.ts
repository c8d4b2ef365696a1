// The structure of an upper row of teeth along the mouth (issue #13, slab28): what makes a real row read as
// separate teeth and a rendered one as a white slab. Per pixel column inside the inner lips, the mean luma of
// the upper half of the opening (where the upper row sits); from that profile across the mouth (s: -1 at the
// image-left inner corner, 0 at the middle, 1 at the right one):
// - centre: the median luma over |s| < .25 (the central incisors);
// - fall-off: the mean luma at .45-.65 and .65-.85 of the half-width over the centre's (side teeth in shade);
// - corner: the mean luma over |s| > .85 over the centre's;
// - corridor: from each inner corner inward, the share of the mouth's width before the profile first reaches
//   CORRIDOR_LIT of the centre (the dark buccal corridor beside the cheeks), the mean of both sides;
// - gaps: luma dips below the profile's running mean over GAP_WINDOW iod within |s| < .7 (the lines between
//   teeth): their number, mean depth over the centre, median spacing (iod); and the residual's rms over the centre.
// Figures only; never asserts.
import { polygonMask } from '../src/eval/masks.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import type { RgbaImage } from '../src/types.ts';
import { dist, luma, median, type Lm } from './readBack.ts';

/** the profile's running mean is over this many iod (about a central incisor's width) */
const GAP_WINDOW = 0.08;
/** a dip this share of the centre's luma under the running mean counts as a gap */
const GAP_DEPTH = 0.03;
/** two dips closer than this (iod) are one */
const GAP_APART = 0.025;
/** the corridor ends where the profile first reaches this share of the centre's luma */
const CORRIDOR_LIT = 0.6;

export interface RowStructure {
  centre: number;
  /** mean luma at .45-.65 and .65-.85 of the half-width over the centre's */
  mid: number;
  side: number;
  /** mean luma over |s| > .85 (the corners) over the centre's */
  corner: number;
  /** per side, the share of the mouth's width (corner to corner) the dark corridor takes (mean of both) */
  corridor: number;
  gaps: number;
  gapDepth: number;
  gapSpacing: number;
  gapRms: number;
  /** the opening's width (inner corners) in iod */
  widthIod: number;
  /** (teeth33) per tooth between two neighbouring gaps: its brightest column over the centre's, its width (iod); per gap its depth over the centre: pooled over frames, their spread tells a picket (even teeth, even light, even gaps) from a photographed row */
  toothPeaks: number[];
  toothWidths: number[];
  gapDepths: number[];
  /** (s39 row39) per gap its width (iod) at half its depth under the running mean: a picket's gaps are wide dark slots, a real row's thin lines */
  gapWidths: number[];
  /** (s37 lowrow37) the upper row's incisal edge over |s| < .7 (incisalEdge): its rms about a running mean over EDGE_WINDOW iod (milli-IOD), and its notches deeper than NOTCH_DEPTH iod */
  edgeRms: number;
  notches: number;
  /** (s38 incisal38) the tips' light along the edge (the last two lit pixels of each column over `centre`): its rms about a running mean (thousandths) and its dark V's (incisalEdge) */
  tipRms: number;
  tipVs: number;
}

/** the edge's running mean (and a notch's neighbourhood) over this many iod: about a central incisor's width */
const EDGE_WINDOW = 0.06;
/** a notch: the edge this many iod above its running max over EDGE_WINDOW (a dark V cut into the incisal line) */
const NOTCH_DEPTH = 0.01;
/** a teeth pixel on the edge: at least this share of the row's centre luma */
const EDGE_LIT = 0.6;

/**
 * The upper row's incisal edge (s37, lowrow37: critic36 saw a sawtooth of dark notches at 4x where a real row's edge is a smooth,
 * slightly curved line): per column with |s| < .7, down from the first teeth pixel in the opening's upper half (luma >=
 * EDGE_LIT x `centre`) to the last of that run, in iod. Rms about a running mean (milli-IOD) and notches (runs of columns whose
 * edge stands NOTCH_DEPTH iod over the lower of the deepest edges within EDGE_WINDOW / 2 either side). NaN / 0 under 8 columns.
 */
export function incisalEdge(img: RgbaImage, lm: Lm, centre: number): { rms: number; notches: number; edge: number[]; tipRms: number; tipVs: number } {
  const W = img.width, d = img.data;
  const poly = [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((i) => lm[i]!);
  const mask = polygonMask(poly, W, img.height);
  const x0 = Math.min(lm[78]![0], lm[308]![0]), x1 = Math.max(lm[78]![0], lm[308]![0]);
  const cx = (x0 + x1) / 2, half = Math.max(1, (x1 - x0) / 2), pxPerIod = dist(lm, 33, 263);
  const e: number[] = [], tips: number[] = [];
  for (let x = Math.max(0, Math.ceil(cx - 0.7 * half)); x <= Math.min(W - 1, Math.floor(cx + 0.7 * half)); x++) {
    let top = -1, bottom = -1;
    for (let y = 0; y < img.height; y++) if (mask[y * W + x]) { if (top < 0) top = y; bottom = y; }
    if (top < 0) continue;
    const lit = (y: number) => luma(d, (y * W + x) * 4) >= EDGE_LIT * centre;
    let y = top;
    // (s38, incisal38: a run of at least two lit pixels: the lip's own lit inner rim at the mask's top, one pixel over the row's
    // shaded top, read as a tooth ending at once: ours' "notches" at lp_s42 <- lp_d6 f132/f180 were such columns, edge 0)
    while (y <= (top + bottom) / 2 && !(lit(y) && lit(y + 1))) y++;
    if (y > (top + bottom) / 2) continue;
    while (y < bottom && lit(y + 1)) y++;
    e.push((y - top) / pxPerIod);
    tips.push((luma(d, (y * W + x) * 4) + luma(d, (Math.max(top, y - 1) * W + x) * 4)) / 2 / Math.max(1, centre));
  }
  if (e.length < 8) return { rms: NaN, notches: 0, edge: e, tipRms: NaN, tipVs: 0 };
  const mean = runningMean(e, EDGE_WINDOW * pxPerIod), r = Math.max(1, Math.round((EDGE_WINDOW * pxPerIod) / 2));
  const rms = Math.sqrt(e.reduce((a, v, i) => a + (v - mean[i]!) ** 2, 0) / e.length) * 1000;
  let notches = 0, inNotch = false;
  for (let i = 0; i < e.length; i++) {
    let left = -Infinity, right = -Infinity;
    for (let j = Math.max(0, i - r); j < i; j++) left = Math.max(left, e[j]!);
    for (let j = i + 1; j <= Math.min(e.length - 1, i + r); j++) right = Math.max(right, e[j]!);
    const notch = Math.min(left, right) - e[i]! > NOTCH_DEPTH;
    if (notch && !inNotch) notches++;
    inNotch = notch;
  }
  // (s38, incisal38: the edge in whole pixels missed the sawtooth critic37 saw at 4x, sub-pixel dark V's between the tips: the
  // tips' light along the row, and its dips TIP_V_DARK under the lighter of the tips either side within EDGE_WINDOW / 2)
  const tipMean = runningMean(tips, EDGE_WINDOW * pxPerIod);
  const tipRms = Math.sqrt(tips.reduce((a, v, i) => a + (v - tipMean[i]!) ** 2, 0) / tips.length) * 1000;
  let tipVs = 0, inV = false;
  for (let i = 0; i < tips.length; i++) {
    let left = -Infinity, right = -Infinity;
    for (let j = Math.max(0, i - r); j < i; j++) left = Math.max(left, tips[j]!);
    for (let j = i + 1; j <= Math.min(tips.length - 1, i + r); j++) right = Math.max(right, tips[j]!);
    const v = Math.min(left, right) - tips[i]! > TIP_V_DARK;
    if (v && !inV) tipVs++;
    inV = v;
  }
  return { rms, notches, edge: e, tipRms, tipVs };
}
/** a dark V between tips: the tip's light this share of the centre under both sides' lighter tips */
const TIP_V_DARK = 0.12;

/** The coefficient of variation (sd over mean) of `v`, NaN under two values: how uneven a row's teeth are. */
export function spread(v: number[]): number {
  if (v.length < 2) return NaN;
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return Math.sqrt(v.reduce((a, b) => a + (b - m) * (b - m), 0) / v.length) / m;
}

/** The upper-half luma per pixel column across the opening, with each column's s (-1..1). */
export function rowProfile(img: RgbaImage, lm: Lm): { s: number[]; p: number[]; pxPerIod: number; half: number } | null {
  const W = img.width, d = img.data;
  const poly = [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((i) => lm[i]!);
  const mask = polygonMask(poly, W, img.height);
  const x0 = Math.min(lm[78]![0], lm[308]![0]), x1 = Math.max(lm[78]![0], lm[308]![0]);
  const cx = (x0 + x1) / 2, half = Math.max(1, (x1 - x0) / 2);
  const s: number[] = [], p: number[] = [];
  for (let x = Math.max(0, Math.floor(x0)); x <= Math.min(W - 1, Math.ceil(x1)); x++) {
    let top = -1, bottom = -1;
    for (let y = 0; y < img.height; y++) if (mask[y * W + x]) { if (top < 0) top = y; bottom = y; }
    if (top < 0 || bottom - top < 1) continue;
    const end = top + Math.max(1, Math.round((bottom - top + 1) / 2));
    let sum = 0, n = 0;
    for (let y = top; y < end; y++) if (mask[y * W + x]) { sum += luma(d, (y * W + x) * 4); n++; }
    if (n) { s.push((x + 0.5 - cx) / half); p.push(sum / n); }
  }
  return p.length >= 8 ? { s, p, pxPerIod: dist(lm, 33, 263), half } : null;
}

/** The profile's running mean over `win` columns (a box, clipped at the ends). */
export function runningMean(p: number[], win: number): number[] {
  const r = Math.max(1, Math.round(win / 2));
  return p.map((_, i) => {
    let sum = 0, n = 0;
    for (let j = Math.max(0, i - r); j <= Math.min(p.length - 1, i + r); j++) { sum += p[j]!; n++; }
    return sum / n;
  });
}

/** The local minima at least `depth` under `mean`, merged when closer than `apart` columns: their column indices. */
export function dips(p: number[], mean: number[], depth: number, apart: number, keep: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 1; i < p.length - 1; i++) {
    if (!keep(i) || p[i]! > p[i - 1]! || p[i]! > p[i + 1]! || mean[i]! - p[i]! < depth) continue;
    const last = out[out.length - 1];
    if (last !== undefined && i - last < apart) { if (p[i]! < p[last]!) out[out.length - 1] = i; continue; }
    out.push(i);
  }
  return out;
}

/** (s39) The dip at column `i`: its width in columns where the profile is under half its depth below `mean[i]` (sub-column at each end). */
export function halfDepthWidth(p: number[], mean: number[], i: number): number {
  const level = p[i]! + (mean[i]! - p[i]!) / 2;
  const side = (step: 1 | -1) => {
    let j = i;
    while (j + step >= 0 && j + step < p.length && p[j + step]! < level) j += step;
    const k = j + step;
    if (k < 0 || k >= p.length) return Math.abs(j - i) + 0.5;
    // (the crossing between the last column under the level and the first over it)
    return Math.abs(j - i) + (level - p[j]!) / Math.max(1e-6, p[k]! - p[j]!);
  };
  return side(-1) + side(1);
}

/** The profile in `bins` bins of s from -1 to 1 (mean luma over the centre's; NaN: no column). */
export function binnedProfile(img: RgbaImage, lm: Lm, bins = 12): number[] {
  const prof = rowProfile(img, lm);
  if (!prof) return [];
  const centre = median(prof.p.filter((_, i) => Math.abs(prof.s[i]!) < 0.25));
  const sum = new Array<number>(bins).fill(0), n = new Array<number>(bins).fill(0);
  prof.s.forEach((v, i) => { const b = Math.min(bins - 1, Math.max(0, Math.floor(((v + 1) / 2) * bins))); sum[b]! += prof.p[i]!; n[b]!++; });
  return sum.map((v, b) => (n[b] ? v / n[b]! / centre : NaN));
}

/** The row's structure in a frame (null: no opening to read). */
export function rowStructure(img: RgbaImage, lm: Lm): RowStructure | null {
  const prof = rowProfile(img, lm);
  if (!prof) return null;
  const { s, p, pxPerIod, half } = prof;
  const within = (a: number, b: number) => p.filter((_, i) => Math.abs(s[i]!) >= a && Math.abs(s[i]!) < b);
  const centre = median(within(0, 0.25));
  const meanOf = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN);
  const corridorSide = (sign: 1 | -1) => {
    const idx = p.map((_, i) => i).filter((i) => Math.sign(s[i]!) === sign).sort((a, b) => Math.abs(s[b]!) - Math.abs(s[a]!));
    const first = idx.find((i) => p[i]! >= CORRIDOR_LIT * centre);
    return first === undefined ? 0.5 : (1 - Math.abs(s[first]!)) / 2;
  };
  const mean = runningMean(p, GAP_WINDOW * pxPerIod);
  const inner = (i: number) => Math.abs(s[i]!) < 0.7;
  const found = dips(p, mean, GAP_DEPTH * centre, GAP_APART * pxPerIod, inner);
  const spacing = found.slice(1).map((i, k) => (i - found[k]!) / pxPerIod);
  const resid = p.map((v, i) => v - mean[i]!).filter((_, i) => inner(i));
  return {
    centre,
    mid: meanOf(within(0.45, 0.65)) / centre,
    side: meanOf(within(0.65, 0.85)) / centre,
    corner: meanOf(within(0.85, 1.01)) / centre,
    corridor: (corridorSide(-1) + corridorSide(1)) / 2,
    gaps: found.length,
    gapDepth: found.length ? meanOf(found.map((i) => mean[i]! - p[i]!)) / centre : 0,
    gapSpacing: spacing.length ? median(spacing) : NaN,
    gapRms: Math.sqrt(meanOf(resid.map((v) => v * v))) / centre,
    widthIod: (2 * half) / pxPerIod,
    toothPeaks: found.slice(1).map((i, k) => Math.max(...p.slice(found[k]!, i + 1)) / centre),
    toothWidths: spacing,
    gapDepths: found.map((i) => (mean[i]! - p[i]!) / centre),
    gapWidths: found.map((i) => halfDepthWidth(p, mean, i) / pxPerIod),
    ...((e) => ({ edgeRms: e.rms, notches: e.notches, tipRms: e.tipRms, tipVs: e.tipVs }))(incisalEdge(img, lm, centre)),
  };
}

/** One line of figures. */
export function rowStructureText(r: RowStructure | null): string {
  if (!r) return 'no opening';
  const f = (v: number, k = 2) => (Number.isFinite(v) ? v.toFixed(k) : '-');
  return `centre ${f(r.centre, 0)} mid ${f(r.mid)} side ${f(r.side)} corner ${f(r.corner)} corridor ${f(r.corridor, 3)} gaps ${r.gaps} depth ${f(r.gapDepth, 3)} spacing ${f(r.gapSpacing, 3)} rms ${f(r.gapRms, 3)} width ${f(r.widthIod)} edge rms ${f(r.edgeRms, 1)} notches ${r.notches} tips rms ${f(r.tipRms, 0)} V's ${r.tipVs}`;
}
