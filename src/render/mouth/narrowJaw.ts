// A narrow mouth opens less for the same jaw (s48 narrowmouth48, #13). A motion's jawOpen is a lip gap in IOD units
// (opening.ts) and lands as that gap on every face, while the opening's width is the photo's own mouth: lp_s7 / lp_s5
// / lp_s11 (outer mouth .40-.41 of the outer-eye-corner distance in the canonical neutral; the mean face .53, lp_s42
// / lp_s1 / mt_man / st_art_1 .51-.57) opened ~1.5x as tall for their width as the driver (lp_s7 <- lp_d10 f91: mesh
// gap over inner width .87 against the driver's .56), a tall almond / hexagon. The gap a motion asks for is scaled
// by the mouth's width over a reference (the mean face's x `refShare`), at most 1 (a normal or wide mouth keeps the
// driver's gap), at least `floor`.
import { meanFace } from '../../rig/canonical.ts';

/**
 * On: a mouth narrower than the reference opens proportionally less. refShare: the reference width as a share of the
 * mean face's outer mouth width (61-291): mouths within it count as normal (lp_s9 / lp_s10 / lp_s12 .487,
 * st_full_body_1 .467 of the mean's .532). floor: the least gain (a pinhole cartoon mouth still opens).
 */
export const narrowJawSetting = { on: true, refShare: 0.9, floor: 0.7 };

/** The outer mouth width (61-291) of a flat 478*3 canonical face (outer-eye-corner distance 1). */
export function mouthWidthOf(p: ArrayLike<number>): number {
  return Math.hypot(p[291 * 3]! - p[61 * 3]!, p[291 * 3 + 1]! - p[61 * 3 + 1]!);
}

/** The gap's gain for a mouth `width` wide against `ref`: width / ref, at most 1, at least `floor`. */
export function narrowJawGain(width: number, ref: number, floor: number): number {
  if (!(width > 0) || !(ref > 0)) return 1;
  return Math.min(1, Math.max(floor, width / ref));
}

/** The lip-gap gain of an avatar whose canonical neutral is `neutral` (1 without one or with the setting off). */
export function narrowJawGainOf(neutral: ArrayLike<number> | undefined, setting = narrowJawSetting): number {
  if (!setting.on || !neutral || neutral.length < 292 * 3) return 1;
  return narrowJawGain(mouthWidthOf(neutral), setting.refShare * mouthWidthOf(meanFace()), setting.floor);
}
