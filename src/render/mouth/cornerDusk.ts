// The dusky shade under the lower lip's end (issue #13, photomouth39 after notch38). A photo's mouth corner sits in a
// shade of about .7-.85 of the light round it; cornerSkin.ts lifts only what is darker than .7 (the notch) as the
// lips part. What is left under the lower lip's end goes down with the jaw while the corner stays, and the
// stretched triangles drew it as a dark wedge under the lip's end (st_full_body_1 + eng f94-98). Lifting the whole
// .7-.85 band (notch38) cost a grin its own corner dark, which the face mesh reads the corners by (grinRendered:
// lp_s2's open smile read 4.6 % narrow). So the band is lifted only under the lower lip's end: below the mouth's
// axis through the corner and below the chord from the corner to the lower lip's outer line two landmarks in.
// The corner's dark along the lip line and above it (a grin's crease runs out and up) keeps the .7 rule.

/** pixels under the lower lip's end darker than this share of the disc's light are lifted (cornerSkin.ts DARK elsewhere) */
export const DUSK = 0.85;

type Xy = readonly [number, number];

/**
 * Whether the point (x, y) lies under the lower lip's end of the corner `corner`: below the mouth's axis (the line
 * through the corner toward `other`, the far corner; `chin`, the lower lip's middle, tells which side is down), out
 * past the corner more below it than out, and on
 * the chin's side of the chord from the corner to `lowerLip` (the lower lip's outer line a little way in).
 */
export function underLowerLipEnd(x: number, y: number, corner: Xy, other: Xy, lowerLip: Xy, chin: Xy): boolean {
  const ux = other[0] - corner[0], uy = other[1] - corner[1];
  const dx = lowerLip[0] - corner[0], dy = lowerLip[1] - corner[1];
  const side = (px: number, py: number) => (px - corner[0]) * dy - (py - corner[1]) * dx;
  // (the chin's side of the chord: that of the normal to the mouth's axis pointing the chin's way; the chord is
  // steep, so its line carried on may pass either side of the chin itself)
  let nx = -uy, ny = ux;
  if ((chin[0] - corner[0]) * nx + (chin[1] - corner[1]) * ny < 0) { nx = -nx; ny = -ny; }
  // below the axis; out past the corner, more below it than out (a grin's crease runs out along the lip line)
  const down = (x - corner[0]) * nx + (y - corner[1]) * ny, along = (x - corner[0]) * ux + (y - corner[1]) * uy;
  if (down <= 0 || -along >= down) return false;
  const chinSide = side(corner[0] + nx, corner[1] + ny);
  return chinSide !== 0 && side(x, y) * chinSide > 0;
}
