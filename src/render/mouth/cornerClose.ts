// An open mouth's corners close in the lips' inner surface, not in the cavity's dark (s42, mouthshape42).
// The inner surface band (lipSurface.ts innerBand) is at most .022 IOD whatever the column's height, so the dark
// ran right into each corner's tip between two straight lip lines: critic41's hard hexagon / trapezoid
// (lp_s7 <- lp_d10 f57, f91), where the driver's corners are the lips' pink inner surfaces meeting and its dark
// is a rounded middle. Toward the corners, where a column's opening is a small share of the middle's, the interior
// goes over to the lips' lining in shade: the dark ends in a soft tip inside it.
import { smoothstep } from '../../math/smooth.ts';

/**
 * How much of the corners the lining takes (0: off, the s41 look; s42's outcome). At 1 (CLOSE_GAP .06-.12) the corners'
 * dark share fell on lp_s7 f91 (.96 -> .91 [driver .51]) and st_happy (.42 -> .38) but rose on lp_s5 (.84 -> .89), cost
 * .01 IOD of read-back gap on lp_s5 / st_happy and lp_s1's speech dark share (.092 under test/mouthCavity.test.ts's floor).
 */
export const CORNER_CLOSE: number = 0;
/** A column whose opening is under CLOSE_SHARE[0] of the middle's is all lining; from CLOSE_SHARE[1] none. */
export const CLOSE_SHARE = [0.1, 0.5] as const;
/**
 * The frame's lip gap (iod) over which the corners close in: a slit keeps its dark line to the corners, a speech
 * opening its dark beside the rows (at .06-.12, lp_s1 at jawOpen .2 fell to a dark share .092: test/mouthCavity.test.ts).
 */
export const CLOSE_GAP = [0.14, 0.22] as const;

/**
 * The frame's gate (0..1): a parted mouth (gap iod over CLOSE_GAP), not a grin (its dark corners are its buccal
 * corridor, where the face mesh finds its corners: test/grinRendered.test.ts), not an O (roundOpening.ts already
 * presses its sides together).
 */
export function cornerCloseGate(gap: number, grin: number, round: number): number {
  return CORNER_CLOSE * smoothstep(CLOSE_GAP[0], CLOSE_GAP[1], gap) * (1 - Math.min(1, Math.max(0, grin))) * (1 - Math.min(1, Math.max(0, round)));
}

/** How far a column `open` px tall, where the middle's opening is `middle` px, closes in lining (0..1). */
export function closeShare(open: number, middle: number, gate: number): number {
  if (!(gate > 0) || !(middle > 0)) return 0;
  return gate * (1 - smoothstep(CLOSE_SHARE[0], CLOSE_SHARE[1], open / middle));
}

const lining = new Float32Array(4);
/**
 * The lining a closing corner shows (rgb, and in [3] how far the interior goes over to it): the lip's mean rim colour
 * `rim` in the mouth's shade (CLOSE_SHADE), by CLOSE_MIX x `share`. Changing over along the opening (share follows
 * each column's height), not down the column: grown as a band, the lining was a flat lip-coloured wedge with a
 * straight edge against the dark (st_happy <- lp_d6 f103, mt_man's corners).
 */
export function closedLining(rim: readonly number[], share: number): Float32Array {
  lining[0] = rim[0]! * CLOSE_SHADE; lining[1] = rim[1]! * CLOSE_SHADE; lining[2] = rim[2]! * CLOSE_SHADE;
  lining[3] = CLOSE_MIX * share;
  return lining;
}
/** the closing corners' lining: the lip's rim colour this much in shade ... */
export const CLOSE_SHADE = 0.7;
/** ... and at most this much of the interior goes over to it */
export const CLOSE_MIX = 0.85;
