// A raised lid no higher than a real stare lifts it (arch39). eyeWide lifts the upper lid by WIDE_LIFT_RENDERED of
// the opening per unit, set so the face mesh's read-back of a render matches drivers' wide eyes (s24); but drawn, a
// stare's weight (.5-.7 from stareOverMedian) put lp_s42's lid .34-.40 iris diameters above her iris's top
// (lp_s42 <- lp_d6 f150-156; the lid's apex 1.6x as high over the eye's corners as at rest) where the driver shows
// .06-.16 (lp_d6's widest stares by its face mesh .16-.29, lp_d10's .07-.11): a tall arch with the photo's dark lash
// band carried round it. Per avatar and eye, the lift's weight over the photo's own is limited softly so the lid's
// apex over the iris shows at most STARE_SHOW_MAX iris diameters of white; small raises are unchanged (slope 1 at 0).
import { CONTROL_INDEX } from '../rig/controls.ts';
import { EYE_L_LOWER, EYE_L_UPPER, EYE_R_LOWER, EYE_R_UPPER } from '../rig/topology.ts';
import { openCapped, openSlopeOf } from './openCap.ts';
import type { MotionFrame } from '../types.ts';

/** On: raises are scaled per eye (wideGainSetting) and limited (off: the lid lifts WIDE_LIFT_RENDERED of the opening per unit of eyeWide, as before s39; benches and the uncovered-white test). */
export const raiseCapSetting = { on: true };

/**
 * The white a raised lid shows above the iris at most (iris diameters). arch39 set .2 from drivers' stares as
 * their face mesh reads them (.06-.29); read off the video's pixels (stare40, motion/eyeWhiteShow.ts) the same
 * stares show .17-.46 (lp_d6 f162-169 .25-.39): .2 drew them small (arch41).
 */
export const STARE_SHOW_MAX = 0.3;
/**
 * s51 (whites51): the most eyeWide over the photo's a raise is drawn at (wideEyes.ts follows it this far). On an eye whose
 * unit raise is short and whose lid hides its iris's top the cap's weight passes 1 (st_happy: .51 iris diameters a
 * unit, .25 under the lid, cap 1.08): the mesh's lid went up to 1.06 at lp_d6 f101 while wideEyes.ts drew the eye for 1.
 * (A show cap of .4, the motion's full stare, was tried: lp_s12 <- lp_d14 f58-62 over-showed .04-.09 more; kept .3.)
 */
export const MAX_RAISE = 1.3;
/**
 * s48 (widegain48): one unit of raise lifts the lid by this many iris diameters over the iris on every face and eye.
 * The lift is WIDE_LIFT_RENDERED of the opening, and an opening is a different share of its iris by face: one unit
 * lifted .34-.75 iris diameters across 14 portraits (mt_man .49 | .54, lp_s42 .58 | .64, lp_s11 .67 | .75, lp_s1
 * .41 | .59 between its two eyes), so the same eyeWide stared on one face and barely showed on another. Per eye the
 * raise is scaled by `rise` over its own unit lift (within `min`..`max`), before the cap; .55 the portraits' median.
 */
export const wideGainSetting = { on: true, rise: 0.55, min: 0.75, max: 1.35, cover: 1, coverBy: 0.5, most: 1.25 };
// s56 (widegain56) `most`: the whole gain (rise's and cover's together) at most this. The rig lifts the lid a share of the
// eye's own opening, so the gain is how far the opening grows: a narrow eye (short lift over its iris, a lid hiding the
// iris's top) took both terms, gain 1.4-2.4 (lp_s9 1.39 | 1.77, lp_s10 1.31 | 2.41, lp_s5 1.57, lp_s1 1.80 | 1.22) and opened
// 1.5-1.9x its rest at eyeWide .4 where lp_s42 (1.17 | .97) opened 1.36 | 1.28 and lp_s7 (.77 | .92) 1.20 | 1.27
// (bench/wideOpen.ts; drivers' eyes by the face mesh 1.05-1.18 at eyeWide .3-.6). Infinity: as before s56.
// s49 (stare49) `cover`: a stare lifts the lid past what the photo's own lid hides of the iris's top, too. One unit of
// raise lifted every eye .55 iris diameters, but from the photo's rest: st_happy's lids cover .24 | .25 of her irises
// (lp_d6's driver .04-.12), so lp_d6's .5-.7 stares (white round the driver's irises, .26-.36 by the pixels) lifted
// hers to .03-.13 over the iris: her rest eyes. Per eye the unit lift is rise + cover x that covered share (the
// cap, STARE_SHOW_MAX over the iris, still bounds it); a photo whose lid clears its iris is as before.
// s51 (whites51) `coverBy`: the covered share is lifted over the first `coverBy` of the raise, not spread over the whole
// unit. Spread (coverBy 1), an eye whose lid hides its iris's top showed rise x a - (1 - a) x covered: st_happy (covered
// .24 | .25) at lp_d6 f55's eyeWide .5 showed .06-.12 iris diameters of white where the driver shows .29-.35 and a clear
// lid (lp_s42) .2; from coverBy on, every eye shows rise x a over its iris, as the clear one (the cap still bounds it).
/** The raise's weight over the photo's after the gain: `g0` x (a + coverW x min(1, a / coverBy)); coverBy 1 is g0 x (1 + coverW) x a (s49). */
export function gainedRaise(a: number, g0: number, coverW: number, coverBy = wideGainSetting.coverBy): number {
  if (!(a > 0)) return a;
  return g0 * (a + coverW * Math.min(1, a / Math.max(1e-6, Math.min(1, coverBy))));
}
/** How sharply the limit sets in: a' = a / (1 + (a / cap)^p)^(1/p); 4 leaves a raise at half the cap within 2 %. */
const KNEE = 4;
/**
 * The cap is never under this weight: a photo already showing white above its iris (or whose iris the fit places
 * oddly: lp_s9, a painting, reads +.20 on one eye and -.75 on the other) keeps the raises a two-eyed stare gives
 * without stareOverMedian (.15-.35).
 */
const MIN_CAP = 0.3;

/** The raise `a` (eyeWide over the photo's, >= 0) limited softly to `cap`. */
export function softCap(a: number, cap: number): number {
  if (a <= 0 || !Number.isFinite(cap)) return a;
  return a / Math.pow(1 + Math.pow(a / cap, KNEE), 1 / KNEE);
}

/** An eye's upper lid (landmarks corner to corner, screen px, y down), its iris (centre and four rim points) and, when read, its lower lid (openCap.ts). */
export interface LidAndIris { lid: [number, number][]; centre: [number, number]; rim: [number, number][]; lower?: [number, number][] }

/**
 * The raise (eyeWide over the photo's) at which the lid shows STARE_SHOW_MAX iris diameters above the iris: from the
 * photo's own lid `rest` and the same lid at one unit of raise `up` (the lift is linear in the weight). Infinity when
 * the raise does not move the lid over the iris up.
 */
export function raiseCapOf(rest: LidAndIris, up: LidAndIris): number {
  const [cx, cy] = rest.centre;
  const r = ringRadius(rest);
  const y0 = lidYAt(rest.lid, cx), y1 = lidYAt(up.lid, cx);
  const lift = y0 - y1;
  if (!(r > 0) || !(lift > 0)) return Infinity;
  const restShow = (cy - r - y0) / (2 * r);
  return Math.max(MIN_CAP, (STARE_SHOW_MAX - restShow) / (lift / (2 * r)));
}

/** The iris's radius: the mean distance of its rim points from its centre. */
function ringRadius(iris: LidAndIris): number {
  const [cx, cy] = iris.centre;
  return iris.rim.reduce((s, [x, y]) => s + Math.hypot(x - cx, y - cy), 0) / Math.max(1, iris.rim.length);
}

/** The lid's lift over the iris per unit of raise (iris diameters; NaN when unread): `rest` and `up` as raiseCapOf. */
export function unitRiseOf(rest: LidAndIris, up: LidAndIris): number {
  const [cx, cy] = rest.centre;
  const r = ringRadius(rest);
  const lift = lidYAt(rest.lid, cx) - lidYAt(up.lid, cx);
  return r > 0 && lift > 0 ? lift / (2 * r) : NaN;
}

/**
 * The raise's gain for an eye whose unit raise lifts its lid `unitRise` iris diameters and whose lid at rest hides
 * `covered` iris diameters of its top (wideGainSetting; 1 unread or off): rise over unitRise within min..max, times
 * (rise + cover x covered) / rise.
 */
export function wideGainOf(unitRise: number, g = wideGainSetting, covered = 0): number {
  if (!g.on || !(unitRise > 0)) return 1;
  const over = Number.isFinite(covered) ? (g.rise + g.cover * Math.max(0, covered)) / g.rise : 1;
  return Math.min(g.most ?? Infinity, Math.min(g.max, Math.max(g.min, g.rise / unitRise)) * over);
}

/** The rise's gain `g0` scaled so that g0 x (1 + coverW) is at most wideGainSetting.most (unchanged when off or under it). */
export function mostScaled(g0: number, coverW: number, g = wideGainSetting): number {
  if (!g.on) return g0;
  return Math.min(g0, (g.most ?? Infinity) / (1 + Math.max(0, coverW)));
}

/** The covered share (iris diameters) as a weight of raise: cover x covered / rise (0 unread). */
function coverWeight(covered: number, g = wideGainSetting): number {
  return Number.isFinite(covered) ? (g.cover * Math.max(0, covered)) / g.rise : 0;
}

/** How much of the iris's top the photo's lid hides at rest (iris diameters, >= 0; NaN when unread): `rest` as raiseCapOf. */
export function coveredTopOf(rest: LidAndIris): number {
  const [cx, cy] = rest.centre;
  const r = ringRadius(rest);
  return r > 0 ? Math.max(0, (lidYAt(rest.lid, cx) - (cy - r)) / (2 * r)) : NaN;
}

/** The lid line's y at x: linear between its points (sorted by x); the nearest end's outside. */
export function lidYAt(lid: [number, number][], x: number): number {
  const s = lid.slice().sort((a, b) => a[0] - b[0]);
  for (let q = 0; q + 1 < s.length; q++) {
    const [xa, ya] = s[q]!, [xb, yb] = s[q + 1]!;
    if (x >= xa && x <= xb) return xb > xa ? ya + ((x - xa) / (xb - xa)) * (yb - ya) : ya;
  }
  return x < s[0]![0] ? s[0]![1] : s.at(-1)![1];
}

/**
 * Per avatar: the frame with each eye's eyeWide over the photo's limited (the same frame object when nothing
 * changes). `eyesAt(raise)`: both eyes' lids and irises (EYE_L first) rendered at the photo's weights with that much
 * eyeWide over them on both eyes.
 */
export function raiseCapper(photoWeights: ArrayLike<number>, eyesAt: (raise: number) => (LidAndIris | null)[]): (frame: MotionFrame) => MotionFrame {
  const rest = eyesAt(0), up = eyesAt(1);
  const eyes = [
    { name: 'eyeWideLeft', control: CONTROL_INDEX.eyeWideLeft },
    { name: 'eyeWideRight', control: CONTROL_INDEX.eyeWideRight },
  ].map((e, side) => {
    const [a, b] = [rest[side], up[side]];
    // the gain without the covered share (g0) and that share in units of raise (coverW), lifted by coverBy (gainedRaise)
    const coverW = a && b && wideGainSetting.on && unitRiseOf(a, b) > 0 ? coverWeight(coveredTopOf(a)) : 0;
    // both terms scaled down together so the whole gain g0 x (1 + coverW) is at most `most`
    const g0 = a && b ? mostScaled(wideGainOf(unitRiseOf(a, b), { ...wideGainSetting, most: Infinity }, 0), coverW) : 1;
    // the opening's growth over rest per unit of raise (openCap.ts: no more than a clear eye's at that eyeWide)
    const slope = a && b ? openSlopeOf(a, b) : NaN;
    return { ...e, cap: a && b ? raiseCapOf(a, b) : Infinity, g0, coverW, gain: g0 * (1 + coverW), slope };
  });
  return (frame) => {
    if (!raiseCapSetting.on) return frame;
    let w: Record<string, number> | null = null;
    for (const e of eyes) {
      const v = frame.w[e.name], pw = photoWeights[e.control]!;
      if (v === undefined || v <= pw || (!Number.isFinite(e.cap) && e.gain === 1)) continue;
      // the same lift in iris diameters on every eye (wideGainSetting), then no higher than a real stare
      const raised = Math.min(MAX_RAISE, softCap(gainedRaise(v - pw, e.g0, e.coverW), e.cap));
      (w ??= { ...frame.w })[e.name] = pw + openCapped(raised, v - pw, e.slope);
    }
    return w ? { ...frame, w } : frame;
  };
}

/** Both eyes' lids and irises (EYE_L first) from landmarks on screen: the iris whose centre lies between the lid's corners. */
export function eyesFromLandmarks(x: ArrayLike<number>, y: ArrayLike<number>): (LidAndIris | null)[] {
  return [[EYE_L_UPPER, EYE_L_LOWER], [EYE_R_UPPER, EYE_R_LOWER]].map(([upper, lowerIdx]) => {
    const lid = upper!.map((i) => [x[i]!, y[i]!] as [number, number]);
    const lower = lowerIdx!.map((i) => [x[i]!, y[i]!] as [number, number]);
    const xs = lid.map((p) => p[0]);
    const c = [468, 473].find((i) => x[i]! > Math.min(...xs) && x[i]! < Math.max(...xs));
    if (c === undefined) return null;
    return { lid, lower, centre: [x[c]!, y[c]!], rim: [1, 2, 3, 4].map((k) => [x[c + k]!, y[c + k]!] as [number, number]) };
  });
}
