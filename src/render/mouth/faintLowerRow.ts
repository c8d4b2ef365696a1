// A faint lower row drawn faint, not dropped (issue #13, holes55). driverLowerRow.ts shows the driver's lower row by its reading
// (IOD over the driver's lower lip) on a smoothstep .008-.025 that moves the row's tips from under the lip (-.012) up to MIN_SHOWN
// (.055): the lower lip's inner band (.02-.03 IOD at a speech opening) hides the tips until that share is past ~.85, so nothing
// showed under a reading of ~.02 and a full, lit row came in over the last .005 — a cliff, not a ramp. st_art_1 <- pcavs741
// f97/f98 (read .011: the driver's pale lower row 1-3 px under his dark, 224 px video) drew a black hole.
// Here a reading from FAINT_FROM stands the tips over the band by its share of the way to the full stand, so the row's visible
// height grows in proportion to the reading (.011: about a third of a full row's), and its light lifts by the same share.
import { clamp01, smoothstep } from '../../math/smooth.ts';

export const faintLowerRowSetting = { on: true, standPow: 0.5 };

/** the reading (IOD) past which the row stands over the band: the series' [.25 .5 .25] blur spills a quarter of a neighbour's read onto a toothless frame (pcavs741 f96/f99 .0035-.0038 beside .015), and lowerTeeth.test.ts / slitLowerRow.test.ts hold .005-.006 as no row */
export const FAINT_FROM = 0.006;
/** the reading at which the row stands as driverLowerRow.ts's full show (its SHOWN_FULL) */
export const FAINT_FULL = 0.025;

/** Whether a reading (IOD) is a faint row's (the setting on and the reading past FAINT_FROM). */
export function faintShown(reading: number, trust = 1): boolean {
  return faintLowerRowSetting.on && trust > 0 && reading > FAINT_FROM;
}

/**
 * How far a faint reading is trusted, 0..1, by the driver's upper-row share (driverTeeth): a faint lower reading under a shown
 * upper row is as often the row's light spilling past the dark line (Katie f147/f150/f198 read .015-.018 under her upper teeth,
 * driverTeeth .19-.56, and show a dark band over her lip) as a lower row; under a dark opening with no upper row read
 * (pcavs741 f97, driverTeeth 0) the pale line is the lower teeth. And by the driver's cavity dark (driverCavity): in a lit
 * opening the faint pale line is a forward tongue's wet rim (lp_d6 f67 cavity .09, klob f55 .18, both a tongue up to the lips)
 * more often than teeth, while the faint rows read in dark openings (pcavs741 f97 .52, Reagan f63 .75, pcavs681 f37 .26) keep
 * their trust. Absent (audio): 0; a cavity not read: no say.
 */
export function faintTrust(driverTeeth: number | undefined, driverCavity?: number): number {
  if (driverTeeth === undefined || !Number.isFinite(driverTeeth)) return 0;
  const underNoUpperRow = 1 - smoothstep(TRUST_TEETH[0], TRUST_TEETH[1], driverTeeth);
  const inDarkOpening = driverCavity === undefined || !Number.isFinite(driverCavity) ? 1 : smoothstep(TRUST_CAVITY[0], TRUST_CAVITY[1], driverCavity);
  return underNoUpperRow * inDarkOpening;
}
/** upper-row shares over which a faint reading stops being trusted */
export const TRUST_TEETH = [0.05, 0.15] as const;
/** the driver's cavity dark over which a faint reading comes to be trusted (below: a lit opening, a forward tongue's rim) */
export const TRUST_CAVITY = [0.1, 0.25] as const;

/** The faint row's share of a full row, 0..1: in proportion to the reading past FAINT_FROM; 0 under it or with the setting off. */
export function faintShare(reading: number, trust = 1): number {
  return faintShown(reading, trust) ? clamp01(trust) * clamp01((reading - FAINT_FROM) / (FAINT_FULL - FAINT_FROM)) : 0;
}

/**
 * How far (IOD) the tips of a faintly read row stand over the lower lip's inner line: the lip's inner `band` (IOD: the row's tips
 * hidden up to it) plus the share faintShare of the rest of the way to `shown`, the full stand; -Infinity (no say) when not faint.
 */
export function faintStand(shown: number, reading: number, band: number, trust = 1): number {
  if (!faintShown(reading, trust)) return -Infinity;
  return band + Math.max(0, shown - band) * Math.pow(faintShare(reading, trust), faintLowerRowSetting.standPow);
}
