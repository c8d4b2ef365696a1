// The brows' controls: inner and outer raises, the frown; the forehead above and the skin under
// the brow move with them, the eyes below do not.
import type { RigControl } from '../controls.ts';
import { EYE_L_UPPER, EYE_R_UPPER, BROW_L, BROW_R } from '../topology.ts';
import { smoothstep } from '../../math/smooth.ts';
import { knotsAt } from '../../math/polyline.ts';
import { spread, type Handle } from '../spread.ts';
import type { BasisFace } from './face.ts';

/** The brows' lower contours (outer end first). */
const BROW_R_LOWER = [46, 53, 52, 65, 55];
const BROW_L_LOWER = [276, 283, 282, 295, 285];
/**
 * Between a brow's lower contour (t = 1) and the upper lid (t = 0) a point takes this share of the
 * brow's move: smoothstep over t (UNDER_BROW_T). Monotone down each column, so the skin stretches
 * and never folds, whatever order the face mesh's rows come in on a given face.
 */
export const UNDER_BROW_T: [number, number] = [0.25, 0.75];
const UNDER_BROW_TAPER = 0.08;
/** The raise's share at band height t (UNDER_BROW_T). */
const underBrowShare = (t: number) => smoothstep(UNDER_BROW_T[0], UNDER_BROW_T[1], t);
/**
 * browInnerUp lifts a brow's inner end by BROW_RAISE, falling off linearly along the brow to
 * 1 - BROW_FALL of it at the outer end; browOuterUp the mirror image. Both together lift the whole
 * brow evenly (before, both lifted only the inner and outer points fully and the middle half as
 * much: an M-shaped brow at a full raise).
 */
export const BROW_RAISE = 0.1;
const BROW_FALL = 0.65;
/**
 * browDown lowers the brow's inner end by BROW_DOWN. At 0.075 a full frown moved the rendered brows
 * 0.043-0.069 iod while drivers' strong frowns move theirs 0.08-0.13 (bench/browProbe.ts,
 * bench/browGain.ts); at 0.11 lp_d10's -0.122 still came out -0.067 on mt_man.
 */
export const BROW_DOWN = 0.15;
/**
 * A frown is the corrugators and procerus: the inner brow comes down most and is drawn toward the
 * nose (the inner ends close in by BROW_PULL each), the outer end comes down FROWN_OUTER of the
 * inner's and barely moves in. Before, the whole brow came down evenly and in by a third of its
 * drop: a frown read as a lowered, slightly widened brow, not brows drawn together (lp_d6, critic).
 */
const BROW_PULL = 0.03, FROWN_OUTER = 0.8;
/** Over this distance either side of the midline a side's frown hands the skin over to the other side's. */
const MIDLINE_SHARE = 0.08;
/** The frown's move of brow point i: [toward the nose, down] at the inner end, easing to the outer end. */
function frownMove(along: number, depth: number, dir: number): [number, number, number] {
  const inner = 1 - along;
  return [-dir * (BROW_PULL * inner * inner + depth / 6), depth * (FROWN_OUTER + (1 - FROWN_OUTER) * inner), 0];
}
/** How deep the nose root's skin follows a frown, down from the upper lids' level (canonical units). */
const GLABELLA_BAND = 0.24;
/** A frown closes at most this share of the gap between a brow's lower contour and the upper lid. */
const FROWN_CLOSE = 0.75;
/** The skin above a brow's upper lid line: 0 at the lid line .. 1 at 0.08 above it. */
function browMask(f: BasisFace, brow: number[]): (i: number) => number {
  const upperLidY = Math.min(...brow.map((i) => f.Y(i))) + 0.16;
  return (i: number) => (i >= 468 ? 0 : smoothstep(0, 0.08, upperLidY - f.Y(i)));
}

/**
 * A frown's reach: browMask, but between the eyes' inner corners (the nose root, no lid there) the
 * skin follows the brows down over a band GLABELLA_BAND deep instead of 0.08: the procerus draws that
 * skin down with the brows, and the short band made a jagged step across the nose root at a full
 * frown (bench/browZoom.ts --frown, mt_man).
 */
function frownMask(f: BasisFace, brow: number[]): (i: number) => number {
  const { X, Y } = f;
  const upperLidY = Math.min(...brow.map((i) => Y(i))) + 0.16;
  const xIn = Math.min(X(133), X(362)), xOut = Math.max(X(133), X(362));
  return (i: number) => {
    if (i >= 468) return 0;
    // 1 between the inner corners, fading over 0.06 towards each eye
    const medial = smoothstep(0, 0.06, Math.min(X(i) - xIn, xOut - X(i)));
    // browMask's band (0 at the lid line .. 1 at 0.08 above it), reaching this far below the line
    const below = medial * (GLABELLA_BAND - 0.08);
    return smoothstep(-below, 0.08, upperLidY - Y(i));
  };
}

/** 0 at a brow's inner end (its first point) .. 1 at its outer end (its fifth, the upper contour's last), by x. */
function alongBrow(f: BasisFace, brow: number[], i: number): number {
  const { X } = f;
  return Math.min(1, Math.max(0, (X(i) - X(brow[0]!)) / (X(brow[4]!) - X(brow[0]!))));
}

/** The handles' move at x along the brow's lower contour: linear between them, flat past the ends. */
function moveAlong(f: BasisFace, byX: Handle[], x: number): [number, number, number] {
  const along = (c: number) => knotsAt(byX.length, (k) => f.X(byX[k]!.i), (k) => byX[k]!.d[c]!, x);
  return [along(0), along(1), along(2)];
}

/** The brow handles plus the skin between the brow's lower contour and the upper lid, following the brow. */
function withUnderBrow(f: BasisFace, hs: Handle[], brow: number[], lower: number[], lid: number[], share: (t: number) => number = underBrowShare): Handle[] {
  const { X, Y, contourY } = f;
  const byX = hs.filter((h) => lower.includes(h.i)).sort((a, b) => X(a.i) - X(b.i));
  // past the brow's ends the share tapers off over UNDER_BROW_TAPER (no sheared seam at the ends)
  const x0 = Math.min(...lower.map(X)) - UNDER_BROW_TAPER, x1 = Math.max(...lower.map(X)) + UNDER_BROW_TAPER;
  const skip = new Set([...brow, ...lid]);
  const under: Handle[] = [];
  for (let i = 0; i < 468; i++) {
    if (skip.has(i) || X(i) < x0 || X(i) > x1) continue;
    const yB = contourY(lower, X(i)), yL = contourY(lid, X(i));
    if (yL - yB < 1e-3 || Y(i) <= yB || Y(i) >= yL) continue;
    const taper = smoothstep(0, UNDER_BROW_TAPER, Math.min(X(i) - x0, x1 - X(i)));
    const k = taper * share((yL - Y(i)) / (yL - yB));
    const d = moveAlong(f, byX, X(i));
    under.push({ i, d: [d[0] * k, d[1] * k, d[2] * k] });
  }
  return [...hs, ...under];
}

/** browInnerUp: both brows' inner ends rise, falling off along each brow (one control for both sides). */
function writeInnerRaise(f: BasisFace, share?: (t: number) => number): void {
  const hs: Handle[] = [];
  for (const brow of [BROW_L, BROW_R]) for (const i of brow) hs.push({ i, d: [0, -BROW_RAISE * (1 - BROW_FALL * alongBrow(f, brow, i)), 0] });
  const all = [
    ...withUnderBrow(f, hs.filter((h) => BROW_L.includes(h.i)), BROW_L, BROW_L_LOWER, EYE_L_UPPER, share),
    ...withUnderBrow(f, hs.filter((h) => BROW_R.includes(h.i)), BROW_R, BROW_R_LOWER, EYE_R_UPPER, share),
  ];
  const mL = browMask(f, BROW_L), mR = browMask(f, BROW_R);
  spread(f.out, f.K('browInnerUp'), f.p, all, 0.22, (i) => Math.max(mL(i), mR(i)));
}

/** One side's browDown (the frown) and browOuterUp. */
function writeBrowSide(f: BasisFace, brow: number[], lower: number[], lid: number[], down: RigControl, outerUp: RigControl, dir: number, raiseShare?: (t: number) => number): void {
  const { out, p, X, K, contourY } = f;
  const rows = (hs: Handle[], share?: (t: number) => number) => withUnderBrow(f, hs, brow, lower, lid, share);
  // lowered, the skin under the brow is compressed evenly (a share linear from the lid up): the
  // raise's steeper smoothstep made rows pass each other when the brow came down, and a full frown
  // folded the brow over the lid with a jagged edge (bench/browZoom.ts --frown, round eyes8)
  // the brow comes down at most FROWN_CLOSE of its gap to the lid at that x (a face whose brows sit
  // close to the eyes frowns less; the lower contour never passes the lid)
  // medial to the lid's inner end the floor is the nose root's skin beside the brow head (193 / 417):
  // the lid's line, extended flat, let the deeper inner drop pass it and fold the skin there
  const floor = [...lid, dir > 0 ? 417 : 193];
  const depth = (i: number) => Math.min(BROW_DOWN, FROWN_CLOSE * Math.max(0, contourY(floor, X(i)) - contourY(lower, X(i))));
  // the upper lid is pinned (zero handles): the frown's spread reached the lid on faces whose brows
  // sit close to the eyes and pulled its contour down over the eyeball in a saw-toothed edge
  const pinned: Handle[] = lid.map((i) => ({ i, d: [0, 0, 0] }));
  // each side's frown carries the glabella's midline half (both sides together move it once): at
  // full both, the midline took each side's whole move, came down 0.21 against the brow heads' 0.15
  // and folded over the nose root in a hard step (bench/browZoom.ts --frown, lp_s1, lp_s42)
  const mask = frownMask(f, brow), ownSide = (i: number) => smoothstep(-MIDLINE_SHARE, MIDLINE_SHARE, dir * X(i));
  spread(out, K(down), p, [...rows(brow.map((i) => ({ i, d: frownMove(alongBrow(f, brow, i), depth(i), dir) })), (t) => Math.min(1, Math.max(0, t))), ...pinned], 0.16, (i) => mask(i) * ownSide(i));
  spread(out, K(outerUp), p, rows(brow.map((i) => ({ i, d: [0, -BROW_RAISE * (1 - BROW_FALL + BROW_FALL * alongBrow(f, brow, i)), 0] as [number, number, number] })), raiseShare), 0.2, browMask(f, brow));
}

/**
 * Every brow control. The forehead above moves with the brows; the eyes below do not. The face
 * mesh's brow contours run through the brow hair, which reaches further down, so the skin under the
 * lower contour is carried almost fully near the brow and less toward the lid (UNDER_BROW_T): the
 * brow moves as a whole and the stretch falls on the skin above the crease. Before, everything
 * under the lower contour stayed and a raise stretched the hair's lower half into a dark band.
 * raiseShare: the raises' share down the band (default UNDER_BROW_T; bareBrows.ts spreads it evenly on a bare brow).
 */
export function writeBrowControls(f: BasisFace, raiseShare?: (t: number) => number): void {
  writeInnerRaise(f, raiseShare);
  writeBrowSide(f, BROW_L, BROW_L_LOWER, EYE_L_UPPER, 'browDownLeft', 'browOuterUpLeft', 1, raiseShare);
  writeBrowSide(f, BROW_R, BROW_R_LOWER, EYE_R_UPPER, 'browDownRight', 'browOuterUpRight', -1, raiseShare);
}
