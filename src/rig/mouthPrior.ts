// A prior of the rig fit on the mouth: a pucker pulls the lip corners together (the basis's full
// pucker narrows the mouth to 0.55 of its rest width), so a mouth pulled wider than at rest is not
// puckered. Without it the fit reads open, toothy smiles (lips forward over the teeth, the face
// mesh's depth noisy on a lowered head) as pucker 0.2-0.67 beside smile or stretch: Katie's wide
// smile, every pucker reading of lp_d14 (mouth 1.08-1.33 times its rest width). And the other way:
// a mouth narrower than at rest is not stretched, smiling or dimpled (widenCap).
import type { RigControl } from './controls.ts';
import { PUCKER_NARROWING as BASIS_PUCKER_NARROWING } from './basis/mouth.ts';
import { smoothstep } from '../math/smooth.ts';

/** The mouth corners (landmarks). */
const CORNERS = [61, 291] as const;
/**
 * The pucker must show as narrowing: from this width ratio to rest none is allowed, and each
 * PUCKER_NARROWING of narrowing below it allows a full pucker (the basis's own is 0.45; less, for
 * faces whose pucker narrows less than the generic one, and for the noise of the rest estimate).
 */
export const PUCKER_NONE_WIDTH = 1.04, PUCKER_NARROWING = 0.3;

/** Mouth-corner distance (x, y) of a canonical shape over the same distance of the neutral. */
export function mouthWidthRatio(canon: ArrayLike<number>, neutral: ArrayLike<number>): number {
  const w = (s: ArrayLike<number>) => Math.hypot(s[CORNERS[0] * 3]! - s[CORNERS[1] * 3]!, s[CORNERS[0] * 3 + 1]! - s[CORNERS[1] * 3 + 1]!);
  return w(canon) / (w(neutral) || 1);
}

/**
 * The mirror image for the controls that widen the mouth (stretch, smile): a mouth pulled narrower
 * than at rest is not stretched. Without it the fit read a driver's "O" (lp_d6 at 3.3 s: mouth 0.70
 * of its rest width, lips rounded and forward) as stretch 0.28 on one side with funnel 0.14, and the
 * photo made a one-sided grin with teeth. From WIDEN_NONE_WIDTH down none is allowed; the whole range
 * opens over WIDEN_SPAN above it (a jaw opening alone narrows the mouth ~5 %: an "ah" keeps them).
 */
export const WIDEN_NONE_WIDTH = 0.84, WIDEN_SPAN = 0.1;

/** The largest stretch / smile weight a mouth this wide (ratio to rest) can hold. */
export function widenCap(widthRatio: number): number {
  return Math.min(1, Math.max(0, (widthRatio - WIDEN_NONE_WIDTH) / WIDEN_SPAN));
}

/**
 * A mouth much narrower than at rest is rounded: the fit under-read it (lp_d6's "O" at 0.70 of its
 * rest width fitted pucker 0.00-0.11, funnel 0.09-0.14: the pucker's forward push, which the face
 * mesh's depth hardly shows, cost more than its narrowing explained). The pucker is held at least at
 * the share of the way from PUCKER_FLOOR_FROM to the basis's full pucker width (PUCKER_FULL_WIDTH)
 * that the mouth has come.
 */
export const PUCKER_FLOOR_FROM = 0.9;
/**
 * The width ratio of the basis's full pucker: 1 - its narrowing (basis/mouth.ts), 0.55 (bench/puckerWidth.ts: 0.550-0.551
 * on lp_s42, mt_man, st_art_1, lp_s2, st_happy). It was written as a separate 0.38, the narrowing of the
 * pucker before round 17 (0.62), and so held a driver's "O" at 0.74 to a 0.42 pucker where the basis
 * needs 0.46 to come as far from PUCKER_FLOOR_FROM.
 */
export const PUCKER_FULL_WIDTH = 1 - BASIS_PUCKER_NARROWING;
export function puckerFloor(widthRatio: number): number {
  return Math.min(1, Math.max(0, (PUCKER_FLOOR_FROM - widthRatio) / (PUCKER_FLOOR_FROM - PUCKER_FULL_WIDTH)));
}

/** The mouth-width prior written into a fit's per-control bounds (`index` maps a control to its slot). */
export function applyWidthPrior(lower: Float64Array, upper: Float64Array, widthRatio: number, index: (c: RigControl) => number, funnel = true): void {
  upper[index('mouthPucker')] = Math.max(puckerFloor(widthRatio), puckerCap(widthRatio));
  lower[index('mouthPucker')] = puckerFloor(widthRatio);
  if (funnel) upper[index('mouthFunnel')] = funnelCap(widthRatio);
  const widen = widenCap(widthRatio);
  for (const c of WIDENING) upper[index(c)] = widen;
}

/**
 * A funnel draws the corners in as well (the basis's funnel 0.5 leaves the mouth 0.83 of its rest
 * width on lp_s2, lp_s42, st_art_1: /work/wt probe of basis/mouth.ts), so a mouth at or past its rest
 * width is not funnelled. Without it the fit read smiles with the lips apart over the teeth as
 * funnel 0.35-0.53 beside smile and stretch (Katie at 2.2 s and 2.7 s, mouth 1.05-1.24 of rest;
 * every driver read its widest mouths so): the photo drew a rounded, pouting mouth at the driver's
 * grin (the smile's width eaten by the funnel's narrowing: lp_s2 read back 0.48-0.55 IOD where
 * Katie's was 0.63-0.79). From FUNNEL_NONE_WIDTH none is allowed, a full one FUNNEL_NARROWING below it.
 */
export const FUNNEL_NONE_WIDTH = 1.06, FUNNEL_NARROWING = 0.2;

/** The largest funnel weight a mouth this wide (ratio to rest) can hold. */
export function funnelCap(widthRatio: number): number {
  return Math.min(1, Math.max(0, (FUNNEL_NONE_WIDTH - widthRatio) / FUNNEL_NARROWING));
}
/**
 * The controls that pull the corners out. The dimples too (basis: corners back and out): lp_d6's "O"
 * at 3.3 s (0.74 of her rest width) fitted mouthDimpleLeft 1.00 beside pucker 0.42, and the photo's
 * lips stayed wide.
 */
export const WIDENING: RigControl[] = ['mouthStretchLeft', 'mouthStretchRight', 'mouthSmileLeft', 'mouthSmileRight', 'mouthDimpleLeft', 'mouthDimpleRight'];

/** The largest pucker weight a mouth this wide (ratio to rest) can hold: 0 from PUCKER_NONE_WIDTH, rising with the narrowing below it. */
export function puckerCap(widthRatio: number): number {
  return Math.min(1, Math.max(0, (PUCKER_NONE_WIDTH - widthRatio) / PUCKER_NARROWING));
}

/**
 * The mouth's width over rest that one unit of each control gives on the basis (one side of a pair):
 * both smiles at 1 widen it 1.24-1.28 times, both stretches 1.31-1.35, both dimples 1.10-1.12, a
 * funnel 0.5 leaves 0.82-0.84, a pucker 1 0.55 (lp_s42, lp_s2, st_art_1; basis/mouth.ts).
 */
export const WIDTH_PER_UNIT: Partial<Record<RigControl, number>> = {
  mouthSmileLeft: 0.13, mouthSmileRight: 0.13, mouthStretchLeft: 0.17, mouthStretchRight: 0.17,
  mouthDimpleLeft: 0.055, mouthDimpleRight: 0.055, mouthFunnel: -0.34, mouthPucker: -(1 - PUCKER_FULL_WIDTH),
};

/** The mouth's width over rest these weights give on the basis (linear in the weights). */
export function widthFromWeights(w: Partial<Record<RigControl, number>>): number {
  let r = 1;
  for (const [c, per] of Object.entries(WIDTH_PER_UNIT) as [RigControl, number][]) r += per * (w[c] ?? 0);
  return r;
}

/**
 * Controls that widen the mouth on the basis though they are not a corner's pull: cheekPuff 1 leaves
 * it 1.08-1.10 of its rest width, each frown 1.03-1.05 (lp_s42, mt_man, st_art_1, lp_s9). The fit reads
 * them at a driver's "O" (lp_d6 f190: cheekPuff .87, frowns .74/.46 beside pucker 1), where they
 * widened lp_s42's O from .57 to .67 of its rest width (her mouth .55 of her neutral).
 */
export const SIDE_WIDENING: Partial<Record<RigControl, number>> = { cheekPuff: 0.095, mouthFrownLeft: 0.04, mouthFrownRight: 0.04 };
/** how much wider (ratio to rest) than the driver's or the lip controls' own width the side wideners may leave a narrow mouth */
export const ROUND_WIDTH_SLACK = 0.02;
/** driver widths (over its neutral) over which the hold comes in: none at its neutral width, all of it 0.1 under */
const ROUND_HOLD_FROM = 1, ROUND_HOLD_FULL = 0.9;

/**
 * In place: at a mouth narrower than its rest (`widthRatio`, the driver's over its neutral), the side
 * wideners (SIDE_WIDENING) scaled down until the weights leave the mouth no wider than the driver's
 * (or the pucker and funnel's own width) + ROUND_WIDTH_SLACK: a rounded mouth keeps its narrowing.
 */
export function holdRoundWidth(w: Partial<Record<RigControl, number>>, widthRatio: number): void {
  const hold = Math.min(1, Math.max(0, (ROUND_HOLD_FROM - widthRatio) / (ROUND_HOLD_FROM - ROUND_HOLD_FULL)));
  if (!(hold > 0)) return;
  let side = 0;
  for (const [c, per] of Object.entries(SIDE_WIDENING) as [RigControl, number][]) side += per * Math.max(0, w[c] ?? 0);
  if (side <= 1e-6) return;
  const own = widthFromWeights(w), allowed = Math.max(0, Math.max(widthRatio, own) + ROUND_WIDTH_SLACK - own);
  if (side <= allowed) return;
  const keep = 1 - hold * (1 - allowed / side);
  for (const c of Object.keys(SIDE_WIDENING) as RigControl[]) if (w[c] !== undefined && w[c]! > 0) w[c] = w[c]! * keep;
}

/** The most the widening controls are scaled up by to reach the driver's width (noise in the width must not blow a trace of a smile up). */
export const WIDEN_FLOOR_MAX_GAIN = 2.5;

/**
 * In place: the widening controls (WIDENING) scaled up until the weights give the driver's mouth
 * width over its rest (`widthRatio`, at most WIDEN_FLOOR_MAX_GAIN times, each at most 1); a mouth no
 * wider than at rest, or with nothing widening it, is left alone. The mirror of puckerFloor: the rest
 * and gain of the retarget (motion/retarget.ts) read a driver who smiles most of the clip against a
 * smiling rest, and what was left of Katie's grin at 2.7 s (mouth 1.24 times her rest) widened
 * lp_s2's by 1.12 (smile 0.35, stretch 0.06): her grin arrived as a round, pursed mouth.
 */
export function widenToWidth(w: Partial<Record<RigControl, number>>, widthRatio: number, frozen: readonly RigControl[] = []): void {
  const missing = widthRatio - widthFromWeights(w);
  if (widthRatio <= 1 || missing <= 0) return;
  // (`frozen`: widening controls left as they are, the others scaled to make up the width)
  const scaled = WIDENING.filter((c) => !frozen.includes(c));
  let widening = 0;
  for (const c of scaled) widening += (WIDTH_PER_UNIT[c] ?? 0) * (w[c] ?? 0);
  if (widening <= 1e-6) return;
  const gain = Math.min(WIDEN_FLOOR_MAX_GAIN, (widening + missing) / widening);
  for (const c of scaled) if (w[c] !== undefined) w[c] = Math.min(1, w[c]! * gain);
}

/** The inner lips' middle (13, 14) and corners (78, 308). */
const INNER = { upper: 13, lower: 14, left: 78, right: 308 } as const;

/** How tall the opening is: the inner lips' gap over their corner-to-corner width (x, y of a canonical shape; 0 shut). */
export function openingAspect(canon: ArrayLike<number>): number {
  const d = (a: number, b: number) => Math.hypot(canon[a * 3]! - canon[b * 3]!, canon[a * 3 + 1]! - canon[b * 3 + 1]!);
  return d(INNER.upper, INNER.lower) / (d(INNER.left, INNER.right) || 1);
}

/**
 * A tall opening is no grin. A mouth opened wide ("ah", a shout, an open "oh") widens by itself,
 * more in some faces than the rig's jaw does (lp_d11 f165: 1.30 times her neutral's width at a gap
 * of 0.63 of it; Katie f168 1.21 at 0.46), and the fit gives the corners' spread to the smile
 * (0.45-0.55): the photo grinned at every shout. A smile opens wide and low: the drivers' open
 * smiles stay under TALL_FROM (Katie f23 0.33, lp_d6 f181 0.30, lp_d11 f148 0.25). From there the
 * smile and dimples (the corners' lift and pull back) may hold less, none from TALL_FULL.
 */
export const TALL_FROM = 0.4, TALL_FULL = 0.65;
export const GRINNING: RigControl[] = ['mouthSmileLeft', 'mouthSmileRight', 'mouthDimpleLeft', 'mouthDimpleRight'];

/** The largest smile / dimple weight an opening this tall (openingAspect) can hold. */
export function tallGrinCap(aspect: number): number {
  return 1 - smoothstep(TALL_FROM, TALL_FULL, aspect);
}

/**
 * A tall opening full of teeth is a grimace, not an "ah" (issue #13, grim27). Drawn back off teeth that stay
 * near together, the lips open tall and wide on a lit wall of teeth (lp_d6 f44-46, a hard frown with bared
 * teeth: 0.65-0.67 of the opening is teeth; f70-72 0.31-0.33); a dropped jaw opens on the cavity and the
 * tongue (lp_d11's "ah" f164-167: 0.14-0.19; her tall frames at most 0.35, most under 0.23). The grimace's
 * corners pulled out read as a smile in the fit, and capping it (tallGrinCap) left no width: the fit reads
 * almost no stretch to scale up, so the grimace came out a round "O" (v_lp_s42 f45/46 width/median 1.01
 * [driver 1.05], critic26). From TOOTHY_FROM of the opening in teeth the cap is lifted, wholly from TOOTHY_FULL.
 */
export const TOOTHY_FROM = 0.2, TOOTHY_FULL = 0.45;
/**
 * A grimace pulls the corners out: its mouth is wider than the driver's rest (lp_d6 f45/46 1.08, f70 1.13).
 * An open "O" showing its teeth is narrower (f47 0.93, teeth 0.39: one of the ruler's O frames) and keeps the cap.
 */
export const GRIMACE_WIDTH_FROM = 1, GRIMACE_WIDTH_FULL = 1.05;

/**
 * The share of a smile a tall opening keeps for the teeth in it (0 .. 1; `teeth`: motion/mouthDark.ts teethShare;
 * `width`: the driver's mouth width over its rest, as motion/mouthAfterSmoothing.ts keepWideMouth reads it).
 */
export function toothyGrinRoom(teeth: number, width: number): number {
  return smoothstep(TOOTHY_FROM, TOOTHY_FULL, teeth) * smoothstep(GRIMACE_WIDTH_FROM, GRIMACE_WIDTH_FULL, width);
}

/**
 * A small rounded vowel ("o", "oo") is no grin either (issue #13, round28). The child's "o" (lp_d11 f90: lips
 * pushed out and everted round a small opening, 0.83-0.88 of her clip's median width, the opening 0.36 as tall
 * as wide) fits smile .22 with no width over her neutral to speak of (0.98: the neutral is estimated from a
 * clip she talks through with her lips pushed out): the Mona Lisa's painted corners went up into a grin
 * (v_lp_s9 f90, critic27). A smile widens the mouth, so an opening taller than NARROW_O_TALL_FROM (her slits and
 * shut purses stay under .22) on a mouth narrower than the driver's median width (NARROW_O_WIDTH_FROM .. _FULL)
 * holds less smile and dimple. Open smiles are wider than the median (Katie f23 1.1+, lp_d11 f148 1.19).
 */
export const NARROW_O_TALL_FROM = 0.22, NARROW_O_TALL_FULL = 0.34;
export const NARROW_O_WIDTH_FROM = 1, NARROW_O_WIDTH_FULL = 0.9;

/** The largest smile / dimple weight an opening this tall (openingAspect) can hold on a mouth this wide over the driver's median width. */
export function narrowOpeningGrinCap(aspect: number, widthOverMedian: number): number {
  return 1 - smoothstep(NARROW_O_TALL_FROM, NARROW_O_TALL_FULL, aspect) * (1 - smoothstep(NARROW_O_WIDTH_FULL, NARROW_O_WIDTH_FROM, widthOverMedian));
}
