// The far side's rasterizers: skin triangles mixing their own and their mirror partner's texture (a
// turned face's far cheek), and the back of the head drawn under everything already drawn.
import { sampleAt, type TextureSource } from './textureSample.ts';
import type { RasterTarget } from './rasterTarget.ts';
import { farSide } from './raster.ts';
import { mirrorDarkKeep } from './mirrorDarkKeep.ts';
import { sampleAcross, triangleCrossStep } from './stretchCrossBlur.ts';
import { grainAt, grainFactor, grainWeight, partnerScale, partnerTrust } from './stretchGrain.ts';
const scaleOut = new Float64Array(2);

/** Per-vertex inputs of a far-side (mirror-blended) triangle: screen position, 1/Z, both texture positions, mirror share and RGB gain. */
export interface MirrorVertices {
  x: Float32Array;
  y: Float32Array;
  iz: Float32Array;
  uv: Float32Array;
  uvMirror: Float32Array;
  share: Float32Array;
  gain: Float32Array;
  /** per vertex, the turn's brightness gain in 1/128 (as rasterTriangle's g0..g2) */
  shade: Float32Array;
  /** per vertex, how much fine detail its partner may give a stretched triangle (stretchGrain.ts grainReach; absent: none) */
  grain?: Float32Array;
  /** per vertex, where that partner's detail is read (stretchGrain.ts grainPartnerUv; absent: uvMirror) */
  grainUv?: Float32Array;
}

const ownSample = new Float64Array(4), mirrorSample = new Float64Array(4), grainSample = new Float64Array(4), across = new Float64Array(2), grainLum = new Float64Array(2);
/** a sample's texture position [u, v] (sampleAt: passed in an array, not boxed) */
const at = new Float64Array(2);

/**
 * Rasterizes one skin triangle of the far side: two texture samples per pixel, the vertex's own
 * and its mirror partner's (relit by the interpolated gain), mixed by the interpolated mirror share,
 * both shaded by the turn's interpolated shade. `crossBlur`: a stretched triangle's own texels sampled
 * across the stretch (stretchCrossBlur.ts); with `grain` too, the partner's fine detail multiplied into
 * them (stretchGrain.ts).
 * Same coverage, depth and transparency rules as rasterTriangle.
 */
export function rasterTriangleMirror(t: RasterTarget, tex: TextureSource, m: MirrorVertices, ia: number, ib: number, ic: number, crossBlur = false, grain = false): void {
  const W = t.width;
  const { bounds, tri, span, row: rowSpan } = farSide;
  if (!farSide.setup(t, m.x, m.y, ia, ib, ic)) return;
  const minY = bounds[2]!, maxY = bounds[3]!;
  const A0 = tri[0]!, B0 = tri[1]!, C0 = tri[2]!, A1 = tri[3]!, B1 = tri[4]!, C1 = tri[5]!, A2 = tri[6]!, B2 = tri[7]!, C2 = tri[8]!;
  const iz0 = m.iz[ia]!, iz1 = m.iz[ib]!, iz2 = m.iz[ic]!;
  // perspective-correct texture positions (u/Z, v/Z interpolated), affine share and gain (smooth anyway)
  const uv = m.uv, um = m.uvMirror;
  const uz0 = uv[ia * 2]! * iz0, uz1 = uv[ib * 2]! * iz1, uz2 = uv[ic * 2]! * iz2;
  const vz0 = uv[ia * 2 + 1]! * iz0, vz1 = uv[ib * 2 + 1]! * iz1, vz2 = uv[ic * 2 + 1]! * iz2;
  const mu0 = um[ia * 2]! * iz0, mu1 = um[ib * 2]! * iz1, mu2 = um[ic * 2]! * iz2;
  const mv0 = um[ia * 2 + 1]! * iz0, mv1 = um[ib * 2 + 1]! * iz1, mv2 = um[ic * 2 + 1]! * iz2;
  // (the grain's partner positions: the mirror's, or where the mirror keeps off, the symmetric point's)
  const gu = m.grainUv ?? um;
  const ownGrainUv = gu !== um && (gu[ia * 2] !== um[ia * 2] || gu[ia * 2 + 1] !== um[ia * 2 + 1] || gu[ib * 2] !== um[ib * 2] || gu[ib * 2 + 1] !== um[ib * 2 + 1] || gu[ic * 2] !== um[ic * 2] || gu[ic * 2 + 1] !== um[ic * 2 + 1]);
  const gu0 = gu[ia * 2]! * iz0, gu1 = gu[ib * 2]! * iz1, gu2 = gu[ic * 2]! * iz2;
  const gv0 = gu[ia * 2 + 1]! * iz0, gv1 = gu[ib * 2 + 1]! * iz1, gv2 = gu[ic * 2 + 1]! * iz2;
  const s0 = m.share[ia]!, s1 = m.share[ib]!, s2 = m.share[ic]!;
  const h0 = m.shade[ia]!, h1 = m.shade[ib]!, h2 = m.shade[ic]!;
  const g = m.gain;
  const color = t.color, depth = t.depth;
  const tw = tex.width, th = tex.height, td = tex.data32, past = tex.past;
  const eps = farSide.edgeEps;
  // a stretched far band's own texels smoothed across the stretch (stretchCrossBlur.ts)
  const blur = crossBlur && triangleCrossStep(m.x, m.y, uv, ia, ib, ic, across);
  // ... and the partner's fine detail brought back into them (stretchGrain.ts), where a partner exists
  const gr0 = m.grain?.[ia] ?? 0, gr1 = m.grain?.[ib] ?? 0, gr2 = m.grain?.[ic] ?? 0;
  const grainTri = blur && grain && gr0 + gr1 + gr2 > 0 && partnerScale(m.x[ia]!, m.y[ia]!, m.x[ib]!, m.y[ib]!, m.x[ic]!, m.y[ic]!,
    gu[ia * 2]!, gu[ia * 2 + 1]!, gu[ib * 2]!, gu[ib * 2 + 1]!, gu[ic * 2]!, gu[ic * 2 + 1]!, scaleOut)
    ? grainWeight(Math.hypot(across[0]!, across[1]!)) * partnerTrust(scaleOut[0]!, scaleOut[1]!) : 0;
  for (let py = minY; py <= maxY; py++) {
    const cy = py + 0.5;
    if (!rowSpan(py)) continue;
    const lo = span[0]!, hi = span[1]!;
    const cx0 = lo + 0.5;
    let b0 = A0 * cx0 + (B0 * cy + C0), b1 = A1 * cx0 + (B1 * cy + C1), b2 = A2 * cx0 + (B2 * cy + C2);
    let row = py * W + lo;
    for (let px = lo; px <= hi; px++, row++, b0 += A0, b1 += A1, b2 += A2) {
      if (b0 < eps || b1 < eps || b2 < eps) continue;
      const iz = b0 * iz0 + b1 * iz1 + b2 * iz2;
      if (iz <= depth[row]!) continue;
      const rz = 1 / iz;
      at[0] = (b0 * uz0 + b1 * uz1 + b2 * uz2) * rz; at[1] = (b0 * vz0 + b1 * vz1 + b2 * vz2) * rz;
      if (blur) sampleAcross(tex, at, across, ownSample);
      else sampleAt(td, tw, th, past, at, ownSample);
      const s = b0 * s0 + b1 * s1 + b2 * s2;
      const lit = (b0 * h0 + b1 * h1 + b2 * h2) / 128;
      let r = ownSample[0]! * lit, gg = ownSample[1]! * lit, bb = ownSample[2]! * lit, a = ownSample[3]!;
      const gw = grainTri > 0 ? grainTri * (b0 * gr0 + b1 * gr1 + b2 * gr2) : 0;
      if (s > 0.002 || gw > 0) {
        const mu = (b0 * mu0 + b1 * mu1 + b2 * mu2) * rz, mv = (b0 * mv0 + b1 * mv1 + b2 * mv2) * rz;
        at[0] = mu; at[1] = mv;
        sampleAt(td, tw, th, past, at, mirrorSample);
        if (gw > 0 && !ownGrainUv) grainAt(tex, at, mirrorSample, grainLum);
        else if (gw > 0) {
          at[0] = (b0 * gu0 + b1 * gu1 + b2 * gu2) * rz; at[1] = (b0 * gv0 + b1 * gv1 + b2 * gv2) * rz;
          sampleAt(td, tw, th, past, at, grainSample);
          grainAt(tex, at, grainSample, grainLum);
        }
        const mr = lit * mirrorSample[0]! * (b0 * g[ia * 3]! + b1 * g[ib * 3]! + b2 * g[ic * 3]!);
        const mg = lit * mirrorSample[1]! * (b0 * g[ia * 3 + 1]! + b1 * g[ib * 3 + 1]! + b2 * g[ic * 3 + 1]!);
        const mb = lit * mirrorSample[2]! * (b0 * g[ia * 3 + 2]! + b1 * g[ib * 3 + 2]! + b2 * g[ic * 3 + 2]!);
        const sk = s > 0.002 ? s * mirrorDarkKeep(0.3 * r + 0.59 * gg + 0.11 * bb, 0.3 * mr + 0.59 * mg + 0.11 * mb) : 0;
        // the grain on the own share only: the mirror's share already carries the partner's detail
        const gr = gw > 0 ? grainFactor(grainLum[0]!, grainLum[1]!, gw * (1 - sk)) : 1;
        const k = (1 - sk) * gr;
        r = k * r + sk * mr;
        gg = k * gg + sk * mg;
        bb = k * bb + sk * mb;
        a = (1 - sk) * a + sk * mirrorSample[3]!;
      }
      const ai = (a + 0.5) | 0;
      if (ai < 128) {
        if (color[row]! >>> 24 >= ai) continue;
      } else {
        depth[row] = iz;
      }
      // premultiplied: no channel above alpha (the gain may brighten past it)
      if (r > ai) r = ai;
      if (gg > ai) gg = ai;
      if (bb > ai) bb = ai;
      color[row] = (((r + 0.5) | 0) | (((gg + 0.5) | 0) << 8) | (((bb + 0.5) | 0) << 16) | (ai << 24)) >>> 0;
    }
  }
}

/**
 * Rasterizes one triangle BEHIND everything already drawn, whatever its depth: it fills only the
 * transparency left (premultiplied "under": colour += (1 - alpha) * its colour). For the back of
 * the head (avatar/backShell.ts): turned, it shows beside the head through the outline's partly
 * transparent rim and past it, and never over the head or the torso. Keeps no depth.
 */
export function rasterTriangleUnder(t: RasterTarget, tex: TextureSource, x: Float32Array, y: Float32Array, uv: Float32Array, ia: number, ib: number, ic: number): void {
  const W = t.width;
  const { bounds, tri, span, row: rowSpan, edgeEps: EDGE_EPS } = farSide;
  if (!farSide.setup(t, x, y, ia, ib, ic)) return;
  const minY = bounds[2]!, maxY = bounds[3]!;
  const A0 = tri[0]!, B0 = tri[1]!, C0 = tri[2]!, A1 = tri[3]!, B1 = tri[4]!, C1 = tri[5]!, A2 = tri[6]!, B2 = tri[7]!, C2 = tri[8]!;
  const u0 = uv[ia * 2]!, u1 = uv[ib * 2]!, u2 = uv[ic * 2]!, v0 = uv[ia * 2 + 1]!, v1 = uv[ib * 2 + 1]!, v2 = uv[ic * 2 + 1]!;
  const color = t.color, td = tex.data32;
  for (let py = minY; py <= maxY; py++) {
    const cy = py + 0.5;
    if (!rowSpan(py)) continue;
    let row = py * W + span[0]!;
    for (let px = span[0]!; px <= span[1]!; px++, row++) {
      const cx = px + 0.5;
      const b0 = A0 * cx + B0 * cy + C0, b1 = A1 * cx + B1 * cy + C1, b2 = A2 * cx + B2 * cy + C2;
      if (b0 < EDGE_EPS || b1 < EDGE_EPS || b2 < EDGE_EPS) continue;
      const under = color[row]!;
      const left = 255 - (under >>> 24);
      if (left <= 0) continue;
      at[0] = b0 * u0 + b1 * u1 + b2 * u2; at[1] = b0 * v0 + b1 * v1 + b2 * v2;
      sampleAt(td, tex.width, tex.height, tex.past, at, ownSample);
      const k = left / 255;
      let packed = 0;
      for (let ch = 0, s = 0; ch < 4; ch++, s += 8) packed |= Math.min(255, ((under >>> s) & 255) + ownSample[ch]! * k + 0.5 | 0) << s;
      color[row] = packed >>> 0;
    }
  }
}
