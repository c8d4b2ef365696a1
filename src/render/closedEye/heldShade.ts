// s57 (heldshade57, issue #14): a held half lid is not shaded as a blink in flight. The mid-blink passes over the
// eyeball under a lowering lid (lidShadow.ts's shadow and narrow slit, slitHighlight.ts's ceiling, underLidShade.ts's
// shade, and paintedWhite.ts's copies of them) come in by blink completion alone, whole by .6-.75: made for a lid
// passing down in a frame or two. A driver who holds his lids half down for seconds (christie f0-15: hooded, looking
// down, the far eye's iris showing .8-1.2 of open; heldLids.ts caps his closure at .53-.62) got the same shade, and
// lp_s42 showed .12-.20 of its eye — a dark slit where the driver shows an iris in the lid's light shade.
// The motion marks those frames (motion/heldLidMarks.ts: `heldLid` in the frame's weights, 1 on the frames heldLids.ts
// capped, easing out over a few frames either side); here the passes' strengths are scaled toward HELD keep on them.
// A closing lid past HELD_UNTIL[0] (a blink that starts inside a held stretch) takes its whole shade back by HELD_UNTIL[1]:
// a blink's last third renders as before, whatever the mark.

/** The motion frame's entry (its `w`, 0..1) that marks a held lid (motion/heldLidMarks.ts). Absent: 0, as before s57. */
export const HELD_LID = 'heldLid';

/**
 * on: the mid-blink passes keep `keep` of their strength on a held frame (mark 1); off: as before s57.
 * keep .35: lp_s42 <- christie f0-15 (closure .53-.62) shows about the driver's share of its eye (docs/eyes/sessions/s57-heldshade57.md).
 */
export const heldLidShadeSetting = { on: true, keep: 0.35 };

/** Blink completion over which a held frame's lighter shade goes back to the whole (a blink starting inside a held stretch). */
const HELD_UNTIL = [0.65, 0.8] as const;

/** The frame's held mark from its weights (0..1; 0 where absent or not a number). */
export function heldLidOf(w: Readonly<Record<string, number>>): number {
  const v = w[HELD_LID];
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}

/** The share of the mid-blink passes' strength kept at blink completion c on a frame marked `held` (exactly 1 unmarked). */
export function heldShadeKeep(held: number, c: number): number {
  if (!heldLidShadeSetting.on || !(held > 0)) return 1;
  const t = Math.min(1, Math.max(0, (c - HELD_UNTIL[0]) / (HELD_UNTIL[1] - HELD_UNTIL[0])));
  const inFlight = t * t * (3 - 2 * t);
  return 1 - held * (1 - heldLidShadeSetting.keep) * (1 - inFlight);
}
