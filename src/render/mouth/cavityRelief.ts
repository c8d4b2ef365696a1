// The open mouth's dark with its depth, not one painted tone (issue #13, cavity38, critic37 worst #1: lp_s9 <- lp_d11
// f165, lp_s5 <- lp_d10 f80-83, lp_s7 + RD_Radio31 f27 "a flat brown / maroon oval"). bench/cavityProfile.ts `deep`: of
// the opening's pixels darker than half the lips' luma, p5 and p50 over the lips'. Real dark mouths spread their dark
// (p50 - p5)/p50 .37-.48 (lp_d10 f80/f83/f93), .23-.26 (lp_d11 f165/f168); ours .24-.26 and .13-.15: the floors
// (cavityFloor.ts, driverTongue.ts backFloorInto) lift every darker pixel toward one tone. Where the deepest tenth sits
// is already the real's (lateral .45-.65, .2-.45 down). Here the dark's luma is stretched about the frame's floor
// tone (the pivot): under it deeper, over it lighter, back to itself at RELIEF_TOP x the pivot; hue kept.
import { luma601 as luma } from '../../math/colour.ts';
import { FLOOR_LIFT } from './cavityFloor.ts';
import { BACK_LIFT } from './driverTongue.ts';

/** how much steeper the dark's tone curve is at the pivot (0: off) */
export const RELIEF = 1;
/** the curve rejoins the identity at this multiple of the pivot's luma (the lit tongue and teeth above it untouched) */
export const RELIEF_TOP = 2;

/**
 * A dark luma `l` given the pivot `pivot` (both 0..255) at strength `k` (0..1, RELIEF x the frame's share): under the
 * pivot a power curve (black stays black, slope 1 + s at the pivot), from the pivot to RELIEF_TOP x pivot a cubic
 * lift that rejoins the identity with slope 1; monotone for s <= 1.5.
 */
export function reliefLuma(l: number, pivot: number, s: number): number {
  if (!(s > 0) || !(pivot > 0) || !(l > 0)) return l;
  const top = RELIEF_TOP * pivot;
  if (l >= top) return l;
  if (l <= pivot) return pivot * (l / pivot) ** (1 + s);
  const u = (l - pivot) / (top - pivot);
  return pivot + (top - pivot) * (u + s * u * (1 - u) * (1 - u));
}

/** `out` (rgb 0..255) with its luma through reliefLuma, its hue kept. */
export function reliefInto(out: Float64Array, pivot: number, s: number): void {
  const l = luma(out);
  if (!(s > 0) || !(l > 0) || l >= RELIEF_TOP * pivot) return;
  const m = reliefLuma(l, pivot, s) / l;
  for (let ch = 0; ch < 3; ch++) out[ch] = out[ch]! * m;
}

/**
 * The frame's pivot: where the floor that lifted its dark lands a black pixel (the driver's back, backFloorInto, else the
 * speech floor, cavityFloor.ts floorLift), the plateau the dark was squashed onto; without a floor, none (0: off).
 */
export function reliefPivot(light: { backK: number; backTone: readonly number[]; cavityFloorK: number; cavityFloor: readonly number[] }): number {
  if (light.backK > 0) return luma(light.backTone) * BACK_LIFT * Math.min(1, light.backK);
  return light.cavityFloorK > 0 ? luma(light.cavityFloor) * FLOOR_LIFT * Math.min(1, light.cavityFloorK) : 0;
}
