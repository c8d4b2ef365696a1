// The brow channels of the retarget (retarget.ts) checked against how far the driver's brows really
// moved over its eye corners in the head frame (browDrop.ts), and a one-sided brow kept one-sided
// (the shared inner raise no higher than the lower brow shows, the rest on each side's outer raise).
import type { RigControl } from '../rig/controls.ts';
import type { DriverFitOptions } from './retarget.ts';
import { dropLeftToFrown, frownWithinDrop, raiseWithinRise } from './browDrop.ts';
import { smileGate } from './lowerLid.ts';
import { percentile } from './restFace.ts';

/**
 * Each brow's rest height per side, [subject's left, right]: a frown counts from the median over the
 * clip; a raise from a lower percentile (RAISE_REST_PERCENTILE), since an animated driver's median
 * frame already has the brows up (lp_d6: her right brow arched high at 2.4 s stood only 0.01 over
 * her median, and the raise cap let little of it through).
 */
export interface BrowRest {
  frown: number[];
  raise: number[];
  /** the height raisesFromRise counts a raise from: the frown's rest (median), or higher on a pitched clip (frontalBrowRest) */
  riseFrom?: number[];
}
const RAISE_REST_PERCENTILE = 25;

/**
 * A clip whose median head pitch is this far (degrees, positive down) under facing the camera spends its time looking
 * down. Down only: a head tilted back (eamm_M030_sad_3, -7.7 deg, crying) has no lowered resting brows to undo.
 */
export const PITCHED_CLIP = 6;
/** The share of a pitched clip's frames, nearest to facing the camera, whose brows are its frontal rest. */
export const FRONTAL_SHARE = 0.25;
const FRONTAL_REST_PERCENTILE = 50;
/** The brows must rise as the head comes to face the camera at least this consistently (Pearson r of height against -|pitch|): lp_d14 (pitch p50 9 deg, r .03) raises her brows looking aside, not up. */
export const FRONTAL_BROW_R = 0.5;

/** Pearson correlation of xs and ys (0 when either is flat). */
function correlation(xs: number[], ys: number[]): number {
  const n = xs.length, mx = xs.reduce((a, b) => a + b, 0) / n, my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) { sxy += (xs[i]! - mx) * (ys[i]! - my); sxx += (xs[i]! - mx) ** 2; syy += (ys[i]! - my) ** 2; }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/**
 * Each side's brow height at rest when the head faces the camera, on a clip that mostly does not
 * (median pitch >= PITCHED_CLIP, looking down), else null. A speaker who looks down most of the clip rests with
 * lowered brows (pose796: pitch p50 9.7 deg, brows .05-.10 under the frames where he looks up at the
 * camera, pitch 1-5 deg); against that rest his brows read raised whenever he faces the camera.
 * Taken over the FRONTAL_SHARE of frames nearest pitch 0 (at least 10), and only where the brows rise
 * with the head coming frontal (FRONTAL_BROW_R; pose796 r .68).
 */
export function frontalBrowRest(brows: Float64Array[], have: number[], pitch: ArrayLike<number>): number[] | null {
  if (have.length < 20 || percentile(have.map((i) => pitch[i]!), 50) < PITCHED_CLIP) return null;
  // only where the brows follow the pitch: higher the nearer the head comes to facing the camera
  const mean = have.map((i) => (brows[0]![i]! + brows[1]![i]!) / 2);
  if (correlation(have.map((i) => -Math.abs(pitch[i]!)), mean) < FRONTAL_BROW_R) return null;
  const near = [...have].sort((a, b) => Math.abs(pitch[a]!) - Math.abs(pitch[b]!)).slice(0, Math.max(10, Math.round(have.length * FRONTAL_SHARE)));
  return brows.map((h) => percentile(near.map((i) => h[i]!), FRONTAL_REST_PERCENTILE));
}

/**
 * Each side's brow rest heights over the usable frames `have` (heights: browDrop.ts browHeights per frame);
 * with `pitch` (each frame's head pitch, degrees), a raise on a pitched clip counts from no lower than its frontal rest.
 */
export function browRestOf(brows: Float64Array[], have: number[], pitch?: ArrayLike<number>): BrowRest {
  const at = (p: number) => brows.map((h) => percentile(have.map((i) => h[i]!), p));
  const frown = at(50), raise = at(RAISE_REST_PERCENTILE);
  const frontal = pitch ? frontalBrowRest(brows, have, pitch) : null;
  if (!frontal) return { frown, raise, riseFrom: frown };
  return { frown, raise: raise.map((r, s) => Math.max(r, frontal[s]!)), riseFrom: frown.map((r, s) => Math.max(r, frontal[s]!)) };
}

/** How far a side's brow (0 the subject's left, 1 right) rose over its raise rest at frame i. */
function browRise(brows: Float64Array[], browRest: BrowRest, side: number, i: number): number {
  return brows[side]![i]! - browRest.raise[side]!;
}

/**
 * The brow controls no stronger than the driver's brows really moved over its eye corners (head
 * frame, against their median over the clip; browDrop.ts): a frown within how far they came down, a
 * raise within how far they rose (browInnerUp: the lower brow's rise with oneSidedBrows, else both brows' mean). Other controls are left alone.
 */
export function browCaps(c: RigControl, ch: Float64Array, have: number[], brows: Float64Array[], browRest: BrowRest, o: Pick<Required<DriverFitOptions>, 'frownWithinDrop' | 'raiseWithinRise' | 'oneSidedBrows'> & Partial<Pick<DriverFitOptions, 'raiseAbsolute'>>): void {
  const drop = (side: number, i: number) => browRest.frown[side]! - brows[side]![i]!;
  const rise = (side: number, i: number) => browRise(brows, browRest, side, i);
  const frownSide = c === 'browDownLeft' ? 0 : c === 'browDownRight' ? 1 : -1;
  if (frownSide >= 0 && o.frownWithinDrop) for (const i of have) ch[i] = frownWithinDrop(ch[i]!, drop(frownSide, i));
  if (!o.raiseWithinRise) return;
  const within = o.raiseAbsolute ? raiseWithinRendered : raiseWithinRise;
  // the inner raise (both brows' inner heads) within the lower brow's rise with oneSidedBrows: the
  // higher brow's own extra goes on its outer raise (raisesFromRise)
  const innerRise = (i: number) => (o.oneSidedBrows ? Math.min(rise(0, i), rise(1, i)) : (rise(0, i) + rise(1, i)) / 2);
  if (c === 'browInnerUp') for (const i of have) ch[i] = within(ch[i]!, innerRise(i));
  const raiseSide = c === 'browOuterUpLeft' ? 0 : c === 'browOuterUpRight' ? 1 : -1;
  if (raiseSide >= 0) for (const i of have) ch[i] = within(ch[i]!, rise(raiseSide, i));
}

/**
 * In place: each side's frown within the drop its smile leaves (browDrop.ts dropLeftToFrown): the
 * brows a smile brings down are not a frown.
 */
export function smileFrowns(out: Map<RigControl, Float64Array>, have: number[], brows: Float64Array[], browRest: BrowRest): void {
  ([['browDownLeft', 'mouthSmileLeft'], ['browDownRight', 'mouthSmileRight']] as const).forEach(([down, smile], side) => {
    const d = out.get(down), sm = out.get(smile);
    if (!d || !sm) return;
    for (const i of have) d[i] = frownWithinDrop(d[i]!, dropLeftToFrown(browRest.frown[side]! - brows[side]![i]!, smileGate(sm[i]!)));
  });
}

/**
 * A rendered raise (browInnerUp and both browOuterUp at w) lifts the brows about this far per unit of
 * w over the eye corners while w is small, read back by the face mesh on the render (head frame,
 * canonical units; bench/browReadBack.ts: w 0.5 lifts lp_s42's 0.051, lp_s2's 0.052). The rise then
 * saturates on some faces (w 1: lp_s42 0.062, lp_s2 0.109), so a weight from a rise is no more than it needs.
 */
export const RENDERED_RAISE_PER_WEIGHT = 0.1;
/**
 * The largest raise weight brows that rose `rise` (canonical, over the raise rest) support: the weight that renders
 * that rise (RENDERED_RAISE_PER_WEIGHT). The fit's raise at its read-back gain (1/.42) under browDrop.ts's cap
 * (a .03 rise allows a full raise) reached .96-1 on every driver that raised at all, whatever the rise: Katie's
 * .036 rise took browInnerUp .96, lp_d6's .051 1.00, where a rendered 1 lifts the brows .06-.11; a
 * mild raise became a maximal one on the photo (lp_s9 <- vrt4: a pale flat forehead band, staring eyes).
 */
export function raiseWithinRendered(weight: number, rise: number): number {
  return Math.min(weight, Math.max(0, rise) / RENDERED_RAISE_PER_WEIGHT);
}
/** Brow rises under this (canonical) are the measure's play frame to frame, not a raise. */
export const RAISE_NOISE = 0.006;

/**
 * The raise weight that renders a brow rise of `rise` (canonical, over the raise rest): the driver's
 * brows carried as far as they moved, as the blink carries the lids. The fit reads raises weakly
 * (Katie's highest brows read browOuterUp 0.2-0.3 a side, Fei-Fei's 0.1-0.2) and the read-back gain
 * alone left the brows at about half the driver's rise (critic15: lp_d6 0.039 [0.071], Katie 0.032 [0.054]).
 */
export function raiseFromRise(rise: number): number {
  return Math.min(1, Math.max(0, rise - RAISE_NOISE) / RENDERED_RAISE_PER_WEIGHT);
}

/**
 * The share of a brow's rendered rise (at the points the rise is measured on: its inner end and
 * middle, browDrop.ts) that the inner raise gives, and that its own outer raise gives, at the same
 * weight (rig/basis/brows.ts: each lifts its end by BROW_RAISE, falling off to 0.35 of it at the
 * other end; inner (1 + 0.675) / 2, outer (0.35 + 0.675) / 2 of BROW_RAISE).
 */
export const INNER_SHARE = 0.84;
export const OUTER_SHARE = 0.51;

/**
 * The outer raise that, with the inner raise `inner`, renders the rise that both at `w` would:
 * a brow that rose more than the other carries its extra on its own outer raise (the inner raise
 * is both brows'). At most 1; never under `w`.
 */
export function outerForRise(w: number, inner: number): number {
  return Math.min(1, Math.max(w, ((INNER_SHARE + OUTER_SHARE) * w - INNER_SHARE * Math.min(inner, w)) / OUTER_SHARE));
}

/**
 * In place: each side's outer raise at least raiseFromRise of that brow's rise over its median (the
 * frown's rest: from the low quartile, the raise's own rest, an animated driver's median frame took a
 * standing raise of both brows and lp_d6's brow L-R r read back fell .71 -> .64). The shared inner
 * raise at least that of the LOWER brow with `oneSided` (else the higher's), and the higher brow's
 * extra on its own outer raise (outerForRise): browInnerUp lifts both inner heads, so a one-sided
 * rise given to it raised the other brow's head too. lp_d0's grin on st_art_1 (1.3-1.5 s, his left
 * brow 0.012-0.018 up, the right 0.003-0.006 under rest) took a 0.3 inner raise on both brows, the
 * critic's "knotted brows" on a happy face; the frown that took it back on the right (session 14)
 * knotted them too.
 */
export function raisesFromRise(out: Map<RigControl, Float64Array>, have: number[], brows: Float64Array[], browRest: BrowRest, oneSided = true): void {
  const inner = out.get('browInnerUp');
  const outer = [out.get('browOuterUpLeft'), out.get('browOuterUpRight')];
  for (const i of have) {
    const w = [0, 1].map((s) => raiseFromRise(brows[s]![i]! - (browRest.riseFrom ?? browRest.frown)[s]!));
    if (inner) inner[i] = Math.max(inner[i]!, oneSided ? Math.min(w[0]!, w[1]!) : Math.max(w[0]!, w[1]!));
    const shared = inner?.[i] ?? 0;
    for (const s of [0, 1]) if (outer[s]) outer[s]![i] = Math.max(outer[s]![i]!, oneSided ? outerForRise(w[s]!, shared) : w[s]!);
  }
}
