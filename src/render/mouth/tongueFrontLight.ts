// The tongue's front as light as the driver's own (issue #13, critic50 worst #1: mt_man <- pcavs681_3_9 f103-107, "a
// toothless dark hole"). That driver's lower opening is a pale lit tongue resting on its lower teeth (its lit run .32-.38
// of the opening at 1.10-1.21 of its lips' luma, bench/tongueHeight.ts), under a black upper half; ours stood as tall
// (.30-.37) but at .72-.74 of the lips: a dim pink band a 1x viewer reads as the lower lip's inside. The front's lift
// (litCavityFall.ts tongueFrontAt, up to the lips' luma) was gated off by that black upper half (tongueGate.ts
// darkSinkGate: a dark driver's tongue lies low and dim, lp_d10 f93), and its target never went over the lips'.
// The tracker now reads the lit run's light (motion/driverCavity.ts tongueLight; motion DRIVER_TONGUE_LIGHT): where it
// says the driver's tongue is lit past its lips, the front is lifted whatever the dark above it, to that light.
import { clamp01, smoothstep } from '../../math/smooth.ts';

/** driver tongue lights (over its lips') over which its tongue counts as pale and lit: not at all .. fully (lp_d10 f93's sunk tongue under the dark reads under; pcavs681 f103-107 1.10-1.21) */
export const PALE_FROM = 0.95, PALE_FULL = 1.1;
/** the front's target never over this share of the lips' luma (a misread glint) */
const PALE_MOST = 1.25;

/** How pale and lit the driver's tongue reads, 0..1; 0 without a reading (audio, a track from before s51). */
export function paleShare(driverTongueLight: number | undefined): number {
  return driverTongueLight === undefined || !Number.isFinite(driverTongueLight) ? 0 : smoothstep(PALE_FROM, PALE_FULL, driverTongueLight);
}

/**
 * The frame's front share: frameLight's (`front`, litCavityFall.ts tongueFrontShare: the arch's share out of a dark driver's
 * mouth) or, over a pale driver tongue (`pale`, paleShare), the arch's share (`arch`) times the reading's trust (driverTongue.ts
 * readingTrust) with no dark gate.
 */
export function paleFrontShare(front: number, arch: number, trust: number, pale: number): number {
  return pale > 0 ? Math.max(front, clamp01(arch) * clamp01(trust) * pale) : front;
}

/**
 * the lips' light as the tracker reads it (motion/driverCavity.ts middleBox lipLight, the lips' median round the opening,
 * their lit lower lip in it) over the lip edge colour's luma the renderer keeps (mt_man: ours read .92 of the former at a
 * target of 1.21 x the latter)
 */
const LIPS_OVER_EDGE = 1.3;

/** The front's target luma: frameLight's (`target`, the lips' edge luma) or, over a pale driver tongue, toward the driver's light times the lips' luma `lips`. */
export function paleFrontTarget(target: number, lips: number, driverTongueLight: number | undefined, pale: number): number {
  if (!(pale > 0) || driverTongueLight === undefined) return target;
  return Math.max(target, target + (Math.min(PALE_MOST, driverTongueLight) * LIPS_OVER_EDGE * lips - target) * pale);
}

/** over a pale driver tongue the front's lift goes to at most 1 + PALE_GAIN (ours .72-.74 of the lips against its 1.10-1.21) ... */
export const PALE_GAIN = 0.9;
/** ... coming in this much higher up the opening (its top, .6-.65 down the opening, is lit too: litCavityFall.ts FRONT_IN .5-.72) */
export const PALE_LEAD = 0.1;
/** ... and that lifted front loses up to this share of its saturation (the driver's pale tongue .28-.31 beside its lips' .38-.44) */
const PALE_DESAT = 0.35;
/** ... in full from this share of the most lift on (the lift's own ramp up the opening, litCavityFall.ts FRONT_IN, carries it in) */
const DESAT_FULL = 0.3;

/** The share of the way to grey the tongue's colour goes where its front is lifted by `front` (1 .. 1 + `gain`) over a pale driver tongue (`pale`). */
export function paleDesat(pale: number, front: number, gain: number): number {
  return gain > 0 ? PALE_DESAT * clamp01(pale) * smoothstep(1, 1 + DESAT_FULL * gain, front) : 0;
}
