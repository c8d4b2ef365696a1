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
 * row, rising over the opening's middle to 1 where the driver's lit run begins, LOW_LIT at the lower lip.
 */
export function litFallAt(down: number, k: number, run: number | undefined): number {
  if (!(k > 0)) return 1;
  const r = Math.min(RUN_RANGE[1], Math.max(RUN_RANGE[0], run ?? RUN_WITHOUT)), litFrom = 1 - r, d = clamp01(down);
  const f = d < litFrom ? DARK_TOP + (1 - DARK_TOP) * smoothstep(DARK_HOLD, litFrom, d) : 1 + (LOW_LIT - 1) * smoothstep(litFrom, 1, d);
  return 1 + (f - 1) * clamp01(k);
}

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
