// A droopy speaker's half-lidded eyes (droopblink47, issue #14). pcavs741 (train pcavs_Audio_Source_741400104, 0-6 s)
// holds his lids half down f13-32 and blinks f9-11 and f34-37; the video path's blink pumped over the held droop and
// under-closed the second blink:
// 1. The held droop. The face mesh reads the held lids .63-.98 of rest, frame to frame +-.1, on the steep part of
//    restFace.ts blinkFromOpening (.85 -> 0, .67 -> .5): the subject's right eye went .02 (f17-21) -> .5 (f23-31), the
//    left .0 -> .4 (f24-26, pairBlinks pulling it toward the right) -> .07, a lid that moves where his hangs still.
//    Outside lid events (either eye under lidEvents' EVENT_CLOSING, and EVENT_MARGIN frames either side: blinks,
//    winks, squints are left as read) each eye's weight becomes the median of its weights over HELD_WINDOW_SECONDS
//    either side within the same stretch, in proportion as that median shows a lowered lid (DROOP_FROM..DROOP_FULL):
//    an open eye's short half blinks stay as read.
// 2. The blink through a held narrowing. f34-37 both lids are down on the video; the mesh reads one eye .22-.29 and
//    the other .30, .54, .33 on alternate frames, so heldNarrowing.ts (a 7-frame event whose more open eye's median
//    is a slit, .54) capped the blink at .55-.70 (it keeps only 2 consecutive both-shut frames). Two both-shut
//    frames at most CORE_GAP apart, the frames between them and one either side (its closing, its opening: f34, f38)
//    are a blink's core and are not capped; nor is a frame
//    whose more open eye reads open (its cap 0 opened the other, still closing eye: f39-40, .65 -> 0 -> 0 -> .57).
// Pure functions; framesFromRaw.ts calls them on the blink channels before the smoothing (DriverFitOptions.droopHeld,
// .blinkThroughNarrowing).
import { EVENT_CLOSING } from './lidEvents.ts';
import { heldNarrowingCaps, NARROW_OTHER_LEAST } from './heldNarrowing.ts';
import { nearestRank } from '../math/stats.ts';
import { clamp01 } from '../math/smooth.ts';

type Shares = readonly (readonly [number, number] | null)[];

/** Frames within this many of a lid event's frame are the event's closing / opening, left as read. */
export const EVENT_MARGIN = 2;
/** A held level is the median over this long (s) either side (a blink's closing is 2-4 frames; pcavs741's droop 20). */
export const HELD_WINDOW_SECONDS = 0.4;
/** The held median taken in full from this weight (a lowered lid)... */
export const DROOP_FULL = 0.15;
/** ...and not at all under this (an open eye, whose short half blinks stay as read). */
export const DROOP_FROM = 0.05;
/** Both eyes read under this share of rest: shut (heldNarrowing's own both-shut test; a blink's deepest .09-.36). */
export const BOTH_SHUT = NARROW_OTHER_LEAST;
/** Two both-shut frames this many frames apart or closer make one blink with the frames between (pcavs741 f35, f37). */
export const CORE_GAP = 2;

/** Per frame: inside a lid event (EVENT_CLOSING) or within EVENT_MARGIN frames of one, or without a reading. */
export function lidEventFrames(shares: Shares): boolean[] {
  const n = shares.length, out = shares.map((s) => !s);
  for (let i = 0; i < n; i++) {
    const s = shares[i];
    if (!s || Math.min(s[0], s[1]) > EVENT_CLOSING) continue;
    for (let k = Math.max(0, i - EVENT_MARGIN); k <= Math.min(n - 1, i + EVENT_MARGIN); k++) out[k] = true;
  }
  return out;
}

/** One eye's weights with each frame outside the lid events taken toward its held median (see the header, 1). */
export function heldLevels(c: ArrayLike<number>, events: readonly boolean[], fps: number): Float64Array {
  const out = Float64Array.from(c), half = Math.max(1, Math.round(HELD_WINDOW_SECONDS * fps));
  for (let i = 0; i < c.length; i++) {
    if (events[i]) continue;
    const near: number[] = [c[i]!];
    for (let k = i - 1; k >= Math.max(0, i - half) && !events[k]; k--) near.push(c[k]!);
    for (let k = i + 1; k <= Math.min(c.length - 1, i + half) && !events[k]; k++) near.push(c[k]!);
    const level = nearestRank(near, 0.5, c[i]!);
    const t = clamp01((level - DROOP_FROM) / (DROOP_FULL - DROOP_FROM));
    out[i] = c[i]! + t * (level - c[i]!);
  }
  return out;
}

/** In place, before the lid events and the smoothing: both eyes' blink weights held steady over a droop. */
export function droopHeldSteady(blinks: [Float64Array, Float64Array], shares: Shares, fps: number): void {
  const events = lidEventFrames(shares);
  for (const c of blinks) c.set(heldLevels(c, events, fps));
}

/**
 * Per frame: inside a blink's core, two both-shut frames at most CORE_GAP apart and the frames between. A lone
 * both-shut frame is not one: lp_d11 f148 reads .24/.30 as her lids come down into a held down-look (the video: lowered,
 * not shut), so it stays the narrowing's (Katie f32, .33/.33 alone inside her look-down, is a real blink and stays capped too).
 */
export function blinkCoreFrames(shares: Shares): boolean[] {
  const shut = shares.map((s) => !!s && Math.max(s[0], s[1]) < BOTH_SHUT);
  const core = new Array<boolean>(shares.length).fill(false);
  let last = -Infinity;
  for (let i = 0; i < shares.length; i++) {
    if (!shut[i]) continue;
    if (i - last <= CORE_GAP) for (let k = last; k <= i; k++) core[k] = true;
    last = i;
  }
  return core;
}

/**
 * heldNarrowing.ts heldNarrowingWithin with a blink's core left uncapped (see the header, 2): in place, each eye's
 * weight within its frame's cap; returns the caps (NaN: none) for framesFromRaw to apply again after the smoothing.
 */
export function heldNarrowingOutsideBlinks(blinks: [Float64Array, Float64Array], shares: Shares, fps: number, coreKept = true): Float64Array {
  const caps = heldNarrowingCaps(shares, fps);
  if (coreKept) {
    // a blink's core, and a frame whose other eye reads open (cap 0: the cap would open the closing eye fully; pcavs741
    // f39-40 .38/.88 and .52/.86, the subject's left eye opening slowly after the blink) are no narrowing
    const core = blinkCoreFrames(shares);
    core.forEach((c, i) => { if (c || core[i - 1] || core[i + 1] || caps[i] === 0) caps[i] = NaN; });
  }
  blinks.forEach((c) => caps.forEach((cap, i) => { if (!Number.isNaN(cap) && c[i]! > cap) c[i] = cap; }));
  return caps;
}
