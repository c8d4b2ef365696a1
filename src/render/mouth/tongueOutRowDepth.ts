// The upper row under a driver's tongue out follows her row (issue #13, critic44 worst #1: st_happy <- lp_d6 f58-67 "the
// upper teeth switch on/off within 0.4 s"). driverTeeth.ts teethDepthAllowed and rowDepth.ts measuredRowCap let the row
// hang toward the whole opening as far as what lies under the driver's row is lit (underLit: a clenched mouth's dim lower
// row). Under a tongue out what is lit there is her tongue (driverUnder .69 / .87 at f63 / f64): main's row hung .40 / .80
// of our opening where her measured row is .22 / .07 — a white band one frame late, gone the next (f65, her row hidden).
// tongueout44 dropped that extension alone and left the measured cap (x1): f63's row fell to a thin edge (.06 of the upper
// half [.41]) — our row's top sits in the lip's shade and tone and its sides in the corners', so a row cut to her depth
// reads about half of hers. Here, under a tongue out, the row hangs as the share's guess without the under-row light
// (teethDepthAllowed(share)), capped by her measured depth times OUT_ROW_PER_MEASURED (lp_d6's own guess over measured
// ratio, rowDepth.ts), and never deeper than without the out: it rises and fades with her row, no band where she hides it.
// Out 0 returns the depth unchanged.
import { smoothstep } from '../../math/smooth.ts';
import { teethDepthAllowed } from './driverTeeth.ts';

/**
 * The upper row's depth (share of the opening's height, frameLight.ts teethDepth) under a tongue out `out` (frameLight.ts
 * tongueOut: the held share times the arch's), from the driver's teeth share and measured row depth; `depth` as read
 * without the out (Infinity or no reading: unchanged).
 */
export function outRowDepth(depth: number, share: number | undefined, measured: number | undefined, out: number): number {
  const k = smoothstep(OUT_RAMP[0], OUT_RAMP[1], out);
  if (!(k > 0) || !Number.isFinite(depth) || share === undefined || measured === undefined || !Number.isFinite(share) || !Number.isFinite(measured)) return depth;
  // (never deeper than read without the out: where her measured depth was the cap, x1, it stays; lp_s9 <- lp_d11 f7)
  const row = Math.min(depth, teethDepthAllowed(share), OUT_ROW_PER_MEASURED * Math.max(0, measured));
  return depth + (row - depth) * k;
}

/**
 * tongue-out shares (frameLight.ts tongueOut) over which the row goes over to the out's depth: lp_d6's held out is 1 on
 * st_happy f52-f67 (0 on f55-f57, shut: the arch's share), a lone .59 at f81 (her row .16 of the opening: .86 -> .60 of ours)
 */
export const OUT_RAMP = [0.3, 0.7] as const;
/**
 * her row's measured depth (DRIVER_TEETH_DEPTH) to ours under a tongue out: lp_d6's own share's guess over measured (rowDepth.ts,
 * 1.7). At 1 (tongueout44) f63's row was cut to .22 of our opening and read .06 of the upper half [.41]: its top in the
 * lip's shade and tone (rowTopShade.ts, lipShadowEdge.ts) and its sides in the corners' — a thin edge with a dark corner
 */
export const OUT_ROW_PER_MEASURED = 1.7;
