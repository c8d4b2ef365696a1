// s58 (photokeep58, issue #13): which frames are in speech, for the renderer (render/mouth/speechRebuild.ts): a parted
// photo's own mouth is right at rest and on held shapes, wrong for one frame in the middle of speech, where the gap only
// passes through the photo's own. "In speech" = the lip opening (the renderer's: the largest of jawOpen, mouthLowerDown,
// mouthUpperUp, mouthFunnel) spans more than a still mouth's tremor within CORE frames either side; the mark then eases
// out over EASE frames (no step from rebuilt to painted between two frames at a pause). Frames at rest get no entry
// (motions at rest render byte-identical).
import type { MotionFrame } from '../types.ts';
import { IN_SPEECH } from '../render/mouth/speechRebuild.ts';

export const speechMarkSetting = {
  /** mark the frames in speech (off: no `inSpeech` entries, the photo's mouth kept near its own gap as before) */
  on: true,
  /** frames either side over which the opening's span is read (at 25 fps, .08 s: a syllable's rise or fall) */
  core: 2,
  /** frames over which the mark eases out beside a moving stretch */
  ease: 3,
  /** the opening's span (weight) a still mouth's tremor stays under (video drivers' still mouths: .01-.03), and the span marked whole */
  still: 0.04,
  moving: 0.1,
};

/** The lip opening a frame's weights ask for (as render/mouthParts.ts reads it). */
export function openingOf(w: Record<string, number>): number {
  return Math.max(w.jawOpen ?? 0, w.mouthLowerDown ?? 0, w.mouthUpperUp ?? 0, w.mouthFunnel ?? 0);
}

/** Per frame, 0..1: how surely the mouth is moving in speech, from the opening series (pure). */
export function speechMarks(opening: ArrayLike<number>, s = speechMarkSetting): Float64Array {
  const n = opening.length, raw = new Float64Array(n), out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let lo = Infinity, hi = -Infinity;
    for (let j = Math.max(0, i - s.core); j <= Math.min(n - 1, i + s.core); j++) { lo = Math.min(lo, opening[j]!); hi = Math.max(hi, opening[j]!); }
    const t = Math.min(1, Math.max(0, (hi - lo - s.still) / (s.moving - s.still)));
    raw[i] = t * t * (3 - 2 * t);
  }
  // eased out: a frame takes the strongest mark near it, less by distance (1 at its own, 0 at ease + 1 away)
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let j = Math.max(0, i - s.ease); j <= Math.min(n - 1, i + s.ease); j++) m = Math.max(m, raw[j]! * (1 - Math.abs(j - i) / (s.ease + 1)));
    out[i] = m;
  }
  return out;
}

/** In place: each frame in speech carries `inSpeech` (rounded to .01); none where it is 0 or the setting is off. */
export function markSpeech(frames: MotionFrame[], s = speechMarkSetting): void {
  if (!s.on) return;
  const marks = speechMarks(frames.map((f) => openingOf(f.w)), s);
  frames.forEach((f, i) => {
    const m = Math.round(marks[i]! * 100) / 100;
    if (m > 0) f.w[IN_SPEECH] = m;
  });
}
