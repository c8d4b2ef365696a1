// A driver's reading that grows with its head's pose (a turn, a pitch) more than with its face: fitted
// per driver, so the pose's part can be trusted less. Shared by turnTrust.ts (one-sided readings on a
// turned head) and pitchTrust.ts (frowns on a lowered head).

/** How a reading grows past a pose's dead band. */
export interface PoseGrowth {
  /** mean reading over the frames inside the dead band (at least the caller's floor) */
  level: number;
  /** its growth per degree past the dead band (>= 0) */
  perDegree: number;
}

/**
 * Ridge-regressed growth of `value[f]` against `excess[f]` (degrees past the dead band, 0 inside it),
 * relative to the level over the frames `inBand[f]`. The ridge keeps a few far frames from making a slope.
 */
export function fitPoseGrowth(excess: ArrayLike<number>, inBand: ArrayLike<boolean>, value: ArrayLike<number>, floor: number, ridge: number): PoseGrowth {
  let n0 = 0, s0 = 0;
  for (let f = 0; f < value.length; f++) if (inBand[f]) { n0++; s0 += value[f]!; }
  const level = Math.max(floor, n0 ? s0 / n0 : floor);
  let xy = 0, xx = 0;
  for (let f = 0; f < value.length; f++) {
    const x = excess[f]!;
    xy += x * (value[f]! - level); xx += x * x;
  }
  return { level, perDegree: Math.max(0, xy / (xx + ridge)) };
}

/** Share of a reading kept `excess` degrees past the dead band: the level over the level expected there. */
export function poseTrust(g: PoseGrowth, excess: number): number {
  return g.level / (g.level + g.perDegree * excess);
}
