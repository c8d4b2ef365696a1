// Two lid events the per-frame blink measure gets wrong, read over their frames (eyes28, issue #14).
// 1. A wink the face mesh reads as a two-eye squint at its edges: it pulls the two eyes' readings
//    together, so Katie's f23-26 (her right eye shut or a dark slit on all four frames, the left a slit
//    with the iris showing on the video) reads .53/.48, .17/.34, .38/.41, .46/.54 of rest: one-eyed only
//    at f24. It is a blink whose left eye stops short (both lids drop together from open at f22 and are
//    back to half by f27), not a wink with the other eye open; held as one (winkhold51), the two eyes
//    render as the video shows them: right shut, left a slit.
// 2. A held narrowing read as a held blink: lp_d14's eyes at 4.4-6.8 s (looking down in a laugh) read
//    shut and slit on alternate frames (.19, .49, .16, .48 of rest; the video shows the same flicker),
//    and the blink peaks kept (filters.ts blinkPeaksKept, a 3-frame median) turned all of it shut;
//    since eyes30 it is rendered frame by frame as read (heldClosuresRead).
import { BLINK_SHUT, blinkFromOpening } from './restFace.ts';

/** An event: a run of frames where the more closed eye reads at most this share of its rest opening. */
export const EVENT_CLOSING = 0.55;
/** A wink's shut eye reads this deep at the event's deepest frame (Katie f24 .17; winkb20's SHUT_READ_DEEP)... */
export const WINK_DEEP = 0.2;

type Shares = readonly (readonly [number, number] | null)[];

/** Runs [start, end] of frames with a reading where `inside` holds. */
function runs(n: number, has: (i: number) => boolean, inside: (i: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let a = 0; a < n; a++) {
    if (!has(a) || !inside(a)) continue;
    let b = a;
    while (b + 1 < n && has(b + 1) && inside(b + 1)) b++;
    out.push([a, b]);
    a = b;
  }
  return out;
}

/**
 * ...on at least two frames of the event reads this closed (Katie f24 .17, f25 .38); a one-frame one-sided dip is a
 * fast blink with one eye lagging (lp_d14 f237 .17/.39, both eyes open again at f238, which reads .55/.59)...
 */
export const WINK_CLOSING = 0.42;
/** ...and its hold reaches this many frames either side of the deepest... */
export const WINK_REACH = 2;
/** ...on frames where the mesh reads the two eyes alike (the shut eye at least this share of the other's reading: Katie f23 1.1, f25 .93, f26 .85). */
export const PULLED_TOGETHER = 0.8;

/**
 * Per eye, each frame's opening share as a wink holds it: in an event whose deepest frame has one eye
 * read at most WINK_DEEP (and at most WINK_CLOSING on another frame) while the other never reads shut
 * (above BLINK_SHUT over the event and the frame either side: a real blink closes both), the shut eye reads at most the other eye's reading
 * scaled by their ratio at the deepest frame, on the frames within WINK_REACH of it where the mesh
 * pulled the two readings together (PULLED_TOGETHER). Where it reads them apart it is believed (lp_d11
 * f147 .35/.70: a narrowed eye on the video, not shut). After the deepest frame the hold ends at the
 * first frame where the shut eye reads as open as the other (it has opened: Katie f173 .47/.47). The
 * other eye is left as read.
 */
export function winkHeldShares(shares: Shares): Shares {
  const out = shares.map((s) => (s ? ([s[0], s[1]] as [number, number]) : null));
  const n = shares.length;
  const least = (i: number) => Math.min(shares[i]![0], shares[i]![1]);
  for (const [a, b] of runs(n, (i) => !!shares[i], (i) => least(i) <= EVENT_CLOSING)) {
    let deep = a;
    for (let i = a; i <= b; i++) if (least(i) < least(deep)) deep = i;
    const e = shares[deep]![0] <= shares[deep]![1] ? 0 : 1, o = 1 - e;
    if (shares[deep]![e] > WINK_DEEP) continue;
    let otherLeast = Infinity;
    for (let i = Math.max(0, a - 1); i <= Math.min(n - 1, b + 1); i++) if (shares[i]) otherLeast = Math.min(otherLeast, shares[i]![o]);
    if (otherLeast <= BLINK_SHUT) continue;
    let closing = 0;
    for (let i = a; i <= b; i++) if (shares[i]![e] <= WINK_CLOSING) closing++;
    if (closing < 2) continue;
    const ratio = shares[deep]![e] / shares[deep]![o];
    for (let i = Math.max(a, deep - WINK_REACH); i <= Math.min(b, deep + WINK_REACH); i++) {
      const [own, other] = [shares[i]![e], shares[i]![o]];
      if (i > deep && own >= other) break;
      if (own >= PULLED_TOGETHER * other) out[i]![e] = Math.min(own, other * ratio);
    }
  }
  return out;
}

/** A run of closing frames lasting this long (seconds) is held, not a blink (a blink's closing lasts 3-5 frames at 25 fps)... */
export const HELD_SECONDS = 0.4;
/** ...where closing is a blink weight of at least this. */
export const HELD_CLOSING = 0.5;

/** One eye's frames inside a held closure: a run of at least HELD_SECONDS of frames closing HELD_CLOSING or more. */
export function heldClosureFrames(blink: ArrayLike<number>, valid: readonly boolean[], fps: number): boolean[] {
  const held = new Array<boolean>(blink.length).fill(false);
  const minLength = Math.round(HELD_SECONDS * fps);
  for (const [a, b] of runs(blink.length, (i) => valid[i]!, (i) => blink[i]! >= HELD_CLOSING)) {
    if (b - a + 1 >= minLength) for (let i = a; i <= b; i++) held[i] = true;
  }
  return held;
}

/**
 * Each eye's blink weights inside its held closures, as read frame by frame (NaN outside them), to be put
 * back after the smoothing (heldClosuresAsRead). A held narrowing that the video shows shut and slit on
 * alternate frames (lp_d14 4.4-6.8 s, looking down in a laugh: f119-f121 .45 .16 .49 of rest, f164-f166
 * .48 .15 .51) is rendered the same, frame by frame. The blink's 3-frame median (filters.ts blinkPeaksKept)
 * turned every slit there shut (critic27: f121 shut where the video shows a slit); eyes28's rule, a median
 * that only opens, turned every shut frame between two slits into a slit, so the one-frame blink at f165
 * rendered as a slit held over f164-f166 with the white showing (critic28).
 */
export function heldClosuresRead(blinks: [Float64Array, Float64Array], valid: readonly boolean[], fps: number): [Float64Array, Float64Array] {
  return blinks.map((c) => {
    const held = heldClosureFrames(c, valid, fps);
    return Float64Array.from(c, (v, i) => (held[i] ? v : NaN));
  }) as [Float64Array, Float64Array];
}

/** In place, after the smoothing: each eye's held closure frames set back to their reading (heldClosuresRead). */
export function heldClosuresAsRead(blinks: [Float64Array, Float64Array], read: [Float64Array, Float64Array]): void {
  blinks.forEach((c, e) => read[e]!.forEach((v, i) => { if (!Number.isNaN(v)) c[i] = v; }));
}

/**
 * In place, the two eyes' blink channels (subject's left, right; their measured weights, before any
 * smoothing) with a wink's shut eye held shut (winkHeldShares); returns each eye's held closures as read
 * (heldClosuresRead) for heldClosuresAsRead after the smoothing. `shares`: each frame's opening shares
 * of rest, null where the frame has no usable face.
 */
export function lidEventsRead(blinks: [Float64Array, Float64Array], shares: Shares, valid: readonly boolean[], fps: number): [Float64Array, Float64Array] {
  const held = winkHeldShares(shares);
  blinks.forEach((c, e) => {
    for (let i = 0; i < c.length; i++) {
      const h = held[i]?.[e], s = shares[i]?.[e];
      if (h !== undefined && s !== undefined && h < s) c[i] = Math.max(c[i]!, blinkFromOpening(h));
    }
  });
  return heldClosuresRead(blinks, valid, fps);
}
