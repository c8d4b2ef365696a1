// What the rasterizer (raster.ts) is given besides its target: a mesh's per-vertex inputs, or a shader
// that colours the pixels in place of the texture.

/** A shader returns the packed premultiplied RGBA for screen pixel (x, y) with texture coordinate (u, v). */
export type PixelShader = (x: number, y: number, u: number, v: number) => number;

/** Per-vertex inputs of a mesh triangle: screen position, 1/Z, texture position and the turn's shade. */
export interface MeshVertices {
  x: Float32Array;
  y: Float32Array;
  iz: Float32Array;
  uv: Float32Array;
  /** per vertex, the turn's brightness gain in 1/128, at most 128 (render/turn.ts turnShade) */
  shade: Float32Array;
}
