// A faint lower row drawn faint, not dropped (issue #13, holes55). driverLowerRow.ts shows the driver's lower row by its reading
// (IOD over the driver's lower lip) on a smoothstep .008-.025 that moves the row's tips from under the lip (-.012) up to MIN_SHOWN
// (.055): the lower lip's inner band (.02-.03 IOD at a speech opening) hides the tips until that share is past ~.85, so nothing
// showed under a reading of ~.02 and a full, lit row came in over the last .005 — a cliff, not a ramp. st_art_1 <- pcavs741
// f97/f98 (read .011: the driver's pale lower row 1-3 px under his dark, 224 px video) drew a black hole.
// Here a reading from FAINT_FROM stands the tips over the band by its share of the way to the full stand, so the row's visible
// height grows in proportion to the reading (.011: about a third of a full row's), and its light lifts by the same share.
import { clamp01 } from '../../math/smooth.ts';

export const faintLowerRowSetting = { on: true };

/** the reading (IOD) from which the row stands over the band (pcavs741's toothless frames f96/f99 read .0035-.0038 after the series' blur) */
export const FAINT_FROM = 0.004;
/** the reading at which the row stands as driverLowerRow.ts's full show (its SHOWN_FULL) */
export const FAINT_FULL = 0.025;

/** Whether a reading (IOD) is a faint row's (the setting on and the reading at least FAINT_FROM). */
export function faintShown(reading: number): boolean {
  return faintLowerRowSetting.on && reading >= FAINT_FROM;
}

/** The faint row's share of a full row, 0..1: in proportion to the reading past FAINT_FROM; 0 under it or with the setting off. */
export function faintShare(reading: number): number {
  return faintShown(reading) ? clamp01((reading - FAINT_FROM) / (FAINT_FULL - FAINT_FROM)) : 0;
}

/**
 * How far (IOD) the tips of a faintly read row stand over the lower lip's inner line: the lip's inner `band` (IOD: the row's tips
 * hidden up to it) plus the share faintShare of the rest of the way to `shown`, the full stand; -Infinity (no say) when not faint.
 */
export function faintStand(shown: number, reading: number, band: number): number {
  if (!faintShown(reading)) return -Infinity;
  return band + Math.max(0, shown - band) * faintShare(reading);
}
