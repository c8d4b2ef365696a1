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
