// The rows read under the inner-lip contour (underLip.ts) are lower teeth the driver shows (issue #13, s53 slitgap53).
// underLip.ts reads them with lowerTeeth.ts's own tooth test (and a saturation cap), and since s52 the video jawOpen opens
// by them; but the lower row's show (driverMouthReads.ts, the share lowerTeeth.ts lowerRowShow reads of the column) could
// read 0 on the same frame: reagan_6 f127-128 read .046 IOD of rows under the contour, a share of 0 (driverLowerShow
// .008 after smoothing), and lp_s0's mouth opened by those rows into a black slit with no row where his row shows.
import type { RawFaceFrame } from './faceTracker.ts';
import { lowerShowIod } from './lowerTeeth.ts';
import { seenLipGap } from './underLip.ts';

export const underLipShownSetting = {
  /** the lower row's show (IOD) is at least the rows read under the contour (false: the share's reading alone, as before s53) */
  on: true,
};

/**
 * A frame's lower-row show in IOD (null: no face; undefined: a track from before lowrow35, no reading): the share read times
 * the gap the lips stand apart (underLip.ts seenLipGap), and at least the rows under the contour as they count there.
 */
export function lowerRowRead(r: RawFaceFrame | null, on = underLipShownSetting.on): number | null | undefined {
  if (!r) return null;
  if (r.lowerShow === undefined) return undefined;
  const share = lowerShowIod(r.lowerShow ?? 0, r.m ? seenLipGap(r.m.lipGap, r.underLip) : undefined);
  // (seenLipGap over a zero gap: the rows alone, capped and switched as the opening counts them)
  return on ? Math.max(share, seenLipGap(0, r.underLip)) : share;
}
