// A dark driver's mouth whose tongue stands high (issue #13, tongue40; critic39 "no tongue where the driver shows one").
// tongue28's dark-cavity gate (tongueGate.ts darkSinkGate) reads the driver's dark share alone: over .25-.35 of its
// opening's middle dark, our tongue is sunk, its arch and lit front dropped. That is lp_d10 f93 (dark .38, the tongue's
// lit run .34: a dim tongue low at the lip under a black band) - but also lp_d10 f57 (dark .31, run .54) and f80 (dark
// .30, run .63), where the dark is the throat over a tongue standing half the opening high: ours drew a maroon box with a
// salmon sliver at the bottom (lp_s7 <- lp_d10 f57: dark .56, run .39 [.26, .64]). The tongue reading the motion carries
// since s33 (driverTongue, its lit run up from the lower lip) tells the two apart; tongue28 noted it could, before it was carried.
// The speech sink (tonguePlace.ts tongueSink, gated by sinkGate: in full when the driver shows no teeth, as lp_d10 f57-f88) took
// the tongue .033-.036 IOD down there too and, through tongueShape.ts sunkBy, dropped its arch: both gates take this factor.
import { smoothstep } from '../../math/smooth.ts';
import { readingTrust } from './driverTongue.ts';

/** driver tongue runs (a share of its opening's middle height, as far as trusted) over which its tongue counts as standing, not sunk (lp_d10 f93 .34, f88 .60, f57 .54, f80 .63) */
const STANDS = [0.4, 0.52] as const;

/**
 * How far the sinks (tongueGate.ts sinkGate, darkSinkGate) still apply given the driver's tongue reading, 0..1: 1 without a reading (audio, old
 * tracks) or with a low tongue, 0 where its tongue stands high and is trusted (no teeth over it: readingTrust).
 */
export function sunkUnlessStanding(driverTongue: number | undefined, driverTeeth?: number): number {
  if (driverTongue === undefined || !Number.isFinite(driverTongue)) return 1;
  return 1 - smoothstep(STANDS[0], STANDS[1], driverTongue * readingTrust(driverTeeth));
}

// tongue40b: stood up, the tongue's risen back (tongueShape.ts archTall: 1.3x its held top) kept the light tongueShape.ts
// tongueShapeLight gives it, made for a sunk tongue whose top stood under the throat's dark: lp_s5 <- lp_d10 f83's opening's
// upper middle read .79 of the lips' luma [driver .51], and at .4-.6 of the half width .83 of the middle's [.71]
// (test/tongueTop.test.ts limit .62): a pink dome where the driver's tongue back is a dim purple, falling away toward the
// corners. A standing tongue's back turns from the light under its arched top (tongueTop.ts archedTop, lower toward the
// corners): over BACK_BAND under it the light falls toward none, and interior.ts's back floor (driverTongue.ts backFloorInto,
// at the driver's own back light, w driverBack) holds it there: the driver's back tone, not black.
/** the band under the arched top (a share of the column's top height over the lower lip) over which the back darkens, and how far at the top */
const BACK_BAND = 0.45, BACK_DARK = 0.5;

/** How far the tongue stands (0..1; 0 without a reading: audio, old tracks): 1 - sunkUnlessStanding. */
export function standingShare(driverTongue: number | undefined, driverTeeth?: number): number {
  return driverTongue === undefined || !Number.isFinite(driverTongue) ? 0 : 1 - sunkUnlessStanding(driverTongue, driverTeeth);
}

/**
 * The standing tongue's light factor at `under` (tongueTop.ts: how far under its arched top a pixel lies, a share of the
 * column's top height; 0 at the top) for a frame whose tongue stands `stand` (standingShare x the arch's share): 1 - BACK_DARK at the top.
 */
export function standingBackLight(under: number, stand: number): number {
  if (!(stand > 0)) return 1;
  return 1 - BACK_DARK * Math.min(1, stand) * (1 - smoothstep(0, BACK_BAND, under));
}

/**
 * driverTongue.ts litShift's `shift` where the tongue stands `stand` (standingShare): its move up the opening (a driver lit
 * higher than ours: lp_d10 f83 +.14) set while ours was sunk under that driver's top; stood at the driver's height
 * (driverArchTop) ours is lit as high already, and the move put the back's fall over the opening's middle (lp_s5 <- f83
 * band 3 .92 [.65]). A move down (a driver lit lower, lp_d11 f165) is kept.
 */
export function standingLitShift(shift: number, stand: number): number {
  return shift > 0 ? shift * (1 - Math.min(1, Math.max(0, stand))) : shift;
}
