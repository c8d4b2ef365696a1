// A narrowing the lower lid makes is not a blink (glance43, critic42 lp_s2 <- lp_d0 f32/f60: the image-left eye a
// blank grey slit while the driver's iris is dark in the corner). The blink is read off the face mesh's whole opening
// (restFace.ts blinkFromOpening), and a driver's smiling side glance narrows it by its LOWER lid: lp_d0's subject-right
// eye at f32/f36/f60 opens .80/.78/.69 of rest with the upper lid at .87/.93/.79 of its rest height above the corners'
// line and the lower lid at .70/.54/.54 below it. The squint already renders that lower lid (.36-.57); the blink drew
// the same narrowing a second time as a falling upper lid (.28/.34), and on lp_s2's 8 px hooded opening the two left a
// 3 px slit with the lash line through it (.52/.42 of the opening rendered, the driver's .73/.60). A real blink moves
// the upper lid: lp_d0 f64-66 it goes from .52 to -.38 of its height. Here, where the lower lid's rise takes as much of
// the opening as the upper lid's fall, the blink is at most what the upper lid alone leaves open asks for. Pure functions; the hook is in framesFromRaw.ts.
import { blinkFromOpening, eyeRestOf } from './restFace.ts';

/** Per subject side (0 = left, as blinkL / m.eyeLeft; 1 = right): outer corner, inner corner, upper lid middle, lower lid middle. */
const EYE_POINTS = [[263, 362, 386, 374], [33, 133, 159, 145]] as const;

/**
 * The upper lid's height above the corners' line and the lower lid's below it (eye widths, both + when open), from
 * flat landmarks (x, y, z per point) for subject side `side`.
 */
export function lidHeights(lm: ArrayLike<number>, side: 0 | 1): [number, number] {
  const [o, n, u, l] = EYE_POINTS[side];
  const ax = lm[o * 3]!, ay = lm[o * 3 + 1]!, bx = lm[n * 3]!, by = lm[n * 3 + 1]!;
  const w = Math.max(1e-6, Math.hypot(bx - ax, by - ay));
  // the unit normal to the corners' line, pointing down the image whichever corner is first
  let nx = -(by - ay) / w, ny = (bx - ax) / w;
  if (ny < 0) { nx = -nx; ny = -ny; }
  const below = (k: number) => ((lm[k * 3]! - ax) * nx + (lm[k * 3 + 1]! - ay) * ny) / w;
  return [-below(u), below(l)];
}

/** The opening's share of rest the upper lid alone leaves (the lower lid at its rest height). */
export function upperLidShare(upper: number, restUpper: number, restLower: number): number {
  return (upper + restLower) / Math.max(1e-6, restUpper + restLower);
}

/**
 * How far the cap holds (0..1): whole where the lower lid's rise takes at least as much of the opening as the upper
 * lid's fall, none where it takes half as much or less. A real blink's lower lid rises too (lp_d0 f64-67: .59-.39 of
 * its height left), by less than the upper lid falls; capped there, the blink's deepest frames lost .1-.4 (f67 1 -> .63).
 */
export function capHold(upper: number, lower: number, restUpper: number, restLower: number): number {
  const fall = Math.max(0, restUpper - upper), rise = Math.max(0, restLower - lower);
  if (rise <= 0) return 0;
  return Math.min(1, Math.max(0, (rise - 0.5 * fall) / Math.max(1e-9, 0.5 * fall)));
}

/**
 * Only on a hard side glance (the motion's gaze x, 1 = the clamp): from GLANCE[0], whole by GLANCE[1]. Without the
 * gate the cap also opened real half lids the mesh reads with little upper-lid fall (Katie f15 .55 -> .14,
 * lp_d6 f133 .61 -> .10, both visibly half shut on the video).
 */
export const GLANCE = [0.45, 0.6] as const;
export function glanceHold(gx: number): number {
  const t = Math.min(1, Math.max(0, (Math.abs(gx) - GLANCE[0]) / (GLANCE[1] - GLANCE[0])));
  return t * t * (3 - 2 * t);
}

/**
 * One eye's blink on one frame (the live retarget calls it per webcam frame, with running rests): taken down toward
 * blinkFromOpening of its upper lid's share by capHold (lidHeights `h`, the rests upper and lower), gated by glanceHold of
 * the gaze x (none: no gate).
 */
export function upperLidCapped(blink: number, h: readonly [number, number], restU: number, restL: number, gx?: number): number {
  const [up, low] = h;
  const over = blink - blinkFromOpening(upperLidShare(up, restU, restL));
  return over > 0 ? blink - capHold(up, low, restU, restL) * (gx === undefined ? 1 : glanceHold(gx)) * over : blink;
}

/**
 * In place: each side's blink (blinks[0] subject's left) taken down toward blinkFromOpening of its upper lid's share
 * by capHold, over the frames with landmarks (`lms[i]` null: left as is). The rests are eyeRestOf over those frames.
 */
export function blinksByUpperLid(blinks: [Float64Array, Float64Array], lms: (ArrayLike<number> | null | undefined)[], gazeX?: ArrayLike<number>): void {
  const have = lms.map((lm, i) => (lm ? i : -1)).filter((i) => i >= 0);
  if (!have.length) return;
  ([0, 1] as const).forEach((side) => {
    const h = have.map((i) => lidHeights(lms[i]!, side));
    const restU = eyeRestOf(h.map((v) => v[0])), restL = eyeRestOf(h.map((v) => v[1]));
    if (!(restU + restL > 0)) return;
    have.forEach((i, k) => {
      blinks[side][i] = upperLidCapped(blinks[side][i]!, h[k]!, restU, restL, gazeX ? gazeX[i]! : undefined);
    });
  });
}
