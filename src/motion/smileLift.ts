// How much of a flat-start driver's smile its corners really show (issue #13/#14, grin32: the Mona Lisa grins at
// lp_d11's "eh"/"oh").
//
// The rig fit reads some faces' wide talking vowels as smiles: lp_d11's rise .5-.7 over her start at f58 / f98 / f128
// while her mouth corners stay near the lips' middle. No single frame's cue separates those vowels from Katie's talking
// smiles (stare32), but the clip's corners do, per driver: over the frames whose smile rises past SMILE_DEPARTURE over
// its start, the lower corners' lift over the lips' middle (min of the two sides, IOD; bench/smileCues.ts) has median
// lp_d11 .018, lp_d6 -.021 (a grimace, corners down), against the real smilers lp_d0 .067, Katie .035, lp_d10 .030.
// A smile turns both corners up past the middle by about as much as a smiling start shows (SMILE_CORNER_LIFT), so a
// driver whose rising smiles lift the corners less than that had its smile read beyond what the clip shows: its rise
// over the start is scaled by its median lift over that (rig/mouthBase.ts keepPhotoSmile). Only for a start whose
// corners are not up (flatStartBias): a start that looks like a smile (Katie, lp_d10, lp_d14) carries no scale.
import type { FaceMeasures } from './measures.ts';
import type { MotionFrame } from '../types.ts';
import { percentile } from './restFace.ts';
import { flatStartBias, SMILE_LIFT_SCALE, START_CORNER_LIFT } from '../rig/startLook.ts';
import { SMILE_AT_START, SMILE_DEPARTURE } from '../rig/mouthBase.ts';

/** A smile's corner lift over the lips' middle (IOD): the smiling starts' median (Katie +.032, mt_sun +.030, lp_d10 +.026, lp_d14 +.069). */
export const SMILE_CORNER_LIFT = 0.03;

/** Fewer rising frames than this: too few to say, no scale (a clip that never smiles has nothing to scale). */
const MIN_RISING = 5;

/**
 * The share (0..1) of a clip's smile rises its corners show: the median lower-corner lift (min of sides) over the
 * frames whose smile rises more than SMILE_DEPARTURE over its start, over SMILE_CORNER_LIFT. `rises[i]`: frame i's
 * larger side's smile over its start; `lifts[i]`: its corner lift, NaN where the frame has no face.
 */
export function smileLiftScale(rises: ArrayLike<number>, lifts: ArrayLike<number>): number {
  const rising: number[] = [];
  for (let i = 0; i < rises.length; i++) if (rises[i]! > SMILE_DEPARTURE && Number.isFinite(lifts[i]!)) rising.push(lifts[i]!);
  if (rising.length < MIN_RISING) return 1;
  return Math.min(1, Math.max(0, percentile(rising, 50) / SMILE_CORNER_LIFT));
}

/** In place: every frame of a flat-start driver (flatStartBias) carries its clip's SMILE_LIFT_SCALE. `measures[i]`: frame i's, null where unusable. */
export function markSmileLiftScale(frames: MotionFrame[], measures: (FaceMeasures | null)[]): void {
  if (!frames.length || !flatStartBias(frames[0]!.w[START_CORNER_LIFT]) || frames[0]!.w[SMILE_AT_START[0]] === undefined) return;
  const rises = frames.map((f) => Math.max(...(['Left', 'Right'] as const).map((s, k) => (f.w[`mouthSmile${s}`] ?? 0) - f.w[SMILE_AT_START[k]!]!)));
  const lifts = frames.map((_f, i) => { const m = measures[i]; return m ? Math.min(m.cornerLiftLeft, m.cornerLiftRight) : NaN; });
  const scale = smileLiftScale(rises, lifts);
  if (scale >= 1) return; // the whole rise: leave the frames as they were
  for (const f of frames) f.w[SMILE_LIFT_SCALE] = scale;
}
