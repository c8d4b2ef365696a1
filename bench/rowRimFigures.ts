// The upper row's edge against the upper lip (s44 arc44, issue #13: critic43's lp_s5 "sticker" crescent and lp_s12's
// bright arc). Per pixel column of the inner-lip opening within |s| < SPAN of its half-width: the lip's light just
// above the opening (LIP_ABOVE px over its top), the row's brightest in the opening's upper half, and the darkest between
// them (the rim). A real row meets the upper lip directly (the lip's own inner shade, then teeth); a rim far under both
// is the dark outline a sticker has. Figures only; never asserts.
import { polygonMask } from '../src/eval/masks.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER, LIPS_OUTER_LOWER, LIPS_OUTER_UPPER } from '../src/rig/topology.ts';
import { luma, median, type Lm } from './readBack.ts';

const SPAN = 0.7, LIP_ABOVE = 3, LIT = 0.8, MIN_GAP = 0.06;

export interface RowRim {
  gap: number;
  /** median over lit columns of rim / teeth and rim / lip */ rimOverTeeth: number; rimOverLip: number;
  /** the same over the outer columns (|s| .4-.7) alone; rim / lip over the centre's (|s| < .25) */ outerRimOverTeeth: number; centreRimOverLip: number;
  /** share of the opening's columns (corner to corner) whose upper half is lit (> LIT x the centre's brightest) */ litWidth: number;
  /** how soft (gaussian sigma, px) the row's lower edge is against the dark under it, and the upper lip's outer edge
   *  against the skin in the same columns (the picture's own softness), and the first over the second */
  teethSigma: number; lipSigma: number; sharpRatio: number;
  /** the opening's dark (pixels under half the centre's brightest): its share of the opening, and its colour's
   *  saturation ((max - min) / max of RGB) over the lips' own (the outer lips' pixels outside the opening) */
  darkShare: number; darkSat: number; lipSat: number;
  /** how far the opening's middle hangs under its inner corners, over its width (a crescent's bend; 0 a level lens) */
  bend: number;
  /** how far the row's lower edge (each lit column's steepest fall under its brightest) hangs at |s| < .2 under where
   *  it is at |s| .45-.7, over the opening's width: a row bent as a crescent, or a straighter rigid row */
  tipBend: number;
}
const sat = (d: ArrayLike<number>, o: number) => { const mx = Math.max(d[o]!, d[o + 1]!, d[o + 2]!); return mx > 0 ? (mx - Math.min(d[o]!, d[o + 1]!, d[o + 2]!)) / mx : 0; };

const ROOT_2PI = Math.sqrt(2 * Math.PI);
/** a step's blur from its height over its steepest gradient (pictureBlur.ts's reading), null when flat */
function stepSigma(v: number[]): number | null {
  let lo = Infinity, hi = -Infinity, g = 0;
  for (let i = 0; i < v.length; i++) { lo = Math.min(lo, v[i]!); hi = Math.max(hi, v[i]!); if (i) g = Math.max(g, Math.abs(v[i]! - v[i - 1]!)); }
  return hi - lo > 12 && g > 0 ? (hi - lo) / (g * ROOT_2PI) : null;
}

export function rowRim(d: ArrayLike<number>, W: number, H: number, lm: Lm): RowRim | null {
  const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
  const gap = Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / iod;
  if (gap < MIN_GAP) return null;
  const inner = polygonMask([...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]), W, H);
  const x0 = Math.min(lm[78]![0]!, lm[308]![0]!), x1 = Math.max(lm[78]![0]!, lm[308]![0]!), cx = 0.5 * (x0 + x1), half = Math.max(1, 0.5 * (x1 - x0));
  const outerLips = polygonMask([...LIPS_OUTER_UPPER, ...[...LIPS_OUTER_LOWER].reverse()].map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]), W, H);
  const cols: { s: number; peak: number; rim: number; lip: number; tS: number | null; lS: number | null; tipY: number }[] = [];
  for (let x = Math.ceil(x0); x <= Math.floor(x1); x++) {
    let top = -1, bot = -1;
    for (let y = 0; y < H; y++) if (inner[y * W + x]) { if (top < 0) top = y; bot = y; }
    if (top < LIP_ABOVE || bot - top < 2) continue;
    const L = (y: number) => luma(d, (y * W + x) * 4);
    let peak = -1, py = top;
    for (let y = top; y <= (top + bot) >> 1; y++) if (L(y) > peak) { peak = L(y); py = y; }
    let rim = L(top - 1);
    for (let y = top - 1; y <= py; y++) rim = Math.min(rim, L(y));
    let below = py;
    for (let y = py; y <= Math.min(H - 1, bot + 1); y++) if (L(y) < L(below)) below = y;
    const down: number[] = [];
    let tipY = py, fall = -1;
    for (let y = py; y <= below; y++) { down.push(L(y)); if (y < below && L(y) - L(y + 1) > fall) { fall = L(y) - L(y + 1); tipY = y + 0.5; } }
    let otop = -1;
    for (let y = 0; y < H; y++) if (outerLips[y * W + x]) { otop = y; break; }
    const across: number[] = [];
    if (otop >= 6) for (let y = otop - 6; y <= Math.min(top - 1, otop + 6); y++) across.push(L(y));
    cols.push({ s: (x + 0.5 - cx) / half, peak, rim, lip: L(top - LIP_ABOVE), tS: stepSigma(down), lS: stepSigma(across), tipY });
  }
  const centre = Math.max(0, ...cols.filter((c) => Math.abs(c.s) < 0.25).map((c) => c.peak));
  if (!cols.length || !centre) return null;
  const lit = cols.filter((c) => Math.abs(c.s) < SPAN && c.peak > LIT * centre), outer = lit.filter((c) => Math.abs(c.s) > 0.4);
  const darkS: number[] = [], lipS: number[] = [];
  let n = 0;
  for (let q = 0; q < inner.length; q++) {
    if (inner[q]) { n++; if (luma(d, q * 4) < 0.5 * centre) darkS.push(sat(d, q * 4)); } else if (outerLips[q]) lipS.push(sat(d, q * 4));
  }
  const ok = (v: (number | null)[]) => v.filter((q): q is number => q !== null);
  const teethSigma = median(ok(lit.map((c) => c.tS))), lipSigma = median(ok(lit.map((c) => c.lS)));
  return {
    tipBend: (median(lit.filter((c) => Math.abs(c.s) < 0.2).map((c) => c.tipY)) - median(lit.filter((c) => Math.abs(c.s) > 0.45).map((c) => c.tipY))) / Math.max(1, x1 - x0),
    bend: (0.5 * (lm[13]![1]! + lm[14]![1]!) - 0.5 * (lm[78]![1]! + lm[308]![1]!)) / Math.max(1, x1 - x0),
    darkShare: darkS.length / Math.max(1, n), darkSat: median(darkS), lipSat: median(lipS),
    teethSigma, lipSigma, sharpRatio: teethSigma / lipSigma,
    gap, rimOverTeeth: median(lit.map((c) => c.rim / c.peak)), rimOverLip: median(lit.map((c) => c.rim / Math.max(1, c.lip))),
    outerRimOverTeeth: median(outer.map((c) => c.rim / c.peak)), centreRimOverLip: median(lit.filter((c) => Math.abs(c.s) < 0.25).map((c) => c.rim / Math.max(1, c.lip))), litWidth: cols.filter((c) => c.peak > LIT * centre).length / cols.length,
  };
}

export function meanRim(ts: (RowRim | null)[]): RowRim | null {
  const v = ts.filter((t): t is RowRim => t !== null);
  if (!v.length) return null;
  const m = (k: keyof RowRim) => { const ok = v.map((t) => t[k]).filter((x) => x === x); return ok.reduce((s, x) => s + x, 0) / Math.max(1, ok.length); };
  return { gap: m('gap'), rimOverTeeth: m('rimOverTeeth'), rimOverLip: m('rimOverLip'), outerRimOverTeeth: m('outerRimOverTeeth'), centreRimOverLip: m('centreRimOverLip'), litWidth: m('litWidth'), teethSigma: m('teethSigma'), lipSigma: m('lipSigma'), sharpRatio: m('sharpRatio'), darkShare: m('darkShare'), darkSat: m('darkSat'), lipSat: m('lipSat'), bend: m('bend'), tipBend: m('tipBend') };
}

export const rimText = (t: RowRim | null) => !t ? 'shut' :
  `gap ${t.gap.toFixed(3)} bend ${t.bend.toFixed(2)} tip bend ${t.tipBend.toFixed(3)} rim/teeth ${t.rimOverTeeth.toFixed(2)} (outer ${t.outerRimOverTeeth.toFixed(2)}) rim/lip ${t.rimOverLip.toFixed(2)} (centre ${t.centreRimOverLip.toFixed(2)}) lit width ${t.litWidth.toFixed(2)} | sigma teeth ${t.teethSigma.toFixed(2)} lip ${t.lipSigma.toFixed(2)} px, ratio ${t.sharpRatio.toFixed(2)} | dark ${t.darkShare.toFixed(2)} of the opening, sat ${t.darkSat.toFixed(2)} lips' ${t.lipSat.toFixed(2)}`;
