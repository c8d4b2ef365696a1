// Both lids half lowered, read one-eyed (wink33, issue #14). lp_d11 f126-128: the child glances across
// with a partial blink on the way; the video shows both lids down over a low iris, the face mesh reads
// .66/.80, .52/.75, .58/.84 of rest. The more closed eye's weight is .5-.64; the other's flickers
// .09/.28/.03 frame by frame (its share crosses BLINK_START), so after smoothing the frame in the middle
// is one-eyed (.59 / .07): a wink where the video has none. A real wink never has this shape: its shut
// eye reads deep (Katie f24 .17, lp_d14's under .3), and pairBlinks / lidEvents already decide those.
import { BLINK_START, blinkFromOpening } from './restFace.ts';

type Shares = readonly (readonly [number, number] | null)[];

/** An event: a run of frames where the more closed eye reads at most this share of its rest opening (blink weight ~.5)... */
export const HALF_LID_EVENT = 0.7;
/** ...a half lid when that eye never reads more closed than this over the event (above EVENT_SHUT and WINK_CLOSING, lidEvents.ts: a wink or a blink reaches under it)... */
export const HALF_LID_LEAST = 0.45;
/**
 * ...and read one-eyed: at its deepest frame the other eye reads at least this much more open (lp_d11 f127 .52/.75).
 * Two lids lowered alike (lp_d14's laugh f218-223, .58/.67 .. .67/.71) are two-eyed already and left as read.
 */
export const ONE_EYED_GAP = 0.15;

/** Runs [start, end] of frames with a reading where `inside` holds. */
function runs(shares: Shares, inside: (s: readonly [number, number]) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let a = 0; a < shares.length; a++) {
    if (!shares[a] || !inside(shares[a]!)) continue;
    let b = a;
    while (b + 1 < shares.length && shares[b + 1] && inside(shares[b + 1]!)) b++;
    out.push([a, b]);
    a = b;
  }
  return out;
}

/**
 * Per frame, each eye's least blink weight (NaN: none) in a half-lid event: where the more closed eye stays
 * between HALF_LID_LEAST and HALF_LID_EVENT, read one-eyed (ONE_EYED_GAP), and the other eye reads lowered too (under BLINK_START on a frame
 * of the event or either side), the other eye holds its own deepest weight of the event over the event's
 * frames, not its frame-by-frame flicker.
 * The other eye's own reading: a half lid beside an open eye (none under BLINK_START) stays one-eyed.
 */
export function halfLidFloors(shares: Shares): [Float64Array, Float64Array] {
  const n = shares.length;
  const floors: [Float64Array, Float64Array] = [new Float64Array(n).fill(NaN), new Float64Array(n).fill(NaN)];
  const least = (s: readonly [number, number]) => Math.min(s[0], s[1]);
  for (const [a, b] of runs(shares, (s) => least(s) <= HALF_LID_EVENT)) {
    let deep = a;
    for (let i = a; i <= b; i++) if (least(shares[i]!) < least(shares[deep]!)) deep = i;
    if (least(shares[deep]!) < HALF_LID_LEAST) continue;
    const e = shares[deep]![0] <= shares[deep]![1] ? 0 : 1, o = 1 - e;
    if (shares[deep]![o] - shares[deep]![e] < ONE_EYED_GAP) continue;
    let otherLeast = Infinity;
    for (let i = Math.max(0, a - 1); i <= Math.min(n - 1, b + 1); i++) if (shares[i]) otherLeast = Math.min(otherLeast, shares[i]![o]);
    if (otherLeast >= BLINK_START) continue;
    const hold = blinkFromOpening(otherLeast);
    for (let i = a; i <= b; i++) floors[o][i] = hold;
  }
  return floors;
}

/** In place, before the smoothing: each eye's blink weight at least its half-lid floor (halfLidFloors). */
export function halfLidsTogether(blinks: [Float64Array, Float64Array], shares: Shares): void {
  const floors = halfLidFloors(shares);
  blinks.forEach((c, e) => floors[e]!.forEach((f, i) => { if (!Number.isNaN(f) && f > c[i]!) c[i] = f; }));
}
