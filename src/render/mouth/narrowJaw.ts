// A narrow mouth opens less for the same jaw (s48 narrowmouth48, #13). A motion's jawOpen is a lip gap in IOD units
// (opening.ts) and lands as that gap on every face, while the opening's width is the photo's own mouth: lp_s7 / lp_s5
// / lp_s11 (outer mouth .40-.41 of the outer-eye-corner distance in the canonical neutral; the mean face .53, lp_s42
// / lp_s1 / mt_man / st_art_1 .51-.57) opened ~1.5x as tall for their width as the driver (lp_s7 <- lp_d10 f91: mesh
// gap over inner width .87 against the driver's .56), a tall almond / hexagon. The gap a motion asks for is scaled
// by the mouth's width over a reference (the mean face's x `refShare`), at most 1 (a normal or wide mouth keeps the
// driver's gap), at least `floor`, and only on openings: it fades in over the gap (a smile's lips parting .1 IOD over
// its teeth, a slit, are about contact, not aspect: scaled from the first gap, lp_s5 <- lp_d10 f136's open smile's
// upper line bent .025 of the width under its corners, openSmileLine.test's limit .02).
import { smoothstep } from '../../math/smooth.ts';

/**
 * On: a mouth narrower than the reference opens proportionally less. refShare: the reference width as a share of the
 * mean face's outer mouth width (61-291): mouths within it count as normal (lp_s9 / lp_s10 / lp_s12 .487,
 * st_full_body_1 .467 of the mean's .532). floor: the least gain (a pinhole cartoon mouth still opens). fadeFrom / fadeTo:
 * the motion's gap (IOD) over which the gain comes in (monotone: at floor .7 the scaled gap's slope stays > .5).
 */
/**
 * The mean face's outer mouth width (rig/mean-face.json, 61-291, outer-eye-corner distance 1), as a number: the renderer
 * also runs in the live page's worker, which reads no files (reading mean-face.json there failed every draw with
 * "Unexpected end of JSON input"); test/narrowJaw.test.ts checks it against the file.
 */
export const MEAN_FACE_MOUTH_WIDTH = 0.53172;

// Off by default (s48 lead): on, lp_s5's mouth tests (tongueFlesh: the lit tongue's hue 37 against its < 35 bound) fail,
// and the reference is the mean face, not the driver, so a real narrow-mouthed speaker's self-reenactment would open less
// than her own video; the outside critic saw lp_s7 / lp_s5 "neutral to slightly better at 3x". Try it with on: true.
export const narrowJawSetting = { on: false, refShare: 0.9, floor: 0.7, fadeFrom: 0.08, fadeTo: 0.24 };

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
  return narrowJawGain(mouthWidthOf(neutral), setting.refShare * MEAN_FACE_MOUTH_WIDTH, setting.floor);
}

/** A motion's lip gap (IOD) on a mouth of gain `gain`: scaled by it on openings, fading to 1 under setting.fadeFrom. */
export function narrowGap(gap: number, gain: number, setting = narrowJawSetting): number {
  if (!(gain < 1)) return gap;
  return gap * (1 - (1 - gain) * smoothstep(setting.fadeFrom, setting.fadeTo, gap));
}
