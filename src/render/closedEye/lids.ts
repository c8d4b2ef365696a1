// Fitting the library's shut lid to the photo's lids, per patch column: the library lid's edge is
// laid on the photo's lower lid line and its crease on the photo's crease; the lid between is
// stretched to fit.
import { eyeGeometry, lineAt, type ClosedEyePatch } from './library.ts';

/** A line in the eye frame: v at each u. */
export type Line = { u: number[]; v: number[] };
/** One photo eye: its frame and lines (library.ts eyeGeometry). */
export type EyeGeometry = ReturnType<typeof eyeGeometry>[number];

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

/** The shut lid's edge on the photo at uc (0..1). */
export function shutAt(g: EyeGeometry, uc: number): number {
  const low = lineAt(g.lower, uc);
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
