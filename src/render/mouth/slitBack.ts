// A small opening's dark no darker than the driver's (issue #13, holes56). The tracker reads the light of the dark part of the
// driver's opening over its lips (motion/driverCavity.ts cavityLight, the motion's `driverBack`), and the renderer lifts the
// cavity's dark toward it (driverTongue.ts backFloorInto) — but only as far as the opening is deep (cavityDepth.ts depthShare:
// none under a .08 IOD gap, a third at .125), a rule from before the reading, when "a speech slit stays the plain dark of its
// cavity" was the only guess. So every small opening kept the library's near-black where the driver's is a dim red:
// st_art_1 <- pcavs741 f97 (the driver's dark part .33 of his lips, ours .18), mt_man <- infinitetalk f43 (.36, ours .17),
// lp_s0 <- reagan f63 (.22, ours .14). The reading is the driver's own: where it is there, it holds at any gap. A black driver
// mouth reads ~.15 and lifts nothing visible; audio motions have no reading (backToneInto returns false): unchanged.
import { clamp01 } from '../../math/smooth.ts';

/** share: how far the driver's back light holds at a gap under the depth's (1: as at a deep opening; 0: main's depth rule) */
export const slitBackSetting = { on: true, share: 1 };

/**
 * How far (0..1) the back floor (driverTongue.ts backFloorInto) applies on a frame with a driver's back reading: the opening's
 * depth share `depth` (cavityDepth.ts depthShare), or at a shallower opening the setting's share, not in a rounded "O"
 * (`round`: roundInside.ts shades its own).
 */
export function slitBackShare(depth: number, round: number): number {
  if (!slitBackSetting.on) return depth;
  return Math.max(depth, clamp01(slitBackSetting.share) * (1 - clamp01(round)));
}
