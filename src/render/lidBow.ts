// lidbow45: a half-shut upper lid keeps a real lid's arch over the iris. The rig's blink is one displacement field
// (rig/basis/eyes.ts writeLids): each upper-lid point moves a share of the way onto its lower-lid point, so at blink c
// every point has come down c of ITS OWN opening: the lid is (1 - .9c) x the photo's arch + .9c x the lower lid's sag.
// On a deep lower lid the middle nears the corners' height by c ~.5 (lp_s12's image-left eye keeps .02 of its rest arch
// over the iris at blink .5; lp_s7 .26-.32, mt_man .28-.30) where the real drivers' lids keep .37 (median; REAL_HALF_ARCH).
// A real lid comes down more like a curtain: the flanks, where the opening is short, go down nearer as far as the
// middle and meet the lower lid first (the opening shortens from the corners).
// Here each interior upper-lid landmark gets its own completion s >= c: toward the point where it would have come down
// as far (canonical units) as the lid's middle, c x Ymid, capped at its own full move (a smooth min, so the lid does
// not kink where a flank meets the lower lid), by a per-eye share `keep` (bowKeeps: what gives that eye the real
// drivers' arch at half closure; 0 where the rig's blend already keeps it). The middle point (the longest move)
// keeps s = c: the opening, the blink read-back and every closure-keyed pass are unchanged, and s = c again from
// c ~.85 to shut (the shut line is the rig's).
import { smoothstep } from '../math/smooth.ts';
import { LANDMARK_COUNT } from '../rig/topology.ts';

/**
 * The setting: on; `keep`, when set (benches), how much of the curtain's move the flanks take on every eye (0 the rig's
 * field alone, 1 all) in place of each eye's own (bowKeeps: so that its arch at mid-blink is the real drivers').
 */
export const lidBowSetting: { on: boolean; keep: number | null } = { on: true, keep: null };
/**
 * At half closure a real upper lid keeps this share of its rest arch over the iris (the middle over the quarter
 * points): the face mesh of six driving videos' blinking frames, closure .4-.6, medians per eye .2-.52, median .37
 * (bench/lidArch.ts --real; Katie's pixels agree, ~.3). The rig's blend kept .03-.48 (lp_s12 .03, lp_s7 .3).
 */
export const REAL_HALF_ARCH = 0.37;
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
export function addLidBow(canonDisp: Float64Array, basis: ArrayLike<number>, lids: readonly BowLid[], closure: readonly number[], delta: ArrayLike<number>, keeps?: readonly number[]): void {
  if (!lidBowSetting.on) return;
  const N = LANDMARK_COUNT;
  lids.forEach((lid, side) => {
    const c = closure[side]!, d = delta[lid.control]!, keep = lidBowSetting.keep ?? keeps?.[side] ?? 0;
    if (!(c > 0.001) || c >= 1 || !(d > 0) || !(keep > 0)) return;
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

/** The lid's arch over the iris: its middle point's height (y down) above the corners' chord over the quarter points', over the width. */
export function irisArch(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length, m = n >> 1, dx = xs[n - 1]! - xs[0]!, dy = ys[n - 1]! - ys[0]!, w = Math.hypot(dx, dy);
  const h = (q: number) => (Math.sign(dx) * -(dx * (ys[q]! - ys[0]!) - dy * (xs[q]! - xs[0]!))) / w / w;
  return h(m) - (h(2) + h(n - 3)) / 2;
}

/**
 * Per lid, the keep that gives it REAL_HALF_ARCH of its rest arch at half closure (0 when the rig's blend already
 * keeps that much; at most 1): the arch is linear in keep, so two trial lids give it. `neutral` the canonical face,
 * `photoBlink` per lid the photo's own blink weight (the move from the photo's lid to shut is 1 - it of the field);
 * `rotation` (row-major 3x3, canonical -> the photo's crop: rig.rotation) so the arch is the one seen in the picture.
 */
export function bowKeeps(neutral: ArrayLike<number>, basis: ArrayLike<number>, lids: readonly BowLid[], photoBlink: readonly number[], rotation: ArrayLike<number> = [1, 0, 0, 0, 1, 0, 0, 0, 1]): number[] {
  const N = LANDMARK_COUNT;
  return lids.map((lid, side) => {
    const o = lid.control * N * 3, full = 1 - (photoBlink[side] ?? 0);
    const ys = lid.upper.map((i) => basis[o + i * 3 + 1]!);
    const ymid = Math.max(...ys.slice(1, -1));
    if (!(ymid > 0)) return 0;
    const R = rotation, seen = (v: number[], row: number) => R[row * 3]! * v[0]! + R[row * 3 + 1]! * v[1]! + R[row * 3 + 2]! * v[2]!;
    const at = (c: number, keep: number) => {
      const s = lid.upper.map((_, q) => (q === 0 || q === lid.upper.length - 1 ? c : pointCompletion(c, ys[q]! / ymid, keep)));
      const p = lid.upper.map((i, q) => [0, 1, 2].map((a) => neutral[i * 3 + a]! + s[q]! * full * basis[o + i * 3 + a]!));
      return irisArch(p.map((v) => seen(v, 0)), p.map((v) => seen(v, 1)));
    };
    const rest = at(0, 0), a0 = at(0.5, 0), a1 = at(0.5, 1);
    if (!(rest > 0) || !(a1 > a0)) return 0;
    return Math.min(1, Math.max(0, (REAL_HALF_ARCH * rest - a0) / (a1 - a0)));
  });
}
