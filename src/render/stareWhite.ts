// The white a stare uncovers on a dim, lash-shaded eye (stare49, issue #14). wideEyes.ts draws the white a raised
// lid uncovers from the photo's own white (wideEyeModel.ts `whites`) under the photo's lid shadow carried up with
// the lid. On a narrowed, lash-heavy eye (st_happy: a smile's half-shut eyes, dark liner) the photo's white is the
// shaded sliver between the lashes, luma 66 | 80 against her under-eye skin's 145 | 184 (.43-.46 of it; lp_s42
// .73, mt_man .57-.69), and her lash fringe's shadow reaches 4-6 px at .44-.61: the uncovered band drew at luma
// 30-50, a dark socket round a dark iris, and a .7 stare on lp_d6 (white all round the driver's irises) read as her
// eyes at rest. A lid that goes up opens the eyeball to the light: the white it uncovers is lit at least `ofCheek`
// of the skin under the eye, and on such an eye the lashes, turned up with the lid, shade less of it (`thin`).
import { luminance } from '../math/colour.ts';
import { nearestRank } from '../math/stats.ts';

/** On: the uncovered white is lit to at least ofCheek of the under-eye skin, at most `maxGain` times the photo's; the lid's shade on it is cut by `thin` at a full stare (`full` raise). */
export const stareWhiteSetting = { on: true, ofCheek: 0.8, maxGain: 1.8, thin: 0.6, full: 0.6 };

type Tex = { width: number; height: number; data: Uint8ClampedArray };
const lumAt = (t: Tex, x: number, y: number) => { const o = (y * t.width + x) * 4; return luminance(t.data[o]!, t.data[o + 1]!, t.data[o + 2]!); };

/** Rows of skin under the eye read for its light, in eye widths below the iris's centre (the cheek's top, under the lower lid's shade). */
const CHEEK_FROM = 0.5, CHEEK_TO = 0.9;

/** The under-eye skin's luminance (median over the eye's columns, CHEEK_FROM..CHEEK_TO eye widths under `cy`); NaN when off the texture. */
export function cheekLuma(skin: Tex, columns: { x: number }[], cy: number): number {
  const ew = columns.length, v: number[] = [];
  for (const c of columns) for (let y = Math.floor(cy + CHEEK_FROM * ew); y < cy + CHEEK_TO * ew; y++) if (y >= 0 && y < skin.height && c.x >= 0 && c.x < skin.width) v.push(lumAt(skin, c.x, y));
  return nearestRank(v, 0.5, NaN);
}

/** The white's light read for the gain: this rank of its columns' (the whitest by the iris, not the pink, shaded corners). */
const WHITE_RANK = 0.75;

/**
 * One gain for an eye's whites (RGBA per column) that lights them to `ofCheek` of `cheek` at WHITE_RANK, within
 * 1..maxGain (1 when off or unread): one gain for the eye keeps the photo's shading across it (corners darker, pinker).
 */
export function stareWhiteGain(whites: number[][], cheek: number, s = stareWhiteSetting): number {
  if (!s.on || !(cheek > 0) || !whites.length) return 1;
  const l = whites.map((w) => luminance(w[0]!, w[1]!, w[2]!)).sort((a, b) => a - b);
  const lit = l[Math.min(l.length - 1, Math.floor(WHITE_RANK * l.length))]!;
  return Math.min(s.maxGain, Math.max(1, (s.ofCheek * cheek) / Math.max(1, lit)));
}

/**
 * How much of a column's gain a row takes: all of it over the rows the photo never showed (above its lid line
 * `photoTop`), none from the end of the drawing `end` down (the photo's own pixels there meet it), linear between;
 * times the stare's share of a full one (amount / full), so a small raise is not lit at once.
 */
export function gainShare(yc: number, photoTop: number, end: number, amount: number, s = stareWhiteSetting): number {
  const row = yc <= photoTop ? 1 : Math.max(0, (end - yc) / Math.max(1, end - photoTop));
  return row * Math.min(1, amount / s.full);
}

/** A white lit by this much gain or more has its lid's shade thinned all the way (`thinShareOf`). */
const THIN_FULL_GAIN = 1.3;

/**
 * How much of `thin` an eye whose white takes `gain` gets: the shade carried up is the photo's lash fringe on the
 * dim, lash-shaded whites the gain lights (st_happy 1.37 | 1.58: all); a clear white's shade (gain 1, lp_s42) is
 * the lid's own and stays as the photo shows it.
 */
export function thinShareOf(gain: number): number {
  return Math.min(1, Math.max(0, (gain - 1) / (THIN_FULL_GAIN - 1)));
}

/** The lid's shade `shade` (share of light) on the uncovered eye at a stare `amount`: its darkness cut by `thin` x `share` (thinShareOf) at a full stare. */
export function thinnedShade(shade: number, amount: number, share = 1, s = stareWhiteSetting): number {
  if (!s.on) return shade;
  return 1 - (1 - shade) * (1 - share * s.thin * Math.min(1, amount / s.full));
}
