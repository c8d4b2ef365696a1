// The raised lid's lash line, thinner as the lid goes up (white37). A lid going up rolls back into its fold:
// seen from the front its lash line is foreshortened, a thinner line, not the photo's band moved up
// (lp_s42 <- lp_d6 f151: the photo's lash band drawn at its full width along the tall raised arch read as a
// heavy drawn outline; the driver's raised lid shows a thin line). The band's darkness is kept.

/** At a full raise (eyeWide 1 over the photo's) the lash band is this share of the photo's width thinner. */
export const RAISED_LASH_THIN = 0.75;

/** The raised lash band's width over the photo's at `raise` (eyeWide over the photo's, 0..1). */
export function raisedLashWidth(raise: number): number {
  return 1 - RAISED_LASH_THIN * Math.min(1, Math.max(0, raise));
}
