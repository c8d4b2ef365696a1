// The driver's lower row read per frame has one- and two-frame holes in it (issue #13, s48 toothhole48). pcavs681's "ah"
// (3-9 s cut, f101-f110, gap .16-.31 IOD) shows its lower incisors' edge under a pale tongue in every frame, but the
// reading (lowerTeeth.ts, IOD over the lower lip) went .013 0 .027 .014 .040 0 0 .093 .034 .029: the pale-tongue rows
// (paleTongue.ts) took the whole lower half at f106-f107 and one column's lip edge at f102. The series' 3-frame median
// (mouthDark.ts mouthDarkSeries) then kept the zeros and dropped f105's .040, so the render hid its lower row under the lip
// for f104-f107 (smoothed .020 .014 .003 .009, under lowerShown's .025): a toothless dark hole at 3x (critic47 #3).
// A lower row does not leave and come back within two frames at a steady opening; such a hole between two reads of it is
// the reading's. Filled before the median, up to the lesser of its flanks. Shut lips read none and are no hole to fill.
import { mouthDarkSeries } from './mouthDark.ts';

/** frames each side over which a hole in the reading is filled: holes of up to 2 x HOLE_REACH frames */
export const HOLE_REACH = 1;
/**
 * the least lip gap (IOD, measures.ts lipGap) of a frame whose hole is filled: a closing slit's reads 0 because no row shows
 * in it (lp_d6 f672-f673 at .03-.04 between two bites), a mid opening's because the reading missed it (pcavs681 f106 at .30)
 */
export const HOLE_GAP = 0.1;

/**
 * The per-frame reads of an open mouth (IOD; null: not read open — no face, shut lips) with the holes of up to 2 x `reach` frames
 * between two reads of a shown row filled up to the lesser of the reads either side: a morphological closing (the running max over
 * `reach` frames each side, then the running min) in which no window reaching a null or past the clip's ends takes part. A null
 * stays null, a rise or a fall keeps its place, and a read is never lowered; only frames whose lip gap (`gaps`, IOD) is at least
 * HOLE_GAP are filled.
 */
export function closeLowerHoles(reads: readonly (number | null)[], gaps: readonly (number | undefined)[], reach = HOLE_REACH): (number | null)[] {
  const n = reads.length;
  const window = (i: number, pick: (k: number) => number | null, merge: (a: number, b: number) => number): number | null => {
    let m: number | null = null;
    for (let k = i - reach; k <= i + reach; k++) {
      const x = k >= 0 && k < n ? pick(k) : null;
      if (x === null) return null;
      m = m === null ? x : merge(m, x);
    }
    return m;
  };
  const runMax = reads.map((_, i) => window(i, (k) => reads[k]!, Math.max));
  return reads.map((r, i) => (r === null || !((gaps[i] ?? 0) >= HOLE_GAP) ? r : Math.max(r, window(i, (k) => runMax[k]!, Math.min) ?? r)));
}

// s54 holes54: a thin row read in two frames running is the driver's, not noise. pcavs741 (a small tinted face) shows its lower
// row's edge as a 1-3 px pale line under the dark at f96-f99 and f109-f111; the reading found it at f97 / f98 (.0151 / .0141 IOD)
// and f110 / f111 (.038 / .011, f111 with lowerTeeth.ts UNDER_BLUR), and the series (3-frame median, then a [.25 .5 .25] blur)
// left .0106 and .0083: under the renderer's show (render/mouth/driverLowerRow.ts, from .008 to .025), a black hole where he
// shows his row (critic51-53's worst #1). A lone read is still the median's to drop (a one-frame false read on a lip or tongue).

/** the least read (IOD) that supports a neighbour's: the renderer's first shown read (driverLowerRow.ts SHOWN_FROM) */
export const SUPPORT_MIN = 0.008;
export const keepSupportedSetting = {
  /** a read with a neighbouring read (both >= SUPPORT_MIN) keeps at least its own value through the series (false: as before s54) */
  on: true,
};

/**
 * `median` (the reads' 3-frame median) with each frame whose own read and a neighbour's are both at least SUPPORT_MIN lifted to
 * its own read: a lone read is still the median's to drop, a row seen in consecutive frames keeps what the frame reads.
 */
export function keepSupported(reads: readonly (number | null | undefined)[], median: ArrayLike<number>, on = keepSupportedSetting.on): number[] {
  const read = (i: number) => { const v = reads[i]; return typeof v === 'number' ? v : 0; };
  return Array.from(median, (m, i) => (on && read(i) >= SUPPORT_MIN && (read(i - 1) >= SUPPORT_MIN || read(i + 1) >= SUPPORT_MIN) ? Math.max(m, read(i)) : m));
}

/**
 * The lower row's series (IOD per frame; undefined: no reading): as mouthDark.ts mouthDarkSeries (gaps filled, the 3-frame median,
 * a [.25 .5 .25] blur, 4 decimals) with the median kept at a supported frame's own read before the blur (keepSupported): the
 * blur still softens the row's coming and going (pcavs741 f109-f111 read 0 / .038 / .011: .010 / .022 / .014, not a
 * one-frame pop to .038). `on` false: mouthDarkSeries's values exactly.
 */
export function lowerRowSeries(reads: readonly (number | null | undefined)[], on = keepSupportedSetting.on): number[] | undefined {
  return mouthDarkSeries(reads, (median) => keepSupported(reads, median, on));
}
