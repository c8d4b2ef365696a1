// The teeth's size and light in the opening (s48 brightteeth48, critic47 #3: "lp_s42's teeth oversized and too bright").
// On one frame (real or rendered) with its face mesh (x, y per landmark): the opening is the inner-lip contour,
// the teeth its pixels isTeethPixel takes against the lips' light and saturation (the tracker's own reader). Figures:
// - gap: the lip gap (13-14) over the IOD (eye corners 33-263);
// - share: the teeth's share of the opening;
// - upH: down the middle columns (within MID of the opening's half width), the upper row's run (from the first teeth
//   pixel in the column's top 40 %, while teeth, one-pixel breaks bridged) over the column's height, median;
//   upIod: that run in IOD (the visible tooth's height);
// - rowW: the columns with teeth in the opening's upper half, first to last, over the opening's width;
// - overLip: the teeth's median luma over the lips' (lipReference), overCheek over the cheeks' median (teethSkin's points),
//   Y: their median luma.
// Figures only; never asserts.
import { isTeethPixel, lipReference } from '../src/motion/mouthDark.ts';
import { MOUTH_LOOP } from '../src/rig/topology.ts';
import { rowCrossings } from '../src/math/polygon.ts';
import type { RgbaImage } from '../src/types.ts';

type Lm = ArrayLike<ArrayLike<number>>;
export interface TeethSize { gap: number; share: number; upH: number; upIod: number; rowW: number; overLip: number; overCheek: number; Y: number }

const MID = 0.25, TOP_START = 0.4, MIN_GAP = 0.05;
const CHEEKS = [50, 101, 118, 117, 123, 147, 205, 36, 280, 330, 347, 346, 352, 376, 425, 266];
const luma = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;
const med = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };

export function teethSize(img: RgbaImage, lm: Lm): TeethSize | null {
  const W = img.width, H = img.height, d = img.data;
  const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
  const gap = Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / iod;
  if (gap < MIN_GAP) return null;
  const flat = new Float64Array(lm.length * 3);
  for (let i = 0; i < lm.length; i++) { flat[i * 3] = lm[i]![0]!; flat[i * 3 + 1] = lm[i]![1]!; }
  const { light, sat } = lipReference(img, flat);
  const poly = MOUTH_LOOP.map((k) => [lm[k]![0]!, lm[k]![1]!] as [number, number]);
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const [x, y] of poly) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  // per column: the opening's rows, teeth or not
  const cols = new Map<number, { y: number; t: boolean }[]>();
  const xs: number[] = [], ys: number[] = [];
  let n = 0;
  for (let y = Math.max(0, Math.ceil(y0)); y <= Math.min(H - 1, Math.floor(y1)); y++) {
    rowCrossings(poly, y, xs);
    for (let k = 0; k + 1 < xs.length; k += 2)
      for (let x = Math.max(0, Math.ceil(xs[k]!)); x < Math.min(W, xs[k + 1]!); x++) {
        const o = (y * W + x) * 4, t = isTeethPixel(d[o]!, d[o + 1]!, d[o + 2]!, light, sat);
        n++;
        if (t) ys.push(luma(d, o));
        if (!cols.has(x)) cols.set(x, []);
        cols.get(x)!.push({ y, t });
      }
  }
  if (n < 20) return null;
  const cx = 0.5 * (x0 + x1), half = 0.5 * (x1 - x0);
  const runs: number[] = [], runPx: number[] = [];
  let first = Infinity, last = -Infinity;
  for (const [x, c] of cols) {
    const top = c[0]!.y, h = c.length, midY = top + 0.5 * h;
    if (c.some((p) => p.t && p.y < midY)) { first = Math.min(first, x); last = Math.max(last, x); }
    if (Math.abs(x - cx) > MID * half || h < 3) continue;
    const start = c.findIndex((p) => p.t);
    if (start < 0 || start > TOP_START * h) { runs.push(0); runPx.push(0); continue; }
    let end = start;
    while (end + 1 < h && (c[end + 1]!.t || (end + 2 < h && c[end + 2]!.t))) end++;
    runs.push((end - start + 1) / h); runPx.push(end - start + 1);
  }
  const sk: number[] = [];
  for (const i of CHEEKS) for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) {
    const x = Math.round(lm[i]![0]! + dx), y = Math.round(lm[i]![1]! + dy);
    if (x >= 0 && y >= 0 && x < W && y < H) sk.push(luma(d, (y * W + x) * 4));
  }
  const Y = ys.length ? med(ys) : NaN;
  return {
    gap, share: ys.length / n, upH: med(runs), upIod: med(runPx) / iod,
    rowW: last >= first ? (last - first + 1) / Math.max(1, x1 - x0) : 0,
    overLip: Y / light, overCheek: Y / med(sk), Y,
  };
}

export function meanSize(v: (TeethSize | null)[]): TeethSize | null {
  const ok = v.filter((t): t is TeethSize => t !== null && Number.isFinite(t.Y));
  if (!ok.length) return null;
  const m = (k: keyof TeethSize) => ok.reduce((s, t) => s + t[k], 0) / ok.length;
  return { gap: m('gap'), share: m('share'), upH: m('upH'), upIod: m('upIod'), rowW: m('rowW'), overLip: m('overLip'), overCheek: m('overCheek'), Y: m('Y') };
}

export function teethSizeText(t: TeethSize | null): string {
  if (!t) return 'shut';
  return `gap ${t.gap.toFixed(3)} share ${t.share.toFixed(2)} upH ${t.upH.toFixed(2)} upIod ${t.upIod.toFixed(3)} rowW ${t.rowW.toFixed(2)} overLip ${t.overLip.toFixed(2)} overCheek ${t.overCheek.toFixed(2)} Y ${t.Y.toFixed(0)}`;
}
