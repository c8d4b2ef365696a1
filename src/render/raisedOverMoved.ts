// The raised lid's drawing over the moved eye (tick37). wideEyes.ts writes each drawn texel as
// share x its drawing + (1 - share) x the photo's own texel, and the gaze shader then mixed that texel
// over its moved eye by the same share: where the share is partial (the iris's antialiased edge, the
// hand-over rows at the iris's centre row, the band's end) up to a quarter of the photo's unmoved eye --
// its iris edge, its lid and lash line -- came through beside the moved iris: a short dark stroke in the
// white (lp_s42 <- lp_d6 f76-78, f148-156). Here the photo's part is taken out of the drawn texel and the
// moved eye put in its place: share x drawing + (1 - share) x moved.

/** Packed RGBA: `drawnTexel` (share x drawing + (1 - share) x `restTexel`) with its rest part swapped for `moved`. */
export function drawnOverMoved(moved: number, drawnTexel: number, restTexel: number, share: number): number {
  if (share >= 1) return drawnTexel;
  const keep = 1 - share;
  let out = 0;
  for (let sh = 0; sh < 32; sh += 8) {
    const d = (drawnTexel >>> sh) & 255, r = (restTexel >>> sh) & 255, m = (moved >>> sh) & 255;
    out |= Math.min(255, Math.max(0, Math.round(d + keep * (m - r)))) << sh;
  }
  return out >>> 0;
}

/**
 * The drawing's share at (u, v) weighted as the bilinear texture sample weights its texels (texel centres
 * at integer + 0.5): the rest part of a bilinear drawn sample is the rest's weight over those same texels
 * (the nearest texel's share alone over- or under-took it where the share steps: a light or dark line).
 */
export function bilinearShare(shareAt: (x: number, y: number) => number, u: number, v: number): number {
  const fx = u - 0.5, fy = v - 0.5, ix = Math.floor(fx), iy = Math.floor(fy), ax = fx - ix, ay = fy - iy;
  return (1 - ay) * ((1 - ax) * shareAt(ix + 0.5, iy + 0.5) + ax * shareAt(ix + 1.5, iy + 0.5))
    + ay * ((1 - ax) * shareAt(ix + 0.5, iy + 1.5) + ax * shareAt(ix + 1.5, iy + 1.5));
}
