// Triangle rasterizer over typed arrays: pixel-centre sampling, z-buffer on 1/Z (larger = nearer),
// perspective-correct texture coordinates, bilinear sampling of a premultiplied RGBA texture.
// Nothing is allocated per triangle or per pixel.

export interface RasterTarget {
  width: number;
  height: number;
  /** premultiplied RGBA of the person layer */
  color: Uint8ClampedArray;
  /** 1/Z of the nearest surface so far (0 = empty) */
  depth: Float32Array;
}

/** Per-pixel colour source for a triangle: samples a texture, or a procedural shader. */
export interface TextureSource {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** A shader writes premultiplied RGBA for screen pixel (x, y) with texture coordinate (u, v) into out[o..o+3]. */
export type PixelShader = (x: number, y: number, u: number, v: number, out: Uint8ClampedArray, o: number) => void;

/**
 * Rasterizes one triangle. Screen positions (x, y) in output pixels, iz = 1/Z, (u, v) texture pixels.
 * With `shader` set the texture is not sampled and the shader writes the colour.
 */
export function rasterTriangle(
  t: RasterTarget,
  x0: number, y0: number, iz0: number, u0: number, v0: number,
  x1: number, y1: number, iz1: number, u1: number, v1: number,
  x2: number, y2: number, iz2: number, u2: number, v2: number,
  tex: TextureSource,
  shader: PixelShader | null,
): void {
  const area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
  if (area > -1e-9 && area < 1e-9) return;
  const W = t.width, H = t.height;
  let minX = Math.floor(Math.min(x0, x1, x2)), maxX = Math.ceil(Math.max(x0, x1, x2));
  let minY = Math.floor(Math.min(y0, y1, y2)), maxY = Math.ceil(Math.max(y0, y1, y2));
  if (minX < 0) minX = 0;
  if (minY < 0) minY = 0;
  if (maxX > W - 1) maxX = W - 1;
  if (maxY > H - 1) maxY = H - 1;
  if (minX > maxX || minY > maxY) return;
  const inv = 1 / area;
  // Barycentric weight of vertex k at (px, py) = edge function of the opposite edge / area.
  // b0 = ((x1 - px)(y2 - py) - (x2 - px)(y1 - py)) / area, linear: b0 = A0 px + B0 py + C0.
  const A0 = (y1 - y2) * inv, B0 = (x2 - x1) * inv, C0 = (x1 * y2 - x2 * y1) * inv;
  const A1 = (y2 - y0) * inv, B1 = (x0 - x2) * inv, C1 = (x2 * y0 - x0 * y2) * inv;
  const A2 = (y0 - y1) * inv, B2 = (x1 - x0) * inv, C2 = (x0 * y1 - x1 * y0) * inv;
  const uz0 = u0 * iz0, uz1 = u1 * iz1, uz2 = u2 * iz2;
  const vz0 = v0 * iz0, vz1 = v1 * iz1, vz2 = v2 * iz2;
  const color = t.color, depth = t.depth;
  const tw = tex.width, th = tex.height, td = tex.data;
  const eps = -1e-7;
  for (let py = minY; py <= maxY; py++) {
    const cy = py + 0.5;
    const cx0 = minX + 0.5;
    let b0 = A0 * cx0 + B0 * cy + C0;
    let b1 = A1 * cx0 + B1 * cy + C1;
    let b2 = A2 * cx0 + B2 * cy + C2;
    let row = py * W + minX;
    for (let px = minX; px <= maxX; px++, row++, b0 += A0, b1 += A1, b2 += A2) {
      if (b0 < eps || b1 < eps || b2 < eps) continue;
      const iz = b0 * iz0 + b1 * iz1 + b2 * iz2;
      if (iz <= depth[row]!) continue;
      const rz = 1 / iz;
      const u = (b0 * uz0 + b1 * uz1 + b2 * uz2) * rz;
      const v = (b0 * vz0 + b1 * vz1 + b2 * vz2) * rz;
      const o = row * 4;
      if (shader !== null) {
        depth[row] = iz;
        shader(px, py, u, v, color, o);
        continue;
      }
      // bilinear, texel centres at integer + 0.5
      let fx = u - 0.5, fy = v - 0.5;
      if (fx < 0) fx = 0;
      else if (fx > tw - 1) fx = tw - 1;
      if (fy < 0) fy = 0;
      else if (fy > th - 1) fy = th - 1;
      const ix = fx | 0, iy = fy | 0;
      const ax = fx - ix, ay = fy - iy;
      const ix1 = ix + 1 < tw ? ix + 1 : ix, iy1 = iy + 1 < th ? iy + 1 : iy;
      const p00 = (iy * tw + ix) * 4, p10 = (iy * tw + ix1) * 4, p01 = (iy1 * tw + ix) * 4, p11 = (iy1 * tw + ix1) * 4;
      const w00 = (1 - ax) * (1 - ay), w10 = ax * (1 - ay), w01 = (1 - ax) * ay, w11 = ax * ay;
      const a = td[p00 + 3]! * w00 + td[p10 + 3]! * w10 + td[p01 + 3]! * w01 + td[p11 + 3]! * w11;
      // Mostly transparent fragments (matte fringe, background parts of the sheet) never occlude:
      // they keep no depth and only paint where nothing more opaque is already drawn.
      if (a < 128) {
        if (color[o + 3]! >= a) continue;
      } else {
        depth[row] = iz;
      }
      color[o] = td[p00]! * w00 + td[p10]! * w10 + td[p01]! * w01 + td[p11]! * w11;
      color[o + 1] = td[p00 + 1]! * w00 + td[p10 + 1]! * w10 + td[p01 + 1]! * w01 + td[p11 + 1]! * w11;
      color[o + 2] = td[p00 + 2]! * w00 + td[p10 + 2]! * w10 + td[p01 + 2]! * w01 + td[p11 + 2]! * w11;
      color[o + 3] = a;
    }
  }
}
