// s57 (heldshade57, issue #14): the frames heldLids.ts capped are a driver's held half lids, not a blink in flight; the
// renderer shades the eyeball under such a lid lighter (render/closedEye/heldShade.ts). This carries that knowledge to
// it: each video frame's weights get `heldLid` (HELD_LID), 1 on a capped frame, easing in from 0 over the first and
// last EASE_FRAMES frames of a held stretch (no step in the eye's shade between two frames), absent elsewhere (motions
// without held lids render byte-identical). The ease lies inside the stretch, not on the frames beside it: those are
// a blink's closing and opening (heldLidCaps leaves them uncapped), which keep their shade. A stretch that runs to the
// clip's first or last frame has no ease there. Both eyes: heldLidCaps caps the pair.
// Only where the driver's pixels show an iris under the held lid (irisShownFrames): stewart f25-27 (shares .31-.53, both
// irises .27-.47 of open: a slow half blink or a squint heldLidCaps capped at .59-.62) keeps its dark slit; christie
// f0-34 (the far eye's iris .83-1.16) and noem f55-58 (.84-1.37) are marked.
import type { MotionFrame } from '../types.ts';
import { HELD_LID } from '../render/closedEye/heldShade.ts';
import { IRIS_SEEN } from './heldLids.ts';
import { irisShowShares } from './irisShowShares.ts';
import { eyeSharesOf } from './blinkPairTrust.ts';
import type { RawFaceFrame } from './fromVideo.ts';

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

/**
 * Per frame: either eye's iris shows IRIS_SEEN (.75) of its open median or more (irisShowShares.ts), or there is no
 * reading to say otherwise; a lone frame between two shown is shown (the mesh's noise, as heldLids.ts irisSeenFrames).
 */
export function irisShownFrames(raw: readonly (RawFaceFrame | null)[], valid: readonly boolean[], rest: { eyeLeft: number; eyeRight: number }): boolean[] {
  const own = raw.map((r, i) => (valid[i] && r ? eyeSharesOf(r.m, rest) : null));
  const rel = irisShowShares(raw.map((r, i) => (valid[i] ? r?.irisShow : null)), own);
  const shown = rel.map((r) => { const v = r ? Math.max(r[0], r[1]) : NaN; return !Number.isFinite(v) || v >= IRIS_SEEN; });
  return shown.map((v, i) => v || (i > 0 && i + 1 < shown.length && shown[i - 1]! && shown[i + 1]!));
}

/** In place: each frame's weights carry its mark (rounded to .01), none where it is 0; `shown` (irisShownFrames): only there. */
export function markHeldLids(frames: MotionFrame[], caps: ArrayLike<number>, shown?: readonly boolean[]): void {
  const marks = heldLidMarks(shown ? Array.from(caps, (c, i) => (shown[i] === false ? NaN : c)) : caps);
  frames.forEach((f, i) => {
    const m = Math.round((marks[i] ?? 0) * 100) / 100;
    if (m > 0) f.w[HELD_LID] = m;
  });
}
