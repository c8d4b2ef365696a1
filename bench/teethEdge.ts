// The upper row's lower edge as a profile down a column (issue #13, contour28): from the teeth
// through whatever dark lies under their tips to the lower lip, in IOD units so a 720 px driver and
// a 512 px render compare. Pure figures for bench/teethEdgeProfile.ts; never asserts.
import type { RgbaImage } from '../src/types.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import type { Lm } from './readBack.ts';

/** One column's edge: how wide the fall from the teeth is, how dark the dark under them, its colour. */
export interface EdgeFigures {
  /** the fall from 90 % to 10 % of teeth-to-dark, IOD */
  width: number;
  /** the darkest point under the teeth over the teeth's peak luma, and over the lower lip's luma */
  dipOverTeeth: number;
  dipOverLip: number;
  /** how far (IOD) the dark stays within a quarter of the way from its darkest to the lip */
  darkWidth: number;
  /** the dark's colour, each channel over its luma (a red-brown cavity has r > 1 > b) */
  rgb: [number, number, number];
  /** the dark's luma (0-255) */
  dark: number;
  /** luma over the teeth's peak at DEPTHS IOD from the half-way point of the fall */
  curve: number[];
}

export const DEPTHS = [-0.02, -0.01, -0.005, 0, 0.005, 0.01, 0.02, 0.03];
const STEP = 0.002;

const luma = (c: number[]) => 0.299 * c[0]! + 0.587 * c[1]! + 0.114 * c[2]!;

/** bilinear RGB at (x, y) */
function rgbAt(img: RgbaImage, x: number, y: number): number[] {
  const W = img.width, H = img.height, d = img.data;
  const x0 = Math.max(0, Math.min(W - 2, Math.floor(x - 0.5))), y0 = Math.max(0, Math.min(H - 2, Math.floor(y - 0.5)));
  const fx = Math.min(1, Math.max(0, x - 0.5 - x0)), fy = Math.min(1, Math.max(0, y - 0.5 - y0));
  const out = [0, 0, 0];
  for (let ch = 0; ch < 3; ch++) {
    const a = d[(y0 * W + x0) * 4 + ch]!, b = d[(y0 * W + x0 + 1) * 4 + ch]!;
    const c = d[((y0 + 1) * W + x0) * 4 + ch]!, e = d[((y0 + 1) * W + x0 + 1) * 4 + ch]!;
    out[ch] = (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + e * fx) * fy;
  }
  return out;
}

/** the y of a lip line (landmark indices, left to right or right to left) at x */
function lineAt(lm: Lm, line: readonly number[], x: number): number {
  const pts = line.map((i) => lm[i]!).sort((a, b) => a[0] - b[0]);
  for (let k = 1; k < pts.length; k++) {
    const [x0, y0] = pts[k - 1]!, [x1, y1] = pts[k]!;
    if (x <= x1) return x1 === x0 ? y0 : y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
  }
  return pts[pts.length - 1]![1];
}

/** the columns across the middle of the opening: these shares of the way from its centre to its corners */
export const COLUMNS = [-0.45, -0.3, -0.15, 0, 0.15, 0.3, 0.45];

/** The edge figures at each column (null where no teeth-over-dark fall is found). */
export function edgeProfiles(img: RgbaImage, lm: Lm): (EdgeFigures | null)[] {
  const iod = Math.hypot(lm[263]![0] - lm[33]![0], lm[263]![1] - lm[33]![1]);
  const cx = (lm[78]![0] + lm[308]![0]) / 2, half = Math.abs(lm[308]![0] - lm[78]![0]) / 2;
  return COLUMNS.map((f) => {
    const x = cx + f * half;
    return columnEdge(img, x, lineAt(lm, LIPS_INNER_UPPER, x), lineAt(lm, LIPS_INNER_LOWER, x), iod);
  });
}

/** one column: samples every STEP IOD from the upper inner lip to 0.03 IOD under the lower one */
export function columnEdge(img: RgbaImage, x: number, top: number, bottom: number, iod: number): EdgeFigures | null {
  const ys: number[] = [], cs: number[][] = [];
  for (let y = top; y <= bottom + 0.03 * iod; y += STEP * iod) { ys.push(y); cs.push(rgbAt(img, x, y)); }
  const ls = cs.map(luma), inOpening = ys.findIndex((y) => y > bottom) - 1;
  if (inOpening < 2) return null;
  let peak = 0;
  for (let k = 0; k <= inOpening; k++) if (ls[k]! > ls[peak]!) peak = k;
  // the darkest point between the teeth and 0.01 IOD under the lower lip line
  const lipEnd = ys.findIndex((y) => y > bottom + 0.01 * iod);
  let dip = peak;
  for (let k = peak; k <= (lipEnd < 0 ? ys.length - 1 : lipEnd); k++) if (ls[k]! < ls[dip]!) dip = k;
  const lip = ls[ls.length - 1]!, fall = ls[peak]! - ls[dip]!;
  if (fall < 0.15 * ls[peak]!) return null;
  const cross = (share: number) => { for (let k = peak; k <= dip; k++) if (ls[k]! <= ls[dip]! + share * fall) return k; return dip; };
  const k90 = cross(0.9), k10 = cross(0.1), k50 = cross(0.5);
  const quarter = ls[dip]! + 0.25 * Math.max(0, lip - ls[dip]!);
  let a = dip, b = dip;
  while (a > peak && ls[a - 1]! <= quarter) a--;
  while (b < ls.length - 1 && ls[b + 1]! <= quarter) b++;
  const c = cs[dip]!, l = Math.max(1, ls[dip]!);
  const curve = DEPTHS.map((dd) => {
    const k = Math.max(0, Math.min(ls.length - 1, k50 + Math.round(dd / STEP)));
    return ls[k]! / ls[peak]!;
  });
  return {
    width: (k10 - k90) * STEP, dipOverTeeth: ls[dip]! / ls[peak]!, dipOverLip: ls[dip]! / Math.max(1, lip),
    darkWidth: (b - a + 1) * STEP, rgb: [c[0]! / l, c[1]! / l, c[2]! / l], dark: ls[dip]!, curve,
  };
}

const med = (v: number[]) => { const s = v.filter(Number.isFinite).sort((p, q) => p - q); return s.length ? s[s.length >> 1]! : NaN; };

/** the medians over a set of columns (and frames), as one line of text */
export function summary(figs: (EdgeFigures | null)[]): { text: string; n: number } {
  const f = figs.filter((e): e is EdgeFigures => e !== null);
  if (!f.length) return { text: 'no edge', n: 0 };
  const m = (g: (e: EdgeFigures) => number) => med(f.map(g));
  const curve = DEPTHS.map((_, i) => m((e) => e.curve[i]!).toFixed(2)).join(' ');
  const rgb = [0, 1, 2].map((i) => m((e) => e.rgb[i]!).toFixed(2)).join('/');
  return {
    n: f.length,
    text: `width ${m((e) => e.width).toFixed(4)} dip/teeth ${m((e) => e.dipOverTeeth).toFixed(2)} dip/lip ${m((e) => e.dipOverLip).toFixed(2)} darkW ${m((e) => e.darkWidth).toFixed(4)} dark ${m((e) => e.dark).toFixed(0)} rgb/l ${rgb} | curve ${curve}`,
  };
}

/**
 * The upper row's top edge (pegs30, s30): down a column from TOP_FROM IOD over the upper inner lip
 * line to the teeth's peak, the darkest luma within TOP_BAND IOD over the peak (the lip's shade on
 * the teeth's top, or the lip's wet inner edge) over the peak, and the lip's luma TOP_FROM over the
 * line over the peak, and the mean over the first TOP_LINING iod under the line over the peak. Real teeth at a small opening sit in the lip's shade (a soft darker lining);
 * teeth drawn up to bare skin show no dip. null where no teeth-lit peak is found.
 */
export function topEdge(img: RgbaImage, x: number, top: number, bottom: number, iod: number): { dip: number; lip: number; lining: number } | null {
  const ls: number[] = [], ys: number[] = [];
  for (let y = top - TOP_FROM * iod; y <= bottom; y += STEP * iod) { ys.push(y); ls.push(luma(rgbAt(img, x, y))); }
  const start = ys.findIndex((y) => y >= top);
  const mid = ys.findIndex((y) => y >= (top + bottom) / 2);
  if (start < 0 || mid <= start) return null;
  let peak = start;
  for (let k = start; k <= mid; k++) if (ls[k]! > ls[peak]!) peak = k;
  if (ls[peak]! < 1.1 * ls[0]!) return null;
  let dip = peak;
  for (let k = Math.max(0, peak - Math.round(TOP_BAND / STEP)); k <= peak; k++) if (ls[k]! < ls[dip]!) dip = k;
  // the mean over the first TOP_LINING iod under the lip line
  const band = ls.slice(start, start + Math.max(1, Math.round(TOP_LINING / STEP)));
  return { dip: ls[dip]! / ls[peak]!, lip: ls[0]! / ls[peak]!, lining: band.reduce((a, b) => a + b, 0) / band.length / ls[peak]! };
}
const TOP_FROM = 0.02, TOP_BAND = 0.025, TOP_LINING = 0.02;

/** topEdge at each column of edgeProfiles, medians as text */
export function topEdgeText(img: RgbaImage, lm: Lm): string {
  const iod = Math.hypot(lm[263]![0] - lm[33]![0], lm[263]![1] - lm[33]![1]);
  const cx = (lm[78]![0] + lm[308]![0]) / 2, half = Math.abs(lm[308]![0] - lm[78]![0]) / 2;
  const f = COLUMNS.map((c) => { const x = cx + c * half; return topEdge(img, x, lineAt(lm, LIPS_INNER_UPPER, x), lineAt(lm, LIPS_INNER_LOWER, x), iod); })
    .filter((e): e is { dip: number; lip: number; lining: number } => e !== null);
  return f.length ? `top (${f.length} cols): dip/teeth ${med(f.map((e) => e.dip)).toFixed(2)} lip/teeth ${med(f.map((e) => e.lip)).toFixed(2)} lining/teeth ${med(f.map((e) => e.lining)).toFixed(2)}` : 'top: none';
}
