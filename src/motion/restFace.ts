// The driver's rest face and rig weights from landmark measures relative to it. Pure functions,
// shared by the offline video path (fromVideo.ts) and the live webcam page (src/live), so both
// read a face the same way. (The rig-fit retargeting of the richer controls is retarget.ts.)
import type { FaceMeasures } from './measures.ts';

import { clamp01 } from '../math/smooth.ts';
import { nearestRank } from '../math/stats.ts';
import { widenCap } from '../rig/mouthPrior.ts';
export { clamp01 };

/** Nearest-rank percentile p (0..100) of a series; 0 for no values. */
export function percentile(values: ArrayLike<number>, p: number): number {
  return nearestRank(values, p / 100, 0);
}

/**
 * An eye's rest from its per-frame series (an opening, or a lid's height): open, not blinking, so the
 * larger of its first 0.2 s (median of 5 frames; frame 0 may be a blink; `first`: those frames when `values` is a
 * later window, as the live path's running rest) and its 80th percentile.
 */
export function eyeRestOf(values: number[], first: number[] = values.slice(0, 5)): number {
  return Math.max(percentile(first, 50), percentile(values, 80));
}

/** The driver's rest face (see fromVideo.ts' header: robust statistics over the clip): the scalar measures, at rest. */
export type RestFace = Pick<
  FaceMeasures,
  'lipGap' | 'mouthWidth' | 'lipThickness' | 'upperLip' | 'lowerLip' | 'cornerLiftLeft' | 'cornerLiftRight' | 'eyeLeft' | 'eyeRight' | 'browLeft' | 'browRight' | 'browInnerLeft' | 'browInnerRight'
>;

export function estimateRest(ms: FaceMeasures[]): RestFace {
  const col = (k: keyof FaceMeasures) => ms.map((m) => m[k] as number);
  // two-sided measures: the driver's first 0.2 s (median of 5 frames), as in the reference's
  // relative mode; a whole-clip median would call a grin that fills most of the clip "neutral"
  const head = ms.slice(0, 5);
  const start = (k: keyof FaceMeasures) => percentile(head.map((m) => m[k] as number), 50);
  return {
    lipGap: Math.min(start('lipGap'), percentile(col('lipGap'), 5)),
    mouthWidth: start('mouthWidth'),
    lipThickness: start('lipThickness'),
    upperLip: start('upperLip'),
    lowerLip: start('lowerLip'),
    cornerLiftLeft: start('cornerLiftLeft'),
    cornerLiftRight: start('cornerLiftRight'),
    eyeLeft: eyeRestOf(col('eyeLeft')),
    eyeRight: eyeRestOf(col('eyeRight')),
    browLeft: start('browLeft'),
    browRight: start('browRight'),
    browInnerLeft: start('browInnerLeft'),
    browInnerRight: start('browInnerRight'),
  };
}

/** An eye open to this share of its rest opening starts to blink (weight 0)... */
export const BLINK_START = 0.85;
/**
 * ...and is shut (weight 1) at this share. The face mesh never reads a shut eye as shut: at the
 * deepest frame of real blinks it reads 0.09-0.28 of the rest opening (Katie 0.09-0.26, Obama 0.09-0.25,
 * Fei-Fei 0.09-0.28, lp_d0 0.14). At 0.2 (before) a driver's blink at 0.25 arrived as 0.92 and,
 * after smoothing, 0.73-0.86: no driver blink ever closed the photo's eyes.
 */
export const BLINK_SHUT = 0.3;

/**
 * Blink weight at the driver's opening shares between BLINK_START and BLINK_SHUT (share, weight),
 * piecewise linear. A straight line (before s17) gave lp_d6 f108's real half lid (a downward look,
 * 0.67 of rest) weight 0.33, which renders 0.80 of rest read back (critic16: under-closed), while
 * the rendered opening by weight (bench/blinkCurve.ts after s17, lp_s42: w 0.5 reads 0.67, 0.7 0.53,
 * 0.8 0.29) asks for 0.5 there. Below 0.47 (lids18) the weight rises nearly as steeply as the no-snap rule
 * allows (3 per unit of opening) and then levels, to 0.77 at 0.38: the rendered opening falls off a
 * cliff between weights 0.7 and 0.85 (Fei-Fei's frame 0: 0.50 -> 0.25, lp_s42 0.53 -> 0.16) as the real
 * shut eye comes in, so a driver's lid in flight at 0.40 of rest (0.44 of its median), weight 0.82
 * on the old straight line, rendered 0.14-0.36 of our median (Katie f25, f112; bench/lidReadBack.ts).
 * A real blink's deepest frames (0.09-0.28) still map to 1.
 */
const OPENING_TO_BLINK: readonly (readonly [number, number])[] = [[BLINK_SHUT, 1], [0.38, 0.77], [0.47, 0.69], [0.67, 0.5], [BLINK_START, 0]];

/** Blink weight from an eye's opening as a share of its rest opening (OPENING_TO_BLINK). */
export function blinkFromOpening(share: number): number {
  const k = OPENING_TO_BLINK;
  if (share <= k[0]![0]) return 1;
  for (let i = 1; i < k.length; i++) {
    const [s1, w1] = k[i]!, [s0, w0] = k[i - 1]!;
    if (share <= s1) return w0 + ((share - s0) / (s1 - s0)) * (w1 - w0);
  }
  return 0;
}

/**
 * Both eyes' blink weights as a frame shows them: shared closing as `blink`, the rest per eye (a
 * wink). Real blinks close both eyes together, but the face mesh under-reads one of them when the
 * face is small or turned, so where the less closed eye reads 0.1-0.3 it is taken up toward the other
 * (below 0.1 the other eye is open, a wink), fully from 0.3, but no further than PAIRED_UP_TO: on
 * small or turned faces the readings "one eye shut, the other at 0.46-0.62 of rest" (weight .55-.70)
 * are, on the video, one eye shut and the other a narrow slit in 4 of 5 events (styletalk_Obama_clip2
 * f23-26 and f115-116, clip1 f70-72, Katie f34; clip1 f124-126: both shut), and taking it all the way
 * up made each of these a full two-eyed blink (critic18, Obama2 f26). A shared closing the mesh reads
 * in both eyes is not held back.
 * `ownTrust` (0..1, blinkPairTrust.ts): how far each eye's reading is its own (a large frontal face),
 * which keeps that much of a less closed eye as read.
 */
export function pairBlinks(left: number, right: number, ownTrust = 0): { blink: number; eyeBlinkLeft: number; eyeBlinkRight: number } {
  const low = Math.min(left, right), high = Math.max(left, right);
  const together = clamp01((low - WINK_OTHER_OPEN) / (BLINK_TOGETHER - WINK_OTHER_OPEN)) * (1 - clamp01(ownTrust));
  const target = Math.min(high, PAIRED_UP_TO);
  const up = (x: number) => (x < target ? x + together * (target - x) : x);
  const l = up(left), r = up(right);
  const blink = Math.min(l, r);
  // each eye's own part such that the renderer's fold gives back l and r (at blink .56 the sum's
  // .44 folded to .75: lp_d6's shut eye at 7.44 s showed a grey slit)
  const own = (x: number) => (blink >= 1 ? 0 : (x - blink) / (1 - blink));
  return { blink, eyeBlinkLeft: own(l), eyeBlinkRight: own(r) };
}

/** An eye's closure as the renderer folds the shared blink into its own weight (render/deform.ts frameWeights). */
export function foldBlink(blink: number, eyeBlink: number): number {
  return 1 - (1 - eyeBlink) * (1 - blink);
}
/** In a wink the other eye's blink weight stays below this... */
const WINK_OTHER_OPEN = 0.1;
/** ...and from this on the less closed eye is taken up toward the other... */
const BLINK_TOGETHER = 0.3;
/**
 * ...to at most this weight (1 before s19): a narrow slit, read back at 0.2-0.29 of the photo's
 * opening on Obama2's frame 0 and 0.3-0.5 on clip1's (the rendered opening drops off steeply from
 * weight 0.7 to 0.85, bench/blinkCurve.ts).
 */
export const PAIRED_UP_TO = 0.78;

/**
 * Rig weights from measures relative to the rest face. Scales: a lip gap of 0.6 eye-corner
 * distances is a fully open jaw; 25 % narrower/wider mouth is full pucker/stretch.
 */
export function weightsFromMeasures(m: FaceMeasures, rest: RestFace): { w: Record<string, number>; blinkLeft: number; blinkRight: number } {
  const open = clamp01((m.lipGap - rest.lipGap) / 0.6);
  const narrow = clamp01((rest.mouthWidth - m.mouthWidth) / (0.25 * rest.mouthWidth));
  const wide = clamp01((m.mouthWidth - rest.mouthWidth) / (0.25 * rest.mouthWidth));
  // a mouth drawn narrower than at rest is rounded, not smiling (the rig fit's own prior,
  // rig/mouthPrior.ts): lp_d6's "O" at 3.3 s lifted her corners and read as a 0.3 smile here
  const roundCap = widenCap(m.mouthWidth / Math.max(rest.mouthWidth, 1e-6));
  const smileL = Math.min(roundCap, clamp01((m.cornerLiftLeft - rest.cornerLiftLeft) / 0.12));
  const smileR = Math.min(roundCap, clamp01((m.cornerLiftRight - rest.cornerLiftRight) / 0.12));
  const press = clamp01((rest.lipThickness - m.lipThickness) / (0.35 * rest.lipThickness)) * (1 - clamp01(open * 5));
  const blink = (eye: number, ref: number) => blinkFromOpening(eye / Math.max(ref, 1e-6));
  const wideEye = (eye: number, ref: number) => clamp01((eye / Math.max(ref, 1e-6) - 1.15) / 0.5);
  const browUp = (b: number, ref: number) => clamp01((b / ref - 1) / 0.15);
  const browDown = (b: number, ref: number) => clamp01((1 - b / ref) / 0.12);
  const w: Record<string, number> = {
    jawOpen: open,
    mouthFunnel: narrow * clamp01(open * 4),
    mouthPucker: narrow * (1 - clamp01(open * 4)),
    mouthSmileLeft: smileL,
    mouthSmileRight: smileR,
    mouthStretchLeft: wide * (1 - smileL),
    mouthStretchRight: wide * (1 - smileR),
    mouthUpperUp: clamp01((rest.upperLip - m.upperLip) / (0.3 * rest.upperLip)),
    mouthLowerDown: clamp01((rest.lowerLip - m.lowerLip) / (0.3 * rest.lowerLip)) * clamp01(open * 4),
    mouthPress: press,
    eyeWideLeft: wideEye(m.eyeLeft, rest.eyeLeft),
    eyeWideRight: wideEye(m.eyeRight, rest.eyeRight),
    browInnerUp: (browUp(m.browInnerLeft, rest.browInnerLeft) + browUp(m.browInnerRight, rest.browInnerRight)) / 2,
    browDownLeft: browDown(m.browInnerLeft, rest.browInnerLeft),
    browDownRight: browDown(m.browInnerRight, rest.browInnerRight),
    browOuterUpLeft: browUp(m.browLeft, rest.browLeft),
    browOuterUpRight: browUp(m.browRight, rest.browRight),
  };
  return { w, blinkLeft: blink(m.eyeLeft, rest.eyeLeft), blinkRight: blink(m.eyeRight, rest.eyeRight) };
}

