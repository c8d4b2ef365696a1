// The open mouth's depth and the tongue's hue, read off a frame (issue #13, cavity30: critic28's flat dark hole where
// the tongue sank, and an orange tongue on a painting). Inside the inner-lip contour (MOUTH_LOOP), teeth left out
// (mouthDark.ts isTeethPixel): the luma down the middle columns in five bands top to bottom over the lips' (a real dark
// mouth falls off into the throat and rises over the tongue's back; a flat hole reads the same in every band), the
// spread of the luma over the opening (std over the lips' luma), and the lit pixels' (not dark: driverCavity.ts
// DARK_OF_LIP) hue in CIE Lab against the lips' (hue angle difference in degrees, + toward yellow; chroma ratio).
// Used by bench/tongueHeight.ts; never asserts.
import type { RgbaImage } from '../src/types.ts';
import { MOUTH_LOOP } from '../src/rig/topology.ts';
import { rowCrossings } from '../src/math/polygon.ts';
import { isTeethPixel, lipReference } from '../src/motion/mouthDark.ts';
import { DARK_OF_LIP } from '../src/motion/driverCavity.ts';
import { labOf as lab } from '../src/render/mouth/tonguePalette.ts';

const LIP_PAIRS: readonly [number, number][] = [[0, 13], [37, 82], [267, 312], [39, 81], [269, 311], [17, 14], [84, 87], [314, 317], [181, 178], [405, 402]];
const BANDS = 5;

const median = (v: number[]) => { if (!v.length) return NaN; const s = [...v].sort((a, b) => a - b); return s[s.length >> 1]!; };

export interface CavityFigures {
  /** median luma over the lips' in BANDS bands, top to bottom, of the middle columns */
  profile: number[];
  /** std of the opening's non-teeth luma over the lips' */
  spread: number;
  /** lit pixels' Lab hue minus the lips' (degrees; + toward yellow/orange), their chroma over the lips'; NaN without lit pixels */
  hueOff: number;
  chroma: number;
}

export function cavityFigures(img: RgbaImage, lm: ArrayLike<number>): CavityFigures | null {
  const d = img.data, W = img.width;
  const lipRgb = [0, 0, 0];
  for (const [o, n] of LIP_PAIRS) {
    const x = Math.round((lm[o * 3]! + lm[n * 3]!) / 2), y = Math.round((lm[o * 3 + 1]! + lm[n * 3 + 1]!) / 2), i = (y * W + x) * 4;
    for (let c = 0; c < 3; c++) lipRgb[c] += d[i + c]! / LIP_PAIRS.length;
  }
  const { light: lipLight, sat: lipSat } = lipReference(img, lm);
  const poly = MOUTH_LOOP.map((k) => [lm[k * 3]!, lm[k * 3 + 1]!] as [number, number]);
  const cx = (lm[13 * 3]! + lm[14 * 3]!) / 2, half = Math.abs(lm[308 * 3]! - lm[78 * 3]!) / 2;
  let y0 = Infinity, y1 = -Infinity;
  for (const [, y] of poly) { y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  const bands: number[][] = Array.from({ length: BANDS }, () => []), all: number[] = [];
  let la = 0, lb = 0, nLit = 0;
  const xs: number[] = [];
  // per column the opening's top and bottom rows
  const tops = new Map<number, [number, number]>();
  for (let y = Math.ceil(y0); y <= Math.floor(y1); y++) {
    rowCrossings(poly, y, xs);
    for (let k = 0; k + 1 < xs.length; k += 2)
      for (let x = Math.ceil(xs[k]!); x <= xs[k + 1]!; x++) {
        const t = tops.get(x);
        tops.set(x, t ? [Math.min(t[0], y), Math.max(t[1], y)] : [y, y]);
      }
  }
  for (const [x, [top, bottom]] of tops) {
    if (bottom - top < 4 || Math.abs(x - cx) > 0.8 * half) continue;
    for (let y = top; y <= bottom; y++) {
      const i = (y * W + x) * 4, r = d[i]!, g = d[i + 1]!, b = d[i + 2]!;
      if (isTeethPixel(r, g, b, lipLight, lipSat)) continue;
      const l = (0.299 * r + 0.587 * g + 0.114 * b) / Math.max(1, lipLight);
      all.push(l);
      if (Math.abs(x - cx) <= 0.35 * half) bands[Math.min(BANDS - 1, Math.floor(((y - top) / (bottom - top + 1)) * BANDS))]!.push(l);
      if (l >= DARK_OF_LIP) { const [, a, bb] = lab(r, g, b); la += a; lb += bb; nLit++; }
    }
  }
  if (all.length < 20) return null;
  const mean = all.reduce((s, v) => s + v, 0) / all.length;
  const spread = Math.sqrt(all.reduce((s, v) => s + (v - mean) ** 2, 0) / all.length);
  const [, a0, b0] = lab(lipRgb[0]!, lipRgb[1]!, lipRgb[2]!);
  const hue = (a: number, b: number) => (Math.atan2(b, a) * 180) / Math.PI;
  return {
    profile: bands.map(median),
    spread,
    hueOff: nLit ? hue(la / nLit, lb / nLit) - hue(a0, b0) : NaN,
    chroma: nLit ? Math.hypot(la / nLit, lb / nLit) / Math.max(1e-6, Math.hypot(a0, b0)) : NaN,
  };
}

export const cavityText = (f: CavityFigures | null) =>
  f ? `profile ${f.profile.map((v) => (Number.isFinite(v) ? v.toFixed(2) : '--')).join(' ')} spread ${f.spread.toFixed(3)} hue ${Number.isFinite(f.hueOff) ? f.hueOff.toFixed(1) : '--'} chroma ${Number.isFinite(f.chroma) ? f.chroma.toFixed(2) : '--'}` : 'no cavity';
