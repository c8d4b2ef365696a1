// sneer46: a one-sided sneer or bite carried from the driver's pixels (issue #13/#14). lp_d6 f120-140 raises her upper
// lip on image left (teeth there, the image-right half a thin slit) and f59-72 bites her lower lip on that side with
// her upper teeth showing; the face mesh regularises both into an even opening, so motion/lipSides.ts (landmarks) adds
// nothing and ours drew a centred row. The tracker reads each side's teeth height off the pixels (sneerRead.ts,
// RawFaceFrame.sideTeeth); here their difference, over the clip's median and past the straight drivers' floor, less the
// opening difference the motion already makes (the generic rig's mesh at the frame's weights plus the lipSides
// entries), is added to `w.lipSideUpper`: render/lipSides.ts lifts that side's upper lip and lowers the other's, so
// the teeth show on her side and the other side closes toward a slit.
import { deform, meanFace } from '../rig/canonical.ts';
import { buildBasis } from '../rig/basis.ts';
import { CONTROL_COUNT, weightsToVector } from '../rig/controls.ts';
import { smoothstep } from '../math/smooth.ts';
import { lipSidesOf, LIP_SIDE_LOWER, LIP_SIDE_UPPER } from './lipSides.ts';

/**
 * The one-sided teeth (oneSidedTeeth, IOD) under SNEER_FROM is talking: the straight drivers' largest (Katie .019 at yaw
 * -17, lp_d11 .013, lp_d0 .013, lp_d10 .012, mt_sun .002; bench/sneerRead.ts); the whole sneer from SNEER_FULL (lp_d6's
 * sneer f120-123 .030-.035, f132 .028, f140 .043; her bite f59-62 .031-.049).
 */
export const SNEER_FROM = 0.02;
export const SNEER_FULL = 0.035;
/**
 * Her sneer flips for a frame or two and back (lp_d6 f124-127 level, f128 sneer, f129-131 level, f132 sneer): a frame
 * takes the strongest reading within this much time either side, so the held sneer reads as one (seconds; two frames at
 * 25 fps).
 */
export const SNEER_HOLD = 0.08;
/**
 * The entry (IOD) a whole sneer asks. render/lipSides.ts moves each side's inner upper lip by half the entry at the
 * reading's columns (less toward the middle); at lipSides.ts SIDE_MAX (.06) lp_s42's f122 opening hardly tilted (teeth
 * L-R read back -.025 -> -.013 [hers +.058]); at .12 it reads as hers: open with teeth on her side, a wedge closing toward
 * the other corner (bench/sneerRender.ts; docs/mouth s46 sneer46).
 */
export const SNEER_MAX = 0.12;
/** The lowered side's inner upper lip goes down at most this share of that side's lip gap (the generic rig's mesh): the lips never cross. */
export const CLOSE_SHARE = 0.8;

/**
 * One frame's one-sided teeth (IOD, image left minus right): the teeth heights' difference over the clip's `rest`, times
 * the share of the teeth it is (at most 1): a one-sided show (lp_d6 f122: .072 | .012) counts nearly whole, a wide
 * tilted opening showing both rows on both sides (lp_d6 f105: .160 | .107, which the landmarks' tilt carries) a fifth.
 */
export function oneSidedTeeth(left: number, right: number, rest: number): number {
  const x = left - right - rest, all = left + right;
  return all > 0 ? x * Math.min(1, Math.abs(x) / all) : 0;
}

const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[(s.length - 1) >> 1]! : 0; };
const blur121 = (a: ArrayLike<number>) => Float64Array.from({ length: a.length }, (_, i) => (a[Math.max(0, i - 1)]! + 2 * a[i]! + a[Math.min(a.length - 1, i + 1)]!) / 4);

/**
 * Per frame, the driver's one-sided teeth (IOD, image left minus right): `sides[i]` [left, right] teeth heights (null:
 * unread, held from the nearest read frame) by oneSidedTeeth over the clip median of their difference, each frame the
 * strongest within SNEER_HOLD.
 */
export function sneerSeries(sides: readonly ([number, number] | null | undefined)[], fps: number): Float64Array {
  const n = sides.length, have: number[] = [];
  for (let i = 0; i < n; i++) if (sides[i] && Number.isFinite(sides[i]![0]) && Number.isFinite(sides[i]![1])) have.push(i);
  const out = new Float64Array(n);
  if (!have.length) return out;
  const rest = median(have.map((i) => sides[i]![0] - sides[i]![1]));
  const x = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    while (k + 1 < have.length && Math.abs(have[k + 1]! - i) <= Math.abs(have[k]! - i)) k++;
    x[i] = oneSidedTeeth(sides[have[k]!]![0], sides[have[k]!]![1], rest);
  }
  const h = Math.max(0, Math.round(SNEER_HOLD * fps));
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = Math.max(0, i - h); j <= Math.min(n - 1, i + h); j++) if (Math.abs(x[j]!) > Math.abs(best)) best = x[j]!;
    out[i] = best;
  }
  return out;
}

/**
 * Adds to each frame's `w.lipSideUpper` (IOD, image left minus right) what the motion leaves out of the driver's one-sided
 * teeth `sneer` (sneerSeries): SNEER_MAX toward her side, kept by the floor (SNEER_FROM .. SNEER_FULL), less the opening
 * difference already made (the generic rig's mesh at the frame's weights, over its clip median, plus the frame's lipSides
 * entries), only toward her side, blurred [1 2 1] twice; the entry within SNEER_MAX and the lowered side's gap (CLOSE_SHARE).
 */
export function addSneerSides(frames: { w: Record<string, number> }[], sneer: ArrayLike<number>): void {
  const n = frames.length, keep = Float64Array.from({ length: n }, (_v, i) => smoothstep(SNEER_FROM, SNEER_FULL, Math.abs(sneer[i] ?? 0)));
  if (!keep.some((k) => k > 0)) return;
  const mf = meanFace(), basis = buildBasis(mf), wv = new Float64Array(CONTROL_COUNT), shape = new Float64Array(mf.length);
  const mesh = frames.map((f) => lipSidesOf(deform(mf, basis, weightsToVector(f.w, wv), shape)));
  const ours = mesh.map((s) => s.upper[0] - s.upper[1] + s.lower[0] - s.lower[1]), rest = median(ours);
  const add = blur121(blur121(Float64Array.from({ length: n }, (_v, i) => {
    const want = Math.sign(sneer[i] ?? 0) * SNEER_MAX * keep[i]!;
    if (!keep[i]) return 0;
    const made = ours[i]! - rest + (frames[i]!.w[LIP_SIDE_UPPER] ?? 0) + (frames[i]!.w[LIP_SIDE_LOWER] ?? 0);
    // (what the motion makes toward her side is taken off; made the other way adds nothing past `want`: a small
    // reading beside a rig tilted the other way, lp_d6 f111 beside her neutral f110, tilted st_happy's f110)
    const a = want - made;
    return Math.sign(a) === Math.sign(want) ? Math.sign(a) * Math.min(Math.abs(a), Math.abs(want)) : 0;
  })));
  frames.forEach((f, i) => {
    if (!add[i]) return;
    const upper = f.w[LIP_SIDE_UPPER] ?? 0, s = mesh[i]!;
    // (the side lowered: image right for a positive entry; its gap on the rig's mesh)
    const gap = add[i]! > 0 ? s.upper[1] + s.lower[1] : s.upper[0] + s.lower[0];
    const most = Math.min(SNEER_MAX, Math.max(Math.abs(upper), 2 * CLOSE_SHARE * Math.max(0, gap)));
    const v = Math.round(Math.max(-most, Math.min(most, upper + add[i]!)) * 1e4) / 1e4;
    if (v !== 0) f.w[LIP_SIDE_UPPER] = v; else delete f.w[LIP_SIDE_UPPER];
  });
}
