// The tongue's place in an opening: how far it grows to fill a wide one (tongueFillGrow) and how far it
// sinks in a speech opening whose lower lip hangs under the jaw's anchor (tongueSink; gated by tongueGate.ts).
import { smoothstep } from '../../math/smooth.ts';
import type { MouthPlacement } from './frameLight.ts';

/** the tongue's place: TONGUE_RAISE iod over the jaw's anchor, following the jaw set (jawFollow) by TONGUE_FOLLOW (interior.ts) */
export const TONGUE_RAISE = 0.03, TONGUE_FOLLOW = 0.5;


/** Output px the lower lip's inner line lies under the jaw's anchor, along the face's vertical; null without the lip's line. */
export function lipUnderAnchor(p: MouthPlacement): number | null {
  if (p.lowerLipX === undefined || p.lowerLipY === undefined) return null;
  return (p.lowerLipX - p.lowerX) * -p.sin + (p.lowerLipY - p.lowerY) * p.cos;
}

/**
 * How far (output px) the tongue's top (`top` layer px over its anchor, grown by `grow`, at TONGUE_RAISE over the
 * jaw's anchor, following the jaw set by TONGUE_FOLLOW) and the lower row's tips (`tips` layer px, the row dropped
 * by `drop` and `follow` output px) stand over the lower lip's inner line: what tongueSink and tongueGate.ts
 * stillSink hold the tongue under. Null without the layers or the lip's line.
 */
export function tongueAndTipsOverLip(p: MouthPlacement, top: number | null, tips: number | null, grow: number, follow: number, drop: number): { tongueOver: number; tipsOver: number; lipUnder: number } | null {
  const lipUnder = lipUnderAnchor(p);
  if (top === null || tips === null || lipUnder === null) return null;
  return {
    tongueOver: top * p.scale * grow + TONGUE_RAISE * p.unit - TONGUE_FOLLOW * follow + lipUnder,
    tipsOver: tips * p.scale - drop - follow + lipUnder,
    lipUnder,
  };
}

/**
 * The tongue's growth (vertical scale) that brings its top TONGUE_FILL of the opening over the
 * lower lip: a wide-open mouth shows the lit top of the tongue over its lower half (lp_d6 driving
 * lp_s42: the real tongue and lower row; ours was a dark-red band with the tongue a strip at the
 * bottom). interior.ts places the tongue TONGUE_DROP over the jaw's anchor, following the jaw set half as far.
 */
export function tongueFillGrow(p: MouthPlacement, top: number | null, follow: number): number {
  return Math.max(1, growToStand(p, top, follow, TONGUE_FILL) ?? 1);
}

/** The growth that stands the tongue's top `share` of the lip gap over the lower lip's inner line (any size); null without the layer or the lip's line. */
export function growToStand(p: MouthPlacement, top: number | null, follow: number, share: number): number | null {
  const lipUnder = lipUnderAnchor(p);
  if (top === null || top <= 0 || lipUnder === null) return null;
  const want = lipUnder - share * p.gap * p.unit + TONGUE_RAISE * p.unit - TONGUE_FOLLOW * follow;
  return -want / (top * p.scale);
}
/** wide open: the tongue's top stands this share of the lip gap over the lower lip */
const TONGUE_FILL = 0.45;

/**
 * Output pixels the tongue goes down so that its top (grown by `grow`, at TONGUE_RAISE over the jaw's
 * anchor, following the jaw set by TONGUE_FOLLOW) stands no more than TONGUE_SPEECH_FILL of the lip gap
 * over the lower lip's inner line, or TONGUE_OVER_TIPS over the lower row's tips (`tips` layer px over
 * the anchor, the row dropped by `drop` and `follow` output px) where those stand higher. In a speech
 * opening whose lower lip hangs under the jaw's anchor (mt_man: 0.014-0.046 IOD, a full lower lip and
 * mouthLowerDown) the jaw set follows the lip to hide the lower row and the tongue only half as far:
 * its top stood 0.12-0.17 IOD (0.73-1.0 of the gap) over the lower lip with the lower row's tips 0.02
 * over it, one pink surface from the lip up to the upper teeth (critic25's "glossy pink blob", issue
 * #13). Fades out over a wide opening (`wide`), where tongueFillGrow grows it to fill the lower part,
 * and comes in as the lip hangs under the anchor (LIP_HANG).
 */
export function tongueSink(p: MouthPlacement, top: number | null, tips: number | null, grow: number, follow: number, drop: number, wide: number): number {
  const over = tongueAndTipsOverLip(p, top, tips, grow, follow, drop);
  if (over === null) return 0;
  const { tongueOver, tipsOver, lipUnder } = over;
  const allowed = Math.max(TONGUE_SPEECH_FILL * p.gap * p.unit, tipsOver + TONGUE_OVER_TIPS * p.unit);
  // (only as far as the lip hangs under the anchor: a plain jawOpen keeps its tongue at ~0.65 of the
  // gap, lp_s0's lit lower part, test/mouthCrescent)
  return Math.max(0, tongueOver - allowed) * (1 - wide) * smoothstep(0, LIP_HANG * p.unit, lipUnder);
}

/** a speech opening's tongue top stands at most this share of the lip gap over the lower lip (tongueSink; a plain jawOpen's stands ~0.45-0.5 of it: lp_s0, lp_s42) ... */
const TONGUE_SPEECH_FILL = 0.5;
/** ... or this far (iod) over the lower row's tips, where they stand higher */
const TONGUE_OVER_TIPS = 0.035;
/** how far (iod) the lower lip hangs under the jaw's anchor for the whole sink (mt_man's loud frames: 0.025-0.046) */
const LIP_HANG = 0.03;
