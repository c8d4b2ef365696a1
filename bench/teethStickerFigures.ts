// The "sticker" figures of a mouth's teeth (s43 teeth43, issue #13: critic42 on lp_s5 <- lp_d10 f32-40 / f136-144, "a
// pure white crescent with a hard black outline all round, too bright for the warm painting"). On one frame (rendered
// or real) and its face mesh, inside the inner-lip opening: how much of the opening is lit teeth (`fill`, and over its
// outer third across, `cornerFill`), how dark the opening's darkest is against the face's own darks (`dark` over
// `faceDark`: the mesh's samples outside lips and eyes, their 5th percentile: nostrils, creases, the lip seam's
// surroundings) and how bright the lit teeth are against the face's brightest skin (teethToneFigures.ts). Figures only.
import { polygonMask } from '../src/eval/masks.ts';
import { EYE_L_LOOP, EYE_R_LOOP, LIPS_INNER_LOWER, LIPS_INNER_UPPER, LIPS_OUTER_LOWER, LIPS_OUTER_UPPER } from '../src/rig/topology.ts';

type Lm = ArrayLike<ArrayLike<number>>;
export interface Sticker {
  /** lip gap (iod) */ gap: number;
  /** mean luma of the opening's brightest 15 % (upper half), and over the face's bright skin (98th pct) */ teeth: number; overSkin: number;
  /** the opening's 5th-percentile luma, and over the face's own 5th percentile */ dark: number; overFaceDark: number; faceDark: number;
  /** share of the opening's pixels over LIT x teeth, all of it and over its outer third across */ fill: number; cornerFill: number;
  /** share of the opening's pixels with every channel >= 235 (near-white) */ white: number;
}

const TOP = 0.15, LIT = 0.8, MIN_GAP = 0.06;
const luma = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;
const poly = (lm: Lm, ids: number[]) => ids.map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]);
const pct = (v: number[], p: number) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(p * (s.length - 1))] ?? NaN; };

/** The figures on an RGBA frame W x H and its landmarks; null when the lips part less than MIN_GAP IOD. */
export function sticker(d: ArrayLike<number>, W: number, H: number, lm: Lm): Sticker | null {
  const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
  const gap = Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / iod;
  if (gap < MIN_GAP) return null;
  const inner = polygonMask(poly(lm, [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()]), W, H);
  const mid = 0.5 * (lm[13]![1]! + lm[14]![1]!), x0 = lm[78]![0]!, x1 = lm[308]![0]!, cx = 0.5 * (x0 + x1), half = Math.max(1, 0.5 * Math.abs(x1 - x0));
  const all: number[] = [], upper: number[] = [], outer: number[] = [];
  let white = 0;
  for (let q = 0; q < inner.length; q++) {
    if (!inner[q]) continue;
    const o = q * 4, l = luma(d, o), x = q % W;
    all.push(l);
    if (Math.floor(q / W) + 0.5 < mid) upper.push(l);
    if (Math.abs(x + 0.5 - cx) / half > 2 / 3) outer.push(l);
    if (Math.min(d[o]!, d[o + 1]!, d[o + 2]!) >= 235) white++;
  }
  if (upper.length < 20) return null;
  upper.sort((a, b) => b - a);
  const top = upper.slice(0, Math.ceil(TOP * upper.length)), teeth = top.reduce((s, v) => s + v, 0) / top.length;
  const out = [polygonMask(poly(lm, [...LIPS_OUTER_UPPER, ...[...LIPS_OUTER_LOWER].reverse()]), W, H), polygonMask(poly(lm, EYE_L_LOOP), W, H), polygonMask(poly(lm, EYE_R_LOOP), W, H)];
  const skin: number[] = [];
  for (let i = 0; i < 468; i++) for (let dy = -2; dy <= 2; dy += 2) for (let dx = -2; dx <= 2; dx += 2) {
    const x = Math.round(lm[i]![0]! + dx), y = Math.round(lm[i]![1]! + dy);
    if (x < 0 || y < 0 || x >= W || y >= H || out.some((m) => m[y * W + x])) continue;
    skin.push(luma(d, (y * W + x) * 4));
  }
  const faceDark = pct(skin, 0.05), bright = pct(skin, 0.98), dark = pct(all, 0.05), lit = LIT * teeth;
  return {
    gap, teeth, overSkin: teeth / Math.max(1, bright), dark, faceDark, overFaceDark: dark / Math.max(1, faceDark),
    fill: all.filter((l) => l > lit).length / all.length, cornerFill: outer.length ? outer.filter((l) => l > lit).length / outer.length : NaN, white: white / all.length,
  };
}

/** The figures' mean over frames (null frames left out). */
export function meanSticker(ts: (Sticker | null)[]): Sticker | null {
  const v = ts.filter((t): t is Sticker => t !== null);
  if (!v.length) return null;
  const m = (k: keyof Sticker) => { const ok = v.map((t) => t[k]).filter((x) => x === x); return ok.length ? ok.reduce((s, x) => s + x, 0) / ok.length : NaN; };
  return { gap: m('gap'), teeth: m('teeth'), overSkin: m('overSkin'), dark: m('dark'), faceDark: m('faceDark'), overFaceDark: m('overFaceDark'), fill: m('fill'), cornerFill: m('cornerFill'), white: m('white') };
}

export function stickerText(t: Sticker | null): string {
  if (!t) return 'shut';
  return `gap ${t.gap.toFixed(3)} teeth ${t.teeth.toFixed(0)} over skin ${t.overSkin.toFixed(2)} | dark ${t.dark.toFixed(0)} over face's dark ${t.overFaceDark.toFixed(2)} (${t.faceDark.toFixed(0)}) | lit fill ${t.fill.toFixed(2)} corners ${t.cornerFill.toFixed(2)} | near-white ${(100 * t.white).toFixed(1)} %`;
}
