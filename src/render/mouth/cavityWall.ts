// The open mouth's floors with the cavity's walls in them (issue #13, slab36, critic35: "open mouths as flat painted slabs",
// the lead's lp_s7 + RD_Radio31 "a flat dark-maroon oval"). Three floors keep an open mouth from going black (cavityFloor.ts
// floorLift, teethEdge.ts floorOver, driverTongue.ts backFloorInto); each lifts every darker pixel toward one tone per frame,
// and near black they squash the cavity's own shading (the throat, the sides' fall) into that tone: across the opening's
// upper middle (.25-.55 of its height) lp_s7 read .27 .27 .27 over the middle three fifths of its half width, lp_s5 <- lp_d10
// f93 .28 .28 .28, where real mouths fall toward the corners as the walls turn from the light (lp_d10 f93 .29 .28 .24 .20,
// lp_d11 f165 .50 .48 .46 .34, bench/cavityProfile.ts `across`). Here each floor's tone falls off across the opening, so
// what it lifts keeps the walls' fall.
import { smoothstep } from '../../math/smooth.ts';

type Rgb = [number, number, number];

/** the share of its light a floor loses toward the opening's corners, and the lateral positions (0 middle .. 1 corner) over
 *  which it comes in: fitted to the real fall across the upper middle (lp_d11 f165 1 .96 .92 .68, lp_d10 f93 1 .97 .83 .69
 *  of the middle's at lateral .1 .3 .5 .7) */
export const WALL_SHADE = 0.35;
const WALL_FROM = 0.1, WALL_TO = 0.85;

/** A light's share at `lateral` (0 the opening's middle .. 1 a corner) that loses `shade` of it from `from` to `to` (a smoothstep): the walls' and the tongue's fall (tongueRound.ts). */
export function cornerFall(lateral: number, shade: number, from: number, to: number): number {
  return 1 - shade * smoothstep(from, to, Math.abs(lateral));
}

/** A floor tone's share at `lateral` (0 the opening's middle .. 1 a corner): 1 in the middle, 1 - WALL_SHADE toward a corner. */
export function wallLight(lateral: number, shade = WALL_SHADE): number {
  return cornerFall(lateral, shade, WALL_FROM, WALL_TO);
}

const scratch: Rgb[] = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];

/** `tone` times `k` in scratch slot `slot` (0-2; per-pixel, no allocation): the floor a pixel at that wall light is lifted toward. */
export function wallTone(tone: readonly number[], k: number, slot: 0 | 1 | 2): Rgb {
  const s = scratch[slot]!;
  s[0] = tone[0]! * k; s[1] = tone[1]! * k; s[2] = tone[2]! * k;
  return s;
}
