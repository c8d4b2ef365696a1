// The dark under a library row's tips is dark, not black (issue #13, denture32, critic: mt_man + mt_sun.wav,
// "a black band under the teeth"). At a speech opening light comes in over the lower lip and off the teeth
// and lips: real open mouths are darkest just under the upper row but keep the mouth tissue's dim red
// (lp_d10 f93 .28 of its lips' luma, lp_d6's dark frames ~.2). mt_man's library cavity, the throat's shade
// (cavityDepth.ts) over it, read luma 11-18 under his teeth beside lips of ~140: .08-.13, an ink stripe
// that drew every tip's V as a black notch (the picket fence). Here every opening pixel darker than a floor
// tone (FLOOR_TONE of the lips' lining tone, teethEdge.ts tipsToneInto) is lifted toward it, more the darker
// (`floorLift`: monotone, so the throat, the tongue's back and the corridor keep their order), at speech
// openings (out at a wide one, whose throat cavity30 drew deep) and not in an "O" (roundInside.ts lines it).
import { luma601 as luma } from '../../math/colour.ts';
import { clamp01, smoothstep } from '../../math/smooth.ts';

/**
 * How much of the floor a frame at lip gap `gap` (iod) and roundness `round` takes, times `rowShade`
 * (photoRowShade.ts), and only as far as a video driver's own opening is lit (`driverCavity`, its dark
 * share, motion/driverCavity.ts; absent in audio motions: all of it): a driver that shows a black mouth
 * keeps it (Katie's dark f160-172 read .2-.44; her self-reenacted mouth box lost .02 dB at the floor).
 */
export function cavityFloorShare(gap: number, round: number, rowShade: number, driverCavity?: number): number {
  const driverLit = driverCavity === undefined ? 1 : 1 - smoothstep(DRIVER_DARK[0], DRIVER_DARK[1], driverCavity);
  return smoothstep(FLOOR_GAPS_IN[0], FLOOR_GAPS_IN[1], gap) * (1 - smoothstep(FLOOR_GAPS_OUT[0], FLOOR_GAPS_OUT[1], gap)) * (1 - clamp01(round)) * clamp01(rowShade) * driverLit;
}
/** a driver's dark share over which its floor goes (as cavityDepth.ts's throat comes in: lp_d6's lit tongues .00-.14, lp_d10 f93 .38) */
export const DRIVER_DARK: readonly [number, number] = [0.12, 0.25];
/** lip gaps (iod) over which the floor comes in (a slit's dark line is what tells it open) and goes out again (a wide opening's deep throat) */
export const FLOOR_GAPS_IN: readonly [number, number] = [0.04, 0.09];
export const FLOOR_GAPS_OUT: readonly [number, number] = [0.28, 0.42];
/** the floor's tone over the lips' lining tone */
export const FLOOR_TONE = 0.66;
/** at most this share of the way to the floor (a black pixel ends at this share of the floor's luma); over .5 a near-black pixel would pass a darker one (floorLift's slope 1 - 2 t FLOOR_LIFT (1 - l / floor)) */
export const FLOOR_LIFT = 0.5;

/**
 * The floor's share at `lateral` (0 centre .. 1 inner corner): whole in the middle, none in the corners, whose dark
 * (a smile's buccal corridor, rowLook.ts; the corners' lining) is the real mouth's too (st_art_1's smile corners
 * .19 -> .23 of the centre's light with the floor across, Katie's real .07-.12: test/rowLook).
 */
export function floorSide(lateral: number): number {
  return 1 - smoothstep(FLOOR_SIDE[0], FLOOR_SIDE[1], lateral);
}
export const FLOOR_SIDE: readonly [number, number] = [0.5, 0.85];

/**
 * `out` lifted toward `floor` by t x FLOOR_LIFT x (1 - its luma over the floor's): a black pixel goes
 * FLOOR_LIFT of the way, one as light as the floor not at all; monotone in the pixel's luma (for t <= 1, FLOOR_LIFT <= .5).
 */
export function floorLift(out: Float64Array, floor: readonly number[], t: number): void {
  if (!(t > 0)) return;
  const lf = luma(floor), lo = luma(out);
  if (!(lf > 0) || !(lo < lf)) return;
  const k = FLOOR_LIFT * t * (1 - lo / lf);
  for (let ch = 0; ch < 3; ch++) out[ch] = out[ch]! + (floor[ch]! - out[ch]!) * k;
}

