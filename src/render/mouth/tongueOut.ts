// A driver's tongue put out over her lower teeth (issue #13, critic41 worst #1: st_happy <- lp_d6 f59-f67, lp_s42 <- lp_d6
// f154-f170 "the driver's tongue is out over her lower teeth; ours stays a grooved floor deep in the mouth"). Measured
// (bench/tongueLook.ts, s42): her lit tongue reaches .64-.80 of the opening (st_happy f59-f67) and fills .76-.84 of it
// (lp_s42 f154/f156); ours stopped at .48-.63 under a dark cap, our lower row showing under it (.42-.48 of the low middle
// [.06-.11]). Two causes:
// - tongueFlesh.ts tongueForward takes the driver's run times readingTrust: a thin upper row (lp_d6 f154 driverTeeth .18)
//   made the run .78 "untrusted" and the forward tongue 0. But teeth only cut a lit run short (it skips them): a high run
//   is a lower bound on the tongue's height whatever the teeth share, so the run alone says "out" here.
// - Even forward (tongueFlesh), the arched tongue keeps .3 of its back's fall and tongueShape.ts's back shade over its own
//   upper half (BACK_H_SHADE), so its top half stays under .75 of the lips' luma; and the library lower row is drawn over
//   it, as for a tongue lying behind the teeth.
// Here: `tongueOutShare` (the run alone, in a lit opening); frameLight.ts takes the forward share at least that far,
// tongueShape.ts drops the back's fall and shade by it, and interior.ts hides the lower row under the tongue by it (a tongue
// out lies over the lower teeth). 0 without a reading (audio, old tracks) and where the driver's run is low or her mouth dark
// (lp_d10 f80-88: .27-.31 dark): those frames unchanged. Pure functions.
import { clamp01, smoothstep } from '../../math/smooth.ts';
import { TONGUE_FOLLOW, TONGUE_RAISE } from './tonguePlace.ts';

/** driver tongue runs (motion/driverCavity.ts `tongue`, not times readingTrust) over which her tongue counts as out (lp_d6 f59 .71, f66 .86, f154 .78; lp_d11 f165 .58) ... */
const OUT_RUN = [0.6, 0.7] as const;
/** ... as long as her opening's middle is hardly dark (driverCavity: lp_d6 f66 .11, f154 .03; lp_d10 f83 .27): tongueFlesh.ts FORWARD_DARK */
const OUT_DARK = [0.12, 0.22] as const;

/**
 * ... and the light under her upper row (motion/underTeeth.ts driverUnder, its darker tenth over the lips') over which the tongue
 * reaches up to it: a tongue out lit under the row (lp_d6 f60 .63, f64 .87, f66 .88, f154 .86) against one lying behind the
 * lower teeth under a dark band (lp_d11 f75/f78/f166 .43-.51, her pale tongue forward but the band dark; lp_d10 f16-f21 .48-.55,
 * runs .69-.81 read through her dim tongue back). lp_d10 f15 (.59, run .71) and lp_d6 f59 (.58, .71) read alike: left out.
 */
const OUT_UNDER = [0.56, 0.68] as const;

/**
 * ... or no teeth to read under (driverTeeth under the first share, gone by the second): the tongue hides them all (lp_d6 f66 teeth
 * .00; a face without teeth reads driverUnder 0, smoothed with its neighbours': f66/f67 .23/.14 on the whole video's track, .88/.69 on a cut's)
 */
const NO_TEETH = [0.03, 0.08] as const;

/** How far the driver's tongue is out over her lower teeth, 0..1 (0 without the readings: audio, old tracks). */
export function tongueOutShare(driverTongue: number | undefined, driverCavity: number | undefined, driverUnder: number | undefined, driverTeeth: number | undefined): number {
  if (driverTongue === undefined || driverCavity === undefined || driverUnder === undefined || driverTeeth === undefined) return 0;
  if (!Number.isFinite(driverTongue) || !Number.isFinite(driverCavity) || !Number.isFinite(driverUnder) || !Number.isFinite(driverTeeth)) return 0;
  const upToRow = Math.max(smoothstep(OUT_UNDER[0], OUT_UNDER[1], driverUnder), 1 - smoothstep(NO_TEETH[0], NO_TEETH[1], driverTeeth));
  return smoothstep(OUT_RUN[0], OUT_RUN[1], driverTongue) * (1 - smoothstep(OUT_DARK[0], OUT_DARK[1], driverCavity)) * upToRow;
}

/** frames (25 fps) either side a tongue out is held over: dips up to twice this are filled (lp_d6 f59-f63 read .05/.55/.25/0/0
 *  between f58 and f64 at 1) */
const OUT_HOLD = 3;

/** Per frame, the highest (`pick` Math.max) or lowest (Math.min) value within `radius` frames. */
function slide(values: readonly number[], radius: number, pick: (a: number, b: number) => number): number[] {
  return values.map((_, i) => {
    let m = values[i]!;
    for (let j = Math.max(0, i - radius); j <= Math.min(values.length - 1, i + radius); j++) m = pick(m, values[j]!);
    return m;
  });
}

/**
 * A tongue-out series with its short dips filled: a closing (the highest share within `radius` frames, then the lowest of
 * that within `radius`), so a dip of up to 2 x radius frames between two outs is held out while a run's own start and end,
 * and a lone frame, stay where they were.
 */
export function heldOut(shares: readonly number[], radius = OUT_HOLD): number[] {
  // (no tongue out past the clip's ends: a run near its end is not stretched to it)
  const pad = new Array<number>(radius).fill(0);
  return slide(slide([...pad, ...shares, ...pad], radius, Math.max), radius, Math.min).slice(radius, radius + shares.length);
}

/** the lower row keeps this share of itself where the tongue is wholly out over it (its sides, past the tongue, stay) */
const ROW_UNDER_OUT = 0.15;

/**
 * The lower row's alpha factor under a tongue out `out` (0..1) whose own coverage at the pixel is `tongueCover` (0..1): the
 * tongue in front of the teeth instead of behind them.
 */
export function rowUnderTongueOut(out: number, tongueCover: number): number {
  return 1 - (1 - ROW_UNDER_OUT) * clamp01(out) * clamp01(tongueCover);
}

/**
 * Output px the tongue's base goes down where it is out `out`: from TONGUE_RAISE over the jaw's anchor, following the jaw set
 * (`follow` px) by TONGUE_FOLLOW, to the lower row's own place (the jaw set followed in full): a tongue out lies on the lower
 * teeth down to the lower lip, not on the mouth's floor behind them. frameLight.ts grows it by as much, its top kept.
 */
export function tongueOutDrop(out: number, follow: number, unit: number): number {
  return clamp01(out) * Math.max(0, (1 - TONGUE_FOLLOW) * follow + TONGUE_RAISE * unit);
}

/** a tongue out comes forward of the upper row's shade (interior.ts underUpperRowLight, .75 of its light over .06-.12 IOD under
 *  the lip: the dark cap over ours at lp_d6 f59-f67, a third of the opening): that band's reach shrinks by 1 + this x out */
const OUT_REACH = 2;

/** The depth under the upper lip (IOD) underUpperRowLight takes for a tongue out `out`: the band's reach 1 / (1 + OUT_REACH x out). */
export function outBelow(below: number, out: number): number {
  return below * (1 + OUT_REACH * clamp01(out));
}

/** a tongue out shows this share of the median groove (tongueFlesh.ts tongueGroove; lp_d6 f59-f67's reads -.02..+.01, ours .07-.10) */
const OUT_GROOVE = 0.25;

/** The groove's light factor `groove` (1 none) for a tongue out `out`. */
export function outGroove(groove: number, out: number): number {
  if (!(out > 0)) return groove;
  return 1 - (1 - groove) * (1 - (1 - OUT_GROOVE) * clamp01(out));
}
