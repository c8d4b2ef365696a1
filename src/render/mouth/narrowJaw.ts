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

// s49 (narrowjaw49): relative to the driver. A video motion carries the driver's own neutral mouth share (DRIVER_MOUTH_WIDTH,
// the neutral motion/retarget.ts fits over the clip, the same fit as the photo's), and the reference is the driver's share
// when narrower than the mean face's: a narrow-mouthed driver (lp_d11, lp_d14 .42) onto a narrow photo is not shrunk, a
// speaker reenacting herself keeps her own gap. A wider driver (Katie .59, lp_d10 .56) keeps the mean face's reference: the
// gap calibration (opening.ts TRACKED_PEAK_GAIN) is the speakers' median, and a normal photo keeps it. Audio motions and
// motion files before s49 carry no share: the mean face. `relative` false: the mean face always (s48).
export const narrowJawSetting = { on: true, relative: true, refShare: 0.85, floor: 0.7, fadeFrom: 0.08, fadeTo: 0.24 };

/**
 * A video motion frame's `w` entry (not a rig control): the driver's neutral mouth share (mouthShareOf the neutral face
 * motion/retarget.ts fits over the clip). Absent: audio motions, the live page, motion files before s49.
 */
export const DRIVER_MOUTH_WIDTH = 'driverMouthWidth';

/** The outer mouth width (61-291) of a flat 478*3 canonical face (the mean face's outer-eye-corner distance is 1). */
export function mouthWidthOf(p: ArrayLike<number>): number {
  return Math.hypot(p[291 * 3]! - p[61 * 3]!, p[291 * 3 + 1]! - p[61 * 3 + 1]!);
}

/**
 * The outer mouth width over the outer-eye-corner distance (33-263) of a flat 478*3 face: the unit a motion's gap is in (IOD),
 * so a photo of share s opens a driver's gap with the driver's aspect at gap x s / the driver's share. A fitted neutral's eye
 * corners are .94-1.09 apart, not 1 (lp_s7 1.085: its width .404 is a share of .372; Katie's .908).
 */
export function mouthShareOf(p: ArrayLike<number>): number {
  const eyes = Math.hypot(p[263 * 3]! - p[33 * 3]!, p[263 * 3 + 1]! - p[33 * 3 + 1]!);
  return eyes > 0 ? mouthWidthOf(p) / eyes : 0;
}

/** The neutral's mouth share; undefined without a full face. */
export function photoMouthShare(neutral: ArrayLike<number> | undefined): number | undefined {
  return neutral && neutral.length >= 292 * 3 ? mouthShareOf(neutral) : undefined;
}

/** The gap's gain for a mouth `width` wide against `ref`: width / ref, at most 1, at least `floor`. */
export function narrowJawGain(width: number, ref: number, floor: number): number {
  if (!(width > 0) || !(ref > 0)) return 1;
  return Math.min(1, Math.max(floor, width / ref));
}

/** The share a photo's mouth is measured against: refShare x the driver's share (when given and `relative`), at most the mean face's. */
export function narrowJawRef(driverShare: number | undefined, setting = narrowJawSetting): number {
  const driver = setting.relative && driverShare !== undefined && driverShare > 0 ? driverShare : Infinity;
  return setting.refShare * Math.min(driver, MEAN_FACE_MOUTH_WIDTH);
}

/** The lip-gap gain of a photo of neutral mouth share `photoShare` under a driver of `driverShare` (absent: the mean face); 1 with the setting off. */
export function narrowJawGainFor(photoShare: number | undefined, driverShare?: number, setting = narrowJawSetting): number {
  if (!setting.on || photoShare === undefined) return 1;
  return narrowJawGain(photoShare, narrowJawRef(driverShare, setting), setting.floor);
}

/** The lip-gap gain of an avatar whose canonical neutral is `neutral`, against the mean face (1 without one or with the setting off). */
export function narrowJawGainOf(neutral: ArrayLike<number> | undefined, setting = narrowJawSetting): number {
  return narrowJawGainFor(photoMouthShare(neutral), undefined, setting);
}

/** A motion's lip gap (IOD) on a mouth of gain `gain`: scaled by it on openings, fading to 1 under setting.fadeFrom. */
export function narrowGap(gap: number, gain: number, setting = narrowJawSetting): number {
  if (!(gain < 1)) return gap;
  return gap * (1 - (1 - gain) * smoothstep(setting.fadeFrom, setting.fadeTo, gap));
}
