// bite45: each side's lips read apart (a sneer's upper lip raised on one side, a bite's lower lip tucked on one side).
// The rig has one mouthUpperUp, one mouthLowerDown and one mouthPress for both sides, so the fit puts a one-sided
// upper-lip raise or lower-lip bite half on each side (the corners' per-side smiles / frowns carry only a tilt): lp_d6's
// bite f64 and sneer f120-136, open on image left and shut on image right, came out a centred oval. Read here from the
// driver's landmarks in the canonical frame (canonical.ts), IOD, sides [image left, image right], each against the
// driver's own clip median: the inner upper lip's height and inner lower lip's depth part-way to each corner.
import { canonicalize, deform, meanFace, type Landmarks } from '../rig/canonical.ts';
import { buildBasis } from '../rig/basis.ts';
import { CONTROL_COUNT, weightsToVector } from '../rig/controls.ts';
import { smoothstep } from '../math/smooth.ts';

/** One frame's per-side lips, canonical frame, IOD. Sides are [image left, image right]. */
export interface LipSides {
  /** the inner upper lip's height (up +), between the middle and the corner */
  upper: [number, number];
  /** the inner lower lip's depth (down +), the same columns */
  lower: [number, number];
  /** the nose wing's height (up +): a sneer lifts it */
  nose: [number, number];
}

/** Inner upper lip points and the inner lower lip points facing them, per side (image left = the subject's right). */
export const INNER_UPPER = [[80, 81], [310, 311]] as const;
export const INNER_LOWER = [[88, 178], [318, 402]] as const;
const NOSE_WING = [[64, 98], [294, 327]] as const;

const meanY = (c: ArrayLike<number>, ids: readonly number[]) => ids.reduce((s, i) => s + c[i * 3 + 1]!, 0) / ids.length;

/** The per-side reading of canonical-frame points (478 * 3, y down). */
export function lipSidesOf(c: ArrayLike<number>): LipSides {
  return {
    upper: [-meanY(c, INNER_UPPER[0]), -meanY(c, INNER_UPPER[1])],
    lower: [meanY(c, INNER_LOWER[0]), meanY(c, INNER_LOWER[1])],
    nose: [-meanY(c, NOSE_WING[0]), -meanY(c, NOSE_WING[1])],
  };
}

/** The per-side reading of one face's landmarks (pose and scale removed on the rigid points). */
export function lipSides(lm: Landmarks): LipSides {
  return lipSidesOf(canonicalize(lm));
}

/** Image-left minus image-right of each reading: [upper, lower, gap (upper + lower), nose]. */
export function sideDiffs(s: LipSides): [number, number, number, number] {
  const u = s.upper[0] - s.upper[1], l = s.lower[0] - s.lower[1];
  return [u, l, u + l, s.nose[0] - s.nose[1]];
}

/** The motion frame entries (IOD, image left minus image right): the inner upper lip's raise and the inner lower lip's drop. */
export const LIP_SIDE_UPPER = 'lipSideUpper';
export const LIP_SIDE_LOWER = 'lipSideLower';

/**
 * A side difference under SIDE_FROM IOD is talking (the clip's |L-R| p99 of the filtered reading over its median on the
 * straight drivers lp_d10, Katie, mt_sun, see docs/mouth s45 bite45); all of it from SIDE_FULL (lp_d6's sneer .04-.05).
 * The gate reads the driver's own difference, so a driver who never goes one-sided writes nothing.
 */
export const SIDE_FROM = 0.03;
export const SIDE_FULL = 0.045;
/** At most this (IOD) added either way. */
export const SIDE_MAX = 0.06;

const blur121 = (a: ArrayLike<number>) => Float64Array.from({ length: a.length }, (_, i) => (a[Math.max(0, i - 1)]! + 2 * a[i]! + a[Math.min(a.length - 1, i + 1)]!) / 4);
const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[(s.length - 1) >> 1]! : 0; };

/**
 * Per frame, one side difference series (image left minus right) over its clip median, gaps held from the nearest read
 * frame, a 3-frame median and a [1 2 1] blur (the tracker's jitter). `values[i]` NaN = no face.
 */
export function filteredDiffs(values: ArrayLike<number>): Float64Array {
  const n = values.length, have: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(values[i])) have.push(i);
  const out = new Float64Array(n);
  if (!have.length) return out;
  const rest = median(have.map((i) => values[i]!));
  let k = 0;
  for (let i = 0; i < n; i++) {
    while (k + 1 < have.length && Math.abs(have[k + 1]! - i) <= Math.abs(have[k]! - i)) k++;
    out[i] = values[have[k]!]! - rest;
  }
  const m3 = Float64Array.from(out, (_v, i) => { const a = out[Math.max(0, i - 1)]!, b = out[i]!, c = out[Math.min(n - 1, i + 1)]!; return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c)); });
  return blur121(m3);
}

/**
 * What the motion does not carry of the driver's one-sided lips: per frame the driver's filtered side difference
 * (`driver`, filteredDiffs) less the motion's own (`ours`, the rig's mesh at the frame's weights, same reading, over
 * its clip median), kept by the driver's own difference past the talking floor (SIDE_FROM .. SIDE_FULL), within
 * SIDE_MAX, blurred [1 2 1] after the cut so the gate's ramp makes no step.
 */
export function sideResidual(driver: ArrayLike<number>, ours: ArrayLike<number>): Float64Array {
  const n = driver.length;
  const om = median(Array.from(ours));
  const r = Float64Array.from({ length: n }, (_v, i) => {
    const d = driver[i]!, keep = smoothstep(SIDE_FROM, SIDE_FULL, Math.abs(d));
    if (keep === 0) return 0;
    const add = (d - (ours[i]! - om)) * keep;
    // only toward the driver's side: a motion already past the driver is left alone
    return Math.sign(add) === Math.sign(d) ? Math.sign(add) * Math.min(SIDE_MAX, Math.abs(add)) : 0;
  });
  return blur121(r);
}

/**
 * Writes each frame's `w.lipSideUpper` / `w.lipSideLower` (IOD, image left minus right) from the driver's landmarks
 * (frames and landmarks one to one): what the frame's weights, on the generic rig (mean face), leave out of the driver's.
 */
export function addLipSides(frames: { w: Record<string, number> }[], lms: (Landmarks | null)[]): void {
  const read = lms.map((lm) => (lm ? lipSides(lm) : null));
  const du = filteredDiffs(read.map((s) => (s ? s.upper[0] - s.upper[1] : NaN)));
  const dl = filteredDiffs(read.map((s) => (s ? s.lower[0] - s.lower[1] : NaN)));
  // nothing past the talking floor: nothing to do (the rig's mesh is not built)
  if (!du.some((v) => Math.abs(v) > SIDE_FROM) && !dl.some((v) => Math.abs(v) > SIDE_FROM)) return;
  const mf = meanFace(), basis = buildBasis(mf), wv = new Float64Array(CONTROL_COUNT), shape = new Float64Array(mf.length);
  const ours = frames.map((f) => lipSidesOf(deform(mf, basis, weightsToVector(f.w, wv), shape)));
  const ru = sideResidual(du, ours.map((s) => s.upper[0] - s.upper[1]));
  const rl = sideResidual(dl, ours.map((s) => s.lower[0] - s.lower[1]));
  frames.forEach((f, i) => {
    const u = Math.round((ru[i] ?? 0) * 1e4) / 1e4, l = Math.round((rl[i] ?? 0) * 1e4) / 1e4;
    if (u !== 0) f.w[LIP_SIDE_UPPER] = u;
    if (l !== 0) f.w[LIP_SIDE_LOWER] = l;
  });
}
