// The live webcam's lips pushed to one side (asym43's `w.mouthShift`, src/motion/mouthSide.ts), made causal as the
// rest of LiveRetarget: the driver's usual offset and yaw are the medians of the frames seen so far (the last
// HISTORY of them) instead of the whole clip's, and the 3-frame median and [1 2 1] blurs of the offline path become
// one forward One Euro filter after the noise cut (the offline path's mouth cutoffs; a filter before the cut as well
// lagged two more frames). The canonical frame is the driver's own first frame scaled to IOD 1 (the page cannot read
// the mean face's file; a rigid match to the same person's face reads the same shifts, offset by a constant the
// median takes out). Without it a live driver's sideways pout came out centred while the same clip through
// `generate --video` moved the mouth.
import { sideReading, shiftKept, SHIFT_PER_YAW } from '../motion/mouthSide.ts';
import { nearestRank } from '../math/stats.ts';
import { OneEuroFilter } from '../motion/filters.ts';
import { flatten, type Landmarks } from '../rig/canonical.ts';

/** Frames the driver's usual offset and yaw are the median of (10 s at 25 fps). */
const HISTORY = 250;
/** A |shift| under this (IOD) after the filter is written as none (the filter's tail after a pout). */
const SHOWN_FROM = 0.002;

export class LiveMouthShift {
  private readonly seen: { shift: number; yaw: number }[] = [];
  private reference: Float64Array | null = null;
  private readonly filter: OneEuroFilter;

  constructor(rate: number, private readonly restFrames: number, cutoff: [number, number]) {
    this.filter = new OneEuroFilter(rate, cutoff[0], cutoff[1]);
  }

  /**
   * One tracked frame (478 landmarks, video pixels; yaw in degrees): the lips' kept sideways shift (IOD, image
   * right +), 0 for none, or null while the first `restFrames` frames are being seen.
   */
  update(landmarks: ArrayLike<ArrayLike<number>>, yaw: number): number | null {
    const lm: Landmarks = Array.from(landmarks, (p) => [p[0]!, p[1]!, p[2] ?? 0]);
    this.reference ??= ownReference(lm);
    const now = { shift: sideReading(lm, this.reference).shift, yaw };
    this.seen.push(now);
    if (this.seen.length > HISTORY) this.seen.shift();
    if (this.seen.length < this.restFrames) return null;
    const yawRest = nearestRank(this.seen.map((s) => s.yaw), 0.5, 0);
    const level = (s: { shift: number; yaw: number }) => s.shift - SHIFT_PER_YAW * (s.yaw - yawRest);
    const shiftRest = nearestRank(this.seen.map(level), 0.5, 0);
    // (no 3-frame median as offline: looking back it lagged the pout a frame more, r with the offline series .92 -> .78)
    const kept = this.filter.filter(shiftKept(level(now) - shiftRest));
    return Math.abs(kept) < SHOWN_FROM ? 0 : Math.round(kept * 1e4) / 1e4;
  }
}

/** A face's landmarks flattened and scaled to 1 between the outer eye corners (33, 263): a canonical frame in IOD. */
function ownReference(lm: Landmarks): Float64Array {
  const flat = flatten(lm);
  const iod = Math.hypot(flat[33 * 3]! - flat[263 * 3]!, flat[33 * 3 + 1]! - flat[263 * 3 + 1]!, flat[33 * 3 + 2]! - flat[263 * 3 + 2]!);
  return flat.map((v) => v / iod);
}
