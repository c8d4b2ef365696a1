// The brows' shape in the head frame, per side: the inner head's height over the eye's inner
// corner, the outer tail's over the outer corner, and the gap between the two inner heads. The fit
// reads a knit with raised inner heads (a worried / earnest brow: frontalis medial and corrugator
// together) as a frown: pcavs741 f90-100 read browDownLeft .38 with browInnerUp ~0 (critic46), and
// browDrop.ts browHeights (inner head and middle averaged) let the frown through, the middle coming
// down as the inner head went up. browKnit.ts decides the brows from these heights instead.

/** Per side (subject's left, then right): eye corners [inner, outer], the brow's inner head and outer tail (upper and lower contour). */
const SIDES = [
  { inEye: 362, outEye: 263, inner: [336, 285, 296, 295], outer: [300, 276, 293, 283] },
  { inEye: 133, outEye: 33, inner: [107, 55, 66, 65], outer: [70, 46, 63, 53] },
];
/** The inner heads' points whose x gap is the knit (lower contour's inner ends). */
const GAP = [285, 55] as const;

/** One frame's brows (canonical units, y up = positive heights). */
export interface BrowShape {
  /** inner head height over the inner eye corner, [left, right] */
  inner: [number, number];
  /** outer tail height over the outer eye corner, [left, right] */
  outer: [number, number];
  /** x distance between the inner heads */
  gap: number;
}

/** The brow shape of canonical (head-frame) landmarks (flat x, y, z; y down). */
export function browShapeOf(canonical: ArrayLike<number>): BrowShape {
  const y = (i: number) => canonical[i * 3 + 1]!;
  const mean = (ids: number[]) => ids.reduce((s, i) => s + y(i), 0) / ids.length;
  const inner = SIDES.map((s) => y(s.inEye) - mean(s.inner)) as [number, number];
  const outer = SIDES.map((s) => y(s.outEye) - mean(s.outer)) as [number, number];
  return { inner, outer, gap: Math.abs(canonical[GAP[0] * 3]! - canonical[GAP[1] * 3]!) };
}
