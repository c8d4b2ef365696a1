// A bite with the lips parted: the driver's two rows meet (issue #13, bite54). The upper row is fixed to the skull and hangs
// from the rest position of the upper lip (placement.ts); the lower row rides the jaw and stands its show over the lower lip
// (driverLowerRow.ts, teethRowLight.ts jawFollow). Where a driver parts her lips over shut teeth (lp_s1 <- Katie f129/f144/f146:
// the upper lip raised off the upper row, the lower lip dropped off the lower, two lit rows filling the opening) the rig opens
// the mouth with its jaw and leaves the upper lip near rest: our upper row's tips hung .04 IOD under the lip, the lower row
// stood .055 over its lip, and the .09 IOD between them was drawn as the open mouth's dark cavity and tongue.
// The driver's readings tell a bite: its upper row hangs down its opening (DRIVER_TEETH_DEPTH) to where its lower row stands
// (DRIVER_LOWER_SHOW over its lower lip), with no dark between. There our rows meet where the driver's do (its lower row's
// share of its opening), the upper row down and the lower row up (back toward the jaw that carries it), a thin line between,
// as far as the driver's rows meet; where they stand apart (speech, a wide opening, a tongue) nothing changes,
// nor without readings (audio motions) or on a photo's own lower row.
// s58 (grin58): a photo's own upper row bites too (lp_s11 <- styletalk_andrew f91/f111: the child's own row hung a band under
// the lip over a dark "O" where the driver grins with both rows; `photoRows`), and a grin's wide parting meets with the band
// between its rows counted as a share of the opening (`meetShare`: andrew f101 .04 IOD of a .22 IOD opening).
// s59 (grin59): the rows' readings under-read a grin whose lips part further over shut teeth (andrew f123 -> f124: the row's depth
// .666 -> .571 of the opening, the lower row .056 -> .038 IOD, so .05 IOD "between" them) while its opening's middle shows no
// dark at all (cavity .002): the bite fell 1 -> .25 in one frame and the child's teeth popped to a dark "O" (f0, f124-126).
// What lies between the rows is dark only as far as the driver's middle is (`seenDark`).
import { clamp01, smoothstep } from '../../math/smooth.ts';
import { lowerShown } from './driverLowerRow.ts';
import { teethSeen } from './driverTeeth.ts';

export const biteRowsSetting = {
  on: true,
  /** the dark (IOD) left between the driver's rows over which they go from meeting to apart */
  meet: [0.015, 0.045] as [number, number],
  /** (s58 grin58) ... and at least these shares of the opening's height: a grin's rows filling a wide opening (.21-.22 IOD) but for
   * .04-.06 IOD of shade between them (styletalk_andrew f0/f101) meet as a speech slit's do ([0, 0]: the IOD window alone) */
  meetShare: [0.1, 0.3] as [number, number],
  /** the line (IOD) left between our rows where they meet: at least a bite's thin dark line (the rows not fused), at most a
   * speech opening's dark band; in between the driver's own dark (its cavity share of the opening: biteLine) */
  line: [0.012, 0.05] as [number, number],
  /** the most (IOD) the upper row goes down: its crown under the anchor's lip, never its top edge */
  most: 0.09,
  /** the driver's tongue reading (driverCavity.ts: its lit run from the opening's bottom up, over the height) over which a tongue it shows stays drawn in a bite */
  tongue: [0.15, 0.3] as [number, number],
  /** the most share of the parting the lower row takes where the rows meet (a real bite's lower row is the shorter: the upper overlaps it) */
  lowerMost: 0.45,
  /** (s58 grin58) the bite on a photo's own upper teeth too (over the library rows: one rigid layer, moved as the library row is) */
  photoRows: true,
  /** (s59 grin59) the dark (IOD) between the driver's rows is at most its measured dark middle (DRIVER_CAVITY, a share of the
   * opening's middle) times the opening's height, plus this much: the rows' under-reads are not a dark gap (undefined: off) */
  seenDark: 0.02 as number | undefined,
  /** (s59 grin59) ... for rows read this far apart (IOD) and fading out by the second: a grin's under-read band is .04-.077 IOD
   * (styletalk_andrew f0/f124), while lp_d6's tongue and wide-open frames (f46-f106) read .086-.25 IOD with a lit tongue and no dark */
  seenDarkReach: [0.065, 0.085] as [number, number],
  /** (s59 grin59) ... where the middle's dark share (DRIVER_CAVITY) is under the first, fading out by the second: andrew's grins read
   * 0-.06; lp_d6's lit tongues .10-.14 (speech, the rows apart), lp_d10 f93's black band .38 */
  seenDarkCavity: [0.05, 0.1] as [number, number],
};

/**
 * The dark (IOD) between the driver's rows: `between` (from its rows' readings) as far as its middle's `cavity` share of the
 * `gap` shows dark (seenDark), where the rows read near (seenDarkReach) and the middle shows (next to) no dark (seenDarkCavity);
 * farther apart, or over a dark middle, the readings stand.
 */
export function darkBetween(between: number, gap: number, cavity: number | undefined): number {
  const s = biteRowsSetting, slack = s.seenDark;
  if (slack === undefined || cavity === undefined || !Number.isFinite(cavity)) return between;
  const near = (1 - smoothstep(s.seenDarkReach[0], s.seenDarkReach[1], between)) * (1 - smoothstep(s.seenDarkCavity[0], s.seenDarkCavity[1], cavity));
  return between + near * (Math.min(between, Math.max(0, cavity) * gap + slack) - between);
}

/**
 * How far (0..1) the driver's rows meet: in its opening `gap` IOD tall (our mesh's, which the retarget matches to the driver's),
 * the dark left between its upper row (hanging `depth` of the height from the upper lip) and its lower row (`lowerShow` IOD over the
 * lower lip), as far as its lower row is shown and its opening shows teeth (`share`), and its middle shows dark (`cavity`, DRIVER_CAVITY:
 * darkBetween). 0 without readings.
 */
export function rowsMeet(gap: number, depth: number | undefined, lowerShow: number | undefined, share: number | undefined, cavity?: number): number {
  const s = biteRowsSetting;
  if (!s.on || depth === undefined || !Number.isFinite(depth) || share === undefined || !Number.isFinite(share)) return 0;
  const k = lowerShown(lowerShow);
  if (!k) return 0;
  const between = darkBetween(gap * (1 - clamp01(depth)) - lowerShow!, gap, cavity);
  return k * teethSeen(share) * (1 - smoothstep(Math.max(s.meet[0], s.meetShare[0] * gap), Math.max(s.meet[1], s.meetShare[1] * gap), between));
}

/** The dark line (IOD) left between our rows where they meet: the driver's dark middle (its `cavity` share of an opening `gap` IOD tall), within the setting's line. */
export function biteLine(gap: number, cavity: number | undefined): number {
  const [least, most] = biteRowsSetting.line;
  return Math.min(most, Math.max(least, (cavity !== undefined && Number.isFinite(cavity) ? cavity : 0) * gap));
}

/** The rows' moves in a bite (output px): the upper row down, the lower row up. */
export interface BiteMoves { drop: number; raise: number }

/**
 * Where the rows meet in a bite, as the driver's do: `meet` (rowsMeet) of the way to a line (`line` IOD, biteLine) between our rows' tips,
 * laid where the driver's lower row takes `lowerShare` (its show over its gap) of the parting seen between the lips' inner
 * surfaces (`seenTop`..`seenBottom`). The lower row goes up to it by at most `raiseMost` px (back to where the jaw carries it,
 * never higher); the upper row goes down to it (or to the lower row's tips, if those stand higher), no deeper than the driver's
 * `depth` share of the opening (`upperLip` its top, `height` px), at most `most` IOD. Every position is px down the mouth's axis
 * from one origin; `unit` px per IOD.
 */
export function biteMoves(meet: number, line: number, upperTips: number, lowerTips: number, seenTop: number, seenBottom: number, lowerShare: number, raiseMost: number, upperLip: number, height: number, depth: number, unit: number, out: BiteMoves): BiteMoves {
  out.drop = 0; out.raise = 0;
  if (!(meet > 0)) return out;
  const s = biteRowsSetting, half = 0.5 * line * unit;
  const at = seenBottom - Math.min(s.lowerMost, Math.max(0, lowerShare)) * Math.max(0, seenBottom - seenTop);
  const raise = Math.min(Math.max(0, raiseMost), Math.max(0, lowerTips - (at + half)));
  const to = Math.min(at - half, lowerTips - raise - 2 * half, upperLip + clamp01(depth) * height);
  out.raise = meet * raise;
  out.drop = meet * Math.min(s.most * unit, Math.max(0, to - upperTips));
  return out;
}

/** How far the tongue goes behind the rows in a bite (0..1): `bite` (rowsMeet), where the driver shows no tongue of its own (`tongue`, DRIVER_TONGUE; absent: none). */
export function tongueBehindRows(bite: number, tongue: number | undefined): number {
  if (!(bite > 0)) return 0;
  const [from, full] = biteRowsSetting.tongue;
  return bite * (1 - smoothstep(from, full, tongue !== undefined && Number.isFinite(tongue) ? tongue : 0));
}
