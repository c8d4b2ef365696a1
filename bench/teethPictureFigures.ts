// The teeth against the picture they sit in (s58 softteeth58, critic57 "crisp, uniform, bright white tooth blocks"
// on soft, old or painted portraits), on one frame (real or rendered) with its face mesh. Every figure is the teeth's
// over the same frame's own, so a soft 256 px video and a sharp 512 px render compare:
// - blur: the teeth's edges' blur (pictureBlur.ts stepSigma on the steepest crests within 2 px of the lit teeth) over
//   the picture's own edges about the mouth (the same reading within .25 IOD of the outer lips, the opening kept out);
// - grain: the robust fine-band spread on flat places (flatGrain) of the teeth over the cheeks';
// - tone: the teeth's median luma over the cheeks' (teethSkinFigures.ts); chroma: their median Lab chroma over the cheeks';
// - cols: the teeth band's column-mean luma about a 9-column running mean, rms over the mean (a uniform block low).
// Figures only; never asserts.
import { polygonMask } from '../src/eval/masks.ts';
import { stepSigma } from '../src/render/mouth/pictureBlur.ts';
import { gaussianBlur } from '../src/eval/metrics/ssim.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER, LIPS_OUTER_LOWER, LIPS_OUTER_UPPER } from '../src/rig/topology.ts';
import { CHEEKS } from '../src/motion/teethTone.ts';

type Lm = ArrayLike<ArrayLike<number>>;
export interface TeethPicture { gap: number; blurTeeth: number; blurLips: number; blur: number; grain: number; tone: number; chroma: number; cols: number; n: number }

const TEETH_LIT = 0.6, MIN_GAP = 0.05, REACH = 4;
const Y = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;
const pct = (v: number[], p: number) => { const s = [...v].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN; };
const poly = (lm: Lm, ids: number[]) => ids.map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]);

/** a rough Lab chroma (a*, b* from linear-ish opponent axes) of pixel o: enough to compare the teeth's with the skin's */
function chromaAt(d: ArrayLike<number>, o: number): number {
  const r = d[o]! / 255, g = d[o + 1]! / 255, b = d[o + 2]! / 255;
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [R, G, B] = [lin(r), lin(g), lin(b)];
  const X = (0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.9505, Yy = 0.2126 * R + 0.7152 * G + 0.0722 * B, Z = (0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.089;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const a = 500 * (f(X) - f(Yy)), bb = 200 * (f(Yy) - f(Z));
  return Math.hypot(a, bb);
}

function dilate(m: Uint8Array, W: number, H: number, r: number): Uint8Array {
  const out = new Uint8Array(m.length);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    if (!m[y * W + x]) continue;
    for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) {
      const xx = x + dx, yy = y + dy;
      if (xx >= 0 && yy >= 0 && xx < W && yy < H) out[yy * W + xx] = 1;
    }
  }
  return out;
}

/** The median blur (px) of the steepest step crests of luma `L` inside `mask` (the top `share` by gradient); NaN under 6 steps. */
export function maskBlur(L: Float32Array, W: number, H: number, mask: Uint8Array, share = 0.15): number {
  const mag = new Float32Array(W * H), cand: { q: number; m: number; ux: number; uy: number }[] = [];
  for (let y = 1; y < H - 1; y++) for (let x = 1; x < W - 1; x++) {
    const q = y * W + x, gx = (L[q + 1]! - L[q - 1]!) / 2, gy = (L[q + W]! - L[q - W]!) / 2, m = Math.hypot(gx, gy);
    mag[q] = m;
    if (mask[q] && m > 2) cand.push({ q, m, ux: gx / m, uy: gy / m });
  }
  cand.sort((a, b) => b.m - a.m);
  const at = (g: Float32Array, x: number, y: number) => {
    if (x < 0 || y < 0 || x > W - 2 || y > H - 2) return NaN;
    const ix = Math.floor(x), iy = Math.floor(y), ax = x - ix, ay = y - iy, v = (dx: number, dy: number) => g[(iy + dy) * W + ix + dx]!;
    return (1 - ay) * ((1 - ax) * v(0, 0) + ax * v(1, 0)) + ay * ((1 - ax) * v(0, 1) + ax * v(1, 1));
  };
  const s: number[] = [];
  for (const { q, m, ux, uy } of cand.slice(0, Math.max(12, Math.ceil(share * cand.length)))) {
    const x = q % W, y = (q - x) / W;
    if (!(m >= at(mag, x - ux, y - uy)) || !(m >= at(mag, x + ux, y + uy))) continue;
    const prof: number[] = [];
    for (let t = -REACH; t <= REACH; t++) prof.push(at(L, x + ux * t, y + uy * t));
    if (prof.some((v) => !(v === v))) continue;
    const sg = stepSigma(prof, m);
    if (sg !== null) s.push(sg);
  }
  return s.length < 6 ? NaN : pct(s, 0.5);
}

/** `half`: the whole opening (default), or its upper / lower half (one row) */
export function teethPicture(d: ArrayLike<number>, W: number, H: number, lm: Lm, half: 'all' | 'upper' | 'lower' = 'all'): TeethPicture | null {
  const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
  const gap = Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / iod;
  if (gap < MIN_GAP) return null;
  const L = new Float32Array(W * H);
  for (let q = 0; q < W * H; q++) L[q] = Y(d, q * 4);
  const inner = polygonMask(poly(lm, [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()]), W, H);
  const outer = polygonMask(poly(lm, [...LIPS_OUTER_UPPER, ...[...LIPS_OUTER_LOWER].reverse()]), W, H);
  const qs: number[] = [];
  const mid = 0.5 * (lm[13]![1]! + lm[14]![1]!);
  for (let q = 0; q < inner.length; q++) if (inner[q] && (half === 'all' || (Math.floor(q / W) + 0.5 < mid) === (half === 'upper'))) qs.push(q);
  if (qs.length < 20) return null;
  const p97 = pct(qs.map((q) => L[q]!), 0.97);
  const teeth = new Uint8Array(W * H);
  let n = 0;
  for (const q of qs) if (L[q]! >= TEETH_LIT * p97) { teeth[q] = 1; n++; }
  if (n < 20) return null;
  // the teeth's edges: within 2 px of the lit teeth, inside the opening grown by 1 px
  const innerGrown = dilate(inner, W, H, 1), near = dilate(teeth, W, H, 2), teethEdge = new Uint8Array(W * H);
  for (let q = 0; q < W * H; q++) teethEdge[q] = near[q]! && innerGrown[q]! ? 1 : 0;
  // the picture's own edges about the mouth: lips, moustache, chin within .25 IOD of the outer lips, the opening (grown 3 px) kept out
  const band = dilate(outer, W, H, Math.round(0.25 * iod)), core = dilate(inner, W, H, 3), lipEdge = new Uint8Array(W * H);
  for (let q = 0; q < W * H; q++) lipEdge[q] = band[q] && !core[q] ? 1 : 0;
  const blurTeeth = maskBlur(L, W, H, teethEdge), blurLips = maskBlur(L, W, H, lipEdge);
  // the cheeks
  const cheek = new Uint8Array(W * H), cy: number[] = [], cc: number[] = [];
  const r = Math.max(2, Math.round(0.04 * iod));
  for (const i of CHEEKS) for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) {
    const x = Math.round(lm[i]![0]! + dx), y = Math.round(lm[i]![1]! + dy);
    if (x < 0 || y < 0 || x >= W || y >= H) continue;
    const q = y * W + x;
    cheek[q] = 1; cy.push(L[q]!); cc.push(chromaAt(d, q * 4));
  }
  // the grain on the teeth.s and the cheeks. flat places
  const gT = flatGrain(L, W, H, teeth), gC = flatGrain(L, W, H, cheek);
  const ty = qs.filter((q) => teeth[q]).map((q) => L[q]!), tc = qs.filter((q) => teeth[q]).map((q) => chromaAt(d, q * 4));
  // columns
  const colSum = new Map<number, [number, number]>();
  for (const q of qs) if (teeth[q]) { const x = q % W, e = colSum.get(x) ?? [0, 0]; e[0] += L[q]!; e[1]++; colSum.set(x, e); }
  const xs = [...colSum.keys()].sort((a, b) => a - b), cm = xs.map((x) => colSum.get(x)![0] / colSum.get(x)![1]);
  let sq = 0;
  for (let i = 0; i < cm.length; i++) {
    const lo = Math.max(0, i - 4), hi = Math.min(cm.length - 1, i + 4);
    let s = 0; for (let j = lo; j <= hi; j++) s += cm[j]!;
    sq += (cm[i]! - s / (hi - lo + 1)) ** 2;
  }
  const mean = cm.reduce((a, b) => a + b, 0) / Math.max(1, cm.length);
  return {
    gap, blurTeeth, blurLips, blur: blurTeeth / blurLips, grain: gT / gC,
    tone: pct(ty, 0.5) / pct(cy, 0.5), chroma: pct(tc, 0.5) / Math.max(0.5, pct(cc, 0.5)),
    cols: Math.sqrt(sq / Math.max(1, cm.length)) / Math.max(1, mean), n,
  };
}

export function teethPictureText(t: TeethPicture | null): string {
  if (!t) return 'shut';
  return `gap ${t.gap.toFixed(3)} blur ${t.blurTeeth.toFixed(2)}/${t.blurLips.toFixed(2)}=${t.blur.toFixed(2)} grain ${t.grain.toFixed(2)} tone ${t.tone.toFixed(2)} chroma ${t.chroma.toFixed(2)} cols ${t.cols.toFixed(3)} (n ${t.n})`;
}

/**
 * The grain on flat places: 1.4826 x the median |L - G1 L| at mask pixels whose 1-px-smoothed gradient is under 4 % of
 * their light (tooth lines, lip edges and a moustache's strands kept out), over the mean light there; NaN under 12.
 */
export function flatGrain(L: Float32Array, W: number, H: number, mask: Uint8Array): number {
  const g = gaussianBlur(L, W, H, 1, 3), r: number[] = [];
  let sum = 0;
  for (let y = 1; y < H - 1; y++) for (let x = 1; x < W - 1; x++) {
    const q = y * W + x;
    if (!mask[q]) continue;
    const gm = Math.hypot((g[q + 1]! - g[q - 1]!) / 2, (g[q + W]! - g[q - W]!) / 2);
    if (gm > 0.04 * Math.max(1, g[q]!)) continue;
    r.push(Math.abs(L[q]! - g[q]!)); sum += L[q]!;
  }
  if (r.length < 12) return NaN;
  r.sort((a, b) => a - b);
  return (1.4826 * r[r.length >> 1]!) / (sum / r.length);
}
