// The open mouth's corners not a black wedge (issue #13; tongue39 s39, re-landed by corner40 s40 with a grin gate;
// critic38: lp_s9 <- lp_d11 f98/f168 a near-black wedge at the image-right corner). cavityRelief.ts stretches the dark
// about the frame's pivot, the luma a black pixel lands on under the floors (cavityFloor.ts floorLift, driverTongue.ts
// backFloorInto). But the floors fall toward the walls (cavityWall.ts wallLight) and are gone in the corners
// (cavityFloor.ts floorSide, none past .85 of the half width): a corner pixel was never lifted, yet the relief squared
// it about the middle's pivot, (l / pivot)^2, into black. Here the pivot is the floor this pixel itself got: the relief
// deepens what a floor squashed, and leaves the corners' own dark (bench/cavityProfile.ts `corners`) as the cavity drew it.
// s39 it was merged for every opening and failed test/grinRendered.test.ts (lp_s2's open grin read .620 wide against the
// mesh's .650): a grin's dark corners are where the face mesh finds its corners, and a grin's buccal corridor is black
// (Katie's smiles, corners p5 .00-.01). So a grin (opening.ts grinShare: smiling past the photo's own) keeps the frame's
// pivot, and speech openings, a smiling photo's too (the Mona Lisa's), get the pixel's own. Not fixed: lp_d11 talks with a
// smile the retarget reads as a full grin (f120/f168: smile .78-.82, grin 1) while its real corners are lit (f168 p5
// .33); the driver's readings did not tell it from a grin (docs/mouth/README.md s40 corner40). What is left of the wedge at
// a speech opening is rowLook.ts's corridor in the corners' lining (lp_s9 f98 p5 .17 here, .38 without it [driver .30]);
// taking it down at speech openings failed test/mouthCavity.test.ts (lp_s1's speech dark share .111 -> .103, floor .105).
import { luma601 as luma } from '../../math/colour.ts';
import { FLOOR_LIFT, floorSide } from './cavityFloor.ts';
import { BACK_LIFT } from './driverTongue.ts';
import { wallLight } from './cavityWall.ts';
import { reliefPivot } from './cavityRelief.ts';

type PivotLight = { backK: number; backTone: readonly number[]; cavityFloorK: number; cavityFloor: readonly number[] };

/** The share of a full grin's frame pivot kept (1: a grin's corners drawn as before corner40; 0: no gate, tongue39's s39 look). */
export const GRIN_KEEPS_PIVOT = 1;

/**
 * The pivot of the floor this pixel got at `lateral` (0 the opening's middle .. 1 a corner): where that floor lands a
 * black pixel, its tone x wallLight, its share x floorSide (interior.ts jawPiecesOver lifts with the same); 0 (off)
 * where no floor reaches. In the middle it is cavityRelief.ts reliefPivot.
 */
export function ownPivot(light: PivotLight, lateral: number): number {
  const side = floorSide(lateral), wall = wallLight(lateral);
  if (light.backK > 0) return luma(light.backTone) * wall * BACK_LIFT * Math.min(1, light.backK * side);
  return light.cavityFloorK > 0 ? luma(light.cavityFloor) * wall * FLOOR_LIFT * Math.min(1, light.cavityFloorK * side) : 0;
}

/**
 * The relief's pivot at `lateral` in a frame that is `grin` (0..1, opening.ts grinShare) a grin: the pixel's own
 * (ownPivot) at a speech opening, the frame's (reliefPivot) over a grin, linear between; `keep` GRIN_KEEPS_PIVOT.
 */
export function reliefPivotAt(light: PivotLight, lateral: number, grin = 0, keep = GRIN_KEEPS_PIVOT): number {
  const own = ownPivot(light, lateral), g = Math.min(1, Math.max(0, (Number.isFinite(grin) ? grin : 0) * keep));
  if (g >= 1) return reliefPivot(light);
  return g > 0 ? own + (reliefPivot(light) - own) * g : own;
}
