// The driver's rest lip gap from the frames whose lips read sealed (issue #13, s54 open54; proposed by s53 slitgap53).
// restFace.ts takes the rest gap as min(first 5 frames, 5th percentile): a driver who starts talking at once and parts her
// lips on most frames (lp_d10: 373 frames, p5 .045 IOD) gets a rest that is itself an opening, and every frame's jawOpen
// (gap over the rest) loses it: lp_s7 <- lp_d10's target stood at .65 of her gap. Her 16 frames read sealed
// (sealedClose.ts: the lips' columns shut, no teeth) stand .017 apart in the mesh: that is her lips at rest. The rest is
// the smaller of the two; a clip with few sealed frames keeps the percentile.
import type { RawFaceFrame } from './faceTracker.ts';
import { sealedWeight } from './sealedClose.ts';
import { sortedMedian } from '../math/stats.ts';

export const sealedRestSetting = {
  /** the rest gap is at most the sealed frames' median gap (false: restFace.ts's percentile alone, as before s54) */
  on: true,
  /** frames read fully sealed (sealedWeight at least this) */
  sealed: 0.99,
  /** the median needs this many of them (Katie reads 3 at 25 fps / 2 at 10, eamm_M030 3: too few to stand for the clip;
   *  lp_d10 16 / 7) */
  minFrames: 5,
  /** and must stand this far under the percentile's rest (IOD; the mesh's gap wanders ~.005 on shut lips: klob's sealed .01219
   *  against its rest .01219 would move every frame by 4e-7 for nothing) */
  margin: 0.005,
};

/** The median mesh lip gap (IOD) of the frames read sealed, or null when off or fewer than minFrames read sealed. */
export function sealedRestGap(frames: readonly (Pick<RawFaceFrame, 'm' | 'sealed' | 'teethShare'> | null | undefined)[], s = sealedRestSetting): number | null {
  if (!s.on) return null;
  const gaps: number[] = [];
  for (const r of frames) if (r && (sealedWeight(r.sealed, r.teethShare) ?? 0) >= s.sealed && Number.isFinite(r.m.lipGap)) gaps.push(r.m.lipGap);
  if (gaps.length < s.minFrames) return null;
  return sortedMedian(gaps);
}

/** The rest gap: restFace.ts's, or the sealed frames' median when that is smaller by more than the margin. */
export function restGapWithSealed(restGap: number, sealedGap: number | null, margin = sealedRestSetting.margin): number {
  return sealedGap !== null && sealedGap < restGap - margin ? sealedGap : restGap;
}
