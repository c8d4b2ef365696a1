// s57 (heldshade57, issue #14): the frames heldLids.ts capped are a driver's held half lids, not a blink in flight; the
// renderer shades the eyeball under such a lid lighter (render/closedEye/heldShade.ts). This carries that knowledge to
// it: each video frame's weights get `heldLid` (HELD_LID), 1 on a capped frame, easing in from 0 over the first and
// last EASE_FRAMES frames of a held stretch (no step in the eye's shade between two frames), absent elsewhere (motions
// without held lids render byte-identical). The ease lies inside the stretch, not on the frames beside it: those are
// a blink's closing and opening (heldLidCaps leaves them uncapped), which keep their shade. A stretch that runs to the
// clip's first or last frame has no ease there. Both eyes: heldLidCaps caps the pair.
import type { MotionFrame } from '../types.ts';
import { HELD_LID } from '../render/closedEye/heldShade.ts';

/** Frames over which the mark eases in at either end of a held stretch inside the clip (at 25 fps, .08 s). */
export const EASE_FRAMES = 2;

/** Per frame, the held mark (0..1) from heldLidCaps' caps (NaN: not capped): 1 capped, less within EASE_FRAMES of an uncapped frame. */
export function heldLidMarks(caps: ArrayLike<number>, ease = EASE_FRAMES): Float64Array {
  const n = caps.length, out = new Float64Array(n);
  // frames to the nearest uncapped frame before / after (Infinity: none in the clip)
  const before = new Float64Array(n), after = new Float64Array(n);
  for (let i = 0; i < n; i++) before[i] = Number.isNaN(caps[i]!) ? 0 : i > 0 ? before[i - 1]! + 1 : Infinity;
  for (let i = n - 1; i >= 0; i--) after[i] = Number.isNaN(caps[i]!) ? 0 : i < n - 1 ? after[i + 1]! + 1 : Infinity;
  for (let i = 0; i < n; i++) out[i] = Math.min(1, Math.min(before[i]!, after[i]!) / (ease + 1));
  return out;
}

/** In place: each frame's weights carry its mark (rounded to .01), none where it is 0. */
export function markHeldLids(frames: MotionFrame[], caps: ArrayLike<number>): void {
  const marks = heldLidMarks(caps);
  frames.forEach((f, i) => {
    const m = Math.round((marks[i] ?? 0) * 100) / 100;
    if (m > 0) f.w[HELD_LID] = m;
  });
}
