// The video path's channels with their gaps filled and smoothed (framesFromRaw.ts): One Euro per
// channel, blink peaks and the jaw's short closures kept through it.
import type { Channels } from './channels.ts';
import { blinkPeaksKept, closuresKept, fillGaps, oneEuroZeroLag } from './filters.ts';

/** the channel of the jaw's opening, whose short closures are kept through the smoothing */
const JAW_CHANNEL = 'w.jawOpen';

/** One Euro settings (min cutoff Hz, beta) per channel: the mouth moves fast; head and gaze are smoothed harder when still. */
function smoothingFor(name: string): [number, number] {
  if (name.startsWith('w.')) return [4, 0.5];
  if (name === 'blinkL' || name === 'blinkR') return [6, 1];
  if (name === 'gx' || name === 'gy' || name === 'gv') return [2, 0.5];
  if (name === 'tx' || name === 'ty' || name === 'tz') return [1, 2];
  return [1, 0.3];
}

/**
 * Gaps filled from neighbours, then every channel smoothed; returns the most frames filled in any
 * channel. A blink keeps its depth: it lasts 3-5 frames at 25 fps and the smoothing took 15-20 % off
 * its deepest frame (1.00 -> 0.79-0.86), so a blink channel is the larger of its smoothed curve and its
 * 3-frame median, which drops single-frame flickers of the measure but keeps the deepest frame of a
 * blink of 2+ frames in either eye (blinkPeaksKept). The jaw keeps its closures the same way
 * (closuresKept): lp_d6's lips meet for 3 frames at 2.2 s and before her tall "O" at 7.5 s, and the
 * smoothing held them .07 IOD apart.
 */
export function fillAndSmooth(ch: Channels, valid: boolean[], fps: number, blinksAsMeasured = false, jawClosures = true): number {
  let interpolated = 0;
  for (const name of ch.names) interpolated = Math.max(interpolated, fillGaps(ch.get(name), valid));
  const [peaksL, peaksR] = blinkPeaksKept([ch.get('blinkL'), ch.get('blinkR')]);
  for (const name of ch.names) {
    if (blinksAsMeasured && (name === 'blinkL' || name === 'blinkR')) continue;
    const smoothed = oneEuroZeroLag(ch.get(name), fps, ...smoothingFor(name));
    if (name === 'blinkL' || name === 'blinkR') {
      const peaks = name === 'blinkL' ? peaksL : peaksR;
      for (let i = 0; i < smoothed.length; i++) smoothed[i] = Math.max(smoothed[i]!, peaks[i]!);
    }
    ch.replace(name, name === JAW_CHANNEL && jawClosures ? closuresKept(ch.get(name), smoothed) : smoothed);
  }
  return interpolated;
}
