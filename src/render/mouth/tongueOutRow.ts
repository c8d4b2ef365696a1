// The upper row over a tongue out (issue #13, critic43 worst #1b: st_happy <- lp_d6 "the upper teeth switch on and off at
// f58 / f59-64 / f65-67"). Measured (s44 tongueout44, bench/upperRowKept.ts --per-frame, the upper half's teeth share,
// ours [driver]): f59-62 .05-.12 [.15-.31], f63 .22 [.41], f64 .14 [.02], f65-67 0 [0]. The row follows her teeth share
// (she does hide her teeth under her upper lip at f64-67 as she pushes her tongue out), but at f63-f64 it hung .40 / .78
// of our opening: driverTeeth.ts / rowDepth.ts extend a row toward the whole opening as far as what lies under the driver's
// row is lit (underLit, made for a clenched mouth's dim lower row), and under a tongue out what is lit there is her tongue
// (driverUnder .69 / .87 at f63 / f64). So the row jumped deep for two frames and was gone the next: the blink.
// Here: under a tongue out the light under her row counts only up to the dark end of underLit's ramp, by the out share.
// Out 0 (audio, older motions, frames without a tongue out) returns the reading as it was. Pure.
import { smoothstep } from '../../math/smooth.ts';

/** driverTeeth.ts UNDER_LIT's dark end: under it, nothing under the row counts as lit */
const UNDER_DARK = 0.6;
/**
 * the held out share (DRIVER_TONGUE_OUT) over which that holds: a whole tongue out (lp_d6 f58-f66 1, lp_s42's f153-f171 1), not a
 * part one (lp_d10 f24-f26 .02-.23 and lp_d11 f172 .48, where her lit under-row is her lower row, clenched: those frames stay)
 */
const OUT = [0.5, 0.9] as const;

/**
 * The driver's under-row light (DRIVER_UNDER) as the upper row's depth reads it (driverTeeth.ts teethDepthAllowed,
 * rowDepth.ts measuredRowCap) under a held tongue out `out` (DRIVER_TONGUE_OUT, 0..1; absent: 0): its lit part taken off by out's OUT ramp.
 */
export function rowUnderTongueOut(under: number | undefined, out: number | undefined): number | undefined {
  const o = out === undefined || !Number.isFinite(out) ? 0 : smoothstep(OUT[0], OUT[1], out);
  if (under === undefined || !(o > 0) || !(under > UNDER_DARK)) return under;
  return under - o * (under - UNDER_DARK);
}
