// asym43: a driver's one-sided mouth (a pout pushed to one side, a sneer's raised upper lip on one side). The rig's
// controls hold no sideways shift (ARKit mouthLeft / mouthRight) and one mouthUpperUp for both sides, so the fit
// averaged these away: lp_d6 f56's pout to one side came out a centred oval. Read here from the driver's landmarks
// in the canonical frame (pose and scale removed on the rigid points, canonical.ts), in IOD (outer eye corners):
// image x (+ = image right), up (+ = up), each against the driver's own median over the clip.
import { smoothstep } from '../math/smooth.ts';
import { nearestRank } from '../math/stats.ts';
import { median3 } from './filters.ts';
import { canonicalize, type Landmarks } from '../rig/canonical.ts';
import { MOUTH_SHIFT } from '../render/mouthShift.ts';
import { shiftPerYaw } from './shiftYawFit.ts';

/** One frame's mouth, canonical frame, IOD. Sides are [image left, image right]. */
export interface SideReading {
  /** the lips' middle (outer upper and lower lip centre) sideways, image right + */
  shift: number;
  /** each corner's height (up +) */
  corner: [number, number];
  /** each side's upper outer lip height between the middle and the corner (up +) */
  upper: [number, number];
  /** each side's lower outer lip depth (down +) */
  lower: [number, number];
  /** each side's inner upper lip height (up +): the edge a sneer lifts off the teeth */
  inner: [number, number];
}

const UPPER = [[40, 39, 37], [270, 269, 267]] as const;
const LOWER = [[91, 181], [321, 405]] as const;
const CORNER = [61, 291] as const;
const INNER = [[80, 81, 82], [310, 311, 312]] as const;

const mean = (c: Float64Array, ids: readonly number[], axis: number) => ids.reduce((s, i) => s + c[i * 3 + axis]!, 0) / ids.length;

/**
 * The canonical-frame reading of one face's landmarks. `reference`: the frame's rigid points are matched to (default
 * the mean face; the live page, which cannot read it, passes the driver's own first frame scaled to IOD 1).
 */
export function sideReading(lm: Landmarks, reference?: ArrayLike<number>): SideReading {
  const c = canonicalize(lm, reference);
  return {
    shift: mean(c, [0, 17], 0),
    corner: [-c[CORNER[0] * 3 + 1]!, -c[CORNER[1] * 3 + 1]!],
    upper: [-mean(c, UPPER[0], 1), -mean(c, UPPER[1], 1)],
    lower: [mean(c, LOWER[0], 1), mean(c, LOWER[1], 1)],
    inner: [-mean(c, INNER[0], 1), -mean(c, INNER[1], 1)],
  };
}

const median = (v: number[]) => nearestRank(v, 0.5, 0);

/** Each frame's reading less the clip's median (null where there is no face). */
export function sideReadings(frames: (Landmarks | null)[]): (SideReading | null)[] {
  const r = frames.map((lm) => (lm ? sideReading(lm) : null));
  const ok = r.filter((x): x is SideReading => !!x);
  const m = (f: (x: SideReading) => number) => median(ok.map(f));
  const rest: SideReading = { shift: m((x) => x.shift), corner: [m((x) => x.corner[0]), m((x) => x.corner[1])], upper: [m((x) => x.upper[0]), m((x) => x.upper[1])], lower: [m((x) => x.lower[0]), m((x) => x.lower[1])], inner: [m((x) => x.inner[0]), m((x) => x.inner[1])] };
  return r.map((x) => x && {
    shift: x.shift - rest.shift,
    corner: [x.corner[0] - rest.corner[0], x.corner[1] - rest.corner[1]],
    upper: [x.upper[0] - rest.upper[0], x.upper[1] - rest.upper[1]],
    lower: [x.lower[0] - rest.lower[0], x.lower[1] - rest.lower[1]],
    inner: [x.inner[0] - rest.inner[0], x.inner[1] - rest.inner[1]],
  });
}

/**
 * The canonical shift a head turn fakes, IOD per degree of yaw from the driver's median: the face mesh's lips sit
 * at a depth that is not the person's, so a turned head reads as lips shifted (fitted over Katie -.0025, lp_d11 -.0033,
 * lp_d0 -.0063 per degree; lp_d10 -.0006, lp_d14 +.0014; lp_d6 +.0137 is her real pouts); taken out before the rest.
 * s47: the prior of a per-driver fit (shiftYawFit.ts; pcavs741 reads +.0049); the live path keeps it fixed.
 */
export const SHIFT_PER_YAW = -0.003;
/**
 * Shifts under SHIFT_FROM IOD are the tracker's (after the yaw term, the clip's |shift| p98 over its median is .014-.041
 * on five drivers talking straight), all of it from SHIFT_FULL (lp_d6's pouts .10-.20).
 */
export const SHIFT_FROM = 0.03;
export const SHIFT_FULL = 0.07;
/** At most this far (IOD) either way. */
export const SHIFT_MAX = 0.2;

/** A shift reading past the tracker's noise: none under SHIFT_FROM, all of it from SHIFT_FULL, within SHIFT_MAX. */
export function shiftKept(s: number): number {
  const a = Math.abs(s), kept = Math.min(SHIFT_MAX, a * smoothstep(SHIFT_FROM, SHIFT_FULL, a));
  return kept === 0 ? 0 : Math.sign(s) * kept;
}

/**
 * Per frame, the driver's lips' sideways shift over its clip median (IOD, image right +), the yaw's fake shift taken
 * out, gaps held from the nearest read frame, a 3-frame median and a [1 2 1] blur (the One Euro filter's mouth
 * smoothing, roughly), then past the noise (shiftKept) and blurred again. `yaws`: the face mesh's yaw per frame (degrees).
 */
export function shiftSeries(frames: (Landmarks | null)[], yaws: ArrayLike<number>): Float64Array {
  const n = frames.length;
  const s = new Float64Array(n).fill(NaN);
  const have: number[] = [];
  frames.forEach((lm, i) => { if (lm) { s[i] = sideReading(lm).shift; have.push(i); } });
  const out = new Float64Array(n);
  if (!have.length) return out;
  const yawRest = median(have.map((i) => yaws[i]!));
  // the slope is the driver's own (shiftYawFit.ts, s47): pcavs741's lips read shifted with his turn, Katie's against it
  const perYaw = shiftPerYaw(have.map((i) => s[i]!), have.map((i) => yaws[i]!), SHIFT_PER_YAW);
  for (const i of have) s[i] = s[i]! - perYaw * (yaws[i]! - yawRest);
  const rest = median(have.map((i) => s[i]!));
  // gaps: the nearest read frame's value
  let k = 0;
  for (let i = 0; i < n; i++) {
    while (k + 1 < have.length && Math.abs(have[k + 1]! - i) <= Math.abs(have[k]! - i)) k++;
    out[i] = s[have[k]!]! - rest;
  }
  // the [1 2 1] blur both before the noise cut (the reading's jitter) and after it: the cut's ramp is steep (.03 -> .07
  // IOD), so a reading crossing it jumped the mouth 5-7 px in one frame (critic43, lp_s42 <- lp_d6 f56->57, f82->83)
  const kept = Float64Array.from(blur121(median3(out)), shiftKept);
  return blur121(kept);
}

/** A [1 2 1] / 4 blur, ends held. */
function blur121(a: ArrayLike<number>): Float64Array {
  const n = a.length;
  return Float64Array.from({ length: n }, (_, i) => (a[Math.max(0, i - 1)]! + 2 * a[i]! + a[Math.min(n - 1, i + 1)]!) / 4);
}

/** Writes each frame's `w.mouthShift` (MOUTH_SHIFT) from the driver's landmarks (frames and landmarks one to one); yaws: the mesh's, degrees. */
export function addMouthSide(frames: { w: Record<string, number> }[], lms: (Landmarks | null)[], yaws?: ArrayLike<number>): void {
  const shift = shiftSeries(lms, yaws ?? new Float64Array(lms.length));
  frames.forEach((f, i) => { const v = shift[i] ?? 0; if (v !== 0) f.w[MOUTH_SHIFT] = Math.round(v * 1e4) / 1e4; });
}
