// The luminance step across the face oval's cheek run in a rendered frame (bench/cheekCut.ts, test/cheekCut.test.ts).
import type { RgbaImage } from '../types.ts';

/** Face-oval landmarks from the cheekbone to the jaw on the side a turn by `yaw` shows (+yaw: image left). */
export const SHOWN_SIDE_OVAL = (yaw: number): number[] => (yaw > 0 ? [127, 234, 93, 132, 58] : [356, 454, 323, 361, 288]);

/** Distance (px) either side of the oval at which the step is read. */
const SIDE = 2.5;

function lumAt(img: RgbaImage, x: number, y: number): number {
  const xi = Math.min(img.width - 1, Math.max(0, Math.round(x))), yi = Math.min(img.height - 1, Math.max(0, Math.round(y)));
  const o = (yi * img.width + xi) * 4;
  return 0.3 * img.data[o]! + 0.59 * img.data[o + 1]! + 0.11 * img.data[o + 2]!;
}

/**
 * Median over 1 px steps along the polyline `ids` of `read(x, y, nx, ny)` (NaN reads skipped), with (nx, ny) the unit
 * normal pointing away from the nose tip (landmark 4): outward across the oval.
 */
function medianAlongOval(lm: ArrayLike<ArrayLike<number>>, ids: number[], read: (x: number, y: number, nx: number, ny: number) => number): number {
  const values = valuesAlongOval(lm, ids, read).sort((p, q) => p - q);
  return values.length ? values[values.length >> 1]! : 0;
}

/** `read` at 1 px steps along the polyline `ids` (as medianAlongOval), NaN reads skipped. */
function valuesAlongOval(lm: ArrayLike<ArrayLike<number>>, ids: number[], read: (x: number, y: number, nx: number, ny: number) => number): number[] {
  const nose = lm[4]!;
  const values: number[] = [];
  for (let k = 0; k + 1 < ids.length; k++) {
    const a = lm[ids[k]!]!, b = lm[ids[k + 1]!]!;
    const len = Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!);
    let nx = -(b[1]! - a[1]!) / len, ny = (b[0]! - a[0]!) / len;
    if ((a[0]! - nose[0]!) * nx + (a[1]! - nose[1]!) * ny < 0) { nx = -nx; ny = -ny; }
    for (let t = 0; t < len; t++) {
      const v = read(a[0]! + ((b[0]! - a[0]!) * t) / len, a[1]! + ((b[1]! - a[1]!) * t) / len, nx, ny);
      // NaN: nothing to read at this point (ovalRampWidth where the two sides are alike)
      if (!Number.isNaN(v)) values.push(v);
    }
  }
  return values;
}

/** Median over 1 px steps along the polyline `ids` of |lum inside - lum outside| (outside: away from the nose tip, landmark 4). */
export function ovalStep(img: RgbaImage, lm: ArrayLike<ArrayLike<number>>, ids: number[]): number {
  return medianAlongOval(lm, ids, (x, y, nx, ny) => Math.abs(lumAt(img, x - nx * SIDE, y - ny * SIDE) - lumAt(img, x + nx * SIDE, y + ny * SIDE)));
}

/** Face-oval landmarks along the jaw, mouth corner to chin, on the side a turn by `yaw` shows (+yaw: image left). */
export const SHOWN_SIDE_JAW = (yaw: number): number[] => (yaw > 0 ? [58, 172, 136, 150, 149] : [288, 397, 365, 379, 378]);

/** Profile across the oval (px, negative inside): the line is looked for in [LINE_IN, LINE_OUT], its sides read at SIDE_IN and SIDE_OUT. */
const LINE_IN = -1.5, LINE_OUT = 2.5, SIDE_IN = -4, SIDE_OUT = 5;

/**
 * A dark line drawn along the oval (a pen outline: lit skin, then a thin dark rim, then the
 * background): median over 1 px steps along the polyline `ids` of how much darker the darkest pixel
 * across the oval (LINE_IN..LINE_OUT px) is than the darker of the two sides (SIDE_IN, SIDE_OUT), 0 where
 * the profile runs monotonically from face to background.
 */
export function ovalLineDepth(img: RgbaImage, lm: ArrayLike<ArrayLike<number>>, ids: number[]): number {
  return medianAlongOval(lm, ids, (x, y, nx, ny) => {
    const at = (d: number) => lumAt(img, x + nx * d, y + ny * d);
    let darkest = Infinity;
    for (let d = LINE_IN; d <= LINE_OUT; d += 0.5) darkest = Math.min(darkest, at(d));
    return Math.max(0, Math.min(at(SIDE_IN), at(SIDE_OUT)) - darkest);
  });
}

/** Bilinear luminance at (x, y) (clamped inside). */
function lumBilinear(img: RgbaImage, x: number, y: number): number {
  const cx = Math.min(img.width - 1.001, Math.max(0, x)), cy = Math.min(img.height - 1.001, Math.max(0, y));
  const x0 = cx | 0, y0 = cy | 0, fx = cx - x0, fy = cy - y0;
  return (1 - fy) * ((1 - fx) * lumAt(img, x0, y0) + fx * lumAt(img, x0 + 1, y0)) + fy * ((1 - fx) * lumAt(img, x0, y0 + 1) + fx * lumAt(img, x0 + 1, y0 + 1));
}

/** The edge is looked for within RAMP_SPAN px of the oval, on a profile sampled every RAMP_STEP px; under RAMP_MIN_STEP levels it is no edge. */
const RAMP_SPAN = 5, RAMP_STEP = 0.5, RAMP_MIN_STEP = 16;

/**
 * Width (px) of the 10-90 % ramp of the sharpest edge in `profile` (samples RAMP_STEP px apart): the
 * monotone run through its steepest step, its ends as the two levels; NaN if that run climbs under
 * RAMP_MIN_STEP levels. A line beside the edge (a hair strand by the cheek) ends the run, not the ramp.
 */
export function rampWidth(profile: number[]): number {
  let k = 0;
  for (let j = 1; j + 1 < profile.length; j++) if (Math.abs(profile[j + 1]! - profile[j]!) > Math.abs(profile[k + 1]! - profile[k]!)) k = j;
  const dir = Math.sign(profile[k + 1]! - profile[k]!);
  let a = k, b = k + 1;
  while (a > 0 && (profile[a]! - profile[a - 1]!) * dir >= 0) a--;
  while (b + 1 < profile.length && (profile[b + 1]! - profile[b]!) * dir >= 0) b++;
  const lo = profile[a]!, hi = profile[b]!;
  if (Math.abs(hi - lo) < RAMP_MIN_STEP) return NaN;
  // the run's length between its 10 % and 90 % crossings, each found by linear interpolation
  const cross = (f: number) => {
    const level = lo + f * (hi - lo);
    for (let j = a; j < b; j++) {
      const p = profile[j]!, q = profile[j + 1]!;
      if ((level - p) * (level - q) <= 0 && p !== q) return j + (level - p) / (q - p);
    }
    return b;
  };
  return (cross(0.9) - cross(0.1)) * RAMP_STEP;
}

/**
 * How hard the edge across the oval is: median over 1 px steps along the polyline `ids` of the 10-90 %
 * ramp width (px, rampWidth) of the sharpest edge within RAMP_SPAN px of the oval along its normal. A cut
 * drawn by the z-buffer reads ~1 px; a photo's own cheek edge 2-4. Points with no edge (under
 * RAMP_MIN_STEP levels) are skipped; NaN if none has one.
 */
export function ovalRampWidth(img: RgbaImage, lm: ArrayLike<ArrayLike<number>>, ids: number[]): number {
  let read = 0;
  const width = medianAlongOval(lm, ids, (x, y, nx, ny) => {
    const profile: number[] = [];
    for (let d = -RAMP_SPAN; d <= RAMP_SPAN; d += RAMP_STEP) profile.push(lumBilinear(img, x + nx * d, y + ny * d));
    const w = rampWidth(profile);
    if (!Number.isNaN(w)) read++;
    return w;
  });
  return read ? width : NaN;
}

/** Profile across the oval for ovalLineDips (px, negative inside): from DIP_IN to DIP_OUT every 0.5 px. */
const DIP_IN = -2.5, DIP_OUT = 2.5;

/** How far (levels) a profile falls below its own monotone envelope: the deepest sample under the lower of the brightest
 *  before and the brightest after it (0 for a profile that only rises or only falls, or has one hump). */
export function profileDip(p: number[]): number {
  let dip = 0;
  for (let j = 1; j + 1 < p.length; j++) {
    let before = -Infinity, after = -Infinity;
    for (let i = 0; i < j; i++) before = Math.max(before, p[i]!);
    for (let k = j + 1; k < p.length; k++) after = Math.max(after, p[k]!);
    dip = Math.max(dip, Math.min(before, after) - p[j]!);
  }
  return dip;
}

/**
 * A thin dark line along the oval inside the step from the face to what lies past it (s48 turn48: lp_s12's far cheek at
 * +25 over its sideburn, lit skin, a 1-px dark line, a lighter ramp, then the hair): per 1 px step along the polyline
 * `ids`, the profileDip of the luminance across the oval (DIP_IN..DIP_OUT px, nearest pixels). A plain edge reads 0.
 */
export function ovalLineDips(img: RgbaImage, lm: ArrayLike<ArrayLike<number>>, ids: number[]): number[] {
  return valuesAlongOval(lm, ids, (x, y, nx, ny) => {
    const p: number[] = [];
    for (let d = DIP_IN; d <= DIP_OUT; d += 0.5) p.push(lumAt(img, x + nx * d, y + ny * d));
    return profileDip(p);
  });
}
