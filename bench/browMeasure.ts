// Brow measures shared by the brow benches (browGain.ts, browProbe.ts).

/** Brow height over the upper lids (inner and middle brow points), in eye-corner distances. */
export const browHeight = (l: ArrayLike<ArrayLike<number>>) => {
  const iod = Math.hypot(l[263]![0]! - l[33]![0]!, l[263]![1]! - l[33]![1]!);
  return ([159, 386].reduce((s, i) => s + l[i]![1]!, 0) / 2 - [105, 334, 66, 296].reduce((s, i) => s + l[i]![1]!, 0) / 4) / iod;
};
/** The fitted raise: (inner + mean outer) / 2. */
export const browRaise = (w: Record<string, number>) => (w.browInnerUp! + (w.browOuterUpLeft! + w.browOuterUpRight!) / 2) / 2;
/** The fitted frown: mean of both browDown. */
export const browFrown = (w: Record<string, number>) => (w.browDownLeft! + w.browDownRight!) / 2;

/** browHeight in the head's own frame (pose and scale removed by the rig fit's similarity): a nod moves the projected brows over the lids without any frown. */
export const browHeightHead = (canonical: ArrayLike<number>) => {
  const pts = Array.from({ length: canonical.length / 3 }, (_, i) => [canonical[i * 3]!, canonical[i * 3 + 1]!]);
  return browHeight(pts);
};
