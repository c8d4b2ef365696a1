// The teeth against the face's own skin (s46 teethlook46, critic45 worst #5: "teeth whiter and more even than
// every driver's"). On one frame (real or rendered) with its face mesh: the teeth are the upper half of the
// inner-lip opening's pixels lit over TEETH_LIT of its 97th percentile; the skin 5 x 5 px around the cheeks' mesh
// points (CHEEKS: the whole mesh's median fell on lp_s12's moustache). Figures:
// - tone: the teeth's median luma over the skin's median (not its brightest: a face's lit skin varies less than
//   its brightest glint), top: their 90th percentile over it;
// - spread: (p90 - p10) / p50 of the teeth's luma (a smooth band is narrow, a real row with shade and gaps wide);
// - sat: the teeth's median saturation over the skin's (whiter than the light = low);
// - fine: the teeth's luma about a 3 x 3 box mean, rms over their median (tooth edges, gaps, texture);
// - lips (s54 rowtone54): the teeth's median luma over the lips' (the ring between the outer and inner contours);
//   contrast: (teeth median - the whole opening's 10th percentile) / teeth median (a faint row in a lit mouth is low);
// - yellow: the teeth's ((R + G) / 2 - B) / luma over the skin's (median pixels); hueOff: the teeth's mean hue less the skin's (degrees).
// Figures only; never asserts.
import { polygonMask } from '../src/eval/masks.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER, LIPS_OUTER_LOWER, LIPS_OUTER_UPPER } from '../src/rig/topology.ts';
import { CHEEKS } from '../src/motion/teethTone.ts';

type Lm = ArrayLike<ArrayLike<number>>;
export interface TeethSkin { gap: number; tone: number; lips: number; contrast: number; top: number; spread: number; sat: number; fine: number; yellow: number; hueOff: number; n: number }

const TEETH_LIT = 0.6, MIN_GAP = 0.06;
const Y = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;
const S = (d: ArrayLike<number>, o: number) => { const mx = Math.max(d[o]!, d[o + 1]!, d[o + 2]!); return (mx - Math.min(d[o]!, d[o + 1]!, d[o + 2]!)) / Math.max(1, mx); };
const YEL = (d: ArrayLike<number>, o: number) => ((d[o]! + d[o + 1]!) / 2 - d[o + 2]!) / Math.max(1, Y(d, o));
const HUE = (c: number[]) => (Math.atan2(Math.sqrt(3) * (c[1]! - c[2]!), 2 * c[0]! - c[1]! - c[2]!) * 180) / Math.PI;
const meanRgb = (d: ArrayLike<number>, os: number[]) => [0, 1, 2].map((k) => os.reduce((s, o) => s + d[o + k]!, 0) / Math.max(1, os.length));
const pct = (v: number[], p: number) => { const s = [...v].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]!; };
const poly = (lm: Lm, ids: number[]) => ids.map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]);

/** `half`: the opening's upper half (the upper row, as until s54) or its lower half (the lower row where one shows) */
export function teethSkin(d: ArrayLike<number>, W: number, H: number, lm: Lm, half: 'upper' | 'lower' = 'upper'): TeethSkin | null {
  const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
  const gap = Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / iod;
  if (gap < MIN_GAP) return null;
  const inner = polygonMask(poly(lm, [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()]), W, H);
  const mid = 0.5 * (lm[13]![1]! + lm[14]![1]!);
  const qs: number[] = [];
  for (let q = 0; q < inner.length; q++) if (inner[q] && (Math.floor(q / W) + 0.5 < mid) === (half === 'upper')) qs.push(q);
  if (qs.length < 20) return null;
  const p97 = pct(qs.map((q) => Y(d, q * 4)), 0.97);
  const teeth = qs.filter((q) => Y(d, q * 4) >= TEETH_LIT * p97);
  const sy: number[] = [], ss: number[] = [], sYel: number[] = [], sO: number[] = [];
  for (const i of CHEEKS) for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) {
    const x = Math.round(lm[i]![0]! + dx), y = Math.round(lm[i]![1]! + dy);
    if (x < 0 || y < 0 || x >= W || y >= H) continue;
    const o = (y * W + x) * 4;
    sy.push(Y(d, o)); ss.push(S(d, o)); sYel.push(YEL(d, o)); sO.push(o);
  }
  const skin = pct(sy, 0.5), skinSat = pct(ss, 0.5);
  const ty = teeth.map((q) => Y(d, q * 4)), t50 = pct(ty, 0.5);
  const outer = polygonMask(poly(lm, [...LIPS_OUTER_UPPER, ...[...LIPS_OUTER_LOWER].reverse()]), W, H), ly: number[] = [], oy: number[] = [];
  for (let q = 0; q < outer.length; q++) if (outer[q] && !inner[q]) ly.push(Y(d, q * 4)); else if (inner[q]) oy.push(Y(d, q * 4));
  const lips = ly.length ? t50 / Math.max(1, pct(ly, 0.5)) : NaN, contrast = (t50 - pct(oy, 0.1)) / Math.max(1, t50);
  const fineSq = teeth.map((q) => {
    const x = q % W, y = Math.floor(q / W);
    let s = 0, n = 0;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) { const xx = x + dx, yy = y + dy; if (xx >= 0 && yy >= 0 && xx < W && yy < H) { s += Y(d, (yy * W + xx) * 4); n++; } }
    return (Y(d, q * 4) - s / n) ** 2;
  });
  return {
    gap, tone: t50 / skin, lips, contrast, top: pct(ty, 0.9) / skin, spread: (pct(ty, 0.9) - pct(ty, 0.1)) / t50,
    sat: pct(teeth.map((q) => S(d, q * 4)), 0.5) / Math.max(0.01, skinSat),
    fine: Math.sqrt(fineSq.reduce((a, b) => a + b, 0) / fineSq.length) / t50, n: teeth.length,
    yellow: pct(teeth.map((q) => YEL(d, q * 4)), 0.5) / Math.max(0.01, pct(sYel, 0.5)),
    hueOff: ((HUE(meanRgb(d, teeth.map((q) => q * 4))) - HUE(meanRgb(d, sO)) + 540) % 360) - 180,
  };
}

export function meanSkin(v: (TeethSkin | null)[]): TeethSkin | null {
  const ok = v.filter((t): t is TeethSkin => t !== null);
  if (!ok.length) return null;
  const m = (k: keyof TeethSkin) => ok.reduce((s, t) => s + t[k], 0) / ok.length;
  return { gap: m('gap'), tone: m('tone'), lips: m('lips'), contrast: m('contrast'), top: m('top'), spread: m('spread'), sat: m('sat'), fine: m('fine'), yellow: m('yellow'), hueOff: m('hueOff'), n: ok.length };
}

export function teethSkinText(t: TeethSkin | null): string {
  if (!t) return 'shut';
  return `gap ${t.gap.toFixed(3)} tone ${t.tone.toFixed(2)} lips ${t.lips.toFixed(2)} contrast ${t.contrast.toFixed(2)} top ${t.top.toFixed(2)} spread ${t.spread.toFixed(2)} sat ${t.sat.toFixed(2)} fine ${t.fine.toFixed(3)} yellow ${t.yellow.toFixed(2)} hue ${t.hueOff.toFixed(0)} (n ${t.n})`;
}
