// A knit is not always a frown. The corrugators draw the inner brow heads together; in a frown the
// depressors pull them down with it, in a worried / earnest brow (FACS 1+4) the medial frontalis lifts
// them against it, so they come together further than they come down. The fit has no knit: it reads
// both as browDown. pcavs741 3.5-3.7 s knits (inner heads 0.035-0.046 closer, canonical) while they
// come down 0.027-0.040 (both sides' mean): the fit read browDownLeft .38-.55 and browInnerUp 0, and
// st_art_1 showed a stern V frown where the driver looked worried (critic46). Frowns keep theirs:
// lp_d10's (inner heads 0.04-0.15 down, gap within 0.02), lp_d6's knitted ones (2-3x as far down as
// together), and one-sided ones (one inner head up, the other knit down: lp_d6's skeptical brow). Here
// the knit its drop does not explain moves the frown the fit read to browInnerUp; a knit without a
// frown read (lp_d0's sideways grin) is left alone.
import type { RigControl } from '../rig/controls.ts';
import type { BrowShape } from './browShape.ts';
import { percentile } from './restFace.ts';

/** A frown's inner heads come down at least this far per unit they come together (canonical); the rest of a knit is the inner raise's. */
export const FROWN_DROP_PER_KNIT = 1.5;
/** The inner lift (canonical) under this is the measure's play frame to frame (the gap moves ~0.01 at rest). */
export const KNIT_NOISE = 0.004;
/** The inner lift (canonical, over the noise) that gives a full worried weight. */
export const LIFT_AT_FULL = 0.02;
/** An inner head this far (canonical) over its median while the other knits: a one-sided brow, no worried read. */
export const ONE_SIDED_RISE = 0.01;
/** How much of the frown a full worried weight takes back: some knit stays (browDown draws the heads together), its V goes. */
export const FROWN_GIVE = 0.8;
/** The inner raise per unit of the frown it replaces (a rendered browInnerUp lifts the heads ~0.1 per unit, a frown lowers them ~0.11). */
export const RAISE_PER_FROWN = 1.5;

/** The inner heads' lift hidden in a knit: how much closer they came (`knit`, canonical) beyond what their `drop` shows. */
export function knitLift(knit: number, drop: number): number {
  return Math.max(0, knit * FROWN_DROP_PER_KNIT - Math.max(0, drop));
}

/** The worried weight (0..1) of an inner lift. */
export function worriedWeight(lift: number): number {
  return Math.min(1, Math.max(0, lift - KNIT_NOISE) / LIFT_AT_FULL);
}

/**
 * Each frame's worried weight from the brow shapes: the knit (the inner heads' gap under its median
 * over the clip) against the inner heads' drop (both sides' mean, each under its own median); none
 * where one inner head rose over its median by ONE_SIDED_RISE (a one-sided brow).
 */
export function worriedWeights(shapes: (BrowShape | null | undefined)[], have: number[]): Float64Array {
  const out = new Float64Array(shapes.length);
  const got = have.filter((i) => shapes[i]);
  if (got.length < 5) return out;
  const gapRest = percentile(got.map((i) => shapes[i]!.gap), 50);
  const innerRest = [0, 1].map((k) => percentile(got.map((i) => shapes[i]!.inner[k]!), 50));
  for (const i of got) {
    const s = shapes[i]!;
    const drops = [innerRest[0]! - s.inner[0], innerRest[1]! - s.inner[1]];
    if (Math.min(drops[0]!, drops[1]!) < -ONE_SIDED_RISE) continue;
    out[i] = worriedWeight(knitLift(gapRest - s.gap, (drops[0]! + drops[1]!) / 2));
  }
  return out;
}

/**
 * In place, per frame with worried weight w: browInnerUp at least w * RAISE_PER_FROWN times the larger
 * frown read (the knit's size moves to the inner raise), and both frowns eased by FROWN_GIVE * w.
 */
export function worriedKnits(out: Map<RigControl, Float64Array>, have: number[], worried: Float64Array): void {
  const inner = out.get('browInnerUp');
  const downs = [out.get('browDownLeft'), out.get('browDownRight')];
  for (const i of have) {
    const w = worried[i]!;
    if (!(w > 0)) continue;
    const frown = Math.max(downs[0]?.[i] ?? 0, downs[1]?.[i] ?? 0);
    if (inner) inner[i] = Math.max(inner[i]!, Math.min(1, w * frown * RAISE_PER_FROWN));
    for (const d of downs) if (d) d[i] = d[i]! * (1 - FROWN_GIVE * w);
  }
}
