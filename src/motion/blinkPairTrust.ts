// How far a driver frame's two eyes can be read apart. pairBlinks (restFace.ts) takes a less closed
// eye up to the other because the face mesh under-reads one eye of a real blink on a small or turned
// face (Obama, eyes ~23 px wide: 0.45 and 1.00 while both lids were down; Katie at 6.8 s, turned 8.8
// deg: 0.58 and 1.00, both shut on the video). On a large face seen from the front the two readings
// are what the eyes do: every frame of the drivers' tracks with one eye shut and the other under 0.8
// there (lp_d6 7.3-7.5 s, lp_d14 12.9 s, Katie 1.2 s) shows one eye less closed than the other on the
// video, and pairing them shut both: lp_d6's lowered lids at 7.36 s (read back .23/.09) rendered fully
// shut (.04/.03, critic14). Looked at frame by frame (eyes15).
import { smoothstep } from '../math/smooth.ts';
import type { RawFaceFrame } from './faceTracker.ts';

/** Eyes narrower than this (corner to corner, frame pixels) are read together (Obama's 256 px video: 23-24 px)... */
export const EYE_PX_PAIRED = 28;
/** ...and from this width each eye's own reading is trusted (lp_d0 42 px, Katie and lp_d6 44-53 px). */
export const EYE_PX_OWN = 40;
/** Head yaw (the face mesh's own angle, degrees; it reads about 0.6 of the real turn) from which the far eye's reading is doubted... */
export const TURN_DOUBTED = 4;
/** ...and from which the eyes are read together again (Katie at 6.8 s: 8.8). */
export const TURN_PAIRED = 8;

/** 0..1: how much a frame's per-eye blink readings are its own (1: kept apart; 0: paired as before). */
export function ownEyesTrust(smallerEyePx: number, yawDeg: number): number {
  return smoothstep(EYE_PX_PAIRED, EYE_PX_OWN, smallerEyePx) * (1 - smoothstep(TURN_DOUBTED, TURN_PAIRED, Math.abs(yawDeg)));
}

/** The narrower eye's corner-to-corner width in frame pixels, landmark i at (x(i), y(i)). */
function smallerEyeWidth(x: (i: number) => number, y: (i: number) => number): number {
  const d = (a: number, b: number) => Math.hypot(x(a) - x(b), y(a) - y(b));
  return Math.min(d(33, 133), d(263, 362));
}

/** smallerEyeWidth of flat x, y, z landmarks (the offline tracker's). */
export function smallerEyeWidthPx(lm: ArrayLike<number>): number {
  return smallerEyeWidth((i) => lm[i * 3]!, (i) => lm[i * 3 + 1]!);
}

/** smallerEyeWidth of landmarks given as points ([x, y, z] each), as the live tracker has them. */
export function smallerEyeWidthPxOfPoints(points: ArrayLike<ArrayLike<number>>): number {
  return smallerEyeWidth((i) => points[i]![0]!, (i) => points[i]![1]!);
}

/**
 * A closed eye the mesh reads this deeply shut (share of its rest opening) is read well, so the other
 * eye's reading is its own too... (winkb20: Obama2 f23-26 the shut eye reads .09-.20 and the other, a
 * slit with the pupil showing on the video, .46-.62; clip1 f124-126, a real blink of both eyes, the
 * deeper eye reads only .24-.31 and the other .49-.53, the mesh under-reading both)
 */
export const SHUT_READ_DEEP = 0.2;
/** ...and from this share on it is read as before (paired on a small face). */
export const SHUT_READ_SHALLOW = 0.24;

/** 0..1: how much the less closed eye's reading is its own because the other eye reads deeply shut (not on a turned head). */
export function deepShutTrust(leftShare: number, rightShare: number, yawDeg: number): number {
  return (1 - smoothstep(SHUT_READ_DEEP, SHUT_READ_SHALLOW, Math.min(leftShare, rightShare))) * (1 - smoothstep(TURN_DOUBTED, TURN_PAIRED, Math.abs(yawDeg)));
}

/** ownEyesTrust, or deepShutTrust where larger when the eyes' opening shares of rest are given: what the offline and the live path both use. */
export function eyesTrust(smallerEyePx: number, yawDeg: number, shares?: readonly [number, number]): number {
  const own = ownEyesTrust(smallerEyePx, yawDeg);
  return shares ? Math.max(own, deepShutTrust(shares[0], shares[1], yawDeg)) : own;
}

/**
 * A closure event: a run of frames where one eye reads this far shut or more (share of rest; blink
 * weight ~.74). Obama2's turned winks read .24-.38 in the shut eye (f81-82 at 5 deg, f115-116 at 9 deg).
 */
export const EVENT_SHUT = 0.42;
/**
 * The other eye whose least opening over the event (one frame either side too) stays under this closed
 * as well, the mesh under-reading it (Katie turned at 6.8 s: .23, at 1.3 s: .33; Obama1 f123-126: .49, looked at 8x)...
 */
export const SLIT_PAIRED = 0.5;
/**
 * ...and from this on it never closed: a slit with the iris in it on the video (Obama2 f81-82 .64,
 * f115-116 .60, Obama1 f70-72 .59; wink22, looked at 8x), which pairing took up to a line.
 */
export const SLIT_OWN = 0.58;

/** cutEventsKept: an event cut by the clip's start or end counts as whole (before s52); off by default. */
export const slitEyeSetting = { cutEventsKept: false };

/**
 * Per frame 0..1: how much the less closed eye's reading is its own because, over the whole closure
 * event, it never reads shut (a wink or a one-eyed squint), unless `irisHidden` (per frame 0..1) shows both irises hidden in it. Unlike deepShutTrust it holds on a small or
 * turned face: a real blink closes both eyes at its deepest frame, so an eye that stays open over the
 * event is a slit, however the head is turned. Frames without a reading (null) end an event.
 * An event cut by the track's first or last reading is no evidence (s52 lookdown52): its deepest frames
 * may lie outside the clip, so the other eye's least opening is unknown (pose796 f0: the tail of a blink,
 * both lids down to their lashes on the video, read .16 and .55; kept apart, one eye shut and the other
 * half open).
 */
export function slitEyeTrust(shares: readonly (readonly [number, number] | null)[], cutEventsKept = slitEyeSetting.cutEventsKept, irisHidden?: ArrayLike<number>): Float64Array {
  const n = shares.length;
  const trust = new Float64Array(n);
  const closing = (i: number) => !!shares[i] && Math.min(shares[i]![0], shares[i]![1]) <= EVENT_SHUT;
  const first = shares.findIndex((s) => !!s), last = n - 1 - [...shares].reverse().findIndex((s) => !!s);
  for (let start = 0; start < n; start++) {
    if (!closing(start)) continue;
    let end = start;
    while (end + 1 < n && closing(end + 1)) end++;
    if (!cutEventsKept && (start === first || end === last)) { start = end; continue; }
    // (an event over which the pixels show both irises hidden is a blink, however open the mesh reads its other eye: irisShowShares.ts)
    const t = smoothstep(SLIT_PAIRED, SLIT_OWN, otherEyeLeast(shares, start, end)) * (1 - mostOver(irisHidden, start, end));
    // the frame either side too: the smoothed weights there still carry the event's closure
    for (let i = Math.max(0, start - 1); i <= Math.min(n - 1, end + 1); i++) trust[i] = Math.max(trust[i]!, t);
    start = end;
  }
  return trust;
}

/** The largest of `v` over frames start..end (0 without it). */
function mostOver(v: ArrayLike<number> | undefined, start: number, end: number): number {
  let m = 0;
  if (v) for (let i = start; i <= end; i++) m = Math.max(m, v[i] ?? 0);
  return m;
}

/** The least opening, frames start-1..end+1, of the eye that reads less shut over frames start..end. */
function otherEyeLeast(shares: readonly (readonly [number, number] | null)[], start: number, end: number): number {
  const least = (eye: 0 | 1, a: number, b: number) => {
    let m = Infinity;
    for (let i = Math.max(0, a); i <= Math.min(shares.length - 1, b); i++) if (shares[i]) m = Math.min(m, shares[i]![eye]);
    return m;
  };
  const other = least(0, start, end) <= least(1, start, end) ? 1 : 0;
  return least(other, start - 1, end + 1);
}

/** The eyes' openings as shares of their rest openings (subject's left, right). */
export function eyeSharesOf(m: { eyeLeft: number; eyeRight: number }, rest: { eyeLeft: number; eyeRight: number }): [number, number] {
  return [m.eyeLeft / Math.max(rest.eyeLeft, 1e-6), m.eyeRight / Math.max(rest.eyeRight, 1e-6)];
}

/** eyesTrust of a tracked frame (eye shares against `rest` when given); 0 (paired) without landmarks. */
export function frameEyesTrust(r: RawFaceFrame | null | undefined, rest?: { eyeLeft: number; eyeRight: number }): number {
  if (!r?.lm) return 0;
  return eyesTrust(smallerEyeWidthPx(r.lm), r.angles.yaw, rest && eyeSharesOf(r.m, rest));
}
