// How a screen triangle's affine texture map stretches texels: the far side's cross blur and grain both ask
// how many texels one screen pixel spans, least and most, and along which direction.

/**
 * The affine map from a triangle's screen corners (x, y) to its texture corners (u, v): out = [ux, uy, vx, vy],
 * the texture change per screen pixel along x and y (the Jacobian J = [[ux, uy], [vx, vy]]); then J^T J =
 * [[a, b], [b, c]] into out[4..6] and its eigenvalues' half-sum and radius into out[7], out[8], so the singular
 * values (texels per pixel, least and most) are sqrt(mid - rad) and sqrt(mid + rad). False when the screen
 * triangle is degenerate. Pure; out has 9 entries.
 */
export function triangleStretch(x0: number, y0: number, x1: number, y1: number, x2: number, y2: number,
  u0: number, v0: number, u1: number, v1: number, u2: number, v2: number, out: Float64Array): boolean {
  const ex1 = x1 - x0, ey1 = y1 - y0, ex2 = x2 - x0, ey2 = y2 - y0;
  const det = ex1 * ey2 - ex2 * ey1;
  if (Math.abs(det) < 1e-6) return false;
  const du1 = u1 - u0, dv1 = v1 - v0, du2 = u2 - u0, dv2 = v2 - v0;
  const ux = (du1 * ey2 - du2 * ey1) / det, uy = (du2 * ex1 - du1 * ex2) / det;
  const vx = (dv1 * ey2 - dv2 * ey1) / det, vy = (dv2 * ex1 - dv1 * ex2) / det;
  const a = ux * ux + vx * vx, b = ux * uy + vx * vy, c = uy * uy + vy * vy;
  out[0] = ux; out[1] = uy; out[2] = vx; out[3] = vy;
  out[4] = a; out[5] = b; out[6] = c;
  out[7] = (a + c) / 2; out[8] = Math.sqrt(((a - c) / 2) ** 2 + b * b);
  return true;
}

/** Entries triangleStretch writes. */
export const TRIANGLE_STRETCH_SIZE = 9;
