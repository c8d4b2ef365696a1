// A turned far side's streaks (issue #15, s45 turn45). Where a turn shows a band the photo saw at a
// grazing angle (lp_s10's far cheek at +25), its few texels are magnified along one screen direction
// (x) and not the other: bilinear sampling keeps every texel's full detail across the stretch, so each
// crack, lash or speck becomes a dash along it — the far half reads as horizontally streaked. A real
// surface seen squarely would show that detail round, not drawn out. The fix: per triangle, from the
// screen -> texture Jacobian, the screen direction along which texels are most magnified (the streak
// direction) and the anisotropy a = largest / smallest texels per pixel; the own texture is then
// sampled as a 3-tap mean along the texture direction ACROSS the streak, d = STRENGTH * (a - 1) texels
// apart (capped), so the detail across the streak is smoothed as much as the stretch already smoothed it
// along. Only where magnified (fewer than MAGNIFIED texels per pixel along the streak) and a > MIN_ANISO:
// the photo's pose maps texels 1:1 and is untouched, and only on turns (renderer option `stretchCrossBlur`).
import { sampleAt, type TextureSource } from './textureSample.ts';
import { TRIANGLE_STRETCH_SIZE, triangleStretch } from '../math/triangleStretch.ts';

export const STRETCH_BLUR = {
  /** degrees of yaw (relative to the photo) below which nothing changes: a near-frontal frame's anisotropic
   * triangles are a blink's or a mouth's, not a turn's (at any yaw the lids' were blurred: lp_s10's mid-blink
   * white fleck, whiteOnLid.test, lost its light to this pass at yaw -0.5) */
  minYaw: 10,
  /** anisotropy below which nothing changes */
  minAniso: 1.35,
  /** texels per pixel along the streak below which the texture counts as magnified */
  magnified: 0.9,
  /** tap spacing, texels per unit of (a - 1) */
  strength: 1,
  /** largest tap spacing, texels */
  maxStep: 2,
};

const jac = new Float64Array(TRIANGLE_STRETCH_SIZE);

/**
 * The cross-streak tap step (du, dv) in texels for a triangle with screen positions (x, y) and texture
 * positions (u, v) at its corners, or null where no blur applies (degenerate, not magnified, isotropic).
 * Pure: the affine Jacobian's singular directions.
 */
export function crossStretchStep(x0: number, y0: number, x1: number, y1: number, x2: number, y2: number,
  u0: number, v0: number, u1: number, v1: number, u2: number, v2: number, out: Float64Array, opts = STRETCH_BLUR): boolean {
  if (!triangleStretch(x0, y0, x1, y1, x2, y2, u0, v0, u1, v1, u2, v2, jac)) return false;
  // J = [[ux, uy], [vx, vy]]: texture change per screen pixel; J^T J = [[a, b], [b, c]]: squared texels per pixel
  const ux = jac[0]!, uy = jac[1]!, vx = jac[2]!, vy = jac[3]!, a = jac[4]!, b = jac[5]!, c = jac[6]!, mid = jac[7]!, rad = jac[8]!;
  const sMax = Math.sqrt(mid + rad), sMin = Math.sqrt(Math.max(0, mid - rad));
  if (sMin >= opts.magnified || sMin < 1e-6) return false;
  const aniso = sMax / sMin;
  if (aniso < opts.minAniso) return false;
  // screen direction of sMax (eigenvector of J^T J for mid + rad), mapped into the texture
  let sx = b, sy = mid + rad - a;
  if (Math.abs(sx) + Math.abs(sy) < 1e-9) { sx = a >= c ? 1 : 0; sy = a >= c ? 0 : 1; }
  const tu = ux * sx + uy * sy, tv = vx * sx + vy * sy, tl = Math.hypot(tu, tv);
  if (tl < 1e-9) return false;
  const step = Math.min(opts.maxStep, opts.strength * (aniso - 1));
  out[0] = (tu / tl) * step;
  out[1] = (tv / tl) * step;
  return true;
}

const tap = new Float64Array(4), side = new Float64Array(2);

/**
 * sampleInto at `at` ([u, v]), then averaged (1/4, 1/2, 1/4) with the samples `step` ([du, dv]) texels to
 * either side. (Positions in arrays, textureSample.ts sampleAt: the rasterizer's per-pixel call boxes no doubles.)
 */
export function sampleAcross(tex: TextureSource, at: Float64Array, step: Float64Array, out: Float64Array): void {
  const { data32: td, width: tw, height: th, past } = tex;
  const u = at[0]!, v = at[1]!, du = step[0]!, dv = step[1]!;
  sampleAt(td, tw, th, past, at, out);
  let r = out[0]! * 2, g = out[1]! * 2, bl = out[2]! * 2, al = out[3]! * 2;
  side[0] = u - du; side[1] = v - dv;
  sampleAt(td, tw, th, past, side, tap);
  r += tap[0]!; g += tap[1]!; bl += tap[2]!; al += tap[3]!;
  side[0] = u + du; side[1] = v + dv;
  sampleAt(td, tw, th, past, side, tap);
  r += tap[0]!; g += tap[1]!; bl += tap[2]!; al += tap[3]!;
  out[0] = r / 4; out[1] = g / 4; out[2] = bl / 4; out[3] = al / 4;
}

/** crossStretchStep for mesh triangle (ia, ib, ic) given per-vertex screen x, y and texture uv (interleaved). */
export function triangleCrossStep(x: Float32Array, y: Float32Array, uv: Float32Array, ia: number, ib: number, ic: number, out: Float64Array): boolean {
  return crossStretchStep(x[ia]!, y[ia]!, x[ib]!, y[ib]!, x[ic]!, y[ic]!,
    uv[ia * 2]!, uv[ia * 2 + 1]!, uv[ib * 2]!, uv[ib * 2 + 1]!, uv[ic * 2]!, uv[ic * 2 + 1]!, out);
}

/**
 * Whether triangle (ia, ib, ic) is face mesh (all corners below `meshPoints`) on the half a turn by
 * `yaw` (relative to the photo) brings into view: left of the nose bridge's screen x for yaw > 0.
 * The head sheet (hair, ears, turban) and the half turning away keep their sampling: there the
 * magnification comes from the reveal's pulls and the sheet's spread, not a surface seen squarely.
 */
export function onRevealedFace(x: Float32Array, ia: number, ib: number, ic: number, meshPoints: number, noseX: number, yaw: number): boolean {
  if (ia >= meshPoints || ib >= meshPoints || ic >= meshPoints || yaw === 0) return false;
  const cx = (x[ia]! + x[ib]! + x[ic]!) / 3;
  return yaw > 0 ? cx < noseX : cx > noseX;
}
