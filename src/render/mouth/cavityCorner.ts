// The open mouth's corners not a black wedge (issue #13, tongue39 s39; critic38: lp_s9 <- lp_d11 f98/f168 a near-black
// wedge at the image-right corner, larger since cavity38). cavityRelief.ts stretches the dark about the frame's pivot,
// the luma a black pixel lands on under the floors (cavityFloor.ts floorLift, driverTongue.ts backFloorInto). But the
// floors fall toward the walls (cavityWall.ts wallLight) and are gone in the corners (cavityFloor.ts floorSide, none past
// .85 of the half width): a corner pixel was never lifted, yet the relief squared it about the middle's pivot,
// (l / pivot)^2, into black. Here the pivot is the floor this pixel itself got: the relief deepens what a floor
// squashed, and leaves the corners' own dark (bench/cavityProfile.ts `corners`) as the cavity drew it.
import { luma601 as luma } from '../../math/colour.ts';
import { FLOOR_LIFT, floorSide } from './cavityFloor.ts';
import { BACK_LIFT } from './driverTongue.ts';
import { wallLight } from './cavityWall.ts';

/**
 * The relief's pivot at `lateral` (0 the opening's middle .. 1 a corner): where the floor this pixel got lands a black
 * pixel, its tone x wallLight, its share x floorSide (interior.ts jawPiecesOver lifts with the same); 0 (off) where no
 * floor reaches. In the middle it is cavityRelief.ts reliefPivot.
 */
export function reliefPivotAt(light: { backK: number; backTone: readonly number[]; cavityFloorK: number; cavityFloor: readonly number[] }, lateral: number): number {
  const side = floorSide(lateral), wall = wallLight(lateral);
  if (light.backK > 0) return luma(light.backTone) * wall * BACK_LIFT * Math.min(1, light.backK * side);
  return light.cavityFloorK > 0 ? luma(light.cavityFloor) * wall * FLOOR_LIFT * Math.min(1, light.cavityFloorK * side) : 0;
}
