// A held two-eyed narrowing read as a shut eye (downlook40, issue #14). lp_d11 f147-158: the child looks down,
// both lids lowered alike over the iris for half a second; the face mesh reads one eye .08-.24 of rest and the other
// .38-.44, so one eye's weight is 1 and the pair's shared closing .72-.76: both our eyes shut for 10 frames.
// lp_d6 f183-187: she squints with both eyes (dark slits over the irises, alike); the mesh reads .46-.59 / .08-.32,
// so our image-left eye shut fully. A blink's closing is over in 2-4 frames at 25 fps, and a wink's other eye stays
// open; here the more open eye reads a slit (well above shut, under BLINK_START) through an event of 5+ frames.
// Such an event is a narrowing of both eyes: on each frame neither eye closes further than the more open eye reads,
// and no further than NARROW_MOST. Frames where both eyes read shut for 2+ frames stay as read: lp_d6 f325-332 is a
// real closure (f325-328, both lids down, no iris) and then a squint (f329-332, slits over the irises).
// Looked at on the video: lp_d11 f146-157 both lids low over a dark band (iris) alike, lp_d6 f184-187 two slits.
import { BLINK_START, blinkFromOpening } from './restFace.ts';
import { EVENT_CLOSING } from './lidEvents.ts';
import { nearestRank } from '../math/stats.ts';

type Shares = readonly (readonly [number, number] | null)[];

/** An event lasting at least this long (s) is held, not a blink (the blinks of lp_d6/lp_d10/lp_d11/WDA: 1-4 frames under EVENT_CLOSING at 25 fps). */
export const NARROW_HELD_SECONDS = 0.2;
/** The more open eye's median share of rest over the event at least this (a slit, not shut: lp_d11 .43, lp_d6 .52; a blink's .09-.36)... */
export const NARROW_OTHER_LEAST = 0.38;
/** ...and under BLINK_START (lowered too: a wink's other eye reads open). */
export const NARROW_OTHER_MOST = BLINK_START;
/** The most closing a held narrowing renders (a slit with the iris under the lid; weight .7 reads back .44-.56 of the photo's opening, docs/eyes). */
export const NARROW_MOST = 0.7;

/** Per frame, the most closing either eye may have (NaN: no cap), from the held narrowing events in `shares`. */
export function heldNarrowingCaps(shares: Shares, fps: number): Float64Array {
  const n = shares.length, caps = new Float64Array(n).fill(NaN);
  const least = (i: number) => Math.min(shares[i]![0], shares[i]![1]);
  const minLength = Math.round(NARROW_HELD_SECONDS * fps);
  for (let a = 0; a < n; a++) {
    if (!shares[a] || least(a) > EVENT_CLOSING) continue;
    let b = a;
    while (b + 1 < n && shares[b + 1] && least(b + 1) <= EVENT_CLOSING) b++;
    const open: number[] = [];
    for (let i = a; i <= b; i++) open.push(Math.max(shares[i]![0], shares[i]![1]));
    const other = nearestRank(open, 0.5, NaN);
    if (b - a + 1 >= minLength && other >= NARROW_OTHER_LEAST && other < NARROW_OTHER_MOST) {
      const bothShut = (i: number) => i >= a && i <= b && Math.max(shares[i]![0], shares[i]![1]) < NARROW_OTHER_LEAST;
      for (let i = a; i <= b; i++) {
        // both eyes shut on this frame and a neighbour: a real closure inside the event, kept
        if (bothShut(i) && (bothShut(i - 1) || bothShut(i + 1))) continue;
        caps[i] = Math.min(NARROW_MOST, blinkFromOpening(Math.max(shares[i]![0], shares[i]![1])));
      }
    }
    a = b;
  }
  return caps;
}

/** In place, before the lid events and the smoothing: each eye's blink weight within its frame's held-narrowing cap. */
export function heldNarrowingWithin(blinks: [Float64Array, Float64Array], shares: Shares, fps: number): Float64Array {
  const caps = heldNarrowingCaps(shares, fps);
  blinks.forEach((c) => caps.forEach((cap, i) => { if (!Number.isNaN(cap) && c[i]! > cap) c[i] = cap; }));
  return caps;
}
