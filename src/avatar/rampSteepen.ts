// The matte's soft ramp where the colours cannot place the edge (issue #15, s58 hairedge58).
//
// Where person and old backdrop are alike (st_happy: dark brown hair on a dark green wall, 10-25 levels
// apart) matteEdge.ts cannot re-read the rim from colour, and the segmentation's own ramp stays: 6-8 px
// at the crop's scale, a blur of the segmenter's doubt, not of the photo (whose edges span ~2 source
// px). On the old backdrop that ramp is invisible (hair and wall alike); on a new one it is a grey band
// of hair colour at 20-60 % along the outline. Here such a ramp is steepened about its middle to the
// photo's own edge width; where the colours tell person from backdrop nothing changes.
import { smoothstep } from '../math/smooth.ts';

/** Whether a wide matte ramp the colours cannot read is steepened to the photo's edge width (default on: s58). */
export const rampSteepenSetting = { on: true };

/** Source pixels a photo's sharp edge spans (lens and resampling): the steepened ramp's width. */
export const PHOTO_EDGE_PX = 3;

/** Person-backdrop separation (levels) from which colour places the edge (matteEdge.ts trusts it from 30 to 60). */
export const READABLE_SEPARATION = [30, 60] as const;

/**
 * `alpha` (n, 0-1) with its ramp steepened where `separation` (n, levels; 0 = not read) says the
 * colours cannot tell: the ramp's width (1 / |gradient| of `matte`, px for 0 -> 1) is scaled to
 * PHOTO_EDGE_PX * `scale` (crop px per source px, at least 1) about alpha .5. Pixels with alpha 0 or 1
 * and ramps already that narrow are unchanged.
 */
export function steepenRamp(alpha: Float32Array, matte: ArrayLike<number>, separation: Float32Array, w: number, h: number, scale: number): Float32Array {
  const out = alpha.slice();
  const target = PHOTO_EDGE_PX * Math.max(1, scale);
  for (let y = 1; y < h - 1; y++) for (let x = 1; x < w - 1; x++) {
    const i = y * w + x, a = alpha[i]!;
    if (a <= 0 || a >= 1) continue;
    const k = 1 - smoothstep(READABLE_SEPARATION[0], READABLE_SEPARATION[1], separation[i]!);
    if (k <= 0) continue;
    // the matte's slope over 2 px each way (less noisy than neighbours')
    const x0 = Math.max(0, x - 2), x1 = Math.min(w - 1, x + 2), y0 = Math.max(0, y - 2), y1 = Math.min(h - 1, y + 2);
    const gx = (matte[y * w + x1]! - matte[y * w + x0]!) / (x1 - x0), gy = (matte[y1 * w + x]! - matte[y0 * w + x]!) / (y1 - y0);
    const width = 1 / Math.max(1e-3, Math.hypot(gx, gy));
    if (width <= target) continue;
    const steep = Math.min(1, Math.max(0, 0.5 + (a - 0.5) * (width / target)));
    out[i] = a + k * (steep - a);
  }
  return out;
}
