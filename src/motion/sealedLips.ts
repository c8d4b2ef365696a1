// Sealed lips read from the driver's pixels (issue #13, s40 sealed40). The face mesh can put a shut mouth's lower inner
// lip inside the lower lip's red: lp_d6 f175-176 / f185-186 are pressed shut with a thin seam, but the mesh reads a
// .06-.07 IOD gap (motion jawOpen .10) and the photo's mouth opened on them, showing lp_s42's own teeth as a pale band
// (docs/mouth/README.md s39 photomouth39). This reading does not use the inner lip line: down each column across the
// mouth's middle, from the upper lip's outer edge to the lower lip's, shut lips are lip colour with ONE dark valley (the
// seam); an opening, however thin, shows teeth (bright or pale against the lips), a dark run wider than a seam, or two
// valleys (the upper lip's edge and the lower lip's, with teeth, tongue or cavity between: lp_d10 f364's pinkish teeth
// between two dips, lp_d6 f193's tooth edge). The frame's reading is the share of its columns read shut; the motion
// closes the lips' gap only where nearly all are (sealedClose.ts), so a side opening (teeth at one corner) keeps it.
import type { RgbaImage } from '../types.ts';
import { eyeCornerDistance, LIPS_OUTER_LOWER, LIPS_OUTER_UPPER } from '../rig/topology.ts';
import { saturation } from '../math/colour.ts';
import { lipReference } from './mouthDark.ts';

/** the columns read: within this share of the mouth's half width (outer corners 61 / 291) of its middle */
const REACH = 0.5;
/** samples along a column, in pixels */
const STEP = 0.5;
/** the share of each column's ends left out (the outer lip line may lie on the skin) */
const EDGE = 0.12;
/** darker than this share of the lips' light: the seam or a dark opening */
const DARK_OF_LIP = 0.75;
/** a column's dark samples over this many IOD are an opening, not a seam (lp_d6's blurred seams .04-.067 IOD) */
const SEAM_WIDTH = 0.07;
/** teeth: brighter than this share of the lips' light and less saturated than TEETH_SAT of the lips (or .3) ... */
const TEETH_OF_LIP = 1.15, TEETH_SAT = 0.85;
/** ... or, at any light, under PALE_SAT of the lips' saturation (pale teeth as light as the lips) */
const PALE_SAT = 0.6;
/** teeth: a run of such samples at least this long (IOD; a lower lip's gloss is shorter: lp_d6 f185's ~2 px at IOD 145) */
const TEETH_RUN = 0.025;
/** a sample this saturated against the lips' is lip (teeth lie between such samples) */
const LIP_SAT = 0.9;
/** a dip counts under this share of the lips' light and with at least this prominence (lip light units) */
const DIP_UNDER = 0.9, DIP_DEPTH = 0.1;
/** fewer columns than this: not read */
const MIN_COLUMNS = 5;

/** A column's samples' luma, saturation, top (upper outer lip) to bottom (lower outer lip). */
export interface LipColumn { luma: Float32Array; sat: Float32Array }

/** The offset down the mouth's axis of an outer lip line (points in the mouth's frame: along, down) at `a` along it; null outside. */
function lineAt(points: readonly [number, number][], a: number): number | null {
  for (let k = 0; k + 1 < points.length; k++) {
    const [a0, b0] = points[k]!, [a1, b1] = points[k + 1]!;
    if (a0 !== a1 && (a - a0) * (a - a1) <= 0) return b0 + ((a - a0) / (a1 - a0)) * (b1 - b0);
  }
  return null;
}

/** The image's colour at (x, y), bilinear, into out[0..2]. */
function sampleAt(img: RgbaImage, x: number, y: number, out: number[]): void {
  const x0 = Math.max(0, Math.min(img.width - 2, Math.floor(x))), y0 = Math.max(0, Math.min(img.height - 2, Math.floor(y)));
  const fx = Math.max(0, Math.min(1, x - x0)), fy = Math.max(0, Math.min(1, y - y0)), d = img.data, row = img.width * 4;
  for (let c = 0; c < 3; c++) {
    const i = (y0 * img.width + x0) * 4 + c;
    out[c] = (1 - fy) * ((1 - fx) * d[i]! + fx * d[i + 4]!) + fy * ((1 - fx) * d[i + row]! + fx * d[i + row + 4]!);
  }
}

/**
 * The columns across the mouth's middle (|along| <= REACH of the half width, 1 px apart), each sampled every STEP px
 * from the upper lip's outer line to the lower lip's, perpendicular to the corners' axis (a rolled head reads the same);
 * with the eye corners' distance (IOD, px) and the lips' light and saturation (mouthDark.ts lipReference).
 */
export function lipColumns(img: RgbaImage, lm: ArrayLike<number>, reach = REACH): { columns: LipColumn[]; iod: number; lipLight: number; lipSat: number } {
  const P = (k: number) => [lm[k * 3]!, lm[k * 3 + 1]!] as const;
  const [lx, ly] = P(61), [rx, ry] = P(291), len = Math.hypot(rx - lx, ry - ly) || 1;
  const ax = [(rx - lx) / len, (ry - ly) / len] as const, dn = [-ax[1], ax[0]] as const, o = [(lx + rx) / 2, (ly + ry) / 2] as const;
  const local = (k: number): [number, number] => {
    const [x, y] = P(k);
    return [(x - o[0]) * ax[0] + (y - o[1]) * ax[1], (x - o[0]) * dn[0] + (y - o[1]) * dn[1]];
  };
  const upper = LIPS_OUTER_UPPER.map(local), lower = LIPS_OUTER_LOWER.map(local);
  const iod = eyeCornerDistance(lm);
  const { light: lipLight, sat: lipSat } = lipReference(img, lm);
  const mid = (local(0)[0] + local(17)[0]) / 2, columns: LipColumn[] = [], rgb = [0, 0, 0];
  for (let a = mid - (reach * len) / 2; a <= mid + (reach * len) / 2; a += 1) {
    const top = lineAt(upper, a), bottom = lineAt(lower, a);
    if (top === null || bottom === null || bottom - top < 2) continue;
    const n = Math.floor((bottom - top) / STEP) + 1, col: LipColumn = { luma: new Float32Array(n), sat: new Float32Array(n) };
    for (let k = 0; k < n; k++) {
      const s = top + k * STEP;
      sampleAt(img, o[0] + a * ax[0] + s * dn[0], o[1] + a * ax[1] + s * dn[1], rgb);
      col.luma[k] = 0.299 * rgb[0]! + 0.587 * rgb[1]! + 0.114 * rgb[2]!;
      col.sat[k] = saturation(rgb[0]!, rgb[1]!, rgb[2]!);
    }
    columns.push(col);
  }
  return { columns, iod, lipLight, lipSat };
}

/** The count of a profile's dips: local minima under `under` whose prominence (the lower of the highest values either side before a lower one) is at least `depth`. */
export function dips(v: ArrayLike<number>, under: number, depth: number): number {
  let count = 0;
  for (let k = 0; k < v.length; k++) {
    const x = v[k]!;
    // (a plateau counts once: at its first sample)
    if (!(x < under) || (k > 0 && v[k - 1]! <= x) || (k + 1 < v.length && v[k + 1]! < x)) continue;
    let left = x, right = x;
    for (let j = k - 1; j >= 0 && v[j]! >= x; j--) left = Math.max(left, v[j]!);
    for (let j = k + 1; j < v.length && v[j]! >= x; j++) right = Math.max(right, v[j]!);
    if (Math.min(left, right) - x >= depth) count++;
  }
  return count;
}

/** What a column shows between its lips: '.' shut (lip colour and one seam), 'T' teeth, '2' two dips, 'D' a dark run wider than a seam. */
export function columnKind(col: LipColumn, lipLight: number, lipSat: number, iod: number): '.' | 'T' | '2' | 'D' {
  const n = col.luma.length, lo = Math.floor(EDGE * n), hi = Math.ceil((1 - EDGE) * n) - 1;
  // teeth only between the first and the last sample as saturated as the lips: the skin beyond the outer lip lines is
  // as pale (lp_d6 f185's upper outer line lies on it), the teeth lie under a lip on both sides
  let first = -1, last = -1;
  for (let k = lo; k <= hi; k++) if (col.sat[k]! >= LIP_SAT * lipSat) { if (first < 0) first = k; last = k; }
  let dark = 0, run = 0, teeth = 0;
  const v: number[] = [];
  for (let k = lo; k <= hi; k++) {
    const L = col.luma[k]! / Math.max(1, lipLight), s = col.sat[k]!;
    v.push(L);
    if (L < DARK_OF_LIP) dark++;
    const tooth = L >= DARK_OF_LIP && k > first && k < last && ((L > TEETH_OF_LIP && s < Math.max(0.3, TEETH_SAT * lipSat)) || s < PALE_SAT * lipSat);
    run = tooth ? run + 1 : 0;
    teeth = Math.max(teeth, run);
  }
  if ((teeth * STEP) / Math.max(1, iod) >= TEETH_RUN) return 'T';
  if (dips(v, DIP_UNDER, DIP_DEPTH) > 1) return '2';
  return (dark * STEP) / Math.max(1, iod) > SEAM_WIDTH ? 'D' : '.';
}

/**
 * The share of the mouth's middle columns that read shut (columnKind '.'): 1 sealed lips .. 0 an opening across the
 * middle; null with too few columns (no mouth to read). `lm`: the 478 landmarks in the image's pixels, flat x, y, z.
 */
export function sealedShare(img: RgbaImage, lm: ArrayLike<number>): number | null {
  const { columns, iod, lipLight, lipSat } = lipColumns(img, lm);
  if (columns.length < MIN_COLUMNS || !(lipLight > 0)) return null;
  return columns.filter((c) => columnKind(c, lipLight, lipSat, iod) === '.').length / columns.length;
}
