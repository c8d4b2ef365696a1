// Per-triangle tests that choose the rasterizer's fast paths (raster.ts): whether affine texture
// coordinates are close enough to perspective-correct ones, and whether every sample lies inside the
// texture. Pure: they read the triangle's set-up arrays, called once per triangle (not per row or pixel).

/**
 * Where depth barely varies over a triangle, affine texture coordinates are within 0.1 px of
 * perspective-correct ones: the pixel loops skip the per-pixel division there. attr: [iz0, iz1, iz2, ...]
 * (1/Z first), bounds: its pixel bounds [minX, maxX, minY, maxY].
 */
export function affineEnough(attr: Float64Array, bounds: Int32Array): boolean {
  const iz0 = attr[0]!, iz1 = attr[1]!, iz2 = attr[2]!;
  const izMin = Math.min(iz0, iz1, iz2), izMax = Math.max(iz0, iz1, iz2);
  return ((izMax - izMin) / izMin) * Math.max(bounds[1]! - bounds[0]!, bounds[3]! - bounds[2]!) < 0.4;
}

/**
 * Every pixel of a triangle samples inside a tw x th texture with room for the bilinear's second
 * texel (u, v in [0.5, size - 1]): its texture positions are weighted means of the corners' (the
 * weights dip to raster.ts EDGE_EPS below 0 on an edge: the margin covers that overshoot); and the
 * texture is small enough for 16.16 fixed-point positions. attr: [iz x3, u0, u1, u2, v0, v1, v2, ...].
 */
export function uvInside(attr: Float64Array, tw: number, th: number): boolean {
  const uLo = Math.min(attr[3]!, attr[4]!, attr[5]!), uHi = Math.max(attr[3]!, attr[4]!, attr[5]!);
  const vLo = Math.min(attr[6]!, attr[7]!, attr[8]!), vHi = Math.max(attr[6]!, attr[7]!, attr[8]!);
  const mu = 0.5 + 0.01 * (uHi - uLo), mv = 0.5 + 0.01 * (vHi - vLo);
  return uLo - mu >= 0.5 && vLo - mv >= 0.5 && uHi + mu <= tw - 1 && vHi + mv <= th - 1 && tw < 32768 && th < 32768;
}
