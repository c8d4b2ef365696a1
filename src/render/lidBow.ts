// lidbow45: a half-shut upper lid keeps its arch over the iris. The rig's blink is one displacement field
// (rig/basis/eyes.ts writeLids): each upper-lid point moves a share of the way onto its lower-lid point, so
// at blink c every point has come down c of ITS OWN opening: the lid is (1 - .9c) x the photo's arch + .9c x
// the lower lid's sag. On a deep lower lid (lp_s7's cartoon eye, lp_s12) the middle reaches the corners'
// height by c ~.5-.7 and the lid's edge is a straight bar over a bowl of iris (critic44's "visor": lp_s7 <- eng
// f59/f64/f108/f112). A real lid comes down more like a curtain: the flanks, where the opening is short, go
// down as far as the middle does and meet the lower lid first (the opening shortens from the corners), so
// the arch over the iris stays until near the end.
// Here each interior upper-lid landmark of an eye gets its own completion s >= c: toward the point where it
// would have come down as far (canonical units) as the lid's middle, c x Ymid, capped at its own full move
// (a smooth min, so the lid does not kink where a flank meets the lower lid), by ARCH_KEEP. The middle point
// (the longest move) keeps s = c: the opening, the blink read-back and every closure-keyed pass are
// unchanged, and s = c again at c >= ~1 (the shut line is the same).
import { smoothstep } from '../math/smooth.ts';
import { LANDMARK_COUNT } from '../rig/topology.ts';

/** The setting: on, and how much of the curtain's move the flanks take (0 the rig's field alone, 1 all). */
export const lidBowSetting = { on: true, keep: 0.5 };
/** The smooth min's width (completions): the flank's completion rounds into 1 over about this much. */
export const BOW_ROUND = 0.35;
/** The bow fades out over this span of completion below 1 (at 1 the shut line is the rig's). */
export const BOW_END: readonly [number, number] = [0.85, 1];

/** Polynomial smooth minimum of a and b (width k; = min(a, b) when they are k or more apart). */
export function smoothMin(a: number, b: number, k: number): number {
  const h = Math.min(1, Math.max(0, 0.5 + (0.5 * (b - a)) / k));
  return b + (a - b) * h - k * h * (1 - h);
}

/**
 * A lid point's completion at the lid's completion `c`, for a point whose full move is `share` (0-1] of the
 * lid middle's: the curtain's c / share, rounded into 1, taken `keep` of the way from c, fading to c at the end.
 */
export function pointCompletion(c: number, share: number, keep: number): number {
  if (!(c > 0) || c >= 1 || !(share > 0) || share >= 1) return c;
  const curtain = Math.max(c, smoothMin(c / share, 1, BOW_ROUND));
  return c + keep * (curtain - c) * (1 - smoothstep(BOW_END[0], BOW_END[1], c));
}

/** Per eye: the blink control's index and its upper-lid landmarks (corner to corner). */
export interface BowLid { control: number; upper: readonly number[] }

/**
 * Adds the bow to canonical displacements (478*3, already holding d x basis for every control): for each lid,
 * each interior upper-lid point moves a further (s - c) x (its rig move at this weight, d / c x its basis vector).
 * `closure` per lid (blinkCompletion), `delta` per control (weight - photo weight).
 */
export function addLidBow(canonDisp: Float64Array, basis: ArrayLike<number>, lids: readonly BowLid[], closure: readonly number[], delta: ArrayLike<number>, keep = lidBowSetting.keep): void {
  if (!lidBowSetting.on || !(keep > 0)) return;
  const N = LANDMARK_COUNT;
  lids.forEach((lid, side) => {
    const c = closure[side]!, d = delta[lid.control]!;
    if (!(c > 0.001) || c >= 1 || !(d > 0)) return;
    const o = lid.control * N * 3;
    let ymid = 0;
    for (let q = 1; q < lid.upper.length - 1; q++) ymid = Math.max(ymid, basis[o + lid.upper[q]! * 3 + 1]!);
    if (!(ymid > 0)) return;
    // the rig's move of a point at this weight is d x its basis vector, which is c of its full move: a further
    // (s - c) of the full move is (s - c) x d / c x the vector
    const perCompletion = d / c;
    for (let q = 1; q < lid.upper.length - 1; q++) {
      const i = lid.upper[q]!, y = basis[o + i * 3 + 1]!;
      const more = pointCompletion(c, y / ymid, keep) - c;
      if (!(more > 0)) continue;
      for (let a = 0; a < 3; a++) canonDisp[i * 3 + a]! += more * perCompletion * basis[o + i * 3 + a]!;
    }
  });
}
