// Which rendered pixels are the eyeball (lid30). The eyeball sits behind the lids and is drawn with
// a depth bias (../eyes.ts EYEBALL_DEPTH_BIAS 0.99), so its pixels' 1/z is a little under the lids'
// around them. The mid-blink passes (lidShadow.ts, slitHighlight.ts) told them apart by one number
// per eye, a share of the farthest lid point's 1/z: on a turned head the near half of the eyeball is
// nearer than the far corner, so its pixels read as skin and kept the open eye's light (lp_s12's
// inner white, a grey-white band with a glint in a half-shut eye, lp_d14 f119-f166). Here the bound
// follows the lids across the eye: per column, a share of the nearer-to-far lid line's 1/z there.
import { EYE_COLUMNS, columnOf } from './eyeColumns.ts';

/** The eyeball's pixels are at most this share of the lids' 1/z in their column (the bias is 0.99). */
export const EYEBALL_BELOW = 0.995;

/**
 * Per column across the eye (u 0..1 in EYE_COLUMNS steps), the largest 1/z an eyeball pixel has:
 * EYEBALL_BELOW times the lesser of the upper and lower lid lines' 1/z at that u (u ascending).
 */
export function eyeballDepthBounds(upperU: readonly number[], upperIz: readonly number[], lowerU: readonly number[], lowerIz: readonly number[]): Float32Array {
  const out = new Float32Array(EYE_COLUMNS);
  for (let c = 0; c < EYE_COLUMNS; c++) {
    const u = c / (EYE_COLUMNS - 1);
    out[c] = EYEBALL_BELOW * Math.min(along(upperU, upperIz, u), along(lowerU, lowerIz, u));
  }
  return out;
}

/** Whether a pixel of 1/z iz at eye-frame u is the eyeball (bounds from eyeballDepthBounds). */
export function isEyeball(iz: number, u: number, bounds: Float32Array): boolean {
  return iz > 0 && iz <= bounds[columnOf(u)]!;
}

/** A line's value at u (straight between its points, u ascending; held past the ends). */
function along(u: readonly number[], val: readonly number[], x: number): number {
  let k = 0;
  while (k + 2 < u.length && x > u[k + 1]!) k++;
  const t = Math.max(0, Math.min(1, (x - u[k]!) / (u[k + 1]! - u[k]! || 1)));
  return val[k]! + t * (val[k + 1]! - val[k]!);
}
