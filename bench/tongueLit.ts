// The lit tongue in an open mouth, read off a frame (issue #13, tongue40: critic39 "open mouths a flat maroon fill; no tongue
// where the driver shows one" — lp_s9 <- lp_d11 f165 a big pale tongue against our maroon with a thin salmon strip). The
// older figures (driverCavity.ts `tongue`, cavityProfile.ts) count a lit run over .45 of the lips' luma, which our dim
// maroon back passes: they read ours near the driver where the eye sees no tongue. Here "lit" means at least LIT of the
// lips' luma and not teeth (mouthDark.ts isTeethPixel). Inside the inner-lip contour, columns within .6 of the half width:
//   lit     share of the opening's pixels (teeth counted) that are lit tongue
//   top     middle columns (under .3 of the half width): the lit run up from the bottom (teeth skipped, not counted) to the
//           first unlit pixel, over the column's height; median
//   L       the lit pixels' median luma over the lips'
//   h/dh/C  the lit pixels' mean Lab hue (absolute), minus the lips' hue, and chroma over the lips'
//   teeth   share of teeth pixels in the lower .4 of the middle columns (a lower row drawn where a tongue lies)
//   groove  (s41 tongue41) the median groove: 1 - the mean luma of the columns within GROOVE_IN of the middle over that of
//           the columns GROOVE_OUT from it, non-teeth pixels .3-.8 down each column (the tongue's top and back); > 0 a
//           darker middle line (lp_d10 f83's groove), ~0 a smooth dome
//   back    (s41) the tongue's back and the throat over it: middle columns (under .3 of the half width), non-teeth pixels
//           .15-.5 down each column between .25 and .75 of the lips' luma: their mean Lab hue (absolute) and median luma
//   bodyHue (s49 narrowjaw49) the lit pixels' mean Lab hue, those within LIP_EDGE IOD of a column's top or bottom left out: the
//           lips' inner bands (lipSurface.ts, .022 / .029 IOD) are lit salmon (h ~52 on lp_s5) and a fixed ~4 px a column, so in `hue`
//           their share, not the tongue's colour, grows as an opening gets shorter (lp_s5 <- lp_d10 f83 h 36 -> 39, the tongue h 26-28)
// Never asserts. Used by bench/tongueLook.ts.
import type { RgbaImage } from '../src/types.ts';
import { openingColumns } from './openingColumns.ts';
import { isTeethPixel, lipReference } from '../src/motion/mouthDark.ts';
import { labOf as lab } from '../src/render/mouth/tonguePalette.ts';

/** lit tongue: at least this share of the lips' luma */
const LIT = 0.75;
/** the lips' inner bands' depth into the opening (iod): lipSurface.ts's widest .029 and a pixel */
const LIP_EDGE = 0.035;
const LIP_PAIRS: readonly [number, number][] = [[0, 13], [37, 82], [267, 312], [39, 81], [269, 311], [17, 14], [84, 87], [314, 317], [181, 178], [405, 402]];

export interface TongueLit { bodyHue: number; lit: number; top: number; light: number; hue: number; dHue: number; chroma: number; teeth: number; groove: number; backHue: number; backLight: number }
const GROOVE_IN = 0.04, GROOVE_OUT = [0.08, 0.2] as const;

export function tongueLitFigures(img: RgbaImage, lm: ArrayLike<number>): TongueLit | null {
  const d = img.data, W = img.width;
  const lipRgb = [0, 0, 0];
  for (const [o, n] of LIP_PAIRS) {
    const x = Math.round((lm[o * 3]! + lm[n * 3]!) / 2), y = Math.round((lm[o * 3 + 1]! + lm[n * 3 + 1]!) / 2), i = (y * W + x) * 4;
    for (let c = 0; c < 3; c++) lipRgb[c] += d[i + c]! / LIP_PAIRS.length;
  }
  const { light: lipLight, sat: lipSat } = lipReference(img, lm);
  const { cx, half, cols } = openingColumns(lm);
  let all = 0, lit = 0, la = 0, lb = 0, lowAll = 0, lowTeeth = 0;
  const edge = LIP_EDGE * Math.hypot(lm[33 * 3]! - lm[263 * 3]!, lm[33 * 3 + 1]! - lm[263 * 3 + 1]!), body = [0, 0, 0];
  const mid = [0, 0], out = [0, 0], back = [0, 0, 0], backL: number[] = [];
  const lights: number[] = [], tops: number[] = [];
  for (const [x, [top, bottom]] of cols) {
    const lat = Math.abs(x - cx) / Math.max(1, half);
    if (bottom - top < 4 || lat > 0.6) continue;
    const h = bottom - top + 1;
    let run = 0, open = lat <= 0.3;
    for (let y = bottom; y >= top; y--) {
      const i = (y * W + x) * 4, r = d[i]!, g = d[i + 1]!, b = d[i + 2]!;
      const teeth = isTeethPixel(r, g, b, lipLight, lipSat), l = (0.299 * r + 0.587 * g + 0.114 * b) / Math.max(1, lipLight);
      all++;
      const down = (y - top) / h;
      if (!teeth && lat <= 0.3 && down >= 0.15 && down <= 0.5 && l >= 0.25 && l < LIT) {
        const [, a, bb] = lab(r, g, b);
        back[0] += a; back[1] += bb; back[2]++; backL.push(l);
      }
      if (!teeth && down >= 0.3 && down <= 0.8) {
        const acc = lat <= GROOVE_IN ? mid : lat >= GROOVE_OUT[0] && lat <= GROOVE_OUT[1] ? out : null;
        if (acc) { acc[0] += l; acc[1]++; }
      }
      if (lat <= 0.3 && y - top >= 0.6 * h) { lowAll++; if (teeth) lowTeeth++; }
      const isLit = !teeth && l >= LIT;
      if (open) { if (isLit) run++; else if (!teeth) open = false; }
      if (!isLit) continue;
      lit++; lights.push(l);
      const [, a, bb] = lab(r, g, b); la += a; lb += bb;
      if (y - top >= edge && bottom - y >= edge) { body[0] += a; body[1] += bb; body[2]++; }
    }
    if (lat <= 0.3) tops.push(run / h);
  }
  if (all < 20) return null;
  const med = (v: number[]) => (v.length ? [...v].sort((a, b) => a - b)[v.length >> 1]! : NaN);
  const [, a0, b0] = lab(lipRgb[0]!, lipRgb[1]!, lipRgb[2]!), hue0 = (Math.atan2(b0, a0) * 180) / Math.PI;
  const hue = lit ? (Math.atan2(lb / lit, la / lit) * 180) / Math.PI : NaN;
  return { bodyHue: body[2] ? (Math.atan2(body[1]!, body[0]!) * 180) / Math.PI : NaN, lit: lit / all, top: med(tops), light: med(lights), hue, dHue: hue - hue0, chroma: lit ? Math.hypot(la / lit, lb / lit) / Math.max(1e-6, Math.hypot(a0, b0)) : NaN, teeth: lowAll ? lowTeeth / lowAll : NaN, groove: mid[1] && out[1] ? 1 - mid[0]! / mid[1]! / (out[0]! / out[1]!) : NaN,
    backHue: back[2] ? (Math.atan2(back[1]!, back[0]!) * 180) / Math.PI : NaN, backLight: med(backL) };
}

const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '--');
export const tongueLitText = (t: TongueLit | null) =>
  t ? `lit ${f2(t.lit)} top ${f2(t.top)} L ${f2(t.light)} h ${t.hue.toFixed(0)} dh ${t.dHue.toFixed(0)} C ${f2(t.chroma)} lowTeeth ${f2(t.teeth)} groove ${f2(t.groove)} back h ${Number.isFinite(t.backHue) ? t.backHue.toFixed(0) : '--'} L ${f2(t.backLight)}` : 'shut';
