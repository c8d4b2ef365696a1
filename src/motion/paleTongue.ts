// A driver's pale tongue read as teeth (issue #13, tongueread40): lp_d11 f163-166 shows a big pale-pink tongue in the
// lower middle of her opening; motion/mouthDark.ts isTeethPixel counts it (luma 1.3-1.6 of the lips', saturation .27
// under TEETH_SAT_ALWAYS .3), so driverTeeth read .15-.22, driverTongue .38 and driverLowerShow drew a lower row there.
// No single pixel test splits them: her tongue's saturation .27 beside lp_d10's real teeth .24 and lp_d6's lower teeth
// .23-.29 (blurred with the tongue behind them); hue and Lab a overlap too. What does split them (bench/tongueTeethRead.ts,
// 30+ hand-labelled frames over lp_d11, lp_d10, lp_d6, lp_d14, WDA): the bright pixels of the opening's lower half as one
// mass. A tongue is smooth (mean |2L(x) - L(x-2) - L(x+2)| over the lips' luma .03-.049: no dark gaps between teeth) AND
// pinker than teeth (median saturation .25-.28; lp_d10 f45's lower tips .24, lp_d6 f46's .23 stay teeth); lower rows are
// grainy (lp_d6 .08-.16, lp_d10 .12-.18 and its lower rows behind a tongue at f263-265 .055-.057, WDA .12-.55) or,
// smooth, pale (lp_d14's .026-.039 at saturation .14-.17).
// Such a frame's bright pixels below the opening's middle row are tongue, not teeth, for every reading.
import type { RgbaImage } from '../types.ts';
import { saturation as sat } from '../math/colour.ts';
import { rowCrossings } from '../math/polygon.ts';
import { smoothstep as step } from '../math/smooth.ts';
import { quantile } from '../math/stats.ts';

/** the lower mass's texture (mean |2L(x) - L(x-2) - L(x+2)| / lip luma) under which it is smooth, fully .. not at all */
const SMOOTH_FULL = 0.045, SMOOTH_NONE = 0.055;
/** its median saturation over which it is pink: not at all .. fully */
const PINK_FROM = 0.23, PINK_FULL = 0.26;
/** a lower mass of fewer pixels is not judged (a lower row's tips, a glint) */
const LOWER_MIN = 40;


/** The figures the judgement reads: the lower mass's pixels, texture and saturation, the upper row's pixels and saturation. */
export interface LowerMass { lower: number; texture: number; lowerSat: number; upper: number; upperSat: number }

/** How sure the lower mass is a pale tongue (0 .. 1) from its figures. */
export function paleTongueWeight(m: LowerMass): number {
  if (m.lower < LOWER_MIN) return 0;
  // (its saturation over the upper row's was tried as a third test: lp_d11 f164's upper glint reads .27 as her tongue)
  return (1 - step(SMOOTH_FULL, SMOOTH_NONE, m.texture)) * step(PINK_FROM, PINK_FULL, m.lowerSat);
}

/** The lower mass's figures: the pixels `isTooth` takes inside `poly`, split at the contour's middle row. */
export function lowerMass(img: RgbaImage, poly: [number, number][], isTooth: (r: number, g: number, b: number) => boolean, lipLight: number): LowerMass & { mid: number } {
  let y0 = Infinity, y1 = -Infinity;
  for (const [, y] of poly) { y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  const mid = (y0 + y1) / 2, d = img.data, W = img.width, xs: number[] = [], up: number[] = [], low: number[] = [];
  const L = (x: number, y: number) => { const j = (y * W + Math.max(0, Math.min(W - 1, x))) * 4; return 0.299 * d[j]! + 0.587 * d[j + 1]! + 0.114 * d[j + 2]!; };
  let tex = 0;
  for (let y = Math.max(0, Math.ceil(y0)); y <= Math.min(img.height - 1, Math.floor(y1)); y++) {
    rowCrossings(poly, y, xs);
    for (let k = 0; k + 1 < xs.length; k += 2)
      for (let x = Math.max(0, Math.ceil(xs[k]!)); x < Math.min(W, xs[k + 1]!); x++) {
        const i = (y * W + x) * 4;
        if (!isTooth(d[i]!, d[i + 1]!, d[i + 2]!)) continue;
        if (y < mid) { up.push(sat(d[i]!, d[i + 1]!, d[i + 2]!)); continue; }
        low.push(sat(d[i]!, d[i + 1]!, d[i + 2]!));
        tex += Math.abs(2 * L(x, y) - L(x - 2, y) - L(x + 2, y)) / Math.max(1, lipLight);
      }
  }
  return { mid, lower: low.length, texture: low.length ? tex / low.length : 0, lowerSat: low.length ? quantile(low, 0.5) : 0, upper: up.length, upperSat: up.length ? quantile(up, 0.5) : 0 };
}

/** The image row from which the opening's bright pixels are a pale tongue, not teeth (Infinity: none; judged over .5). */
export function paleTongueFrom(img: RgbaImage, poly: [number, number][], isTooth: (r: number, g: number, b: number) => boolean, lipLight: number): number {
  const m = lowerMass(img, poly, isTooth, lipLight);
  return paleTongueWeight(m) > 0.5 ? m.mid : Infinity;
}
