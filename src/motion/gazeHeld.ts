// The gaze held through closing eyes (framesFromRaw.ts): a closing lid carries the face mesh's iris
// with it, so those frames take the gaze of the open frames around them.
import type { Channels } from './channels.ts';
import { fillGaps } from './filters.ts';

/**
 * An eye this far closed (its blink weight from the measure) hides its iris: the face mesh's iris then
 * rides with the closing lid. lp_d6's wink at 7.3-7.5 s read a gaze drop of .2 (gy .09 -> -.21) that
 * the open frames either side do not have, and on lp_s42 that lowered iris read the wink's open eye as
 * .12 of its width where the same frame without it read .19 [driver .21].
 */
export const GAZE_HIDDEN_FROM = 0.5;
const GAZE_CHANNELS = ['gx', 'gy', 'gv'];

/**
 * Frames whose gaze is read: usable, and neither eye closing past GAZE_HIDDEN_FROM. The others take
 * the gaze of the open frames around them (filled before the smoothing, like a missing face).
 */
export function gazeSeen(valid: readonly boolean[], blinkLeft: ArrayLike<number>, blinkRight: ArrayLike<number>): boolean[] {
  return valid.map((v, i) => v && Math.max(blinkLeft[i]!, blinkRight[i]!) < GAZE_HIDDEN_FROM);
}

/** In place: the gaze channels held through closing eyes (gazeSeen); unchanged where no frame's gaze is seen. */
export function gazeHeldThroughClosures(ch: Channels, valid: boolean[]): void {
  const seen = gazeSeen(valid, ch.get('blinkL'), ch.get('blinkR'));
  if (!seen.some(Boolean)) return;
  for (const name of GAZE_CHANNELS) if (ch.names.includes(name)) fillGaps(ch.get(name), seen);
}
