// The white a raised lid uncovers, as the photo's own white (whitepatch50, issue #14). wideEyes.ts drew it from one
// colour per column (wideEyeModel.ts `whites`) under the photo's lid shade carried up, and on a dim eye stareWhite.ts
// lights it and thins that shade: a flat, evenly lit band between the lid and the iris (st_art_1 <- pcavs741 f77/f130:
// a pale grey-lilac band under a hard lid line; st_happy's lit whites a flat grey). Measured in texture space
// (bench/stareWhiteFlat.ts): the drawn white's grain (L* minus its 3x3 mean, sd) .5-1.4 against the photo's own white's
// 1.6-4.2, and on lit eyes no shade under the lid (the 2 rows under it within 1 L* of the white's median; a clear
// white carried up with its own shade, lp_s42, -5..-10). Here:
// - grain: each drawn white texel takes the photo's white's own fine grain (its luma minus its 3x3 mean), read in the
//   same column below the lid's shade, row by row from the top (wrapping), the nearest column's where the iris fills it;
// - a lid band: under the raised lid the white is at most `band` of its light at the lid, back to all of it at
//   `width` iris diameters below (a real open eye's white is darkest under the lashes).
import { luminance } from '../math/colour.ts';
import { nearestRank } from '../math/stats.ts';
import type { LidColumn } from './wideEyeModel.ts';

/** On: the drawn white takes the photo's white's grain (times `grain`) and a shade band under the raised lid. */
export const whiteGrainSetting = { on: true, grain: 1, band: 0.78, width: 0.3 };

type Tex = { width: number; height: number; data: Uint8ClampedArray };
const lumAt = (t: Tex, x: number, y: number) => { const o = (y * t.width + x) * 4; return luminance(t.data[o]!, t.data[o + 1]!, t.data[o + 2]!); };

/** The white's grain is clipped at this many of its (robust) standard deviations (a lash or glint in the white is not grain). */
const CLIP_SD = 2.5;
/** A column with fewer white rows than this takes its nearest columns' too. */
const MIN_ROWS = 8;
/**
 * s51 (whites51): a column with few white rows of its own draws each of its rows from its pool (its own rows and its
 * nearest columns') at a hashed place, BORROW_LEN rows before it repeats. Before, the pool was turned 3 rows per
 * column: on a small white every column's pool is the same few texels (st_happy: 8-9 | 4 rows, the whole eye's white),
 * so column k + 1 was column k three rows up: a lattice of diagonal stripes across the uncovered white (lp_d6 f101,
 * visible at 3x), the same 4 values repeating on her image-left eye.
 */
const BORROW_LEN = 64;
/** Off: the s50 turn (3 rows per column) for benches. */
export const grainScatterSetting = { on: true };
/** A column's borrowed rows before s51: the pool turned by this many rows per column index. */
const BORROW_TURN = 3;

/** A hashed index in 0..n-1 for column k, row i (integer mixing: neighbours do not line up). */
export function scatterIndex(k: number, i: number, n: number): number {
  let h = (Math.imul(k + 1, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39) >>> 0;
  return ((h ^ (h >>> 15)) >>> 0) % n;
}
/** Texels this much past the iris's radius are white (the limbus's dark is not the white's grain). */
const IRIS_PAST = 1.2;

/**
 * Per column (as `columns`): the photo's white's grain (luma minus the 3x3 mean, clipped at CLIP_SD) down its rows
 * from `from` px below the lid line to 1 px over the lower lid, outside the iris; a column with none takes the
 * nearest column's; null when the eye shows no white at all.
 */
export function whiteGrainField(tex: Tex, columns: LidColumn[], disc: { cx: number; cy: number; r: number } | null, from: number): Float32Array[] | null {
  const white = (x: number, y: number) => x >= 1 && y >= 1 && x < tex.width - 1 && y < tex.height - 1 && (!disc || Math.hypot(x + 0.5 - disc.cx, y + 0.5 - disc.cy) > IRIS_PAST * disc.r);
  const own = columns.map((c) => {
    const v: number[] = [];
    for (let y = Math.ceil(c.top + from); y < c.bottom - 1; y++) {
      // the whole 3x3 box in the white (the limbus's dark beside it is no grain)
      let s = 0, ok = true;
      for (let j = -1; j <= 1 && ok; j++) for (let i = -1; i <= 1; i++) { if (!white(c.x + i, y + j)) { ok = false; break; } s += lumAt(tex, c.x + i, y + j); }
      if (ok) v.push(lumAt(tex, c.x, y) - s / 9);
    }
    return v;
  });
  const all = own.flat();
  if (!all.length) return null;
  // a robust spread (1.4826 x the median absolute grain): a few lash or glint texels do not widen the clip
  const sd = 1.4826 * nearestRank(all.map(Math.abs), 0.5, 0), cap = CLIP_SD * sd;
  const clip = (g: number) => Math.max(-cap, Math.min(cap, g));
  return own.map((v, k) => {
    // a column with few white rows of its own (by the iris, a narrow eye) goes on with its nearest columns' rows,
    // nearer first, each row drawn from them at a hashed place (grainScatterSetting; neighbours taking the same rows would streak)
    const rows = v.slice();
    for (let d = 1; rows.length < MIN_ROWS && d < own.length; d++) for (const j of [k - d, k + d]) rows.push(...(own[j] ?? []));
    if (rows.length === v.length) return Float32Array.from(rows, clip);
    if (grainScatterSetting.on) return Float32Array.from({ length: Math.max(BORROW_LEN, rows.length) }, (_, i) => clip(rows[scatterIndex(k, i, rows.length)]!));
    const turn = (BORROW_TURN * k) % rows.length;
    return Float32Array.from(rows, (_, i) => clip(rows[(i + turn) % rows.length]!));
  });
}

/** Column k's grain at `row` px under the drawing's top (wrapping down the column's white), times `grain`; 0 off or unread. */
export function grainAt(field: Float32Array[] | null, k: number, row: number, s = whiteGrainSetting): number {
  if (!s.on || !field) return 0;
  const g = field[Math.min(field.length - 1, Math.max(0, k))]!;
  if (!g.length) return 0;
  const i = ((Math.floor(row) % g.length) + g.length) % g.length;
  return s.grain * g[i]!;
}

/**
 * The shade under a raised lid at depth t (px) below it, for an iris `irisD` px across: `band` at the lid, 1 from
 * `width` diameters down (smooth), its darkness times `share` (wideEyes.ts: the lit eyes whose carried shade stareWhite.ts
 * thins; a clear white keeps its own shade carried up, lp_s42 -5..-10 L* under the lid already).
 */
export function lidBandShade(t: number, irisD: number, share = 1, s = whiteGrainSetting): number {
  if (!s.on || share <= 0) return 1;
  const u = Math.min(1, Math.max(0, t / Math.max(1, s.width * irisD)));
  return 1 - share * (1 - s.band) * (1 - u * u * (3 - 2 * u));
}
