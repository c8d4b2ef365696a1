// s57 (stare57, issue #14): a raised eye opens no further over its own rest than a clear, normal eye does at the same
// eyeWide. raiseCap.ts bounds the lid's show over the iris (STARE_SHOW_MAX) and the raise's gain (wideGainSetting.most),
// but both are in iris diameters: a narrow eye whose lid hides its iris's top (lp_s9, lp_s10, lp_s1, st_art_1) takes
// the cover term and a high show cap, and the rig lifts the lid a share of that eye's own opening, so at eyeWide .6 its
// mesh opened 1.6-1.9x its rest (lp_s10 <- lp_d10 f64: 2.02 / 1.69) where lp_s42's clear eyes open 1.45 / 1.36 and the
// drivers' own eyes grow by about WIDE_READ_SPAN x eyeWide (motion/lidsDecide.ts: eyeWide is bounded by the driver's
// opening over its rest, 1 + .25 x eyeWide at least, as the face mesh reads it; s24 set the rig's lift so that a clear
// eye's render reads back as far). Read back by the face mesh the narrow eyes are unreliable (lp_s10 reads *under* its
// rest: the detector loses the drawn lid), so the bound is set on the mesh, from the eyes whose read-back matches the
// drivers' (lp_s42 at .4: mesh 1.36 / 1.28, read back 1.11 / 1.10, lp_d10's own 1.12).
// Per eye: the mesh opening's growth over rest per unit of weight (linear: the rig's lift is) and, per frame, the
// weight at which it reaches openGrowthMax(raise); past `hinge` of that weight the raise is eased (tanh) to it.
import type { LidAndIris } from './raiseCap.ts';
import { lidYAt } from './raiseCap.ts';

/**
 * On: each eye's drawn opening over its rest at most openGrowthMax(eyeWide over the photo's) (off: as before s57).
 * `grow`: the allowed growth per unit of raise at small raises; `top`: where it levels off (a soft cap); `hinge`: the
 * share of the bounding weight under which a raise is untouched. grow 1 / top .55: lp_s42's and lp_s7's clear eyes
 * (.19 / .15 growth at .2, .45 / .36 at .6, .48 / .38 at .8) stay under it.
 */
export const openCapSetting = { on: true, grow: 1, top: 0.55, hinge: 0.8 };

/** The most an eye's opening may grow over its rest (share of rest) at `raise` (eyeWide over the photo's): grow x raise, levelling off at `top`. */
export function openGrowthMax(raise: number, s = openCapSetting): number {
  if (!(raise > 0)) return 0;
  const g = s.grow * raise;
  return g / Math.pow(1 + Math.pow(g / s.top, 4), 1 / 4);
}

/** An eye's opening (px) at its iris's column: lower lid's y less upper lid's (NaN without a lower lid). */
export function openingAt(e: LidAndIris, x = e.centre[0]): number {
  return e.lower ? lidYAt(e.lower, x) - lidYAt(e.lid, x) : NaN;
}

/** The opening's growth over rest per unit of raise (share of rest; NaN when unread or not opening): `rest` and `up` as raiseCapOf. */
export function openSlopeOf(rest: LidAndIris, up: LidAndIris): number {
  const o0 = openingAt(rest), o1 = openingAt(up, rest.centre[0]);
  return o0 > 0 && o1 > o0 ? (o1 - o0) / o0 : NaN;
}

/**
 * The weight `a` (the eye's raise after gain and show cap, over the photo's) bounded so that slope x a stays within
 * openGrowthMax(raise): unchanged under `hinge` of the bound, then eased to it (continuous, slope 1 at the hinge).
 */
export function openCapped(a: number, raise: number, slope: number, s = openCapSetting): number {
  if (!s.on || !(a > 0) || !(slope > 0)) return a;
  const bound = openGrowthMax(raise, s) / slope;
  const h = bound * s.hinge, room = bound - h;
  if (a <= h) return a;
  return room > 0 ? h + room * Math.tanh((a - h) / room) : h;
}
