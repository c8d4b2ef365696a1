// A turned far side's lost grain (issue #15, s49 palemask49: lp_s10's "pale flat mask" at +25). The side
// a turn shows was seen at a grazing angle: its few texel columns are magnified 2-3x along the stretch
// (and smoothed across it, stretchCrossBlur.ts), so the painting's craquelure, skin pores or film grain
// are gone there and the cheek reads as a smooth porcelain mask beside the near half's texture. The
// mirror partner (the same point on the other half, seen squarely) holds that fine detail at about the
// scale the turned far side is now drawn at. This pass keeps the far side's own colour and broad shading
// and multiplies in only the partner's fine luminance detail: its sample over the mean of 4 taps GRAIN.radius
// texels around it, kept within 1 - GRAIN.darker .. 1 + GRAIN.lighter and faded out to twice that (a crease,
// the nose flank's shadow edge, a hair strand across the partner's cheek or a lash differ by far more: they are
// the partner's features, not its grain, and never carry over), weighted by how stretched the triangle is, by
// how round the partner's texels land on it (partnerTrust: a partner that is itself a grazing band has
// only dashes to give) and by the share the mirror does not already draw, and never from a partner on the face's rim (grainReach).
import { sampleAt, type TextureSource } from './textureSample.ts';
import type { Avatar } from '../avatar/types.ts';
import { FACE_OVAL, MESH_POINT_COUNT, NOSE_POINTS, eyeCornerDistance } from '../rig/topology.ts';
import { FACE_MIRROR } from '../rig/faceMirror.ts';
import { distanceToOutline, insidePolygon } from '../math/polygon.ts';
import { smooth01 } from '../math/smooth.ts';
import { TRIANGLE_STRETCH_SIZE, triangleStretch } from '../math/triangleStretch.ts';

export const GRAIN = {
  /** texels between the partner's sample and each of its 4 mean taps (the detail kept is finer than this) */
  radius: 2,
  /** largest relative darkening the grain makes (a crack of the craquelure is ~10-20% darker than its cells); none past twice it */
  darker: 0.16,
  /** largest relative lightening: less, the partner's highlights (a nostril's or lip's sheen) lifted already pale
   * skin into white flecks at +0.14); none past twice it */
  lighter: 0.05,
  /** the partner's smallest texels per pixel (its magnification along the way it is drawn out) where the grain is gone, and where it is whole */
  drawnOut: [0.4, 0.6] as const,
  /** the partner's largest texels per pixel where the grain starts to fade, and where it is gone (a fold in the mirror's mapping) */
  packed: [4, 8] as const,
  /** cross-blur step (texels, stretchCrossBlur's (a - 1), capped at 2) at which the grain reaches full weight */
  fullStep: 1,
};

/** Premultiplied luminance of an RGBA sample (the mirror blend's weights). */
const lum = (s: Float64Array): number => 0.3 * s[0]! + 0.59 * s[1]! + 0.11 * s[2]!;

/**
 * The grain factor: a sample's luminance over its neighbourhood mean (offset by 4 so dark pairs do not
 * explode) as a departure d = ratio - 1, kept while -darker <= d <= lighter, faded linearly to 0 at twice
 * that (a feature, not grain), then pulled toward 1 by `weight` (0..1). Pure.
 */
export function grainFactor(centre: number, mean: number, weight: number, darker = GRAIN.darker, lighter = GRAIN.lighter): number {
  if (weight <= 0) return 1;
  const d = (centre + 4) / (mean + 4) - 1;
  const lim = d < 0 ? darker : lighter, a = Math.abs(d);
  const kept = a <= lim ? d : a >= 2 * lim ? 0 : Math.sign(d) * (2 * lim - a);
  return 1 + weight * kept;
}

/** The grain's weight for a triangle whose cross-blur step is `stepTexels` (0 when no stretch). */
export function grainWeight(stepTexels: number): number {
  return stepTexels <= 0 ? 0 : Math.min(1, stepTexels / GRAIN.fullStep);
}

const tap = new Float64Array(4), side = new Float64Array(2);
/**
 * Fine luminance detail of the texture at `at` ([u, v]): the luminance of `centre` (already sampled there) over
 * the mean of the 4 taps `radius` texels away along u and v (returned as [centre, mean] in `out`).
 * (Positions in arrays, textureSample.ts sampleAt: the rasterizer's per-pixel call boxes no doubles.)
 */
export function grainAt(tex: TextureSource, at: Float64Array, centre: Float64Array, out: Float64Array, radius = GRAIN.radius): void {
  const { data32: td, width: tw, height: th, past } = tex;
  const u = at[0]!, v = at[1]!;
  let m = 0;
  side[0] = u - radius; side[1] = v; sampleAt(td, tw, th, past, side, tap); m += lum(tap);
  side[0] = u + radius; side[1] = v; sampleAt(td, tw, th, past, side, tap); m += lum(tap);
  side[0] = u; side[1] = v - radius; sampleAt(td, tw, th, past, side, tap); m += lum(tap);
  side[0] = u; side[1] = v + radius; sampleAt(td, tw, th, past, side, tap); m += lum(tap);
  out[0] = lum(centre);
  out[1] = m / 4;
}

const jac = new Float64Array(TRIANGLE_STRETCH_SIZE);

/**
 * How the partner's texture maps onto a screen triangle: its singular values (texels per pixel), smallest
 * and largest, into out[0], out[1]; false when degenerate. Pure.
 */
export function partnerScale(x0: number, y0: number, x1: number, y1: number, x2: number, y2: number,
  u0: number, v0: number, u1: number, v1: number, u2: number, v2: number, out: Float64Array): boolean {
  if (!triangleStretch(x0, y0, x1, y1, x2, y2, u0, v0, u1, v1, u2, v2, jac)) return false;
  const mid = jac[7]!, rad = jac[8]!;
  out[0] = Math.sqrt(Math.max(0, mid - rad));
  out[1] = Math.sqrt(mid + rad);
  return true;
}

/**
 * The grain's trust in a partner mapped onto the triangle with singular values sMin..sMax (texels per
 * pixel): 1 where none of its texels is drawn out much past a pixel, 0 where the partner is itself a
 * grazing band magnified along one way (its detail would be dashes: lp_s12's outer cheek at -25, sMin
 * .14-.42 against sMax ~1) or where the mirror's mapping folds (sMax 8-60 texels per pixel on a few of
 * lp_s10's triangles by the nose: noise). A partner squeezed a little (sMax 1-4) keeps its grain: finer,
 * not streaked. Pure.
 */
export function partnerTrust(sMin: number, sMax: number): number {
  const [d0, d1] = GRAIN.drawnOut, [p0, p1] = GRAIN.packed;
  return smooth01((sMin - d0) / (d1 - d0)) * smooth01((p1 - sMax) / (p1 - p0));
}

/** Face widths inside the oval where the grain starts, and where it is whole (GRAIN's neighbours). */
export const GRAIN_RIM = [0.03, 0.1] as const;

/**
 * Per vertex, how much grain its partner may give (0..1): 0 without a partner elsewhere in the texture
 * (uvMirror = uv) and on the oval's rim, whole GRAIN_RIM[1] face widths inside it. A partner on the rim
 * lies on the near side's own outline (the cheek against an ear, hair or backdrop): its "detail" is that
 * edge, which drew a thin dark pen line down st_art_1's far outline at +25. Read where the photo shows the
 * partner (its texture position, crop pixels as the rest mesh): the vertex's own rest position is no
 * guide on a side the photo saw edge-on (all of lp_s10's far cheek lies within 0.1 face widths of it).
 */
export function grainReach(avatar: Avatar, partnerUv: Float32Array = avatar.uvMirror): Float32Array {
  const n = avatar.vertexCount, r = avatar.rest, fw = avatar.head.faceWidth;
  const oval = FACE_OVAL.map((i) => [r[i * 3]!, r[i * 3 + 1]!] as [number, number]);
  const out = new Float32Array(n);
  for (let v = 0; v < Math.min(n, MESH_POINT_COUNT); v++) {
    if (partnerUv[v * 2] === avatar.uv[v * 2] && partnerUv[v * 2 + 1] === avatar.uv[v * 2 + 1]) continue;
    const x = partnerUv[v * 2]!, y = partnerUv[v * 2 + 1]!;
    if (!insidePolygon(x, y, oval)) continue;
    out[v] = smooth01((distanceToOutline(x, y, oval) / fw - GRAIN_RIM[0]) / (GRAIN_RIM[1] - GRAIN_RIM[0]));
  }
  return out;
}

/** Eye distances from the nose's points (neutral face) within which grainPartnerUv adds no partner (turnTexturing.ts NOSE_KEEP's outer end). */
export const GRAIN_NOSE_KEEP = 0.2;

/** Switch for grainPartnerUv (s51 farjaw51; one option per setting). */
export const grainPartnerSetting = { on: true };

/**
 * Per vertex, where the grain reads its partner's detail (s51 farjaw51: lp_s10 +25's smooth far cheek under the eye):
 * the mirror's texture position where the mirror has one (avatar.uvMirror), and on the other face-mesh points with a
 * mirror-symmetric landmark, that landmark's texture position. The mirror keeps its colour off the eyes' and the
 * nose's surrounds (a copied eye or nose flank shows as a ghost: turnTexturing.ts), so those far-side points had no
 * partner and no grain either: the cheek under lp_s10's far eye stayed a smooth pale band. The grain only takes the
 * partner's fine luminance within -GRAIN.darker .. +GRAIN.lighter and drops anything stronger (a lash, a lid line, a
 * nostril's shadow edge), so reading there brings cracks and pores, not features. Not beside the nose (within
 * GRAIN_NOSE_KEEP eye distances of its points on the person's neutral face): a nostril's rim is dark by no more than
 * the grain keeps and drew a grey speck beside lp_s10's far nose wing at +25.
 */
export function grainPartnerUv(avatar: Avatar): Float32Array {
  const out = Float32Array.from(avatar.uvMirror), mirror = FACE_MIRROR, uv = avatar.uv, N = avatar.rig.neutral;
  const keep = GRAIN_NOSE_KEEP * eyeCornerDistance(N);
  const nearNose = (v: number) => NOSE_POINTS.some((q) => Math.hypot(N[v * 3]! - N[q * 3]!, N[v * 3 + 1]! - N[q * 3 + 1]!, N[v * 3 + 2]! - N[q * 3 + 2]!) < keep);
  for (let v = 0; v < Math.min(avatar.vertexCount, MESH_POINT_COUNT); v++) {
    const p = mirror[v]!;
    if (p < 0 || p === v || p >= MESH_POINT_COUNT || nearNose(v)) continue;
    if (out[v * 2] !== uv[v * 2] || out[v * 2 + 1] !== uv[v * 2 + 1]) continue;
    out[v * 2] = uv[p * 2]!; out[v * 2 + 1] = uv[p * 2 + 1]!;
  }
  return out;
}
