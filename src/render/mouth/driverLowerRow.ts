// The library lower row shown as far as the driver's own lower teeth show (issue #13, lowrow35). Its tips stood a fixed
// LOWER_SPEECH_SHOW (0.02 IOD) over the lower lip in every speech opening, dim: where the driver shows no lower teeth
// (lp_s42 <- lp_d6 f156-168, lp_s9 <- lp_d11) a line of even round beads along the lower lip (critic33/34). With the driver's
// reading (motion/lowerTeeth.ts, IOD over its lower lip) the row goes under the lip where the driver's does, and where the
// driver's shows it stands at least MIN_SHOWN: enough of each tooth to read as teeth, not their rounded tips alone.
import { smoothstep } from '../../math/smooth.ts';
import { LOWER_TEETH_SHOW } from './teethRows.ts';
import { faintShare, faintShown, faintStand } from './faintLowerRow.ts';
import type { MouthPlacement } from './frameLight.ts';

/** driver readings (IOD) over which the row comes from under the lip to shown (lp_d6's teeth-free frames read 0, Katie's dim lower row .014-.02 at 10 fps) */
const SHOWN_FROM = 0.008, SHOWN_FULL = 0.025;
/** how far (IOD) under the lower lip's inner line the tips go where the driver shows no lower teeth (its anti-aliased edge shows no dots) */
const HIDDEN_UNDER = 0.012;
/**
 * the least a shown row stands over the lip (IOD): 0.02 showed round tips, beads. s48 (toothhole48): .035 stood the tips under
 * the lower lip's inner band at a mid opening — mt_man <- pcavs681 f110/f126 (gap .15/.19, the driver's lower row white over
 * his lip, read .031/.067) drew none (read back 0 on the render); .055 leaves a thin lower edge under the dark line
 */
export const MIN_SHOWN = 0.055;
/** the most (IOD) a shown row is raised toward its show: the speech drop's size (teethRows.ts LOWER_TEETH_DROP) */
const RAISE_MAX = 0.04;
/**
 * the light of a row the driver shows (its lower teeth read lit: at least its lips' light), as a share of a wide opening's.
 * s48 (lowertips48): .7 left a shown row's tips grey at a mid opening, under the lips' light — mt_man <- pcavs681 f110/f126
 * (gap .15/.19, the driver's lower row white) drew 2 px of luma ~100 under a red band; the row the driver's reading finds is
 * lit teeth (lowerTeeth.ts counts only pixels over its lips' light), so it is lit as a wide opening's
 */
export const SHOWN_LIGHT = 1;

/** How shown (0..1) the driver's lower row is by its reading (IOD); undefined: no reading. */
export function lowerShown(reading: number | undefined): number | undefined {
  return reading === undefined ? undefined : smoothstep(SHOWN_FROM, SHOWN_FULL, reading);
}

/**
 * How far (IOD) the lower row's tips may stand over the lower lip: the jaw-and-smile rule's `show` where no reading; under the lip
 * where the driver shows no lower teeth; where it shows them, the rule's show or the driver's, whichever is more, at least MIN_SHOWN
 * (the driver's reading cut a wide opening's row to its own height first: lp_s42's readback showed a lower row on 12 of the
 * 28 frames of 100 whose driver shows one, 18 with the rule alone).
 */
export function driverLowerShow(show: number, reading: number | undefined, band = 0, trust = 0): number {
  const k = lowerShown(reading);
  if (k === undefined) return show;
  const shown = Math.min(LOWER_TEETH_SHOW, Math.max(MIN_SHOWN, reading!, show));
  // (a faint reading stands a thin row over the lip's band, as tall as it is read: faintLowerRow.ts)
  return Math.max(-HIDDEN_UNDER + (shown + HIDDEN_UNDER) * k, faintStand(shown, reading!, band, trust));
}

/** The lower row's light: the rule's `light`, lifted toward SHOWN_LIGHT as far as the driver shows its lower row. */
export function driverLowerLight(light: number, reading: number | undefined, shownLight = SHOWN_LIGHT, trust = 0): number {
  const k = lowerShown(reading);
  return k === undefined ? light : light + (Math.max(light, shownLight) - light) * Math.max(k, Math.sqrt(faintShare(reading!, trust)));
}

/**
 * Output pixels the library lower row is raised (0 without a reading, or where the driver shows none): from where its tips stand
 * over the lower lip as placed (`tips` layer px over the jaw's anchor, less the speech `drop` and the jaw's `follow`, output px)
 * up to the driver's show (driverLowerShow), at most RAISE_MAX IOD, as far as the driver's row is shown. The jaw's follow only
 * moves the row down: in speech the row's tips stood under the lip however many lower teeth the driver showed (lp_d11's child).
 */
export function driverLowerRaise(p: MouthPlacement, tips: number | null, drop: number, follow: number, reading: number | undefined, band = 0, trust = 0): number {
  // (a faint row is raised all the way to its thin stand over the band: faintLowerRow.ts)
  const k = reading !== undefined && faintShown(reading, trust) ? 1 : lowerShown(reading);
  if (!k || tips === null || p.lowerLipX === undefined || p.lowerLipY === undefined) return 0;
  // (the lower lip's inner line under the jaw's anchor along the mouth's down axis, as teethRowLight.ts jawFollow measures it)
  const lipUnder = (p.lowerLipX - p.lowerX) * -p.sin + (p.lowerLipY - p.lowerY) * p.cos;
  const over = lipUnder + tips * p.scale - drop - follow;
  return k * Math.min(RAISE_MAX * p.unit, Math.max(0, driverLowerShow(0, reading, band, trust) * p.unit - over));
}
