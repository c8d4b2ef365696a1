// The light a pixel keeps under a ceiling (lid30): the slit's white and the lid's pale edge are brought down to the
// lid skin's light with a soft knee, so they keep a little modelling. Shared by slitHighlight.ts and lidEdgeShade.ts.

/** Above the ceiling, this share of the excess light is kept (a soft knee: the white keeps a little modelling). */
const KNEE_KEEP = 0.25;

/** Luma of a packed RGBA (r in the low byte). */
export function lumaOf(p: number): number {
  return 0.299 * (p & 255) + 0.587 * ((p >>> 8) & 255) + 0.114 * ((p >>> 16) & 255);
}

/** The light factor bringing luma l under ceiling `ceil` with a soft knee, at strength s (1 = whole). */
export function ceilingLight(l: number, ceil: number, s: number): number {
  if (l <= ceil || l <= 0) return 1;
  const target = ceil + KNEE_KEEP * (l - ceil);
  return 1 - s * (1 - target / l);
}
