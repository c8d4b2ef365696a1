// The upper row under what hangs over it (s59 oldteeth59, critic58 #3: lp_s12's crisp white row under a black
// moustache). On one frame (real or rendered) with its face mesh, every figure over the same frame's own so a 256 px
// video and a 512 px render compare; the mouth's central half of its width only (the corners have their own shade):
// - over: the median luma of the band up to OVER_REACH iod above the outer upper lip line (moustache or skin) over the cheeks';
// - lip: the upper lip's median luma (outer to inner line) over the cheeks';
// - t90: the opening's lit pixels' (over .6 of its p97) p90 over the cheeks' — the row's light;
// - top: the opening's median luma in the first TOP_BAND iod under the inner upper lip line over t90 — the row's top;
// - prof: the same in steps of STEP iod down from the line (the light's fall from under the overhang);
// - litProf: the lit pixels' median alone in those steps over t90 (the teeth's own fall, the cavity kept out);
// - under: the opening's median luma from UNDER[0] to UNDER[1] iod under the inner line over the cheeks' — the row right under
//   the overhang against the face (a shaven talker's lit row about .9, a moustached talker's .5);
// - start: the median depth (iod) under the inner line of each column's first lit pixel — how much of the top is hidden.
// Figures only; never asserts.
import { polygonMask } from '../src/eval/masks.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER, LIPS_OUTER_UPPER } from '../src/rig/topology.ts';
import { CHEEKS } from '../src/motion/teethTone.ts';

type Lm = ArrayLike<ArrayLike<number>>;
export interface Overhang { gap: number; under: number; over: number; lip: number; t90: number; top: number; start: number; prof: number[]; litProf: number[] }

const UNDER = [0.02, 0.06] as const;
const TEETH_LIT = 0.6, MIN_GAP = 0.05, OVER_REACH = 0.05, TOP_BAND = 0.02, STEP = 0.01, STEPS = 8;
const Y = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;
const pct = (v: number[], p: number) => { const s = [...v].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN; };
const poly = (lm: Lm, ids: number[]) => ids.map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]);

/** the polyline's y at column x (linear between its points; NaN outside) */
export function lineY(pts: [number, number][], x: number): number {
  for (let i = 0; i + 1 < pts.length; i++) {
    const [x0, y0] = pts[i]!, [x1, y1] = pts[i + 1]!;
    if ((x - x0) * (x - x1) <= 0 && x0 !== x1) return y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
  }
  return NaN;
}

export function overhang(d: ArrayLike<number>, W: number, H: number, lm: Lm): Overhang | null {
  const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
  const gap = Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / iod;
  if (gap < MIN_GAP) return null;
  const inner = polygonMask(poly(lm, [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()]), W, H);
  const inUp = poly(lm, LIPS_INNER_UPPER), outUp = poly(lm, LIPS_OUTER_UPPER);
  const xl = lm[61]![0]!, xr = lm[291]![0]!, x0 = Math.ceil(xl + 0.25 * (xr - xl)), x1 = Math.floor(xr - 0.25 * (xr - xl));
  const open: number[] = [];
  for (let q = 0; q < W * H; q++) if (inner[q]) open.push(Y(d, q * 4));
  if (open.length < 20) return null;
  const p97 = pct(open, 0.97), lit = open.filter((v) => v >= TEETH_LIT * p97);
  const cheeks: number[] = [], r = Math.max(2, Math.round(0.04 * iod));
  for (const i of CHEEKS) for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) {
    const x = Math.round(lm[i]![0]! + dx), y = Math.round(lm[i]![1]! + dy);
    if (x >= 0 && y >= 0 && x < W && y < H) cheeks.push(Y(d, (y * W + x) * 4));
  }
  const cheek = Math.max(1, pct(cheeks, 0.5)), t90 = pct(lit, 0.9);
  const over: number[] = [], lip: number[] = [], top: number[] = [], starts: number[] = [], under: number[] = [];
  const prof: number[][] = Array.from({ length: STEPS }, () => []), litP: number[][] = Array.from({ length: STEPS }, () => []);
  for (let x = x0; x <= x1; x++) {
    const yi = lineY(inUp, x), yo = lineY(outUp, x);
    if (!(yi === yi) || !(yo === yo)) continue;
    for (let y = Math.floor(yo - OVER_REACH * iod); y < yo; y++) if (y >= 0) over.push(Y(d, (y * W + x) * 4));
    for (let y = Math.ceil(yo); y < yi; y++) lip.push(Y(d, (y * W + x) * 4));
    let found = false;
    for (let y = Math.ceil(yi); y < H; y++) {
      const q = y * W + x;
      if (!inner[q]) break;
      const v = Y(d, q * 4), depth = (y - yi) / iod;
      if (depth < TOP_BAND) top.push(v);
      if (depth >= UNDER[0] && depth < UNDER[1]) under.push(v);
      const k = Math.floor(depth / STEP);
      if (k < STEPS) { prof[k]!.push(v); if (v >= TEETH_LIT * p97) litP[k]!.push(v); }
      if (!found && v >= TEETH_LIT * p97) { starts.push(depth); found = true; }
    }
  }
  return {
    gap, under: pct(under, 0.5) / cheek, over: pct(over, 0.5) / cheek, lip: pct(lip, 0.5) / cheek, t90: t90 / cheek, top: pct(top, 0.5) / t90,
    start: pct(starts, 0.5), prof: prof.map((v) => (v.length ? pct(v, 0.5) / t90 : NaN)), litProf: litP.map((v) => (v.length >= 3 ? pct(v, 0.5) / t90 : NaN)),
  };
}

export function overhangText(o: Overhang | null): string {
  if (!o) return 'shut';
  return `gap ${o.gap.toFixed(3)} under ${o.under.toFixed(2)} over ${o.over.toFixed(2)} lip ${o.lip.toFixed(2)} t90 ${o.t90.toFixed(2)} top ${o.top.toFixed(2)} start ${o.start.toFixed(3)} prof ${o.prof.map((v) => (v === v ? v.toFixed(2) : ' -- ')).join(' ')} lit ${o.litProf.slice(0, 6).map((v) => (v === v ? v.toFixed(2) : ' -- ')).join(' ')}`;
}
