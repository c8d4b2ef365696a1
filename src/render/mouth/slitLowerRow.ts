// The lower row in a small parting where the driver shows it (issue #13, smallrow53). Every row fades in by the parting alone
// (frameLight.ts teethShow, teethRowLight.ts teethShown: a shown gap of .032-.059 IOD) so that a slit reads as a dark slit, not
// a row of teeth. Where the driver's own lower row is read shown (driverLowerRow.ts lowerShown) that rule hid it all the same:
// lp_s0 <- reagan f53 (mesh gap .049, teethShow .03, the motion's row .023 IOD) drew a black slit where he shows a pale row.
// There the lower row comes in from a smaller parting (SLIT_SHOWN), as far as the driver's row is shown; the upper row keeps the
// parting's rule, and with no reading (audio motions, silences: reading under .008) nothing changes.
import { smoothstep } from '../../math/smooth.ts';
import { shownGap } from './lipSurface.ts';
import { lowerShown } from './driverLowerRow.ts';
import { faintShare } from './faintLowerRow.ts';
import type { MouthPlacement } from './frameLight.ts';

export const slitLowerRowSetting = { on: true };

/** the shown gaps (IOD, lipSurface.ts shownGap) over which a lower row the driver shows comes in: from a slit a pixel or two tall at 512 px */
export const SLIT_SHOWN = [0.012, 0.03] as const;

/**
 * The lower row's fade-in by parting, 0..1: the rows' `teethShow`, or where the driver's lower row is shown by its `reading`
 * (IOD; undefined: none), at least that share of the slit's ramp at this mesh `gap` and roundness. Not in an O (`roundTeeth`).
 */
export function slitLowerShow(teethShow: number, gap: number, round: number, roundTeeth: number, reading: number | undefined, trust = 0): number {
  if (!slitLowerRowSetting.on) return teethShow;
  // (a faint reading shows a faint row, in proportion: faintLowerRow.ts)
  const k = reading === undefined ? 0 : Math.max(lowerShown(reading)!, faintShare(reading, trust));
  if (!k) return teethShow;
  return Math.max(teethShow, k * roundTeeth * smoothstep(SLIT_SHOWN[0], SLIT_SHOWN[1], shownGap(gap, round)));
}

/** the share of a slit's shown gap (over the lower lip's band) a lower row shown by slitLowerShow may stand into: a thin row under a dark line, not the slit filled */
export const SLIT_ROW_SHARE = 0.5;
/** the lower lip's band's share of the lip bands lipSurface.ts shownGap takes off the mesh gap (its LOWER_BAND_SQUEEZE .75: 1/.75 of the upper's) */
export const LOWER_BAND_SHARE = 4 / 7;

/**
 * Output px the lower row goes down in a slit it is shown in by slitLowerShow alone: its tips, standing `standing` px over the lower
 * lip's inner line as placed, no higher than the lip's band plus SLIT_ROW_SHARE of the shown gap, by how far the parting's own rule
 * (`teethShow`) leaves it hidden; 0 where that rule shows it (an opening's row is placed as before).
 */
export function slitRowDrop(standing: number, gap: number, round: number, unit: number, teethShow: number, lowerRowShow: number): number {
  if (!(lowerRowShow > teethShow)) return 0;
  const seen = shownGap(gap, round), cap = ((gap - seen) * LOWER_BAND_SHARE + SLIT_ROW_SHARE * seen) * unit;
  return Math.max(0, standing - cap) * (1 - teethShow);
}

/** Px the lower row's tips (`tips` layer px over the jaw's anchor) stand over the lower lip's inner line as placed (less the speech `drop` and the jaw's `follow`, plus the driver's `raise`); null: not known. */
export function rowStanding(p: MouthPlacement, tips: number | null, drop: number, follow: number, raise: number): number | null {
  if (tips === null || p.lowerLipX === undefined || p.lowerLipY === undefined) return null;
  // (the lower lip's inner line under the jaw's anchor along the mouth's down axis, as teethRowLight.ts jawFollow measures it)
  const lipUnder = (p.lowerLipX - p.lowerX) * -p.sin + (p.lowerLipY - p.lowerY) * p.cos;
  return lipUnder + tips * p.scale - drop - follow + raise;
}
