// The audio mouth's shape channels after the lip model (issue #13: "every opening is the same
// smiling lens"). The two stretch curves come apart (Obama 2 at 0.68 s: 0.28 / 0.49), the training
// speakers' own one-sided habits; speech alone says nothing of a side, and on the photo one corner
// pulled out into a lopsided grin. Both take their mean.
// The lip model speaks the teacher's units (motion/restFace.ts: stretch 1 = the mouth 25 % wider than
// at rest); the rig's full stretch on both sides widens it 34 % (rig/basis/mouth.ts, measured on the
// mean face: test/lipShapes), so the curve is scaled to the rig's unit: a loud "ah" came out wider per
// lip gap than the real speaker's (read back: Obama width/gap 4.59 vs real 4.31, Katie 5.07 vs 4.53).
// The jaw's peaks: on the speakers it never heard the model's openings rise too little (a
// regression's peaks; Obama's loudest "ah" 0.29 where his own face reads ~0.5), so the part above
// 0.15 is raised by 0.3 of its height: speaker-held-out jawOpen r 0.5070 -> 0.5125 (up on 23 of 31
// speakers), loud frames nearly shut and the real closures shut unchanged (bench/lipPeaks.ts, fold
// models of seed 1). +0.5 above 0.2 scored 0.5153 there but lowered the rendered r of Katie and
// held-out Obama more (eval --mode audio; docs/lipsync/README.md, audio2); a convex power map shut
// more closures but also 15-17 % of the loud frames (real 14.9 %).
// (Tried: handing the lower lip's own drop, mouthLowerDown 0.6-0.7 at loud vowels, to the jaw so the
// lower teeth would drop with the lip: the rendered lower row showed the same, render/mouth keeps it
// under the lip by its own rule, and the read-back gap fell 0.174-0.166 -> 0.160-0.166; not kept.)

/** the teacher's widening at stretch 1 (restFace.ts: (width - rest) / (0.25 rest)) */
export const TEACHER_STRETCH_WIDENING = 0.25;
/** the rig's widening with both stretches at 1 (mouth corner distance over the neutral's, less 1) */
export const RIG_STRETCH_WIDENING = 0.338;

/** One frame's rig stretch (both sides) from the model's two stretch curves, in the teacher's unit. */
export function audioStretch(left: number, right: number): number {
  return ((left + right) / 2) * (TEACHER_STRETCH_WIDENING / RIG_STRETCH_WIDENING);
}

/** jawOpen from which the peaks are raised, and by what share of their height above it */
export const JAW_PEAK_FROM = 0.15, JAW_PEAK_GAIN = 0.3;

/** One frame's jawOpen with its peak raised (the identity up to JAW_PEAK_FROM), at most 1. */
export function audioJaw(jaw: number): number {
  return Math.min(1, jaw + JAW_PEAK_GAIN * Math.max(0, jaw - JAW_PEAK_FROM));
}

/** In place on post-processed curves (targets in `targets` order): both stretches one value (audioStretch), the jaw's peaks raised (audioJaw). */
export function shapeAudioMouth(curves: Float64Array[], targets: readonly string[]): void {
  const jaw = curves[targets.indexOf('jawOpen')];
  if (jaw) for (let i = 0; i < jaw.length; i++) jaw[i] = audioJaw(jaw[i]!);
  const left = curves[targets.indexOf('mouthStretchLeft')], right = curves[targets.indexOf('mouthStretchRight')];
  if (!left || !right) return;
  for (let i = 0; i < left.length; i++) left[i] = right[i] = audioStretch(left[i]!, right[i]!);
}
