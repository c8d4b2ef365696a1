// A turn's revealed texture positions kept off the lips (issue #15, s50 farside50).
//
// reveal.ts pulls the steep bands' texture positions inward (toward the face centre) and smooths the
// pull over the mesh. Beside a far mouth corner that sits near the outline (lp_s10, a face turned 34°
// in the photo: corner 61 at x 183, the outline at ~170) "inward" is the lip: the skin vertices just
// past the corner (202, 57, 135) moved 2-5 px onto the painted lip's soft red edge (redness .07-.10
// -> .16-.17), so a turn toward that side drew a second, paler lip lobe beside the corner under the
// mirror's skin: the doubled far lip. Here a skin vertex's pull stops where the texels along it turn
// redder than its own by REDDER of the lips' excess over the cheeks and lip-red (LIP_EDGE), so its
// revealed texel is no more lip than its own.
import type { RgbaImage } from '../types.ts';
import { lipRedness } from './farLipOnTurn.ts';
import { eyeCornerDistance, LIPS_OUTER_UPPER, LIPS_OUTER_LOWER } from '../rig/topology.ts';

/** A pull stops where the redness rises this share of (lips - cheeks) above the vertex's own texel. */
const REDDER = 0.2;
/** ... and only onto the lip: past this share of the way from the cheeks' redness to the lips' (an outline vertex on the dark backdrop skips a light rim onto skin, rim.ts: skin is redder than the backdrop but no lip). */
const LIP_EDGE = 0.3;
/** A texel this dark (R + G + B) is no lip: the redness ratio of a near-black backdrop is noise (lp_s10's sheet band clearing onto it read .2). */
const MIN_SUM = 150;
/** Only pulls ending within this many eye distances of the lips' box (redness alone also finds an ear or a warm hair edge), and
 *  above it only ABOVE_LIPS (the nostrils' dark red is no lip: lp_s42's moved at ±25). */
const NEAR_LIPS = 0.25, ABOVE_LIPS = 0.05;
/** How far short of that texel a shortened pull stops (px), so the bilinear taps stay on the vertex's side. */
const SKIN_MARGIN = 1;
/** Samples along a pull (its length is at most ~.07 face widths, a few px at 512). */
const STEPS = 16;

/** Whether the keep-out is on (default true; false leaves the reveal as before s50). */
export const revealOffLipsSetting = { on: true };

/**
 * Shortens, in place, each non-lip vertex's pull (uv -> uvRevealed, texture px) that reaches texels
 * of `image` (unpremultiplied photo; landmarks `flat`) redder than its own (lipRedness). Returns how
 * many vertices changed. A photo whose lips are not redder than its cheeks is left alone.
 */
export function keepRevealOffLips(image: RgbaImage, flat: Float64Array, uv: ArrayLike<number>, uvRevealed: Float32Array, lipPoints: ReadonlySet<number>, vertexCount: number): number {
  if (!revealOffLipsSetting.on) return 0;
  const red = lipRedness(image, flat);
  if (!red) return 0;
  const rise = REDDER * (red.lip - red.skin), lipEdge = red.skin + LIP_EDGE * (red.lip - red.skin);
  const iod = eyeCornerDistance(flat, 2), m = NEAR_LIPS * iod;
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const i of [...LIPS_OUTER_UPPER, ...LIPS_OUTER_LOWER]) {
    x0 = Math.min(x0, flat[i * 3]!); x1 = Math.max(x1, flat[i * 3]!); y0 = Math.min(y0, flat[i * 3 + 1]!); y1 = Math.max(y1, flat[i * 3 + 1]!);
  }
  let changed = 0;
  for (let v = 0; v < vertexCount; v++) {
    if (lipPoints.has(v)) continue;
    const u0 = uv[v * 2]!, w0 = uv[v * 2 + 1]!;
    const du = uvRevealed[v * 2]! - u0, dw = uvRevealed[v * 2 + 1]! - w0;
    const len = Math.hypot(du, dw);
    if (len < 0.25) continue;
    const ex = u0 + du, ey = w0 + dw;
    if (ex < x0 - m || ex > x1 + m || ey < y0 - ABOVE_LIPS * iod || ey > y1 + m) continue;
    const limit = Math.max(red.at(u0, w0) + rise, lipEdge);
    // the first texel along the pull that is redder than the limit
    let hit = -1;
    for (let k = 1; k <= STEPS && hit < 0; k++) {
      const x = u0 + (du * k) / STEPS, y = w0 + (dw * k) / STEPS;
      if (red.sum(x, y) >= MIN_SUM && red.at(x, y) > limit) hit = k;
    }
    if (hit < 0) continue;
    const keep = Math.max(0, ((hit - 1) / STEPS) * len - SKIN_MARGIN) / len;
    uvRevealed[v * 2] = u0 + du * keep;
    uvRevealed[v * 2 + 1] = w0 + dw * keep;
    changed++;
  }
  return changed;
}
