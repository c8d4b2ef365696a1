// The lower lip's profile down its middle, read the same way on a real frame and on a render (lip33, session 33:
// critic32's "slab with a seam" and the "hard dark inner rim"). Along five columns across the middle fifth of the
// mouth (landmark 14, the inner lower lip, to 17, its outer contour, shifted sideways along 61-291), the luma is
// sampled from 0.45 of the lip's thickness inside the opening to 1.2 of it below the inner line, the columns averaged:
//   thick   the lip's thickness (14-17) over the IOD
//   rim     the inner rim's rise: the distance over which the profile climbs from 10 % to 90 % of the way from the
//           opening (median over -0.45..-0.15) to the lip's body (median over 0.25..0.75), over the lip's
//           thickness (a hard cut: one or two pixels; a lip that rolls in: a wider, soft rise)
//   rimDark the darkest of the lip's inner band (0..0.3 of the thickness) over its body (a dark rim drawn on the lip < 1)
//   bands   the lip's five bands' mean luma over its body (inner .. outer): a rounded lip lit from above is lighter
//           on its upper face and darker where it turns under; a slab is flat
//   seam    the deepest dip of the profile inside the lip (0.15..0.85) under the mean of the profile 0.12 of the
//           thickness either side, over the body (a line across the lip)
//   even    across the lip: along the mesh's 7 inner lower-lip columns (topology LIP_COLUMNS_LOWER rows 0 and 3,
//           the end columns left out), each column's mean luma over 0.3..0.7 of its thickness; the darkest column
//           over the brightest (one side of the lip in shadow < 1)
//   step    the largest change between neighbouring columns over their mean (a seam across the lip's width)

export interface LipProfile { thick: number; rim: number; rimDark: number; bands: number[]; seam: number; even: number; step: number; profile: number[] }
const INNER_ROW = [88, 178, 87, 14, 317, 402, 318], OUTER_ROW = [91, 181, 84, 17, 314, 405, 321];
type Lm = ArrayLike<ArrayLike<number>>;

const FROM = -0.45, TO = 1.2, STEPS = 66;
const tAt = (i: number) => FROM + ((TO - FROM) * i) / (STEPS - 1);

/** Bilinear luma of an RGBA image at (x, y). */
function lumaAt(data: ArrayLike<number>, width: number, height: number, x: number, y: number): number {
  const x0 = Math.max(0, Math.min(width - 2, Math.floor(x))), y0 = Math.max(0, Math.min(height - 2, Math.floor(y)));
  const fx = Math.max(0, Math.min(1, x - x0)), fy = Math.max(0, Math.min(1, y - y0));
  const at = (xx: number, yy: number) => { const o = (yy * width + xx) * 4; return 0.299 * data[o]! + 0.587 * data[o + 1]! + 0.114 * data[o + 2]!; };
  return (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) + (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy;
}

const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };

/** The lower lip's middle profile and its figures; null when the lips are shut (no opening to read the rim from). */
export function lowerLipProfile(data: ArrayLike<number>, width: number, height: number, lm: Lm): LipProfile | null {
  const p = (i: number) => [lm[i]![0]!, lm[i]![1]!] as const;
  const [ix, iy] = p(14), [ox, oy] = p(17), [lx, ly] = p(61), [rx, ry] = p(291), [ux, uy] = p(13);
  const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
  const T = Math.hypot(ox - ix, oy - iy), gap = Math.hypot(ix - ux, iy - uy);
  if (T < 2 || gap < 0.45 * T) return null;
  const profile: number[] = [];
  for (let i = 0; i < STEPS; i++) {
    const t = tAt(i);
    let s = 0;
    for (const side of [-0.2, -0.1, 0, 0.1, 0.2]) {
      const sx = (side * (rx - lx)) / 2, sy = (side * (ry - ly)) / 2;
      s += lumaAt(data, width, height, ix + sx + t * (ox - ix), iy + sy + t * (oy - iy));
    }
    profile.push(s / 5);
  }
  const within = (a: number, b: number) => profile.filter((_, i) => tAt(i) >= a && tAt(i) <= b);
  const body = median(within(0.25, 0.75)), opening = median(within(-0.45, -0.15));
  const lo = opening + 0.1 * (body - opening), hi = opening + 0.9 * (body - opening);
  // the rise nearest the inner line: last crossing of lo before t=0.3 and first crossing of hi after it
  const i0 = profile.findIndex((_, i) => tAt(i) >= -0.3), i1 = profile.findIndex((_, i) => tAt(i) > 0.4);
  const cross = (level: number, from: number, to: number) => {
    for (let i = from; i < to; i++) if ((profile[i]! - level) * (profile[i + 1]! - level) <= 0 && profile[i]! !== profile[i + 1]!) {
      return tAt(i) + ((level - profile[i]!) / (profile[i + 1]! - profile[i]!)) * (tAt(i + 1) - tAt(i));
    }
    return NaN;
  };
  const tHi = cross(hi, i0, i1), tLo = cross(lo, i0, i1);
  const rim = Number.isFinite(tHi) && Number.isFinite(tLo) ? Math.abs(tHi - tLo) : NaN;
  const rimDark = Math.min(...within(0, 0.3)) / body;
  const bands = [0, 1, 2, 3, 4].map((b) => { const v = within(b / 5, (b + 1) / 5); return v.reduce((a, c) => a + c, 0) / v.length / body; });
  const k = Math.round((0.12 * (STEPS - 1)) / (TO - FROM));
  let seam = 0;
  for (let i = k; i < STEPS - k; i++) if (tAt(i) >= 0.15 && tAt(i) <= 0.85) seam = Math.max(seam, ((profile[i - k]! + profile[i + k]!) / 2 - profile[i]!) / body);
  const cols = INNER_ROW.map((a, c) => {
    const [ax, ay] = p(a), [bx, by] = p(OUTER_ROW[c]!);
    let sum = 0;
    for (let t = 0.3; t <= 0.701; t += 0.1) sum += lumaAt(data, width, height, ax + t * (bx - ax), ay + t * (by - ay));
    return sum / 5;
  });
  const even = Math.min(...cols) / Math.max(...cols);
  let step = 0;
  for (let c = 1; c < cols.length; c++) step = Math.max(step, Math.abs(cols[c]! - cols[c - 1]!) / ((cols[c]! + cols[c - 1]!) / 2));
  return { thick: T / iod, rim, rimDark, bands, seam, even, step, profile: profile.map((v) => v / body) };
}

/**
 * The lower lip's body colour (innerlip34, s34: mt_man's "swollen pink lower lip"), read with or without an
 * opening: over the middle fifth of the mouth (as lowerLipProfile) from .25 to .75 of the way from the inner line
 * (14) to the outer contour (17), the mean luma and the redness R/G (a pink lip ~1.3-1.5, a dark red one higher);
 * and the lip's thickness (14-17 over the IOD), to set an open lip's against the photo's own at rest.
 */
export function lowerLipColour(data: ArrayLike<number>, width: number, height: number, lm: Lm): { luma: number; red: number; thick: number } {
  const p = (i: number) => [lm[i]![0]!, lm[i]![1]!] as const;
  const [ix, iy] = p(14), [ox, oy] = p(17), [lx, ly] = p(61), [rx, ry] = p(291);
  let r = 0, g = 0, b = 0;
  for (let t = 0.25; t <= 0.751; t += 0.05) for (const side of [-0.2, -0.1, 0, 0.1, 0.2]) {
    const x = Math.round(ix + (side * (rx - lx)) / 2 + t * (ox - ix)), y = Math.round(iy + (side * (ry - ly)) / 2 + t * (oy - iy));
    const o = (Math.max(0, Math.min(height - 1, y)) * width + Math.max(0, Math.min(width - 1, x))) * 4;
    r += data[o]!; g += data[o + 1]!; b += data[o + 2]!;
  }
  const thick = Math.hypot(ox - ix, oy - iy) / Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
  return { luma: (0.299 * r + 0.587 * g + 0.114 * b) / 55, red: r / Math.max(1, g), thick };
}
