// The lit cavity's light down the opening (issue #13, critic33's worst defect: lp_s9 <- lp_d11 f98/f165/f167 "a flat
// grey-brown box once the teeth are gone"). Where a video driver's opening is lit and shows few teeth, teethEdge.ts
// litCavityInto lifts the whole cavity to one colour (CUT_SHADE x the inner lip): the same brown from the upper lip to
// the lower, and the tongue drawn over it in nearly its tone, so the opening reads as a painted slab. A real open mouth
// lit from the front is dark behind the upper row (the palate and the throat in the upper lip's shadow) and lit low down,
// toward the lower lip (the tongue's front, the floor, the lower teeth): the drivers' 5-band profiles (bench/tongueHeight.ts)
// run lp_d11 f165 .45 .68 1.11 (bands 2-4), lp_d10 f83 .36 .44 .65. Here the lifted cavity is shaded by the pixel's height:
// at DARK_TOP of its light under the row, full light at the driver's tongue's top, LOW_LIT of it at the lower lip.
// Pure functions; interior.ts cavityInto calls `litFallAt`, frameLight.ts sets the frame's share.
import { clamp01, smoothstep } from '../../math/smooth.ts';
import { luma601 } from '../../math/colour.ts';

/** the lifted cavity's light just under the upper row, over its flat light (the driver's top band over its middle ~.45-.65) */
export const DARK_TOP = 0.6;
/** ... at the lower lip: the floor and the tongue's front, lit from the front */
export const LOW_LIT = 1.25;
/** down the opening (0 the upper lip, 1 the lower) the dark holds to this share before rising */
const DARK_HOLD = 0.12;
/** the driver's tongue's lit run (a share of the opening's height up from the lower lip) taken without a reading */
const RUN_WITHOUT = 0.45;
/** the run read is held in this range (a misread: nothing lit, or lit to the teeth) */
const RUN_RANGE = [0.25, 0.7] as const;

/**
 * The light factor at `down` (0 the upper row's edge .. 1 the lower lip) for a frame whose lift share is `k` (0: the cavity
 * not lifted, factor 1) and whose driver's tongue stands `run` of the opening (undefined: RUN_WITHOUT): DARK_TOP under the
 * row, rising over the opening's middle to 1 where the driver's lit run begins, LOW_LIT at the lower lip; deeper under the
 * row where the driver's own opening is `driverDark` dark (darkTopOf; absent: as before).
 */
export function litFallAt(down: number, k: number, run: number | undefined, driverDark?: number): number {
  if (!(k > 0)) return 1;
  const r = Math.min(RUN_RANGE[1], Math.max(RUN_RANGE[0], run ?? RUN_WITHOUT)), litFrom = 1 - r, d = clamp01(down);
  // (deeper in its upper part as the driver's own opening is dark, the lower part as it was: darkTopOf)
  const deepen = 1 - TOP_DEEPEN * darkTopOf(driverDark) * (1 - smoothstep(DEEP_TO[0], DEEP_TO[1], d));
  const f = (d < litFrom ? DARK_TOP + (1 - DARK_TOP) * smoothstep(DARK_HOLD, litFrom, d) : 1 + (LOW_LIT - 1) * smoothstep(litFrom, 1, d)) * deepen;
  return 1 + (f - 1) * clamp01(k);
}

/**
 * How far the lifted cavity's top goes deeper, 0..1, for a driver whose opening is `driverDark` dark (its dark share,
 * motion/driverCavity.ts; absent: 0). The lit lift (teethEdge.ts litCavityShare) is keyed on the driver's teeth and its
 * dark-O reading, not on how much of its opening is dark: st_happy <- pcavs681 f91 lifted the whole cavity to a maroon
 * slab (ours .34 of the lips' luma over the opening's upper half, .57 its core) where the driver's opening is .44 dark,
 * black under its upper lip (.25) over a lit tongue and lower row (s59 fill59, critic58 "a flat maroon slab").
 */
export function darkTopOf(driverDark: number | undefined, setting = deepTopSetting): number {
  return setting.on && driverDark !== undefined ? smoothstep(DEEP_DARK[0], DEEP_DARK[1], driverDark) : 0;
}
/** driver dark shares over which the top deepens (lp_d6's lit tongues .00-.14 keep DARK_TOP; pcavs681 f91 .44) */
const DEEP_DARK = [0.15, 0.45] as const;
/** at a dark driver the top goes this share deeper (.6 x .4 = .24 of the lifted light: pcavs681 f91's .25) ... */
const TOP_DEEPEN = 0.6;
/** ... whole down to the first share of the opening, none from the second: the lower part (the driver's lit tongue and lower
 *  row) as it was (held deep to .73, lp_s5 <- lp_d10 f93/f95's lower half went .46/.41 -> .43/.38 of the lips [driver
 *  .58/.56]; deep to .12 only, pcavs681 f91's black top was a thin band under the lip) */
const DEEP_TO = [0.3, 0.6] as const;

/**
 * The frame's driver tongue run for litFallAt: its reading as far as it is trusted (driverTongue.ts readingTrust: a driver
 * showing teeth reads short), RUN_WITHOUT for the rest; undefined without a reading.
 */
export function litFallRun(driverTongue: number | undefined, trust: number): number | undefined {
  if (driverTongue === undefined || !Number.isFinite(driverTongue)) return undefined;
  return RUN_WITHOUT + (driverTongue - RUN_WITHOUT) * clamp01(trust);
}

// The tongue's front lit as the driver's (the same defect, f98/f167, where the tongue covers the opening): the arched
// tongue (tongueShape.ts) falls from its front's light into its back, but on lp_s9 (its tongue in the painting's muted
// palette, tonguePalette.ts) its front stood at .73-.80 of the lips' luma in the opening's lower-middle band where
// lp_d11's tongue stands at 1.09-1.13 (a pink tongue lit brighter than the lips, under a dark red back): one grey-brown
// tone from top to bottom. Lit up low in the opening toward a light of its own lips' (not by a fixed gain: lp_s5's
// tongue already stood at lp_d10's .95, and x1.55 drew it 1.46), less toward the lower lip (its band matched already: the
// lower row and the lip's inner edge), only where a driver's tongue reading is trusted.

/** the tongue's front lifted toward this light over the lips' edge colour's luma ...
 *  (1.2 until s49: set off lp_d11 f98's lower-middle band, 1.09 of her lips, which is her lower teeth, not her tongue
 *  (bench/tongueLit.ts lowTeeth .61; her tongue there .8-1.0); our rows show none there, so the tongue took the teeth's
 *  light: lp_s9's tongue a light salmon slab filling the opening (critic48). A tongue no lighter than the lips' edge.) */
export const FRONT_OF_EDGE = 1;
/** ... by at most this factor (lp_d11 f98's lower-middle band 1.09 over ours .74) */
export const FRONT_GAIN = 0.55;
/** down the opening the front's lift comes in over ... and goes out again toward the lower lip */
const FRONT_IN = [0.5, 0.72] as const, FRONT_OUT = [0.85, 1] as const;

/**
 * The tongue's light factor at `down` (0 the upper row's edge .. 1 the lower lip) for a frame whose front share is `k`,
 * the pixel's lit luma `lit` and the front's target luma `target`: up to target (never down), at most 1 + `gain`, its lift
 * coming in `lead` higher up the opening (a pale driver tongue: tongueFrontLight.ts).
 */
export function tongueFrontAt(down: number, k: number, lit: number, target: number, gain = FRONT_GAIN, lead = 0): number {
  if (!(k > 0) || !(lit > 0) || !(lit < target)) return 1;
  const want = Math.min(1 + gain, target / lit) - 1;
  return 1 + want * clamp01(k) * smoothstep(FRONT_IN[0] - lead, FRONT_IN[1] - lead, down) * (1 - smoothstep(FRONT_OUT[0], FRONT_OUT[1], down));
}

/** The frame's front share: the arch's share (tongueShape.ts archShare, a wide opening) out of a dark driver's mouth (frameLight passes archShare x (1 - tongueGate.ts darkSinkGate): lp_d10 f93's sunk tongue went .72 -> .98 [.51] without it; the whole tongueArch gate, with its hanging-lip sink, kept lp_s42 <- lp_d6 f168 flat) where a driver's tongue reading is trusted (0 without one: audio motions unchanged). */
export function tongueFrontShare(arch: number, driverTongue: number | undefined, trust: number): number {
  return driverTongue === undefined || !Number.isFinite(driverTongue) ? 0 : clamp01(arch) * clamp01(trust);
}

/** The front's target luma for lips whose edge colour is `lipEdge` (FRONT_OF_EDGE of its luma). */
export const frontTarget = (lipEdge: readonly number[]) => FRONT_OF_EDGE * luma601(lipEdge);

/** the lifted cavity's top deepened by the driver's own dark (darkTopOf): on (default) or off (every render as before) */
export const deepTopSetting = { on: true };
