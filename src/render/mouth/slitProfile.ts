// A nearly shut slit's darkness laid down per column as a soft line at its sub-pixel centre (issue #13/#15, s59 edge59;
// critic58 "seam58's gathered slit is a pixel staircase": st_happy + japanese f37-39, lp_s11 <- andrew1 f18).
//
// seam58 (thinSlit.ts gatherCover) moved each column's darkness into its darkest row: even beads, but the line then sits on
// whole rows and steps a row every 8-10 columns along a sloping slit (a hard 1-px staircase at 3x). What a camera shows at a
// 2-3 px parting is a shadow whose middle moves smoothly along the mouth and which is spread over 2-3 rows by the lens and the
// sensor (a real one, amy at 1.2 s: a dip 4-6 rows tall). Here each column keeps its darkness (the ink, the sum of its rows' cover) and its middle (the ink's centroid, which
// the area-covered raster already carries at sub-pixel precision), the middles are smoothed along the slit (the slit's line
// is smooth; a single column's centroid is noisy), and the ink is laid back as an even band SLIT_HEIGHT px tall, each row taking
// its share: the darkest row holds the same share at every sub-pixel phase, so the line neither beads nor steps.
// Pure functions; the pass that reads and writes pixels stays in thinSlit.ts.

/** The soft line's height (px): the ink spread evenly over a band this tall around the middle, each row taking the share
 *  of the band it holds. At 2 px the darkest row holds half the ink whatever the middle's sub-pixel phase ([.25 .5 .25] on a
 *  row's centre, [.5 .5] on a boundary): no beads, no whole-row steps. A real near-shut parting at this scale (amy, pcavs
 *  00373 at 1.2 s, IOD ~125 px) dips over 4-6 rows; the photo's own rest seam (st_happy) over ~3. */
export const SLIT_HEIGHT = 2;

/** The band's darkest cover: a column's ink over 2 rows' worth at this (the lips' own inner shading read as cover with the
 *  core, st_happy f38: 1.7-2.5 rows' worth) makes the band taller, not a solid 2-px bar. */
export const PEAK_COVER = 0.85;

/** The band's darkest row is kept at least this share of a row's worth of the column's (smoothed) ink, min(1, ink): where
 *  seam58's gathering made a row whole, the soft line keeps one row as dark (a 1.3 px core's ink laid 2 px tall alone read
 *  a light line, mt_man jawOpen .02: 33, then 27 at .9, against its shut seam's 27; test/lipOpening.test.ts wants < .9 of it). */
export const DARK_KEEP = 1;

/** Columns either side the middles are smoothed over (a tent of this half-width + 1). */
export const MIDDLE_REACH = 2;

/** The share of a unit line of height `height` centred at `middle` (px; row y spans [y, y + 1]) that falls in row y. */
export function rowShare(y: number, middle: number, height = SLIT_HEIGHT): number {
  const lo = Math.max(y, middle - height / 2), hi = Math.min(y + 1, middle + height / 2);
  return hi > lo ? (hi - lo) / height : 0;
}

/** The ink's centroid (px, in the rows' coordinates: row y spans [y, y + 1]) of covers `cover` on rows `ys`; NaN with no ink. */
export function inkMiddle(ys: readonly number[], cover: readonly number[]): number {
  let ink = 0, m = 0;
  for (let r = 0; r < ys.length; r++) { ink += cover[r]!; m += cover[r]! * (ys[r]! + 0.5); }
  return ink > 0 ? m / ink : NaN;
}

/** Per column middles (NaN: no slit there) smoothed along the slit by a tent over MIDDLE_REACH columns either side (pure). */
export function smoothMiddles(middle: readonly number[], reach = MIDDLE_REACH): number[] {
  return smoothAlong(middle, middle, reach);
}

/**
 * Per column values (e.g. the ink) smoothed along the slit as smoothMiddles smooths the middles (the same neighbours: those
 * with a slit whose middle lies within 1.5 px of this one's). The raster's covers vary column to column by a third or more
 * where a sloping core crosses rows (a bead every few columns); the line's darkness along the mouth does not.
 */
export function smoothAlong(value: readonly number[], middle: readonly number[], reach = MIDDLE_REACH): number[] {
  return middle.map((m, x) => {
    if (m !== m) return value[x]!;
    let s = 0, w = 0;
    for (let j = Math.max(0, x - reach); j <= Math.min(middle.length - 1, x + reach); j++) {
      const v = middle[j]!;
      // a neighbour far off this one's middle is another part of the mouth (a corner's turn): not averaged in
      if (v !== v || Math.abs(v - m) > 1.5) continue;
      const k = reach + 1 - Math.abs(j - x);
      s += k * value[j]!; w += k;
    }
    return s / w;
  });
}

/**
 * One column's covers (0..1 on rows `ys`, as thinSlit.ts reads them) laid back as a soft line at `middle` (pure): `ink` (by
 * default the covers' sum; thinSlit.ts passes it smoothed along the slit) shared among the rows by rowShare over a band
 * minHeight px tall or, with more ink than PEAK_COVER fills, taller (renormalised over the rows there are), no row over 1
 * (what a row cannot hold goes to its neighbours), the darkest row raised to `floor` if under it (ink added there: the line
 * stays as dark as the slit was), then mixed with the covers as they were by `k` (0..1).
 */
export function softLine(ys: readonly number[], cover: readonly number[], middle: number, k: number, ink = cover.reduce((a, b) => a + b, 0), floor = 0, minHeight = SLIT_HEIGHT): number[] {
  if (!(ink > 0) || middle !== middle) return cover.slice();
  // a column with more ink than the band holds at PEAK_COVER: the band taller (the lips' inner shading is in the ink too)
  const height = Math.max(minHeight, ink / PEAK_COVER);
  const share = ys.map((y) => rowShare(y, middle, height));
  const total = share.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return cover.slice();
  const laid = share.map((s) => (ink * s) / total);
  // the band's darkest row no lighter than `floor` (the slit's own darkest, as thinSlit.ts passes it): a parting stays
  // a dark line, at least as dark as the photo's shut seam (test/lipOpening.test.ts), not a light one
  const most = Math.max(...laid);
  if (most > 0 && most < floor) for (let r = 0; r < laid.length; r++) laid[r] = (laid[r]! * floor) / most;
  // a dark core over a row's worth: the excess to the neighbours, largest first (ink kept)
  for (let pass = 0; pass < 2; pass++) for (let r = 0; r < laid.length; r++) {
    const over = laid[r]! - 1;
    if (!(over > 0)) continue;
    laid[r] = 1;
    const up = r > 0 ? 1 - laid[r - 1]! : 0, down = r + 1 < laid.length ? 1 - laid[r + 1]! : 0;
    if (up + down <= 0) continue;
    if (r > 0) laid[r - 1]! += (over * up) / (up + down);
    if (r + 1 < laid.length) laid[r + 1]! += (over * down) / (up + down);
  }
  return cover.map((c, r) => c + k * (Math.min(1, laid[r]!) - c));
}
