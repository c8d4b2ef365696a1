// A two-eyed blink's eyes shut and open in step (eyepair53, issue #14). critic52: lp_s12 <- noem f58 one eye reopens a
// frame before the other. On the video (noem_6 f55-58, a frontal face, yaw +1.7) both lids fall at f55, both eyes are
// shut at f56-57 and both are dark half-open slits at f58; the face mesh reads the subject's right eye late and
// shallow (shares of rest L/R f55 .50/.84, f56 .28/.57, f57 .28/.65, f58 .56/.97), so its blink weights are
// .67/.02, 1/.60, 1/.52, .61/.00: the right eye's closing run is two frames (f56-57) inside the left's four (f55-58),
// and on the run's edges one eye is drawn closing beside an open one. alikeEyes.ts cannot pair those frames (their
// shares stand .34-.41 apart, a wink's distance), nor can restFace.ts pairBlinks (the other eye reads under .1).
// The rule: where the two eyes' closing runs (blink weight at least STEP_CLOSED) overlap, the longer outlasts the
// shorter by at most STEP_LAG frames and the whole is no longer than a blink (lidEvents.ts HELD_SECONDS), the frames
// in one run only are the mesh's lag: there the lagging eye closes as far as it closes in this blink (its weight on
// the nearest frame of its own run), no further than the other eye; the other eye is kept as read. So noem f55 and
// f58 take the right eye to .60 / .52 beside the left's .67 / .61, and Obama2 f81 (the far eye shut, the near one a
// slit on the video on f81-82; test/winks.test.ts) takes the near eye to its f82 slit, .52, not to a blink.
// A wink's other eye never closes that far, or closes for a frame or two inside a longer hold (pcavs86 f43-49 vs
// f44: kept as read). On a turned head the eye that stays closed longer may be the NEAR one, which the mesh reads
// lower (alikeEyes.ts turnedDiff) and the video shows narrower (pcavs86 f33-35 at yaw -12..-15 after a blink: the near
// eye a slit beside a lowered, open far eye): past FRONTAL_TURN such frames are left as read.
// Pure; hooked in framesFromRaw.ts after alikeEyes (DriverFitOptions.blinkInStep).
import { SHUT_FROM } from './alikeEyes.ts';
import { HELD_SECONDS } from './lidEvents.ts';
import { FRONTAL_TURN } from './turnTrust.ts';

/** A closing run: frames whose blink weight is at least this (alikeEyes.ts SHUT_FROM: a pair going over to its more closed eye). */
export const STEP_CLOSED = SHUT_FROM;
/** Frames of one run outside the other, at most: one frame early and one late (noem f55, f58). */
export const STEP_LAG = 2;

/** [start, end] runs of frames with a reading whose weight is at least STEP_CLOSED. */
export function closingRuns(blink: ArrayLike<number>, has: (i: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let a = 0; a < blink.length; a++) {
    if (!has(a) || blink[a]! < STEP_CLOSED) continue;
    let b = a;
    while (b + 1 < blink.length && has(b + 1) && blink[b + 1]! >= STEP_CLOSED) b++;
    out.push([a, b]);
    a = b;
  }
  return out;
}

/** A frame where one eye of a two-eyed blink lags: the frame, the lagging eye (0 subject's left) and its weight on the nearest frame of its own closing run. */
export type Lag = { i: number; eye: 0 | 1; level: number };

/**
 * The frames where one eye of a two-eyed blink lags the other: of each overlapping pair of closing runs whose union
 * is at most `maxFrames` long and holds at most STEP_LAG frames outside their overlap, those frames.
 */
export function lagFrames(blinks: readonly [ArrayLike<number>, ArrayLike<number>], has: (i: number) => boolean, maxFrames: number): Lag[] {
  const runs = [closingRuns(blinks[0], has), closingRuns(blinks[1], has)] as const;
  const out: Lag[] = [];
  for (const [a0, a1] of runs[0]) {
    for (const [b0, b1] of runs[1]) {
      const lo = Math.max(a0, b0), hi = Math.min(a1, b1);
      if (lo > hi) continue;
      const from = Math.min(a0, b0), to = Math.max(a1, b1);
      const outside = to - from + 1 - (hi - lo + 1);
      if (outside === 0 || outside > STEP_LAG || to - from + 1 > maxFrames) continue;
      for (let i = from; i <= to; i++) {
        if (i >= lo && i <= hi) continue;
        // the eye whose run does not hold frame i lags there; its own run's nearest frame is lo or hi
        const eye: 0 | 1 = i >= a0 && i <= a1 ? 1 : 0;
        const own = eye === 0 ? [a0, a1] : [b0, b1];
        out.push({ i, eye, level: blinks[eye][i < lo ? own[0]! : own[1]!]! });
      }
    }
  }
  return out;
}

/** Whether a frame's more closed eye (0 subject's left) is the near eye of a head turned past FRONTAL_TURN (degrees, the tracker's yaw: negative turns the left eye near). */
export function nearEyeCloser(left: number, right: number, yaw: number): boolean {
  if (Math.abs(yaw) <= FRONTAL_TURN) return false;
  return yaw < 0 ? left > right : right > left;
}

/**
 * In place: on each frame where one eye of a two-eyed blink lags (lagFrames; blinks[0] subject's left, `shares` null
 * where a frame has no reading) the lagging eye's weight is at least its level in this blink, no more than the other
 * eye's; not where the eye closed there is a turned head's near eye (nearEyeCloser, `yaws` per frame in degrees; none: frontal).
 */
export function blinkInStep(blinks: [Float64Array, Float64Array], shares: readonly (readonly [number, number] | null)[], fps: number, yaws?: ArrayLike<number>): void {
  const [l, r] = blinks;
  for (const { i, eye, level } of lagFrames(blinks, (i) => !!shares[i], Math.round(HELD_SECONDS * fps))) {
    if (nearEyeCloser(l[i]!, r[i]!, yaws?.[i] ?? 0)) continue;
    const own = blinks[eye], other = blinks[1 - eye]!;
    own[i] = Math.max(own[i]!, Math.min(level, other[i]!));
  }
}
