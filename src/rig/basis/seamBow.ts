// The photo's up-bowed seam levelled as the jaw opens (s47 seambow47, #13: lp_s7's hexagon / almond). lp_s7 and
// lp_s5 rest with the lips' seam bowed up (its middle .030 / .032 IOD over the inner corners' chord) on narrow mouths
// (.34-.36 IOD); the jaw gives every face the same corner share (jaw.ts UPPER_LIP_JAW), so her opening's corners
// stay where the photo put them, at mid-height of an opening 1.5x as tall for its width as the driver's: a flat top
// over steep sides (docs/mouth/README.md "s46 (angular46)"). Here the avatar's rendered basis (renderBasis) also
// raises the mouth's sides on jawOpen by the seam's own bow on that side (past a floor) x `perJaw` x the jaw's own
// share profile (1 at the corners and past them, ~0 over the middle half): both lips and the skin round the corners move together (a field
// of the column), so the gap at every column is the jaw's and no corner shears off its skin (lens43's .3
// corner share did, mouthCornerSmear). Seams bowed down (corners over the middle: mt_man, st_happy) get nothing.
// The fit bases (drivers, the photo) are not touched: jawOpen weights read off videos do not change.
import { LANDMARK_COUNT, LIPS_INNER_LOWER, LIPS_INNER_UPPER, LIPS_OUTER_LOWER, LIPS_OUTER_UPPER } from '../topology.ts';
import { LIPS_MID_LOWER, LIPS_MID_UPPER, lipJawShares } from '../jaw.ts';
import { smoothstep } from '../../math/smooth.ts';
import { deform } from '../canonical.ts';
import { contourYOf } from './face.ts';

/**
 * On: jawOpen levels an up-bowed rest seam on the rendered avatar. perJaw: share of the bow (past `floor`) levelled per
 * unit of the rig's jawOpen (lp_s7 <- lp_d10 f57 / f91 take rig jaw .55-.65: her corners rise ~.04 IOD). floor
 * (canonical units): a bow under it counts as level (the mean face -.003, mt_man / st_happy within .006; lp_s2's
 * .0125 at perJaw 2 narrowed grinRendered's read-back of her open grin under 96 % of the mesh's width).
 */
export const seamBowSetting = { on: true, perJaw: 2.7, floor: 0.01 };

/** Past the lips' outer contours the rise fades over this much (canonical units, outer-eye-corner distance 1). */
const REACH = 0.15;
/** The photo's own seam bowing up by this much (canonical units, the two sides' mean) opens the levelling fully. */
const PHOTO_GATE = 0.008;
/** Past the corners (inner half widths from the middle) the rise fades between these. */
const SIDE_FADE = [1.2, 2.4] as const;

/** The rest seam's bow on each side (canonical units, y down): the inner corner's height under the seam's middle (13/14), positive when bowed up, less `floor`. */
export function seamBows(p: ArrayLike<number>, floor = 0): { left: number; right: number } {
  const Y = (i: number) => p[i * 3 + 1]!;
  const mid = 0.5 * (Y(13) + Y(14));
  return { left: Y(78) - mid - floor, right: Y(308) - mid - floor };
}

/**
 * A lip point's rise (y down, so <= 0) per unit of jawOpen: the bow of its side x perJaw x the upper lip's jaw share at
 * rx (jaw.ts lipJawShares) over the corners' — the rise undoes the jaw's drop where the jaw drops the upper lip, near
 * the corners. (rx^2 lifted the sides from half way out, where the jaw leaves the upper lip still: its line dipped in
 * the middle, a gull wing on lp_s5 f92; its square root turned lp_s5 / lp_s7's mesh polygons 6 / 4 degrees more and
 * lp_s11's corner kink hardly less, 37 for 40.) rx = |x - middle| / inner half width, at most 1.
 */
export function seamRise(rx: number, bow: number, perJaw: number): number {
  const share = lipJawShares(Math.min(1, Math.abs(rx))).upper / lipJawShares(1).upper;
  return -Math.max(0, bow) * perJaw * share;
}

/**
 * 0..1: how much the photo's own seam (the neutral with the photo's fitted expression) bows up, its two sides' mean
 * over PHOTO_GATE. A smiling photo's neutral is the photo less the fit's smile: its seam bows up by the smile taken
 * off (lp_s1 .055 / .041 neutral, -.006 / -.033 as photographed), and levelled it lifted the corners over her upper
 * teeth (mouthCavity's lp_s1 speech-opening dark share .108 -> .101, limit .105). lp_s7 .019 / .018, lp_s5 .015 / .005.
 */
export function photoSeamGate(photoSeam: ArrayLike<number>): number {
  const b = seamBows(photoSeam);
  return smoothstep(0, PHOTO_GATE, 0.5 * (b.left + b.right));
}

/**
 * In place on a rendered basis: control k (jawOpen) also raises the sides of an up-bowed seam. The rise is a field
 * of the column (seamRise, held past the corners and fading over the cheek): every lip point takes its column's
 * rise, the skin above the upper lip / under the lower its column's fading over REACH, so points in one column move
 * together and the skin beside a corner goes with it. (Spread from the lip points as handles, the skin just past
 * lp_s7's corners took .02-.2 of the corner's rise: the shear lens43's .3 left on mt_man.)
 */
export function levelSeamBow(basis: Float32Array, neutral: ArrayLike<number>, k: number, photoWeights?: ArrayLike<number>, perJaw = seamBowSetting.perJaw): void {
  if (!seamBowSetting.on || !(perJaw > 0)) return;
  const p = Float64Array.from(neutral as ArrayLike<number>);
  const X = (i: number) => p[i * 3]!, Y = (i: number) => p[i * 3 + 1]!;
  const gate = photoWeights ? photoSeamGate(deform(p, basis, photoWeights)) : 1;
  const raw = seamBows(p, seamBowSetting.floor), bows = { left: gate * raw.left, right: gate * raw.right };
  if (!(bows.left > 0) && !(bows.right > 0)) return;
  const mcx = 0.5 * (X(13) + X(14)), half = Math.max(1e-3, 0.5 * Math.abs(X(308) - X(78)));
  // the side of 78 (the canonical x of each inner corner decides which bow a column takes)
  const side78 = Math.sign(X(78) - mcx);
  const lips = new Set([...LIPS_OUTER_UPPER, ...LIPS_OUTER_LOWER, ...LIPS_INNER_UPPER, ...LIPS_INNER_LOWER, ...LIPS_MID_UPPER, ...LIPS_MID_LOWER]);
  for (let i = 0; i < 468; i++) {
    const dx = X(i) - mcx, rx = Math.abs(dx) / half;
    if (rx >= SIDE_FADE[1]) continue;
    const bow = Math.sign(dx) === side78 ? bows.left : bows.right;
    let dy = seamRise(rx, bow, perJaw) * (1 - smoothstep(SIDE_FADE[0], SIDE_FADE[1], rx));
    if (dy === 0) continue;
    if (!lips.has(i)) {
      const over = contourYOf(p, LIPS_OUTER_UPPER, X(i)) - Y(i), under = Y(i) - contourYOf(p, LIPS_OUTER_LOWER, X(i));
      dy *= 1 - smoothstep(0, REACH, Math.max(over, under, 0));
    }
    basis[(k * LANDMARK_COUNT + i) * 3 + 1]! += dy;
  }
}
