// The upper row no deeper than the driver's own (issue #13/#14, grin33). driverTeeth.ts guesses how deep the library's
// upper row may hang from the driver's teeth share (DEPTH_PER_SHARE, tuned on an adult's soft smile, lp_s5 <- lp_d10).
// A child's small teeth in a tall "eh"/"oh" (lp_d11 f98, f128, f168: share .22-.33, the row a fifth to a third of the
// opening's height, motion/teethDepth.ts) got a row .55-.7 of the opening's height: on the Mona Lisa, whose painted
// corners turn up, a grin's band of teeth where the child talks. The driver's measured depth caps the guess.
import { teethSeen, underLit } from './driverTeeth.ts';

/**
 * The share of the opening's height the upper row may hang into by the driver's measured row depth (DRIVER_TEETH_DEPTH,
 * its row over its opening's height down the middle columns), extended toward the whole opening as far as what lies
 * under the driver's row is lit (its dim lower row: driverTeeth.ts underLit), as the share's guess is. Absent: no cap.
 */
export function measuredRowCap(depth: number | undefined, under: number | undefined, share: number | undefined): number {
  if (depth === undefined || !Number.isFinite(depth)) return Infinity;
  const row = Math.min(1, Math.max(0, depth) * ROW_PER_MEASURED);
  return row + (1 - row) * underLit(under) * teethSeen(share ?? 0);
}

/**
 * Our row's depth per unit of the driver's measured one. 1: the row hangs as deep as the driver's. 1.5 (the share's guess
 * over the measured depth on lp_d10's soft smile, median 1.4; Katie 1.4, lp_d0 1.1, lp_d6 1.7, lp_d11 2.4) left lp_s9's
 * f168/f170 a grin's band; at 1 lp_s5 <- lp_d10's teeth share came nearer the driver's (bench/grinRead.ts, docs/mouth).
 */
const ROW_PER_MEASURED = 1;
