// The teeth's light and colour against the picture's own (s40 teeth40, issue #13: lp_s12, a faded
// hand-tinted photo, showed bright white teeth, whiter than anything else on its face). On one frame
// (rendered or real) with its face mesh: the lit teeth (the brightest TOP share of the inner-lip
// opening's upper half) against the face's brightest skin (the mesh's samples outside lips and eyes,
// their LIGHT_PCT percentile: pictureWhite's read, robust to one glint). Figures only (bench/teethTone.ts,
// test/teethTone.test.ts).
import { polygonMask } from '../src/eval/masks.ts';
import { EYE_L_LOOP, EYE_R_LOOP, LIPS_INNER_LOWER, LIPS_INNER_UPPER, LIPS_OUTER_LOWER, LIPS_OUTER_UPPER } from '../src/rig/topology.ts';

type Lm = ArrayLike<ArrayLike<number>>;
type Rgb = [number, number, number];
export interface TeethTone {
  /** the lit teeth's mean luma, and over the face's brightest skin's */
  teeth: number; over: number;
  /** the lit teeth's saturation ((max - min) / max) and the bright skin's */
  teethSat: number; skinSat: number;
  /** hue angle of the teeth's colour less the bright skin's (degrees; NaN when the teeth are grey) */
  hueOff: number;
  /** the teeth's R - B, and the bright skin's luma */
  rb: number; skin: number;
}

const TOP = 0.15, LIGHT_PCT = 0.98, MIN_GAP = 0.06;
const luma = (c: ArrayLike<number>) => 0.299 * c[0]! + 0.587 * c[1]! + 0.114 * c[2]!;
const sat = (c: Rgb) => (Math.max(...c) - Math.min(...c)) / Math.max(1, Math.max(...c));
const hue = (c: Rgb) => (Math.atan2(Math.sqrt(3) * (c[1] - c[2]), 2 * c[0] - c[1] - c[2]) * 180) / Math.PI;
const mean = (cs: Rgb[]): Rgb => cs.reduce((s, c) => [s[0] + c[0] / cs.length, s[1] + c[1] / cs.length, s[2] + c[2] / cs.length] as Rgb, [0, 0, 0] as Rgb);
const poly = (lm: Lm, ids: number[]) => ids.map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]);

/** The figures on an RGBA frame W x H and its landmarks; null when the lips part less than MIN_GAP IOD. */
export function teethTone(d: ArrayLike<number>, W: number, H: number, lm: Lm): TeethTone | null {
  const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
  const gap = Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / iod;
  if (gap < MIN_GAP) return null;
  const inner = polygonMask(poly(lm, [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()]), W, H);
  const mid = 0.5 * (lm[13]![1]! + lm[14]![1]!);
  const px: Rgb[] = [];
  for (let q = 0; q < inner.length; q++) if (inner[q] && Math.floor(q / W) + 0.5 < mid) px.push([d[q * 4]!, d[q * 4 + 1]!, d[q * 4 + 2]!]);
  if (px.length < 20) return null;
  px.sort((a, b) => luma(b) - luma(a));
  const teeth = mean(px.slice(0, Math.ceil(TOP * px.length)));
  // the face's skin: the mesh's points (2 px around each) outside the lips and the eyes
  const out = [polygonMask(poly(lm, [...LIPS_OUTER_UPPER, ...[...LIPS_OUTER_LOWER].reverse()]), W, H), polygonMask(poly(lm, EYE_L_LOOP), W, H), polygonMask(poly(lm, EYE_R_LOOP), W, H)];
  const skin: Rgb[] = [];
  for (let i = 0; i < 468; i++) for (let dy = -2; dy <= 2; dy += 2) for (let dx = -2; dx <= 2; dx += 2) {
    const x = Math.round(lm[i]![0]! + dx), y = Math.round(lm[i]![1]! + dy);
    if (x < 0 || y < 0 || x >= W || y >= H || out.some((m) => m[y * W + x])) continue;
    const o = (y * W + x) * 4;
    skin.push([d[o]!, d[o + 1]!, d[o + 2]!]);
  }
  skin.sort((a, b) => luma(a) - luma(b));
  const k = Math.floor(LIGHT_PCT * (skin.length - 1));
  const bright = mean(skin.slice(Math.max(0, k - Math.ceil(0.04 * skin.length)), k + 1));
  const ty = luma(teeth), sy = luma(bright);
  return { teeth: ty, over: ty / Math.max(1, sy), teethSat: sat(teeth), skinSat: sat(bright), hueOff: sat(teeth) < 0.02 ? NaN : ((hue(teeth) - hue(bright) + 540) % 360) - 180, rb: teeth[0] - teeth[2], skin: sy };
}

/** The figures' mean over frames (null frames left out). */
export function meanTone(ts: (TeethTone | null)[]): TeethTone | null {
  const v = ts.filter((t): t is TeethTone => t !== null);
  if (!v.length) return null;
  const m = (f: (t: TeethTone) => number) => { const ok = v.map(f).filter((x) => x === x); return ok.length ? ok.reduce((s, x) => s + x, 0) / ok.length : NaN; };
  return { teeth: m((t) => t.teeth), over: m((t) => t.over), teethSat: m((t) => t.teethSat), skinSat: m((t) => t.skinSat), hueOff: m((t) => t.hueOff), rb: m((t) => t.rb), skin: m((t) => t.skin) };
}

export function teethToneText(t: TeethTone | null): string {
  if (!t) return 'shut';
  return `teeth ${t.teeth.toFixed(0)} over skin ${t.over.toFixed(2)} (skin ${t.skin.toFixed(0)}) sat ${t.teethSat.toFixed(3)} / skin ${t.skinSat.toFixed(3)} hue off ${t.hueOff.toFixed(0)} R-B ${t.rb.toFixed(0)}`;
}
