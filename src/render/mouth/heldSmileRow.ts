// The lower teeth row under a smile the photo holds (issue #13, stacked47: critic46's lp_s1 + Obama audio f46/f55/f88/f122,
// "both rows stacked tight with a grey line between, braces at 4x").
//
// An audio motion carries no smile: the frame keeps the photo's own (rig/mouthBase.ts rebaseMouth) and the renderer reads it as
// the frame's smile (mouthParts.ts placeMouth), so a smiling photo's every speech opening was a smile's: the lower row fully
// lit and its tips standing teethRows.ts LOWER_TEETH_SHOW (.075 IOD) over the lower lip from a .14 IOD gap (softSmile.ts
// lowerSmileLit). At lp_s1's mid openings (.13-.15 IOD) the lit lower row filled what the upper row left: two white rows
// touching over a grey seam. A smile held from the photo has not drawn the lower lip down off the lower teeth; a speaker's
// mid opening shows the upper row's edge, a dark gap and at most the lower tips (Obama's own frames at the same audio).
// So the lower row takes only the smile the motion itself moves; the held part lights the upper row as before (flicker16).
// From a wide opening on (HELD_SMILE_GAP) the held smile lights the lower row again: the jaw dropped, the lower lip falls off
// the lower teeth (lp_s1's stressed syllables f17/f68 at .20 IOD kept both rows over a dark cavity, as the critic wanted them).
import { smoothstep } from '../../math/smooth.ts';
import { MOUTH_ON_PHOTO } from '../../rig/mouthBase.ts';

/** a held photo smile leaves the lower row speech's light and show (false: the held smile lights it as a live one, before s47) */
export const HELD_SMILE_LOWER_SPEECH = true;

/**
 * The share of a frame's smile that the photo holds (0..1): 1 when the frame's mouth goes on the photo's (MOUTH_ON_PHOTO) and
 * carries no smile of its own (the audio path), else 0 (a video motion's smile is the driver's).
 */
export function heldSmileShare(w: Readonly<Record<string, number | undefined>>): number {
  if (w[MOUTH_ON_PHOTO] !== 1) return 0;
  const l = w.mouthSmileLeft, r = w.mouthSmileRight;
  return typeof l === 'number' && Number.isFinite(l) || typeof r === 'number' && Number.isFinite(r) ? 0 : 1;
}

/** lip gaps (IOD) over which a held smile comes back to light the lower row in full */
export const HELD_SMILE_GAP: [number, number] = [0.14, 0.2];

/**
 * The smile's light (teethRowLight.ts smileLit, 0..1) the lower row takes at lip gap `gap` (IOD), with `held` (heldSmileShare)
 * of the smile the photo's: the held part only as the gap opens past a mid opening (HELD_SMILE_GAP).
 */
export function lowerRowSmileLit(lit: number, held: number | undefined, gap: number, on = HELD_SMILE_LOWER_SPEECH): number {
  if (!on) return lit;
  const h = Math.min(1, Math.max(0, held ?? 0));
  return lit * (1 - h * (1 - smoothstep(HELD_SMILE_GAP[0], HELD_SMILE_GAP[1], gap)));
}
