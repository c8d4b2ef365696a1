// The tongue's form in a wide open mouth (issue #13, critic31: lp_s5 <- lp_d10 f83 "a smooth pink ball" filling the
// opening, lp_s9 <- lp_d11 f162-167 "a flat bar"). The library tongue drawn evenly lit up to a contour read as a glossy
// dome or a slab. A real tongue in an open mouth is an arch lit from the front: its tip and front, over the lower lip,
// catch the light; its back slopes away into the cavity's dark with no rim (lp_d10 f83 down the middle: .36 .44 .65 .95
// .99 of the lips' luma, top to bottom); a faint groove runs down its middle and a small wet highlight sits on its front.
// Pure functions of where a pixel lies on the tongue: `h` its height over the tongue's anchor as a share of the grown
// tongue's top there (0 anchor .. 1 top), `lateral` 0 the opening's middle .. 1 a corner. interior.ts applies them.
import { smoothstep } from '../../math/smooth.ts';
import type { MouthPlacement } from './frameLight.ts';
import { growToStand } from './tonguePlace.ts';
import { DOME_FALL } from './tongue.ts';


/** over this span of the opening's height (0 the lower lip's inner line .. 1 the upper's) the light falls from the lit
 *  front to the back's: set by where the point is in the mouth, not on the strip (whose anchor lies under the lower lip) ... */
const BACK_FROM = 0.2, BACK_TO = 0.8;
/** ... down to this share of the front's light (lp_d10 f83's tongue, down the middle over its front: .36 .44 .66 .96 1) */
const BACK_LIGHT = 0.4;
/** s41 tongue41: the share of the back's fall dropped where the driver's tongue is forward, lit to .75 of its opening (lp_d6 f67) */
const FORWARD_LIT = 0.7;
/** the tongue's own back (h from the first share to its top) turns away from the light by the second share: a tongue sunk low in a dark mouth shows its back (lp_d10 f93, the front band .51 of the lips) */
const BACK_H = 0.5, BACK_H_SHADE = 0.25;
/** the top's coverage fades over this last share of h (its edge melts into the throat instead of a contour) */
const TOP_SOFT = 0.15;
/** the median groove: its half width (share of the opening's half width), its depth (share of the light) and the h over which it runs
 *  (depth .08 until s35: with the twin highlight beside it, three stripes down lp_s5 <- lp_d10 f80/f83's grown tongue, critic34) */
const GROOVE_WIDE = 0.07, GROOVE_DEEP = 0.05, GROOVE_H = [0.15, 0.85] as const;
/** the wet highlight on the tongue's front, over its middle: where (lateral, up), its radii and its strength (added share of the light)
 *  (until s35 one either side of the groove at lateral .14, radii .08 x .12: stretched with the tongue, two light stripes) */
const SHINE_AT = [0, 0.3] as const, SHINE_R = [0.1, 0.1] as const, SHINE = 0.1;

/**
 * The tongue's light as a share of its lit front's at a point `up` of the opening's height over the lower lip (0..1),
 * `h` of the tongue's own height, `lateral` out to the corner: the back falling away, the groove, the highlight.
 * `shift`: the back's fall moved up (or down) the opening by this share (driverTongue.ts litShift: the driver's tongue lit higher or lower).
 * `forward`: how far the driver's tongue is forward in a lit opening (tongueFlesh.ts tongueForward): the fall kept 1 - FORWARD_LIT of itself.
 * `out`: how far it is out over the lower teeth (tongueOut.ts, s42): the fall and the back's shade dropped by it, lit to its top.
 */
export function tongueShapeLight(up: number, h: number, lateral: number, shift = 0, forward = 0, out = 0): number {
  const slope = (1 - (1 - BACK_LIGHT) * (1 - FORWARD_LIT * forward) * (1 - out) * smoothstep(BACK_FROM + shift, BACK_TO + shift, up)) * (1 - BACK_H_SHADE * (1 - out) * smoothstep(BACK_H, 1, h));
  // (s41: a deeper groove on top of this one, applied after the lit front's lift, which evened this one out: tongueFlesh.ts)
  const groove = 1 - GROOVE_DEEP * Math.exp(-((lateral / GROOVE_WIDE) ** 2)) * smoothstep(GROOVE_H[0], GROOVE_H[0] + 0.15, h) * (1 - smoothstep(GROOVE_H[1] - 0.2, GROOVE_H[1], h));
  const dx = (lateral - SHINE_AT[0]) / SHINE_R[0], dy = (up - SHINE_AT[1]) / SHINE_R[1];
  return slope * groove + SHINE * Math.exp(-(dx * dx + dy * dy));
}

/** How much of the tongue covers a point at height share h: whole below the top's soft band, fading to 0 at its top. */
export function tongueTopCover(h: number): number {
  return 1 - smoothstep(1 - TOP_SOFT, 1, h);
}

/** lip gaps (IOD) over which the tongue takes its arch: a speech opening's tongue is a strip in the teeth's shadow (interior.ts) */
const ARCH_GAP = [0.12, 0.24] as const;

/** How far the arch applies, 0..1: a wide opening, not a rounded "O" (roundInside.ts places and lights its tongue). */
export function archShare(gap: number, round: number): number {
  return smoothstep(ARCH_GAP[0], ARCH_GAP[1], gap) * (1 - round);
}

/** an arched tongue's top stands at most this share of the lip gap over the lower lip (lp_d10 f83's, its tip out, .68 of the opening; lp_d11 f165 .43, lp_d6's lit tongues .42-.53) */
const ARCH_TOP = 0.75;
/** ... and is never shrunk below this share of its height (its lower part lies under the lip anyway) */
export const ARCH_LEAST_GROW = 0.6;

/** The growth that stands the tongue's top ARCH_TOP of the gap over the lower lip (null: no layer or lip line). */
export function archCapGrow(p: MouthPlacement, top: number | null, follow: number): number | null {
  return growToStand(p, top, follow, ARCH_TOP);
}

/** frameLight's tongue growth `grow` held under the arch's cap `cap` as far as the arch applies (`arch`: archShare). */
export function archGrow(grow: number, cap: number | null, arch: number): number {
  if (cap === null || !(arch > 0) || grow <= cap) return grow;
  const held = Math.max(ARCH_LEAST_GROW, cap);
  return grow + (Math.min(grow, held) - grow) * arch;
}

/** the arched tongue's top falls this much less toward the corners (tongue.ts DOME_FALL), and it is this much wider: it fills the opening's width under its dim back (a narrow dome left the cavity's dark round its sides, a ball's outline) */
const ARCH_FALL = 0.55, ARCH_WIDE = 1.15;

/** tongue.ts tongueDome's fall at arch share `arch`. */
export const archFall = (arch: number) => DOME_FALL + (ARCH_FALL - DOME_FALL) * arch;
/** The tongue's width factor at arch share `arch`. */
export const archWide = (arch: number) => 1 + (ARCH_WIDE - 1) * arch;

/** the arched tongue's dim back rises this much over its held top (as a share of its height): where the throat's black crescent stood over a lit dome, the tongue's back in shade (lp_d10 f83, f80: .36-.44 of the lips' luma at the top) */
const ARCH_TALL = 0.3;

/** The tongue's extra height factor at arch share `arch` (frameLight's tongueArch). */
export const archTall = (arch: number) => 1 + ARCH_TALL * arch;

/** how far (IOD) tonguePlace.ts tongueSink lowers the tongue for it to count as held low (mt_man + mt_sun.wav, lp_d10 f80: .05; f83 .009) */
const SUNK_AT = 0.04;

/** 0..1: how far a tongue lowered `sink` output px (at `unit` px per IOD) counts as held low. */
export const sunkBy = (sink: number, unit: number) => smoothstep(0, SUNK_AT * unit, sink);
