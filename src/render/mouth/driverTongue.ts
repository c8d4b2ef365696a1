// The tongue's height and the back of the mouth taken from the driver's own opening (issue #13, critic32: lp_s5 <- lp_d10
// f80/f83 "a dome against a near-black throat", lp_s9 <- lp_d11 f165 "a slab with a dark gap above it"). One fixed cap on
// the arched tongue's top (tongueShape.ts ARCH_TOP, .75 of the lip gap) cannot fit drivers whose tongues stand at .39-.73
// of similar openings (bench/tongueHeight.ts: lp_d10 f83 .68, lp_d11 f165 .43, lp_d6 f103 .39), and the throat over it
// was drawn near black (.17-.30 of the lips' luma) where real ones are a dim purple-red, the soft palate and the
// tongue's back in shade (the driver's dark pixels .36-.43 of its lips' on lit tongues, .30 at lp_d10 f93, .17 on lp_d6
// f190's black). The tracker reads both per frame (motion/driverCavity.ts openingMiddle: `tongue`, `cavityLight`); the
// motion carries them as DRIVER_TONGUE and DRIVER_BACK. Pure functions; frameLight.ts and interior.ts call them.
import { luma601 as luma } from '../../math/colour.ts';
import { clamp01, smoothstep } from '../../math/smooth.ts';
import type { MouthPlacement } from './frameLight.ts';
import { growToStand } from './tonguePlace.ts';
import { ARCH_LEAST_GROW } from './tongueShape.ts';

type Rgb = [number, number, number];

/**
 * the arched tongue's top over the lower lip, as a share of the lip gap, stands this much over the driver's tongue
 * reading (its lit run up from the lower lip, a share of the opening's middle height: that run counts the lower lip's
 * inner edge and ends under our tongue's soft top, tongueShape.ts TOP_SOFT, and its dim risen back, archTall) ...
 */
const TOP_OVER_READING = 0.12;
/** ... held between these shares (a driver's misread: a tongue never sunk under the lower row's tips, never up to the upper teeth) */
const TOP_RANGE = [0.4, 0.9] as const;

/** The share of the lip gap the arched tongue's top stands at, from the driver's tongue reading; `fixed` without one. */
export function driverArchTop(driverTongue: number | undefined, fixed: number): number {
  if (driverTongue === undefined || !Number.isFinite(driverTongue)) return fixed;
  return Math.min(TOP_RANGE[1], Math.max(TOP_RANGE[0], driverTongue + TOP_OVER_READING));
}

/**
 * The arched tongue's growth given the driver's reading: stood at its top (`stand`, growToStand at driverArchTop) both
 * ways, up where the driver's tongue stands higher than the fixed cap let it (lp_d10 f57 .64, ours .31), as far as the
 * arch applies (`arch`, archShare), never below `least` (its lower part lies under the lip anyway).
 */
export function driverGrow(grow: number, stand: number | null, arch: number, least: number): number {
  if (stand === null || !(arch > 0)) return grow;
  return grow + (Math.max(least, stand) - grow) * arch;
}

/**
 * How far the driver's tongue reading tells its tongue's height, 0..1: its lit run skips the teeth, so a driver showing
 * teeth reads short (lp_d6 f46: teeth .59 of the opening, run .31, her tongue lit to the upper row: taken as a height it
 * sank and darkened lp_s42's, band 3 .67 -> .30 [1.09]); 1 without a teeth share.
 */
export function readingTrust(driverTeeth: number | undefined): number {
  return driverTeeth === undefined ? 1 : 1 - smoothstep(TEETH_UNTRUSTED[0], TEETH_UNTRUSTED[1], driverTeeth);
}
/** driver teeth shares (motion/mouthDark.ts teethShare) over which its tongue reading stops counting (lp_d10 f83 .00, lp_d11 f165 .15, lp_d6 f103 .39) */
const TEETH_UNTRUSTED = [0.1, 0.3] as const;

/**
 * frameLight's tongue growth `grow` with the driver's tongue height (`top`: the tongue layer's top over its anchor, `follow`
 * the jaw set's follow, `arch` archShare); null without a reading (tongueShape.ts archGrow's fixed cap then).
 */
export function driverArchGrow(p: MouthPlacement, top: number | null, follow: number, grow: number, arch: number): number | null {
  if (p.driverTongue === undefined) return null;
  return driverGrow(grow, growToStand(p, top, follow, driverArchTop(p.driverTongue, 1)), arch * readingTrust(p.driverTeeth), ARCH_LEAST_GROW);
}

/** the lit run (openingMiddle `tongue`) our arched tongue shows with its back's fall where tongueShape.ts sets it (lp_s5 <- lp_d10 f83 .55, lp_s9 <- lp_d11 f165 .55) */
const LIT_RUN = 0.55;
/** the fall moves at most this far (a share of the opening's height) */
const SHIFT_MOST = 0.15;

/**
 * How far the tongue's back's fall (tongueShape.ts tongueShapeLight `shift`) moves up the opening: by the driver's lit run
 * over ours (lp_d10 f83 .68: its tongue lit to .65 of the opening, the dim purple above; lp_d11 f165 .43), as far as it is
 * trusted (readingTrust); 0 without a reading.
 */
export function litShift(driverTongue: number | undefined, driverTeeth?: number): number {
  if (driverTongue === undefined || !Number.isFinite(driverTongue)) return 0;
  return Math.max(-SHIFT_MOST, Math.min(SHIFT_MOST, driverTongue - LIT_RUN)) * readingTrust(driverTeeth);
}

/** the back's floor tone over the driver's dark light (its dark pixels' median; lp_d10 f83's bands over the tongue .36 .44 over a median of .36): where backFloorInto's lift ends */
const BACK_OF_DRIVER = 1.1;
/** a pixel under the floor's luma goes this share of the way to it in light (backFloorInto) */
export const BACK_LIFT = 0.75;
/** the back's hue over the lips' edge colour, per channel: the soft palate and tongue's back in shade are a purple-red, bluer than the lips */
const BACK_TINT: Rgb = [1, 0.92, 1.25];
/** driver back light never read over this (a lit opening's dark part is under driverCavity.ts DARK_OF_LIP .45 of the lips by definition) */
const BACK_MOST = 0.45;

/**
 * The back of the mouth's floor tone into `out` (the lips' edge colour `lipEdge` tinted purple, at BACK_OF_DRIVER of the
 * driver's dark light `driverBack` over the lips' luma); returns false (nothing to lift) without a reading.
 */
export function backToneInto(lipEdge: readonly number[], driverBack: number | undefined, out: Rgb): boolean {
  if (driverBack === undefined || !(driverBack > 0)) return false;
  for (let ch = 0; ch < 3; ch++) out[ch] = lipEdge[ch]! * BACK_TINT[ch]!;
  const want = BACK_OF_DRIVER * Math.min(BACK_MOST, driverBack) * luma(lipEdge), have = luma(out);
  if (!(have > 0)) return false;
  for (let ch = 0; ch < 3; ch++) out[ch] = Math.min(255, out[ch]! * (want / have));
  return true;
}

/**
 * `out` lifted toward the back's `tone` where its luma is under the tone's: its light BACK_LIFT x t of the way there (linear,
 * so the dark pixels keep their order: the throat's depth, the corridor), its hue toward the tone's by as much times
 * (1 - its luma over the tone's), none at the tone's luma (a constant hue blend drew a hue step where a column's luma
 * crossed the floor's: vertical stripes, lp_s5 f57).
 */
export function backFloorInto(out: Float64Array, tone: readonly number[], t: number): void {
  if (!(t > 0)) return;
  const lt = luma(tone), lo = luma(out);
  if (!(lo < lt)) return;
  const k = BACK_LIFT * clamp01(t), x = lo / lt, hue = k * (1 - x), want = lo + (lt - lo) * k;
  for (let ch = 0; ch < 3; ch++) out[ch] = out[ch]! + (tone[ch]! - out[ch]!) * hue;
  const have = luma(out);
  if (have > 0) for (let ch = 0; ch < 3; ch++) out[ch] = out[ch]! * (want / have);
}
