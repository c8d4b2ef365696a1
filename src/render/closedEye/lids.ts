// Fitting the library's shut lid to the photo's lids, per patch column: the library lid's edge is
// laid on the photo's lower lid line and its crease on the photo's crease; the lid between is
// stretched to fit.
import { eyeGeometry, lineAt, type ClosedEyePatch } from './library.ts';
import { PATCH_W, PATCH_H } from './frame.ts';
import { cellU, cellV } from './grid.ts';

/** A line in the eye frame: v at each u. */
export type Line = { u: number[]; v: number[] };
/** One photo eye: its frame and lines (library.ts eyeGeometry). */
export type EyeGeometry = ReturnType<typeof eyeGeometry>[number];

/**
 * The patch cells (index r x PATCH_W + c), column by column, over u in [u0, u1] that lie d in [d0, d1] eye widths under
 * the photo's lower lid line: the cheek band the lid's skin light, tone and grain are read from.
 */
export function cellsUnderLowerLid(g: EyeGeometry, [u0, u1]: readonly [number, number], [d0, d1]: readonly [number, number]): number[] {
  const cells: number[] = [];
  for (let c = 0; c < PATCH_W; c++) {
    const u = cellU(c);
    if (u < u0 || u > u1) continue;
    const low = lineAt(g.lower, u);
    for (let r = 0; r < PATCH_H; r++) {
      const d = cellV(r) - low;
      if (d >= d0 && d <= d1) cells.push(r * PATCH_W + c);
    }
  }
  return cells;
}

/**
 * Where the shut lid's edge lies: this share of the way from the photo's lower lid line up to its
 * upper lid line. 0: the upper lid comes down onto the lower lid line, as in a real blink; a lash
 * line drawn higher leaves the photo's lower lid below it and reads as a narrow open eye (the
 * read-back of 24 faces: 0.15 -> 0 lowered the shut openings on most, never raised them much).
 */
const SHUT_LINE = 0;
/** Bounds of the stretch of the library's lid between its crease and its shut edge. */
const STRETCH_MIN = 0.6, STRETCH_MAX = 1.6;

/** The crease at uc (0..1), kept at least 0.05 eye widths above the upper lid (photo or library). */
export function creaseAt(g: { lid: Line; crease: Line }, uc: number): number {
  return Math.min(lineAt(g.lid, uc) - 0.05, lineAt(g.crease, uc));
}

/**
 * s53 (lidring53), off: a real shut line sags less below the corners' line than the same eye's open lower lid
 * (the lower lid rises in its middle as the lids meet): the four library candidates' 8 eyes, face mesh, shut
 * lower line / open lower line (12 frames before and after) sag .024-.062 / .038-.142, ratio .35-.62, median
 * about .47; the photos' lower lids sag .07-.28 (lp_s11's child .21: a deep U-shaped lash line). `on` lays the
 * shut line at `share` of the lower lid's depth below the corners' line; it flattens lp_s11's U but the blink
 * read-back got worse on 14 portraits (bench/blink.ts median .24 -> .29, eye pixels left .03 -> .19: the
 * library's dark band under its lash line lands on the lower lid skin), so it stays off.
 */
export const shutSagSetting = { on: false, share: 0.5 };

/** The shut lid's edge on the photo at uc (0..1): the lower lid line, its depth below the corners' line (v 0, frame.ts) scaled by shutSagSetting. */
export function shutAt(g: EyeGeometry, uc: number): number {
  const low = lineAt(g.lower, uc) * (shutSagSetting.on ? shutSagSetting.share : 1);
  return low - SHUT_LINE * (low - lineAt(g.lid, uc));
}

/**
 * For one patch column (uc 0..1): the library's v for the photo's v. The shut lines coincide; above
 * them the lid is stretched so the creases coincide too.
 */
export function libraryColumn(g: EyeGeometry, lib: ClosedEyePatch, uc: number): (v: number) => number {
  const crease = creaseAt(g, uc), shut = shutAt(g, uc);
  const aLid = lineAt(lib.lid, uc), aCrease = creaseAt(lib, uc);
  const stretch = Math.min(STRETCH_MAX, Math.max(STRETCH_MIN, (aLid - aCrease) / (shut - crease)));
  return (v) => (v >= shut ? aLid + (v - shut) : aLid + (v - shut) * stretch);
}
