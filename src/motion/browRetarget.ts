// The brow channels of the retarget (retarget.ts) checked against how far the driver's brows really
// moved over its eye corners in the head frame (browDrop.ts), and a one-sided brow kept one-sided.
import type { RigControl } from '../rig/controls.ts';
import type { DriverFitOptions } from './retarget.ts';
import { frownWithinDrop, raiseWithinRise, innerRaiseTakenBack } from './browDrop.ts';
import { percentile } from './restFace.ts';

/**
 * Each brow's rest height per side, [subject's left, right]: a frown counts from the median over the
 * clip; a raise from a lower percentile (RAISE_REST_PERCENTILE), since an animated driver's median
 * frame already has the brows up (lp_d6: her right brow arched high at 2.4 s stood only 0.01 over
 * her median, and the raise cap let little of it through).
 */
export interface BrowRest { frown: number[]; raise: number[] }
const RAISE_REST_PERCENTILE = 25;

/** Each side's brow rest heights over the usable frames `have` (heights: browDrop.ts browHeights per frame). */
export function browRestOf(brows: Float64Array[], have: number[]): BrowRest {
  const at = (p: number) => brows.map((h) => percentile(have.map((i) => h[i]!), p));
  return { frown: at(50), raise: at(RAISE_REST_PERCENTILE) };
}

/** How far a side's brow (0 the subject's left, 1 right) rose over its raise rest at frame i. */
function browRise(brows: Float64Array[], browRest: BrowRest, side: number, i: number): number {
  return brows[side]![i]! - browRest.raise[side]!;
}

/**
 * The brow controls no stronger than the driver's brows really moved over its eye corners (head
 * frame, against their median over the clip; browDrop.ts): a frown within how far they came down, a
 * raise within how far they rose (browInnerUp: the higher brow's rise with oneSidedBrows, else both brows' mean). Other controls are left alone.
 */
export function browCaps(c: RigControl, ch: Float64Array, have: number[], brows: Float64Array[], browRest: BrowRest, o: Pick<Required<DriverFitOptions>, 'frownWithinDrop' | 'raiseWithinRise' | 'oneSidedBrows'>): void {
  const drop = (side: number, i: number) => browRest.frown[side]! - brows[side]![i]!;
  const rise = (side: number, i: number) => browRise(brows, browRest, side, i);
  const frownSide = c === 'browDownLeft' ? 0 : c === 'browDownRight' ? 1 : -1;
  if (frownSide >= 0 && o.frownWithinDrop) for (const i of have) ch[i] = frownWithinDrop(ch[i]!, drop(frownSide, i));
  if (!o.raiseWithinRise) return;
  // the inner raise within the higher brow's rise (oneSidedBrows takes it back on the other side)
  const innerRise = (i: number) => (o.oneSidedBrows ? Math.max(rise(0, i), rise(1, i)) : (rise(0, i) + rise(1, i)) / 2);
  if (c === 'browInnerUp') for (const i of have) ch[i] = raiseWithinRise(ch[i]!, innerRise(i));
  const raiseSide = c === 'browOuterUpLeft' ? 0 : c === 'browOuterUpRight' ? 1 : -1;
  if (raiseSide >= 0) for (const i of have) ch[i] = raiseWithinRise(ch[i]!, rise(raiseSide, i));
}

/**
 * In place: on the side whose brow rose less, a frown at least as deep as the share of the shared
 * inner raise (browInnerUp) that side did not show (browDrop.ts innerRaiseTakenBack).
 */
export function oneSidedBrows(out: Map<RigControl, Float64Array>, have: number[], brows: Float64Array[], browRest: BrowRest): void {
  const inner = out.get('browInnerUp');
  const down = [out.get('browDownLeft'), out.get('browDownRight')];
  if (!inner || !down[0] || !down[1]) return;
  for (const i of have) {
    const rise = [0, 1].map((s) => browRise(brows, browRest, s, i));
    for (const s of [0, 1]) down[s]![i] = Math.max(down[s]![i]!, innerRaiseTakenBack(inner[i]!, rise[s]!, rise[1 - s]!));
  }
}

/**
 * A rendered raise (browInnerUp and both browOuterUp at w) lifts the brows about this far per unit of
 * w over the eye corners while w is small, read back by the face mesh on the render (head frame,
 * canonical units; bench/browReadBack.ts: w 0.5 lifts lp_s42's 0.051, lp_s2's 0.052). The rise then
 * saturates on some faces (w 1: lp_s42 0.062, lp_s2 0.109), so a weight from a rise is no more than it needs.
 */
export const RENDERED_RAISE_PER_WEIGHT = 0.1;
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
 * In place: each side's outer raise at least raiseFromRise of that brow's rise over its median (the
 * frown's rest: from the low quartile, the raise's own rest, an animated driver's median frame took a
 * standing raise of both brows and lp_d6's brow L-R r read back fell .71 -> .64), the shared inner
 * raise at least that of the higher brow (oneSidedBrows then takes it back on a side that did not rise).
 */
export function raisesFromRise(out: Map<RigControl, Float64Array>, have: number[], brows: Float64Array[], browRest: BrowRest): void {
  const inner = out.get('browInnerUp');
  const outer = [out.get('browOuterUpLeft'), out.get('browOuterUpRight')];
  for (const i of have) {
    const w = [0, 1].map((s) => raiseFromRise(brows[s]![i]! - browRest.frown[s]!));
    for (const s of [0, 1]) if (outer[s]) outer[s]![i] = Math.max(outer[s]![i]!, w[s]!);
    if (inner) inner[i] = Math.max(inner[i]!, Math.max(w[0]!, w[1]!));
  }
}
